import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Coinbase API secrets and access tokens have no prefix; found only in a Coinbase secret or token setting.

const fake = fakes('coinbase');

export const COINBASE_RULES: readonly Rule[] = [
  {
    id: 'coinbase-api-secret',
    description: 'Coinbase API secret or access token (64 characters, in a Coinbase setting)',
    keywords: ['coinbase'],
    pattern: /coinbase[\w.-]{0,20}?(?:secret|token)[\w.-]{0,8}?["'\]]{0,2}\s{0,3}(?::=|=>|[:=])\s{0,3}["'`]?(?<secret>[A-Za-z0-9_-]{64})(?![\w-])/i,
    entropy: 3.5,
    examples: {
      positive: [
        `COINBASE_API_SECRET=${fake.alnum(64)}`,
        `  coinbase_access_token: "${fake.hex(64)}"`,
      ],
      negative: [
        'COINBASE_API_SECRET=${COINBASE_API_SECRET}',
        `  coinbase_access_token: "${fake.hex(40)}"`,
      ],
    },
  },
];
