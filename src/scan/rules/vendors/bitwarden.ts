import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Bitwarden Secrets Manager access tokens: "0." + machine-account id (UUID) + "." + 30-character
// client secret + ":" + base64 encryption key (bitwarden.com/help/access-tokens, the bws CLI).

const fake = fakes('bitwarden');

export const BITWARDEN_RULES: readonly Rule[] = [
  {
    id: 'bitwarden-access-token',
    description: 'Bitwarden Secrets Manager access token (0.<uuid>.<secret>:<key>)',
    keywords: ['=='],
    pattern: /(?<![\w.])0\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[A-Za-z0-9]{30}:[A-Za-z0-9+/]{22}==(?![\w+/=-])/,
    entropy: 3.5,
    examples: {
      positive: [
        `export BWS_ACCESS_TOKEN=0.${fake.uuid()}.${fake.alnum(30)}:${fake.b64(22)}==`,
        `      BWS_ACCESS_TOKEN: "0.${fake.uuid()}.${fake.alnum(30)}:${fake.b64(21)}Q=="`,
      ],
      negative: [
        'export BWS_ACCESS_TOKEN=0.<access-token-id>.<client-secret>:<encryption-key>',
        '      BWS_ACCESS_TOKEN: ${{ secrets.BWS_ACCESS_TOKEN }}',
        `export BWS_ACCESS_TOKEN=0.${fake.uuid()}.${fake.alnum(30)}:${fake.b64(10)}==`,
      ],
    },
  },
];
