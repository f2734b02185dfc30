import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Looker API3 credentials: a 20-character client id and a 24-character client secret
// (cloud.google.com/looker/docs/api-auth); the secret is found in a Looker setting.

const fake = fakes('looker');

export const LOOKER_RULES: readonly Rule[] = [
  {
    id: 'looker-client-secret',
    description: 'Looker API client secret (24 characters, in a Looker setting)',
    keywords: ['looker'],
    pattern: /looker[\w.-]{0,20}?secret[\w.-]{0,8}?["'\]]{0,2}\s{0,3}(?::=|=>|[:=])\s{0,3}["'`]?(?<secret>[A-Za-z0-9]{24})(?![\w-])/i,
    entropy: 3.5,
    examples: {
      positive: [
        `LOOKERSDK_CLIENT_SECRET=${fake.alnum(24)}`,
        `  looker_client_secret: "${fake.alnum(24)}"`,
      ],
      negative: [
        'LOOKERSDK_CLIENT_SECRET=${LOOKERSDK_CLIENT_SECRET}',
        `LOOKERSDK_CLIENT_ID=${fake.alnum(20)}`,
      ],
    },
  },
];
