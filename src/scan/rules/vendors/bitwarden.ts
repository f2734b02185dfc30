import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Bitwarden Secrets Manager access tokens: "0." + machine-account id (UUID) + "." + 30-character
// client secret + ":" + base64 encryption key (bitwarden.com/help/access-tokens, the bws CLI).
// The shape holds no literal long enough to look for, so a token counts where it is given: to a
// BWS or Bitwarden name (`BWS_ACCESS_TOKEN=`), to an access-token setting, flag or login call
// (`--access-token `, `access_token: "`, `login_access_token("`).

const fake = fakes('bitwarden');

const CONTEXT = String.raw`(?:(?:bws|bitwarden)[\w.-]{0,30}?["'\]]{0,2}\s{0,3}(?::=|=>|[:=])\s{0,3}["'\x60]?|access[_-]?token(?:["'\]]{0,2}\s{0,3}(?::=|=>|[:=])\s{0,3}["'\x60]?|\(\s{0,3}["'\x60]|[ \t]{1,3}["']?))`;

export const BITWARDEN_RULES: readonly Rule[] = [
  {
    id: 'bitwarden-access-token',
    description: 'Bitwarden Secrets Manager access token (0.<uuid>.<secret>:<key>)',
    keywords: ['bws', 'bitwarden', 'access_token', 'access-token', 'accesstoken'],
    pattern: new RegExp(
      String.raw`${CONTEXT}(?<![\w.])(?<secret>0\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[A-Za-z0-9]{30}:[A-Za-z0-9+/]{22}==)(?![\w+/=-])`,
      'i',
    ),
    entropy: 3.5,
    examples: {
      positive: [
        `export BWS_ACCESS_TOKEN=0.${fake.uuid()}.${fake.alnum(30)}:${fake.b64(22)}==`,
        `      BWS_ACCESS_TOKEN: "0.${fake.uuid()}.${fake.alnum(30)}:${fake.b64(21)}Q=="`,
        `bws secret list --access-token 0.${fake.uuid()}.${fake.alnum(30)}:${fake.b64(22)}==`,
        `client.auth().login_access_token("0.${fake.uuid()}.${fake.alnum(30)}:${fake.b64(22)}==", state_path)`,
      ],
      negative: [
        'export BWS_ACCESS_TOKEN=0.<access-token-id>.<client-secret>:<encryption-key>',
        '      BWS_ACCESS_TOKEN: ${{ secrets.BWS_ACCESS_TOKEN }}',
        `export BWS_ACCESS_TOKEN=0.${fake.uuid()}.${fake.alnum(30)}:${fake.b64(10)}==`,
      ],
    },
  },
];
