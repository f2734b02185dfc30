import type { Rule } from '../../types.js';
import { ALNUM, fake, plausible } from './kit-m-z.js';

export const RESEND_RULES: readonly Rule[] = [
  {
    id: 'resend-api-key',
    description: 'Resend API key (re_ + 8 characters + _ + 24 characters)',
    keywords: ['re_'],
    pattern: /\bre_[A-Za-z0-9]{8}_[A-Za-z0-9]{24}(?![\w-])/,
    entropy: 3.8,
    validate: plausible,
    examples: {
      positive: [
        `RESEND_API_KEY=re_${fake(ALNUM, 8, 'resend-1')}_${fake(ALNUM, 24, 'resend-2')}`,
        `const resend = new Resend("re_${fake(ALNUM, 8, 'resend-3')}_${fake(ALNUM, 24, 'resend-4')}");`,
      ],
      negative: [
        'RESEND_API_KEY=re_xxxxxxxxxxxxxxxxxxxxx',
        'const resend = new Resend(process.env.RESEND_API_KEY);',
        'RESEND_API_KEY=re_your_api_key_here',
      ],
    },
  },
];
