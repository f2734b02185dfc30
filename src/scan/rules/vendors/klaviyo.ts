import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Klaviyo private API keys: pk_ + 34 hex, or pk_<6>_ + 34 hex (developers.klaviyo.com, authentication).
// Public site ids and Stripe's pk_live_/pk_test_ keys do not match.

const fake = fakes('klaviyo');

export const KLAVIYO_RULES: readonly Rule[] = [
  {
    id: 'klaviyo-private-key',
    description: 'Klaviyo private API key (pk_ + 34 hex)',
    keywords: ['pk_'],
    pattern: /\bpk_(?:[A-Za-z0-9]{6}_)?[a-f0-9]{34}\b/,
    entropy: 3,
    examples: {
      positive: [
        `KLAVIYO_PRIVATE_API_KEY=pk_${fake.hex(34)}`,
        `curl -H "Authorization: Klaviyo-API-Key pk_${fake.alnum(6)}_${fake.hex(34)}" -H "revision: 2024-10-15" https://a.klaviyo.com/api/profiles`,
      ],
      negative: [
        `STRIPE_PUBLISHABLE_KEY=pk_live_${fake.alnum(24)}`,
        'KLAVIYO_PRIVATE_API_KEY=pk_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'curl -H "Authorization: Klaviyo-API-Key $KLAVIYO_PRIVATE_API_KEY" https://a.klaviyo.com/api/profiles',
      ],
    },
  },
];
