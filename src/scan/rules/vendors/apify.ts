import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Apify API tokens: apify_api_ + 36 alphanumerics (docs.apify.com "API integration").

const fake = fakes('apify');

export const APIFY_RULES: readonly Rule[] = [
  {
    id: 'apify-api-token',
    description: 'Apify API token (apify_api_…)',
    keywords: ['apify_api_'],
    pattern: /\bapify_api_[A-Za-z0-9]{36}\b/,
    entropy: 3.5,
    examples: {
      positive: [
        `APIFY_TOKEN=apify_api_${fake.alnum(36)}`,
        `const client = new ApifyClient({ token: 'apify_api_${fake.alnum(36)}' });`,
      ],
      negative: [
        'APIFY_TOKEN=apify_api_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        "const client = new ApifyClient({ token: process.env.APIFY_TOKEN });",
        `APIFY_TOKEN=apify_api_${fake.alnum(20)}`,
      ],
    },
  },
];
