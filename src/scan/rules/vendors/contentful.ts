import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Contentful personal access tokens (CFPAT- + 43) manage content; delivery, preview and management
// tokens have no prefix and are found in a Contentful token setting (contentful.com/developers/docs).

const fake = fakes('contentful');

export const CONTENTFUL_RULES: readonly Rule[] = [
  {
    id: 'contentful-personal-access-token',
    description: 'Contentful personal access token (CFPAT-…)',
    keywords: ['cfpat-'],
    pattern: /\bCFPAT-[A-Za-z0-9_-]{43}(?![\w-])/,
    entropy: 3.5,
    examples: {
      positive: [
        `CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-${fake.alnum(43)}`,
        `const client = contentful.createClient({ accessToken: 'CFPAT-${fake.alnum(43)}' });`,
        // where contentful-api-token leaves a CFPAT- token to this rule
        `CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-${fake.alnum(43)}`,
      ],
      negative: [
        "const client = contentful.createClient({ accessToken: process.env.CONTENTFUL_MANAGEMENT_TOKEN });",
        'CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        `CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-${fake.alnum(20)}`,
      ],
    },
  },
  {
    id: 'contentful-api-token',
    description: 'Contentful delivery, preview or management API token (43 characters, in a Contentful setting)',
    keywords: ['contentful'],
    pattern:
      /contentful[\w.-]{0,24}?(?:token|key)[\w.-]{0,8}?["'\]]{0,2}\s{0,3}(?::=|=>|[:=])\s{0,3}["'`]?(?<secret>[A-Za-z0-9_-]{43})(?![\w-])/i,
    entropy: 3.5,
    examples: {
      positive: [
        `CONTENTFUL_DELIVERY_TOKEN=${fake.alnum(43)}`,
        `  contentfulPreviewToken: "${fake.alnum(43)}",`,
      ],
      negative: [
        'CONTENTFUL_DELIVERY_TOKEN=${CONTENTFUL_DELIVERY_TOKEN}',
        `CONTENTFUL_SPACE_ID=${fake.lower(12)}`,
        // (a CFPAT- token is contentful-personal-access-token's: one of its positive examples)
      ],
    },
  },
];
