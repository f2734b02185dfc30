import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Beamer API keys: b_ + 44 characters (getbeamer.com API documentation), found in a Beamer setting.

const fake = fakes('beamer');

export const BEAMER_RULES: readonly Rule[] = [
  {
    id: 'beamer-api-key',
    description: 'Beamer API key (b_…, in a Beamer setting)',
    keywords: ['beamer'],
    pattern: /beamer[\w.-]{0,20}?["'\]]{0,2}\s{0,3}(?::=|=>|[:=])\s{0,3}["'`]?(?<secret>b_[A-Za-z0-9=_-]{44})(?![\w=-])/i,
    entropy: 3.5,
    examples: {
      positive: [
        `BEAMER_API_KEY=b_${fake.alnum(43)}=`,
        `  beamerApiKey: 'b_${fake.alnum(44)}',`,
      ],
      negative: [
        'BEAMER_API_KEY=${BEAMER_API_KEY}',
        "  beamerProductId: 'AbCdEf12345'",
        `BEAMER_API_KEY=b_${fake.alnum(20)}`,
      ],
    },
  },
];
