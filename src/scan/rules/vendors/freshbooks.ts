import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// FreshBooks OAuth access tokens and client secrets: 64 characters with no prefix
// (freshbooks.com/api/authentication); found in a FreshBooks setting.

const fake = fakes('freshbooks');

export const FRESHBOOKS_RULES: readonly Rule[] = [
  {
    id: 'freshbooks-access-token',
    description: 'FreshBooks access token or client secret (64 characters, in a FreshBooks setting)',
    keywords: ['freshbooks'],
    pattern: /freshbooks[\w.-]{0,20}?(?:token|secret)[\w.-]{0,8}?["'\]]{0,2}\s{0,3}(?::=|=>|[:=])\s{0,3}["'`]?(?<secret>[a-z0-9]{64})(?![\w-])/i,
    entropy: 3.5,
    examples: {
      positive: [
        `FRESHBOOKS_ACCESS_TOKEN=${fake.hex(64)}`,
        `  freshbooks_client_secret: "${fake.lower(64)}"`,
      ],
      negative: [
        'FRESHBOOKS_ACCESS_TOKEN=${FRESHBOOKS_ACCESS_TOKEN}',
        'FRESHBOOKS_ACCOUNT_ID=AbC12d',
      ],
    },
  },
];
