import type { Rule } from '../../types.js';
import { ALNUM, assigned, fake, plausible } from './kit-m-z.js';

export const MOLLIE_RULES: readonly Rule[] = [
  {
    id: 'mollie-api-key',
    description: 'Mollie live API key (live_…) given to a Mollie key name or setApiKey()',
    keywords: ['live_'],
    pattern: assigned('mollie', 'live_[A-Za-z0-9]{30}', { or: 'setApiKey\\(\\s{0,3}["\']' }),
    entropy: 3.8,
    validate: plausible,
    examples: {
      positive: [
        `MOLLIE_API_KEY=live_${fake(ALNUM, 30, 'mollie-1')}`,
        `$mollie->setApiKey("live_${fake(ALNUM, 30, 'mollie-2')}");`,
      ],
      negative: [
        'MOLLIE_API_KEY=live_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        '$mollie->setApiKey(getenv("MOLLIE_API_KEY"));',
        `STREAM_KEY=live_${fake(ALNUM, 30, 'mollie-3')}`,
      ],
    },
  },
];
