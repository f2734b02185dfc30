import type { Rule } from '../../types.js';
import { ALNUM, fake, plausible } from './kit-m-z.js';

export const RENDER_RULES: readonly Rule[] = [
  {
    id: 'render-api-key',
    description: 'Render API key (rnd_…)',
    keywords: ['rnd_'],
    pattern: /\brnd_[A-Za-z0-9]{24,40}(?![\w-])/,
    entropy: 3.8,
    validate: plausible,
    examples: {
      positive: [
        `RENDER_API_KEY=rnd_${fake(ALNUM, 28, 'render-1')}`,
        `curl -H "Authorization: Bearer rnd_${fake(ALNUM, 28, 'render-2')}" https://api.render.com/v1/services`,
      ],
      negative: [
        'RENDER_API_KEY=rnd_xxxxxxxxxxxxxxxxxxxxxxxxxx',
        'RENDER_API_KEY=rnd_your_api_key_here',
        'curl -H "Authorization: Bearer $RENDER_API_KEY" https://api.render.com/v1/services',
      ],
    },
  },
];
