import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Infracost API keys: ico- + 32 alphanumerics (infracost.io/docs).

const fake = fakes('infracost');

export const INFRACOST_RULES: readonly Rule[] = [
  {
    id: 'infracost-api-key',
    description: 'Infracost API key (ico-…)',
    keywords: ['ico-'],
    pattern: /(?<![\w-])ico-[A-Za-z0-9]{32}\b/,
    entropy: 3.5,
    examples: {
      positive: [
        `INFRACOST_API_KEY=ico-${fake.alnum(32)}`,
        `infracost configure set api_key ico-${fake.alnum(32)}`,
      ],
      negative: [
        '          api-key: ${{ secrets.INFRACOST_API_KEY }}',
        '<link rel="icon" href="/fav-ico-32x32.png">',
      ],
    },
  },
];
