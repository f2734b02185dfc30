import type { Rule } from '../../types.js';
import { ASSIGN, EMAIL, END, START, shape } from './kit.js';

// Token formats: developers.cloudflare.com/fundamentals/api/get-started/token-formats (cfut_ user
// and cfat_ account API tokens, cfk_ Global API Keys: 40 characters and an 8-hex checksum whose
// algorithm is not published). Older tokens (40 characters) and Global API Keys (37 hex) are plain,
// so they are found by their names, or a token as the Bearer of a request to api.cloudflare.com.

const USER_TOKEN = 'cfut_CalQMF42SQFBKWC82b9Hrb6bJOyjIOTmUfdEbxs914af316d';
const ACCOUNT_TOKEN = 'cfat_hK49BDSSJEAjPz4A8BLMkSQ5t6HJex1HZFXOc5XG2754a555';
const GLOBAL_KEY = 'cfk_MJ8JbjlkYfGBcFy7QsNWpCX4KFAGvxT9FU6o6Ehcad1750d1';
const LEGACY_TOKEN = 't1ykVPTdQ296WlO_imhWQrUWrggLP0GtYePFQeHC';
const LEGACY_GLOBAL_KEY = '2787b73c9ae2386f69c4b018a3dc8decf9ce8';

/** The account email of a Global API Key, named before it on the line (`X-Auth-Email: …`, `CLOUDFLARE_EMAIL=…`). */
const EMAIL_BEFORE = String.raw`(?:(?:[Ee]mail|EMAIL)${ASSIGN}(?<email>${EMAIL})["']?[^\n]{1,100}?)?`;
const CF = String.raw`(?:cloudflare|(?<![a-z0-9])cf)[_.-]?`;

export const CLOUDFLARE_RULES: readonly Rule[] = [
  {
    id: 'cloudflare-api-token',
    provider: 'cloudflare',
    description: 'Cloudflare user or account API token (cfut_…, cfat_…)',
    keywords: ['cfut_', 'cfat_'],
    pattern: new RegExp(String.raw`${START}(?<secret>cf(?:ut|at)_[A-Za-z0-9]{40}[0-9a-f]{8})${END}`),
    entropy: 4,
    examples: {
      positive: [`CLOUDFLARE_API_TOKEN=${USER_TOKEN}`, `curl https://api.cloudflare.com/client/v4/accounts/0123/tokens/verify -H "Authorization: Bearer ${ACCOUNT_TOKEN}"`],
      negative: [`CLOUDFLARE_API_TOKEN=cfut_${'x'.repeat(40)}00000000`, 'CLOUDFLARE_API_TOKEN: ${{ secrets.CLOUDFLARE_API_TOKEN }}', `token = "${USER_TOKEN.slice(0, 40)}"`],
    },
  },
  {
    id: 'cloudflare-global-api-key',
    provider: 'cloudflare',
    description: 'Cloudflare Global API Key (cfk_…), with the account email named before it',
    keywords: ['cfk_'],
    pattern: new RegExp(String.raw`${EMAIL_BEFORE}${START}(?<secret>cfk_[A-Za-z0-9]{40}[0-9a-f]{8})${END}`),
    entropy: 4,
    parts: { email: 'email' },
    examples: {
      positive: [
        `curl https://api.cloudflare.com/client/v4/user -H "X-Auth-Email: ops@example.com" -H "X-Auth-Key: ${GLOBAL_KEY}"`,
        `CLOUDFLARE_API_KEY=${GLOBAL_KEY}`,
      ],
      negative: [`CLOUDFLARE_API_KEY=cfk_${'0'.repeat(48)}`, 'X-Auth-Key: cfk_<your global API key>', `key: "${GLOBAL_KEY}_old"`],
    },
  },
  {
    id: 'cloudflare-api-token-legacy',
    provider: 'cloudflare',
    description: 'Cloudflare API token of the older 40-character shape, by its name or as the Bearer of an api.cloudflare.com request',
    keywords: ['cloudflare', 'cf_', 'cf-', 'cf.', 'cfapi', 'cftoken', 'bearer'],
    pattern: new RegExp(
      String.raw`(?:${CF}(?:api[_.-]?)?token${ASSIGN}|bearer\s{1,3}(?=[a-z0-9_-]{40}(?![a-z0-9_-])[^\n]{0,300}?api\.cloudflare\.com)|(?<=api\.cloudflare\.com[^\n]{0,300}?)bearer\s{1,3})` +
        String.raw`(?<secret>[a-z0-9_-]{40})(?![a-z0-9_-])`,
      'i',
    ),
    entropy: 4,
    examples: {
      positive: [
        `export CLOUDFLARE_API_TOKEN=${LEGACY_TOKEN}`,
        `curl "https://api.cloudflare.com/client/v4/user/tokens/verify" -H "Authorization: Bearer ${LEGACY_TOKEN}"`,
        `  cf_api_token: "${LEGACY_TOKEN}"`,
      ],
      negative: [
        'curl "https://api.cloudflare.com/client/v4/user/tokens/verify" -H "Authorization: Bearer $CLOUDFLARE_API_TOKEN"',
        `curl https://api.example.com/v1/me -H "Authorization: Bearer ${LEGACY_TOKEN}"`,
        `CLOUDFLARE_API_TOKEN=${'x'.repeat(40)}`,
        'CLOUDFLARE_API_TOKEN=3f786850e387550fdab836ed7e6dc881de23001b',
      ],
    },
  },
  {
    id: 'cloudflare-global-api-key-legacy',
    provider: 'cloudflare',
    description: 'Cloudflare Global API Key of the older 37-hex shape, by its name or the X-Auth-Key header, with the account email named before it',
    keywords: ['cloudflare', 'cf_', 'cf-', 'cf.', 'cfapi', 'cfglobal', 'x-auth-key'],
    pattern: new RegExp(
      String.raw`${EMAIL_BEFORE}(?:${CF}(?:global[_.-]?)?api[_.-]?key|x-auth-key)${ASSIGN}(?<secret>[0-9a-f]{37})(?![a-z0-9_-])`,
      'i',
    ),
    entropy: 3,
    validate: shape(/^[0-9a-f]{37}$/),
    parts: { email: 'email' },
    examples: {
      positive: [
        `curl https://api.cloudflare.com/client/v4/zones -H "X-Auth-Email: ops@example.com" -H "X-Auth-Key: ${LEGACY_GLOBAL_KEY}"`,
        `CLOUDFLARE_GLOBAL_API_KEY: ${LEGACY_GLOBAL_KEY}`,
        `cloudflare_api_key = "${LEGACY_GLOBAL_KEY}"`,
      ],
      negative: [
        `CLOUDFLARE_API_KEY=${LEGACY_GLOBAL_KEY.toUpperCase()}`,
        `CLOUDFLARE_API_KEY=${'0'.repeat(37)}`,
        'X-Auth-Key: ${CLOUDFLARE_API_KEY}',
        `cloudflare_zone_id = "${LEGACY_GLOBAL_KEY.slice(0, 32)}"`,
      ],
    },
  },
];
