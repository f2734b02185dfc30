import type { Rule } from '../../types.js';
import { LOWER, fake, plausible } from './kit-m-z.js';

export const README_RULES: readonly Rule[] = [
  {
    id: 'readme-api-token',
    description: 'ReadMe (readme.com) API key (rdme_…)',
    keywords: ['rdme_'],
    pattern: /\brdme_[a-z0-9]{70}(?![\w-])/,
    entropy: 4,
    validate: plausible,
    examples: {
      positive: [
        `README_API_KEY=rdme_${fake(LOWER, 70, 'readme-1')}`,
        `npx rdme openapi openapi.json --key=rdme_${fake(LOWER, 70, 'readme-2')} --id=63b5e7d1f2a0c4001e7c3b9a`,
      ],
      negative: [
        'npx rdme openapi openapi.json --key=$README_API_KEY --id=63b5e7d1f2a0c4001e7c3b9a',
        'README_API_KEY=rdme_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        `README_API_KEY=rdme_${fake(LOWER, 50, 'readme-3')}`,
      ],
    },
  },
];
