import type { Rule } from '../../types.js';
import { HEX, fake, plausible } from './kit-m-z.js';

const key = (seed: string): string =>
  `${fake(HEX, 10, `${seed}-a`)}msh${fake(HEX, 15, `${seed}-b`)}p1${fake(HEX, 5, `${seed}-c`)}jsn${fake(HEX, 12, `${seed}-d`)}`;

export const RAPIDAPI_RULES: readonly Rule[] = [
  {
    id: 'rapidapi-access-token',
    description: 'RapidAPI application key (50 hex characters with the msh…p…jsn markers)',
    keywords: ['msh'],
    pattern: /(?<![\w-])[0-9a-f]{10}msh[0-9a-f]{15}p[0-9a-f]{6}jsn[0-9a-f]{12}(?![\w-])/,
    entropy: 3.3,
    validate: plausible,
    examples: {
      positive: [
        `    'X-RapidAPI-Key': '${key('rapidapi-1')}',`,
        `RAPIDAPI_KEY=${key('rapidapi-2')}`,
      ],
      negative: [
        "    'X-RapidAPI-Key': process.env.RAPIDAPI_KEY,",
        "    'X-RapidAPI-Key': 'SIGN-UP-FOR-KEY',",
        `RAPIDAPI_KEY=${fake(HEX, 10, 'rapidapi-3')}msh${fake(HEX, 15, 'rapidapi-4')}`,
      ],
    },
  },
];
