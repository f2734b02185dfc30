import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// KuCoin API secrets are UUIDs without a prefix (kucoin.com/docs, authentication); found in a KuCoin
// secret setting. The 24-hex API key is an id: useless without its secret and passphrase.

const fake = fakes('kucoin');

export const KUCOIN_RULES: readonly Rule[] = [
  {
    id: 'kucoin-api-secret',
    description: 'KuCoin API secret (UUID, in a KuCoin setting)',
    keywords: ['kucoin'],
    pattern:
      /kucoin[\w.-]{0,20}?secret[\w.-]{0,8}?["'\]]{0,2}\s{0,3}(?::=|=>|[:=])\s{0,3}["'`]?(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![\w-])/i,
    entropy: 3,
    examples: {
      positive: [
        `KUCOIN_API_SECRET=${fake.uuid()}`,
        `  kucoin_secret: '${fake.uuid()}'`,
      ],
      negative: [
        'KUCOIN_API_SECRET=${KUCOIN_API_SECRET}',
        'KUCOIN_API_SECRET=00000000-0000-0000-0000-000000000000',
      ],
    },
  },
];
