import type { Rule } from '../../types.js';
import { ALNUM, assigned, fake, plausible } from './kit-m-z.js';

export const SANITY_RULES: readonly Rule[] = [
  {
    id: 'sanity-api-token',
    description: 'Sanity.io API token (sk + 79 characters) given to a Sanity token name',
    keywords: ['sanity'],
    pattern: assigned('sanity', 'sk[A-Za-z0-9]{79}', { kind: 'token|key|secret' }),
    entropy: 4.3,
    validate: plausible,
    examples: {
      positive: [
        `SANITY_API_TOKEN=sk${fake(ALNUM, 79, 'sanity-1')}`,
        `  sanityWriteToken: "sk${fake(ALNUM, 79, 'sanity-2')}",`,
      ],
      negative: [
        '  sanityWriteToken: process.env.SANITY_API_WRITE_TOKEN,',
        `SANITY_PROJECT_ID=${fake(ALNUM, 8, 'sanity-3').toLowerCase()}`,
        `SANITY_API_TOKEN=sk${fake(ALNUM, 40, 'sanity-4')}`,
      ],
    },
  },
];
