import type { Rule } from '../../types.js';
import { HEX, fake, plausible } from './kit-m-z.js';

export const ROOTLY_RULES: readonly Rule[] = [
  {
    id: 'rootly-api-key',
    description: 'Rootly API key (rootly_…)',
    keywords: ['rootly_'],
    pattern: /\brootly_[0-9a-f]{64}(?![\w-])/,
    entropy: 3.4,
    validate: plausible,
    examples: {
      positive: [
        `ROOTLY_API_TOKEN=rootly_${fake(HEX, 64, 'rootly-1')}`,
        `curl -H "Authorization: Bearer rootly_${fake(HEX, 64, 'rootly-2')}" https://api.rootly.com/v1/incidents`,
      ],
      negative: [
        'curl -H "Authorization: Bearer $ROOTLY_API_TOKEN" https://api.rootly.com/v1/incidents',
        `ROOTLY_API_TOKEN=rootly_${fake(HEX, 40, 'rootly-3')}`,
        'ROOTLY_API_TOKEN=rootly_0000000000000000000000000000000000000000000000000000000000000000',
      ],
    },
  },
];
