import type { Rule } from '../../types.js';
import { HEX, assigned, fake, plausible } from './kit-m-z.js';

export const SENDBIRD_RULES: readonly Rule[] = [
  {
    id: 'sendbird-access-token',
    description: 'Sendbird master or secondary API token (40 hex) given to a Sendbird token name',
    keywords: ['sendbird'],
    pattern: assigned('sendbird', '[0-9a-f]{40}', { kind: 'token|key|secret' }),
    entropy: 3.1,
    validate: plausible,
    examples: {
      positive: [
        `SENDBIRD_API_TOKEN=${fake(HEX, 40, 'sendbird-1')}`,
        `  sendbirdApiToken: '${fake(HEX, 40, 'sendbird-2')}',`,
      ],
      negative: [
        `SENDBIRD_APP_ID=${fake(HEX, 8, 'sendbird-3').toUpperCase()}-${fake(HEX, 4, 'sendbird-4').toUpperCase()}`,
        `SENDBIRD_WEBHOOK_COMMIT=${fake(HEX, 40, 'sendbird-5')}`,
        "  sendbirdApiToken: process.env.SENDBIRD_API_TOKEN ?? '',",
      ],
    },
  },
];
