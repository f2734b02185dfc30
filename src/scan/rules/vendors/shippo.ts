import type { Rule } from '../../types.js';
import { HEX, fake, plausible } from './kit-m-z.js';

export const SHIPPO_RULES: readonly Rule[] = [
  {
    id: 'shippo-api-token',
    description: 'Shippo API token (shippo_live_…, shippo_test_…)',
    keywords: ['shippo_live_', 'shippo_test_'],
    pattern: /\bshippo_(?:live|test)_[0-9a-f]{40}(?![\w-])/,
    entropy: 3.5,
    validate: plausible,
    examples: {
      positive: [
        `SHIPPO_API_TOKEN=shippo_live_${fake(HEX, 40, 'shippo-1')}`,
        `curl https://api.goshippo.com/addresses/ -H "Authorization: ShippoToken shippo_test_${fake(HEX, 40, 'shippo-2')}"`,
      ],
      negative: [
        'curl https://api.goshippo.com/addresses/ -H "Authorization: ShippoToken <API_TOKEN>"',
        'SHIPPO_API_TOKEN=shippo_live_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        `SHIPPO_API_TOKEN=shippo_prod_${fake(HEX, 40, 'shippo-3')}`,
      ],
    },
  },
];
