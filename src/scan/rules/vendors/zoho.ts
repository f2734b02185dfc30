import type { Rule } from '../../types.js';
import { HEX, fake, plausible } from './kit-m-z.js';

export const ZOHO_RULES: readonly Rule[] = [
  {
    id: 'zoho-oauth-token',
    description: 'Zoho OAuth access or refresh token (1000.<32 hex>.<32 hex>)',
    keywords: ['1000.'],
    pattern: /\b1000\.[0-9a-f]{32}\.[0-9a-f]{32}(?![\w.-])/,
    entropy: 3.4,
    validate: plausible,
    examples: {
      positive: [
        `ZOHO_REFRESH_TOKEN=1000.${fake(HEX, 32, 'zoho-1')}.${fake(HEX, 32, 'zoho-2')}`,
        `curl -H "Authorization: Zoho-oauthtoken 1000.${fake(HEX, 32, 'zoho-3')}.${fake(HEX, 32, 'zoho-4')}" https://www.zohoapis.com/crm/v5/Leads`,
      ],
      negative: [
        'curl -H "Authorization: Zoho-oauthtoken $ZOHO_ACCESS_TOKEN" https://www.zohoapis.com/crm/v5/Leads',
        `ZOHO_CLIENT_ID=1000.${fake(HEX, 30, 'zoho-5').toUpperCase()}`,
        'ZOHO_REFRESH_TOKEN=1000.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
];
