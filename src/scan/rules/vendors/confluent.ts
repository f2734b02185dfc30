import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Confluent Cloud API keys are 16 upper-case characters (an id); their secrets are 64 characters
// with no prefix (docs.confluent.io "Manage API keys"). The secret is found in a Confluent setting.

const fake = fakes('confluent');

export const CONFLUENT_RULES: readonly Rule[] = [
  {
    id: 'confluent-api-secret',
    description: 'Confluent Cloud API secret (64 characters, in a Confluent setting)',
    keywords: ['confluent'],
    pattern: /confluent[\w.-]{0,24}?secret[\w.-]{0,8}?["'\]]{0,2}\s{0,3}(?::=|=>|[:=])\s{0,3}["'`]?(?<secret>[A-Za-z0-9+/]{64})(?![\w+/=-])/i,
    entropy: 4,
    examples: {
      positive: [
        `CONFLUENT_CLOUD_API_SECRET=${fake.b64(64)}`,
        `  confluent_api_secret: "${fake.alnum(64)}"`,
      ],
      negative: [
        'CONFLUENT_CLOUD_API_SECRET=${{ secrets.CONFLUENT_CLOUD_API_SECRET }}',
        `CONFLUENT_CLOUD_API_KEY=${fake.upper(16)}`,
      ],
    },
  },
];
