import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Finnhub API keys: 20 lower-case alphanumerics (finnhub.io/docs/api/authentication); found in a
// Finnhub setting or in a finnhub.io request's token parameter.

const fake = fakes('finnhub');

export const FINNHUB_RULES: readonly Rule[] = [
  {
    id: 'finnhub-api-key',
    description: 'Finnhub API key (20 characters, in a Finnhub setting or URL)',
    keywords: ['finnhub'],
    pattern:
      /finnhub(?:[\w.-]{0,20}?(?:key|token)[\w.-]{0,8}?["'\]]{0,2}\s{0,3}(?::=|=>|[:=])\s{0,3}["'`]?|\.io\/api\/v1\/[\w/?=&.-]{0,120}?[?&]token=)(?<secret>[a-z0-9]{20})(?![\w-])/i,
    entropy: 3.5,
    examples: {
      positive: [
        `FINNHUB_API_KEY=${fake.lower(20)}`,
        `fetch("https://finnhub.io/api/v1/quote?symbol=AAPL&token=${fake.lower(20)}")`,
      ],
      negative: [
        'fetch(`https://finnhub.io/api/v1/quote?symbol=AAPL&token=${FINNHUB_API_KEY}`)',
        `FINNHUB_API_KEY=${fake.lower(12)}`,
      ],
    },
  },
];
