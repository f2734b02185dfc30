import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Kraken API private keys: base64 of 64 bytes (88 characters) with no prefix (docs.kraken.com,
// authentication); found in a Kraken secret or private-key setting.

const fake = fakes('kraken');

export const KRAKEN_RULES: readonly Rule[] = [
  {
    id: 'kraken-api-secret',
    description: 'Kraken API private key (88 base64 characters, in a Kraken setting)',
    keywords: ['kraken'],
    pattern: /kraken[\w.-]{0,20}?(?:secret|private)[\w.-]{0,8}?["'\]]{0,2}\s{0,3}(?::=|=>|[:=])\s{0,3}["'`]?(?<secret>[A-Za-z0-9+/]{86}==)(?![\w+/=-])/i,
    entropy: 4,
    examples: {
      positive: [
        `KRAKEN_API_SECRET=${fake.b64(86)}==`,
        `  kraken_private_key: '${fake.b64(86)}=='`,
      ],
      negative: [
        'KRAKEN_API_SECRET=${KRAKEN_API_SECRET}',
        `KRAKEN_API_KEY=${fake.b64(56)}`,
      ],
    },
  },
];
