import type { Rule } from '../../types.js';
import { ALNUM, assigned, fake, plausible } from './kit-m-z.js';

export const NYTIMES_RULES: readonly Rule[] = [
  {
    id: 'nytimes-access-token',
    description: 'New York Times developer API key (32 characters) given to an NYT key name',
    keywords: ['nyt', 'newyorktimes', 'new_york_times', 'new-york-times'],
    pattern: assigned('nyt(?:imes)?|new[_-]?york[_-]?times', '[A-Za-z0-9]{32}', { kind: 'key|secret|token' }),
    entropy: 3.7,
    validate: plausible,
    examples: {
      positive: [
        `NYT_API_KEY=${fake(ALNUM, 32, 'nytimes-1')}`,
        `const nytimesApiKey = "${fake(ALNUM, 32, 'nytimes-2')}";`,
      ],
      negative: [
        'NYT_API_KEY=your_api_key_here_0000000000000000',
        'const nytimesApiKey = process.env.NYT_API_KEY;',
        `NYT_SECTION_ID=${fake(ALNUM, 32, 'nytimes-3')}`,
      ],
    },
  },
];
