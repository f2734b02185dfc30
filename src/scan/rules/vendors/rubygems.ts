import type { Rule } from '../../types.js';
import { HEX, fake, plausible } from './kit-m-z.js';

export const RUBYGEMS_RULES: readonly Rule[] = [
  {
    id: 'rubygems-api-token',
    description: 'RubyGems.org API key (rubygems_…)',
    keywords: ['rubygems_'],
    pattern: /\brubygems_[0-9a-f]{48}(?![\w-])/,
    entropy: 3.5,
    validate: plausible,
    examples: {
      positive: [
        `GEM_HOST_API_KEY=rubygems_${fake(HEX, 48, 'rubygems-1')}`,
        `:rubygems_api_key: rubygems_${fake(HEX, 48, 'rubygems-2')}`,
      ],
      negative: [
        'GEM_HOST_API_KEY: ${{ secrets.RUBYGEMS_API_KEY }}',
        ':rubygems_api_key: rubygems_0000000000000000000000000000000000000000000000000',
        `GEM_HOST_API_KEY=rubygems_${fake(HEX, 40, 'rubygems-3')}`,
      ],
    },
  },
];
