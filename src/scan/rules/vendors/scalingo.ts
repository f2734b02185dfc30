import type { Rule } from '../../types.js';
import { B64URL, fake, plausible } from './kit-m-z.js';

export const SCALINGO_RULES: readonly Rule[] = [
  {
    id: 'scalingo-api-token',
    description: 'Scalingo API token (tk-us-…)',
    keywords: ['tk-us-'],
    pattern: /\btk-us-[A-Za-z0-9_-]{48}(?![\w-])/,
    entropy: 4,
    validate: plausible,
    examples: {
      positive: [
        `SCALINGO_API_TOKEN=tk-us-${fake(B64URL, 48, 'scalingo-1')}`,
        `scalingo login --api-token tk-us-${fake(B64URL, 48, 'scalingo-2')}`,
      ],
      negative: [
        'scalingo login --api-token "$SCALINGO_API_TOKEN"',
        'SCALINGO_API_TOKEN=tk-us-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
        `SCALINGO_API_TOKEN=tk-us-${fake(B64URL, 30, 'scalingo-3')}`,
      ],
    },
  },
];
