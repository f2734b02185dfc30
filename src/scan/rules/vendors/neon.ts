import type { Rule } from '../../types.js';
import { LOWER, fake, plausible } from './kit-m-z.js';

export const NEON_RULES: readonly Rule[] = [
  {
    id: 'neon-api-key',
    description: 'Neon (serverless Postgres) API key (napi_…)',
    keywords: ['napi_'],
    pattern: /\bnapi_[a-z0-9]{64}(?![\w-])/,
    entropy: 4,
    validate: plausible,
    examples: {
      positive: [
        `NEON_API_KEY=napi_${fake(LOWER, 64, 'neon-1')}`,
        `curl -H "Authorization: Bearer napi_${fake(LOWER, 64, 'neon-2')}" https://console.neon.tech/api/v2/projects`,
      ],
      negative: [
        'NEON_API_KEY=napi_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
        'NEON_API_KEY=napi_your_neon_api_key',
        `NEON_API_KEY=napi_${fake(LOWER, 40, 'neon-3')}`,
      ],
    },
  },
];
