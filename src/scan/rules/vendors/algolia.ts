import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Algolia API keys are 32 hex characters with no prefix. Search-only keys are meant to be public
// (they ship in front-ends), so only keys named admin, write, secret, private or plain api key are
// reported, and a name mentioning "search" never is.

const fake = fakes('algolia');

export const ALGOLIA_RULES: readonly Rule[] = [
  {
    id: 'algolia-admin-key',
    description: 'Algolia admin or write API key (32 hex, in an Algolia key setting)',
    keywords: ['algolia'],
    pattern:
      /algolia(?![\w.-]{0,24}search)[\w.-]{0,20}?(?:admin|write|secret|private|api)[_.-]?(?:api[_.-]?)?key[\w.-]{0,8}?["'\]]{0,2}\s{0,3}(?::=|=>|[:=])\s{0,3}["'`]?(?<secret>[a-f0-9]{32})(?![\w-])/i,
    entropy: 3,
    examples: {
      positive: [
        `ALGOLIA_ADMIN_KEY=${fake.hex(32)}`,
        `curl -X POST -H "X-Algolia-API-Key: ${fake.hex(32)}" -H "X-Algolia-Application-Id: ${fake.upper(10)}" https://${fake.upper(10)}.algolia.net/1/indexes/products/batch`,
        `  algoliaWriteApiKey: '${fake.hex(32)}',`,
      ],
      negative: [
        `ALGOLIA_SEARCH_API_KEY=${fake.hex(32)}`,
        'ALGOLIA_ADMIN_KEY=${{ secrets.ALGOLIA_ADMIN_KEY }}',
        "  algoliaAdminKey: process.env.ALGOLIA_ADMIN_KEY,",
      ],
    },
  },
];
