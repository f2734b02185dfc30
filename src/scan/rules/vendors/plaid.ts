import type { Rule } from '../../types.js';
import { HEX, assigned, fake, fakeUuid, plausible } from './kit-m-z.js';

export const PLAID_RULES: readonly Rule[] = [
  {
    id: 'plaid-api-token',
    description: 'Plaid item access token (access-production-…, access-development-…, access-sandbox-…)',
    keywords: ['access-production-', 'access-development-', 'access-sandbox-'],
    pattern: /\baccess-(?:production|development|sandbox)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![\w-])/,
    entropy: 3.3,
    validate: plausible,
    examples: {
      positive: [
        `PLAID_ACCESS_TOKEN=access-production-${fakeUuid('plaid-1')}`,
        `  "access_token": "access-sandbox-${fakeUuid('plaid-2')}",`,
      ],
      negative: [
        'PLAID_ACCESS_TOKEN=access-production-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
        `  "link_token": "link-sandbox-${fakeUuid('plaid-3')}",`,
        `  "public_token": "public-production-${fakeUuid('plaid-4')}",`,
      ],
    },
  },
  {
    id: 'plaid-secret-key',
    description: 'Plaid API secret (30 hex characters) given to a Plaid secret name',
    keywords: ['plaid'],
    pattern: assigned('plaid', '[0-9a-f]{30}', { kind: 'secret' }),
    entropy: 3,
    validate: plausible,
    examples: {
      positive: [
        `PLAID_SECRET=${fake(HEX, 30, 'plaid-5')}`,
        `plaid_secret_production: "${fake(HEX, 30, 'plaid-6')}"`,
      ],
      negative: [
        `PLAID_CLIENT_ID=${fake(HEX, 24, 'plaid-7')}`,
        'PLAID_SECRET=${{ secrets.PLAID_SECRET }}',
        'plaid_secret_production: "<your-plaid-secret>"',
      ],
    },
  },
];
