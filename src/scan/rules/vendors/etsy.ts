import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Etsy Open API v3 keystrings: 24 lower-case alphanumerics (developers.etsy.com); found in an Etsy setting.

const fake = fakes('etsy');

export const ETSY_RULES: readonly Rule[] = [
  {
    id: 'etsy-api-key',
    description: 'Etsy API keystring or shared secret (in an Etsy setting)',
    keywords: ['etsy'],
    pattern: /etsy[\w.-]{0,20}?(?:key|keystring|secret|token)[\w.-]{0,8}?["'\]]{0,2}\s{0,3}(?::=|=>|[:=])\s{0,3}["'`]?(?<secret>[a-z0-9]{24})(?![\w-])/i,
    entropy: 3.5,
    examples: {
      positive: [
        `ETSY_API_KEY=${fake.lower(24)}`,
        `  etsy_keystring: "${fake.lower(24)}"`,
      ],
      negative: [
        'ETSY_API_KEY=${ETSY_API_KEY}',
        'ETSY_SHOP_ID=12345678',
      ],
    },
  },
];
