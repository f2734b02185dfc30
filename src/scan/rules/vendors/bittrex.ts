import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Bittrex API keys and secrets: 32 hex characters, found only in a Bittrex key or secret setting.

const fake = fakes('bittrex');

export const BITTREX_RULES: readonly Rule[] = [
  {
    id: 'bittrex-api-key',
    description: 'Bittrex API key or secret (32 hex, in a Bittrex setting)',
    keywords: ['bittrex'],
    pattern: /bittrex[\w.-]{0,20}?(?:key|secret)[\w.-]{0,8}?["'\]]{0,2}\s{0,3}(?::=|=>|[:=])\s{0,3}["'`]?(?<secret>[a-f0-9]{32})(?![\w-])/i,
    entropy: 3,
    examples: {
      positive: [
        `BITTREX_API_SECRET=${fake.hex(32)}`,
        `  bittrex_api_key: "${fake.hex(32)}"`,
      ],
      negative: [
        "exchange = ccxt.bittrex({'apiKey': os.environ['BITTREX_API_KEY']})",
        'BITTREX_API_SECRET=00000000000000000000000000000000',
      ],
    },
  },
];
