import type { Rule } from '../../types.js';
import { UUID, assigned, fakeUuid, plausible } from './kit-m-z.js';

export const POSTMARK_RULES: readonly Rule[] = [
  {
    id: 'postmark-server-token',
    description: 'Postmark server or account API token (a UUID) given to a Postmark token name or header',
    keywords: ['postmark'],
    pattern: assigned('postmark', UUID, { kind: 'token|key|secret' }),
    entropy: 3.1,
    validate: plausible,
    examples: {
      positive: [
        `POSTMARK_SERVER_TOKEN=${fakeUuid('postmark-1')}`,
        `curl -H "X-Postmark-Server-Token: ${fakeUuid('postmark-2')}" https://api.postmarkapp.com/email`,
      ],
      negative: [
        'POSTMARK_SERVER_TOKEN=POSTMARK_API_TEST',
        'curl -H "X-Postmark-Server-Token: $POSTMARK_SERVER_TOKEN" https://api.postmarkapp.com/email',
        `POSTMARK_MESSAGE_STREAM_ID=${fakeUuid('postmark-3')}`,
      ],
    },
  },
];
