import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// GoCardless access tokens: live_ or sandbox_ + 40 characters (developer.gocardless.com, API
// authentication); the prefix alone is too plain, so found in a GoCardless setting.

const fake = fakes('gocardless');

export const GOCARDLESS_RULES: readonly Rule[] = [
  {
    id: 'gocardless-api-token',
    description: 'GoCardless access token (live_… / sandbox_…, in a GoCardless setting)',
    keywords: ['gocardless'],
    pattern:
      /gocardless[\w.-]{0,30}?["'\]]{0,2}\s{0,3}(?::=|=>|[:=])\s{0,3}["'`]?(?<secret>(?:live|sandbox)_[A-Za-z0-9_=-]{40})(?![\w=-])/i,
    entropy: 3.5,
    examples: {
      positive: [
        `GOCARDLESS_ACCESS_TOKEN=live_${fake.alnum(40)}`,
        `  gocardless_token: 'sandbox_${fake.alnum(40)}'`,
      ],
      negative: [
        'GOCARDLESS_ACCESS_TOKEN=${GOCARDLESS_ACCESS_TOKEN}',
        'GOCARDLESS_ENVIRONMENT=live',
      ],
    },
  },
];
