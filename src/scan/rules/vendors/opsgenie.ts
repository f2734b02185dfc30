import type { Rule } from '../../types.js';
import { UUID, assigned, fakeUuid, plausible } from './kit-m-z.js';

export const OPSGENIE_RULES: readonly Rule[] = [
  {
    id: 'opsgenie-api-key',
    description: 'Opsgenie API key (a UUID) given to an Opsgenie key name or sent as GenieKey',
    keywords: ['opsgenie', 'geniekey'],
    pattern: assigned('opsgenie', UUID, { kind: 'key|token|secret', or: '\\bGenieKey\\s{1,3}' }),
    entropy: 3.1,
    validate: plausible,
    examples: {
      positive: [
        `OPSGENIE_API_KEY=${fakeUuid('opsgenie-1')}`,
        `curl -H "Authorization: GenieKey ${fakeUuid('opsgenie-2')}" https://api.opsgenie.com/v2/alerts`,
      ],
      negative: [
        'OPSGENIE_API_KEY=12345678-1234-1234-1234-123456789012',
        'curl -H "Authorization: GenieKey $OPSGENIE_API_KEY" https://api.opsgenie.com/v2/alerts',
        `OPSGENIE_TEAM_ID=${fakeUuid('opsgenie-3')}`,
      ],
    },
  },
];
