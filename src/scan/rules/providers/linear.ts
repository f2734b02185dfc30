import type { Rule } from '../../types.js';
import { END, START } from './kit.js';

const KEY = 'lin_api_7CRKpQuE3MmfWGxMfLrTWfb9ZNPb5IUNX2P5knIY';

export const LINEAR_RULES: readonly Rule[] = [
  {
    id: 'linear-api-key',
    provider: 'linear',
    description: 'Linear personal API key (lin_api_…)',
    keywords: ['lin_api_'],
    pattern: new RegExp(String.raw`${START}(?<secret>lin_api_[A-Za-z0-9]{40})${END}`),
    entropy: 4,
    examples: {
      positive: [`LINEAR_API_KEY=${KEY}`, `const linear = new LinearClient({ apiKey: "${KEY}" });`],
      negative: [`LINEAR_API_KEY=lin_api_${'x'.repeat(40)}`, 'const linear = new LinearClient({ apiKey: process.env.LINEAR_API_KEY });', `LINEAR_API_KEY=${KEY}0`],
    },
  },
];
