import type { Rule } from '../../types.js';
import { UPPER, assigned, fake, plausible } from './kit-m-z.js';

export const VULTR_RULES: readonly Rule[] = [
  {
    id: 'vultr-api-key',
    description: 'Vultr API key (36 upper-case characters) given to a Vultr key name',
    keywords: ['vultr'],
    pattern: assigned('vultr', '[A-Z0-9]{36}', { kind: 'key|token|secret' }),
    entropy: 3.7,
    validate: (secret) => /^[A-Z0-9]+$/.test(secret) && plausible(secret),
    examples: {
      positive: [
        `VULTR_API_KEY=${fake(UPPER, 36, 'vultr-1')}`,
        `  vultr_api_key = "${fake(UPPER, 36, 'vultr-2')}"`,
      ],
      negative: [
        '  vultr_api_key = var.vultr_api_key',
        `VULTR_INSTANCE_ID=${fake(UPPER, 36, 'vultr-3')}`,
        'VULTR_API_KEY=XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
      ],
    },
  },
];
