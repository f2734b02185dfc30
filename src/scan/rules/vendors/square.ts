import type { Rule } from '../../types.js';
import { B64URL, fake, plausible } from './kit-m-z.js';

export const SQUARE_RULES: readonly Rule[] = [
  {
    id: 'square-access-token',
    description: 'Square access token (EAAA… or the older sq0atp-…)',
    keywords: ['eaaa', 'sq0atp-'],
    pattern: /\b(?:EAAA[A-Za-z0-9_-]{60}|sq0atp-[A-Za-z0-9_-]{22})(?![\w-])/,
    entropy: 3.6,
    validate: plausible,
    examples: {
      positive: [
        `SQUARE_ACCESS_TOKEN=EAAA${fake(B64URL, 60, 'square-1')}`,
        `client = Client(access_token="sq0atp-${fake(B64URL, 22, 'square-2')}", environment="production")`,
      ],
      negative: [
        'client = Client(access_token=os.environ["SQUARE_ACCESS_TOKEN"], environment="production")',
        'SQUARE_ACCESS_TOKEN=EAAAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        `SQUARE_APPLICATION_ID=sq0idp-${fake(B64URL, 22, 'square-3')}`,
      ],
    },
  },
  {
    id: 'square-secret',
    description: 'Square OAuth application secret (sq0csp-…)',
    keywords: ['sq0csp-'],
    pattern: /\bsq0csp-[A-Za-z0-9_-]{43}(?![\w-])/,
    entropy: 4,
    validate: plausible,
    examples: {
      positive: [
        `SQUARE_APPLICATION_SECRET=sq0csp-${fake(B64URL, 43, 'square-4')}`,
        `  client_secret: 'sq0csp-${fake(B64URL, 43, 'square-5')}',`,
      ],
      negative: [
        "  client_secret: process.env.SQUARE_APPLICATION_SECRET,",
        'SQUARE_APPLICATION_SECRET=sq0csp-...',
        `SQUARE_APPLICATION_SECRET=sq0csp-${fake(B64URL, 30, 'square-6')}`,
      ],
    },
  },
];
