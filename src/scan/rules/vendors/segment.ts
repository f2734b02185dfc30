import type { Rule } from '../../types.js';
import { ALNUM, fake, plausible } from './kit-m-z.js';

export const SEGMENT_RULES: readonly Rule[] = [
  {
    id: 'segment-public-api-token',
    description: 'Segment Public API token (sgp_ + 64 characters)',
    keywords: ['sgp_'],
    pattern: /\bsgp_[A-Za-z0-9]{64}(?![\w-])/,
    entropy: 4.3,
    validate: plausible,
    examples: {
      positive: [
        `SEGMENT_PUBLIC_API_TOKEN=sgp_${fake(ALNUM, 64, 'segment-1')}`,
        `curl -H "Authorization: Bearer sgp_${fake(ALNUM, 64, 'segment-2')}" https://api.segmentapis.com/workspaces`,
      ],
      negative: [
        'curl -H "Authorization: Bearer $SEGMENT_TOKEN" https://api.segmentapis.com/workspaces',
        'SEGMENT_PUBLIC_API_TOKEN=sgp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        `SEGMENT_WRITE_KEY=${fake(ALNUM, 32, 'segment-3')}`,
      ],
    },
  },
];
