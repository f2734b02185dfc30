import type { Rule } from '../../types.js';
import { ALNUM, fake, plausible } from './kit-m-z.js';

export const TYPEFORM_RULES: readonly Rule[] = [
  {
    id: 'typeform-api-token',
    description: 'Typeform personal access token (tfp_…)',
    keywords: ['tfp_'],
    pattern: /\btfp_[A-Za-z0-9_-]{40,64}(?![\w-])/,
    entropy: 4,
    validate: plausible,
    examples: {
      positive: [
        `TYPEFORM_TOKEN=tfp_${fake(ALNUM, 44, 'typeform-1')}_${fake(ALNUM, 14, 'typeform-2')}`,
        `curl -H "Authorization: Bearer tfp_${fake(ALNUM, 44, 'typeform-3')}_${fake(ALNUM, 14, 'typeform-4')}" https://api.typeform.com/me`,
      ],
      negative: [
        'curl -H "Authorization: Bearer {your_access_token}" https://api.typeform.com/me',
        'TYPEFORM_TOKEN=tfp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        `TYPEFORM_TOKEN=tfp_${fake(ALNUM, 24, 'typeform-5')}`,
      ],
    },
  },
];
