import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Duffel access tokens: duffel_test_ / duffel_live_ + 43 characters (duffel.com/docs/api, authentication).

const fake = fakes('duffel');

export const DUFFEL_RULES: readonly Rule[] = [
  {
    id: 'duffel-api-token',
    description: 'Duffel access token (duffel_live_… / duffel_test_…)',
    keywords: ['duffel_'],
    pattern: /\bduffel_(?:test|live)_[A-Za-z0-9_=-]{43}(?![\w=-])/,
    entropy: 3.5,
    examples: {
      positive: [
        `DUFFEL_ACCESS_TOKEN=duffel_live_${fake.alnum(43)}`,
        `const duffel = new Duffel({ token: 'duffel_test_${fake.alnum(43)}' });`,
      ],
      negative: [
        "const duffel = new Duffel({ token: process.env.DUFFEL_ACCESS_TOKEN });",
        `DUFFEL_ACCESS_TOKEN=duffel_live_${fake.alnum(20)}`,
        `DUFFEL_ACCESS_TOKEN=duffel_prod_${fake.alnum(43)}`,
      ],
    },
  },
];
