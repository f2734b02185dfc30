import type { Rule } from '../../types.js';
import { ALNUM, fake, plausible } from './kit-m-z.js';

export const POSTHOG_RULES: readonly Rule[] = [
  {
    id: 'posthog-personal-api-key',
    description: 'PostHog personal API key (phx_…); project keys (phc_…) are public and not flagged',
    keywords: ['phx_'],
    pattern: /\bphx_[A-Za-z0-9_]{43,48}(?![\w-])/,
    entropy: 4,
    validate: plausible,
    examples: {
      positive: [
        `POSTHOG_PERSONAL_API_KEY=phx_${fake(ALNUM, 43, 'posthog-1')}`,
        `curl -H "Authorization: Bearer phx_${fake(ALNUM, 47, 'posthog-2')}" https://us.posthog.com/api/projects/`,
      ],
      negative: [
        `NEXT_PUBLIC_POSTHOG_KEY=phc_${fake(ALNUM, 43, 'posthog-3')}`,
        'POSTHOG_PERSONAL_API_KEY=phx_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'curl -H "Authorization: Bearer $POSTHOG_PERSONAL_API_KEY" https://us.posthog.com/api/projects/',
      ],
    },
  },
];
