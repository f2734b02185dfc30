import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// 1Password Secret Key (A3-…, the second factor of an account's master password) and service account
// tokens (ops_ + base64 of a JSON document): 1Password's account and service-account documentation.

const fake = fakes('1password');

/** A fake service account token for the examples: ops_ + base64 of the JSON document it carries. */
function serviceAccountToken(): string {
  const document = {
    signInAddress: 'my.1password.com',
    userAuth: { method: 'SRPg-4096', alg: 'PBES2g-HS256', iterations: 650000, salt: fake.alnum(22) },
    email: `${fake.lower(13)}@1passwordserviceaccounts.com`,
    srpX: fake.hex(64),
    muk: { alg: 'A256GCM', ext: true, k: fake.alnum(43), key_ops: ['encrypt', 'decrypt'], kty: 'oct', kid: 'mp' },
    secretKey: `A3-${fake.upper(6)}-${fake.upper(6)}-${fake.upper(5)}-${fake.upper(5)}-${fake.upper(5)}-${fake.upper(5)}`,
    throttleSecret: { seed: fake.hex(64), uuid: fake.upper(26) },
    deviceUuid: fake.lower(26),
  };
  return `ops_${Buffer.from(JSON.stringify(document)).toString('base64').replace(/=+$/, '')}`;
}

export const ONEPASSWORD_RULES: readonly Rule[] = [
  {
    id: '1password-secret-key',
    description: '1Password account Secret Key (A3-…)',
    keywords: ['a3-'],
    pattern: /\bA3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}\b/,
    entropy: 3.8,
    examples: {
      positive: [
        `OP_SECRET_KEY=A3-${fake.upper(6)}-${fake.upper(6)}-${fake.upper(5)}-${fake.upper(5)}-${fake.upper(5)}-${fake.upper(5)}`,
        `  "secretKey": "A3-${fake.upper(6)}-${fake.upper(11)}-${fake.upper(5)}-${fake.upper(5)}-${fake.upper(5)}",`,
      ],
      negative: [
        'OP_SECRET_KEY=A3-XXXXXX-XXXXXX-XXXXX-XXXXX-XXXXX-XXXXX',
        `OP_SECRET_KEY=A3-${fake.upper(6)}-${fake.upper(6)}-${fake.upper(5)}-${fake.upper(5)}`,
        'OP_SECRET_KEY=${{ secrets.OP_SECRET_KEY }}',
      ],
    },
  },
  {
    id: '1password-service-account-token',
    description: '1Password service account token (ops_…)',
    keywords: ['ops_eyj'],
    pattern: /\bops_eyJ[A-Za-z0-9+/_-]{250,4000}={0,2}(?![\w+/=-])/,
    entropy: 4,
    examples: {
      positive: [
        `export OP_SERVICE_ACCOUNT_TOKEN=${serviceAccountToken()}`,
        `          OP_SERVICE_ACCOUNT_TOKEN: "${serviceAccountToken()}"`,
      ],
      negative: [
        'OP_SERVICE_ACCOUNT_TOKEN: ${{ secrets.OP_SERVICE_ACCOUNT_TOKEN }}',
        'export OP_SERVICE_ACCOUNT_TOKEN=ops_eyJzaWduSW5BZGRyZXNzIjoi...',
      ],
    },
  },
];
