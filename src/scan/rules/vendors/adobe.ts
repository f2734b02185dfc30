import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Adobe Developer Console OAuth / JWT client secrets start with p8e- (developer.adobe.com credentials).

const fake = fakes('adobe');

export const ADOBE_RULES: readonly Rule[] = [
  {
    id: 'adobe-client-secret',
    description: 'Adobe Developer Console client secret (p8e-…)',
    keywords: ['p8e-'],
    pattern: /\bp8e-[A-Za-z0-9]{32}(?![\w-])/,
    entropy: 3.5,
    examples: {
      positive: [
        `ADOBE_CLIENT_SECRET=p8e-${fake.alnum(32)}`,
        `  "client_secret": "p8e-${fake.alnum(32)}",`,
      ],
      negative: [
        'ADOBE_CLIENT_SECRET=p8e-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
        `ADOBE_CLIENT_SECRET=p8e-${fake.alnum(20)}`,
        `  "client_secret": "p8e-${fake.alnum(40)}",`,
      ],
    },
  },
];
