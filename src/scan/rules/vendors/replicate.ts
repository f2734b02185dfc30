import type { Rule } from '../../types.js';
import { ALNUM, fake, plausible } from './kit-m-z.js';

export const REPLICATE_RULES: readonly Rule[] = [
  {
    id: 'replicate-api-token',
    description: 'Replicate API token (r8_…)',
    keywords: ['r8_'],
    pattern: /\br8_[A-Za-z0-9_-]{37}(?![\w-])/,
    entropy: 4,
    validate: plausible,
    examples: {
      positive: [
        `export REPLICATE_API_TOKEN=r8_${fake(ALNUM, 37, 'replicate-1')}`,
        `client = replicate.Client(api_token="r8_${fake(ALNUM, 37, 'replicate-2')}")`,
      ],
      negative: [
        'export REPLICATE_API_TOKEN=r8_******************************************',
        'client = replicate.Client(api_token=os.environ["REPLICATE_API_TOKEN"])',
        `export REPLICATE_API_TOKEN=r8_${fake(ALNUM, 20, 'replicate-3')}`,
      ],
    },
  },
];
