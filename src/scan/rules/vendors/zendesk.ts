import type { Rule } from '../../types.js';
import { ALNUM, assigned, fake, plausible } from './kit-m-z.js';

export const ZENDESK_RULES: readonly Rule[] = [
  {
    id: 'zendesk-secret-key',
    description: 'Zendesk API token (40 characters) given to a Zendesk token name',
    keywords: ['zendesk'],
    pattern: assigned('zendesk', '[A-Za-z0-9]{40}', { kind: 'token|key|secret|password' }),
    entropy: 4,
    validate: plausible,
    examples: {
      positive: [
        `ZENDESK_API_TOKEN=${fake(ALNUM, 40, 'zendesk-1')}`,
        `  zendesk_token: "${fake(ALNUM, 40, 'zendesk-2')}"`,
      ],
      negative: [
        '  zendesk_token: "{{ vault_zendesk_token }}"',
        `ZENDESK_SUBDOMAIN_HASH=${fake(ALNUM, 40, 'zendesk-3')}`,
        'ZENDESK_API_TOKEN=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
];
