import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// HCP Terraform / Terraform Enterprise API tokens: <14>.atlasv1.<60–70>; Vault tokens: hvs. (service),
// hvb. (batch) and, before Vault 1.10, "s." + 24 characters (developer.hashicorp.com/vault/docs/concepts/tokens).
// A dev-mode root token (hvs. + 24) is short, hence the lower bound.

const fake = fakes('hashicorp');

export const HASHICORP_RULES: readonly Rule[] = [
  {
    id: 'hashicorp-terraform-api-token',
    description: 'HCP Terraform / Terraform Enterprise API token (….atlasv1.…)',
    keywords: ['atlasv1'],
    pattern: /\b[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70}(?![\w=-])/,
    entropy: 3.5,
    examples: {
      positive: [
        `TF_TOKEN_app_terraform_io=${fake.alnum(14)}.atlasv1.${fake.alnum(67)}`,
        `  token = "${fake.alnum(14)}.atlasv1.${fake.alnum(67)}"`,
      ],
      negative: [
        '  token = "xxxxxxxxxxxxxx.atlasv1.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"',
        'TF_TOKEN_app_terraform_io=${{ secrets.TF_API_TOKEN }}',
        `  token = "${fake.alnum(14)}.atlasv1.${fake.alnum(20)}"`,
      ],
    },
  },
  {
    id: 'hashicorp-vault-service-token',
    description: 'HashiCorp Vault service token (hvs.…)',
    keywords: ['hvs.'],
    pattern: /\bhvs\.[A-Za-z0-9_-]{24,130}(?![\w-])/,
    entropy: 3.5,
    examples: {
      positive: [
        `export VAULT_TOKEN=hvs.CAESI${fake.alnum(40)}GiYKHGh2cy5${fake.alnum(40)}`,
        `vault login hvs.${fake.alnum(24)}`,
      ],
      negative: [
        'export VAULT_TOKEN=hvs.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'export VAULT_TOKEN=$(vault print token)',
        `vault login hvs.${fake.alnum(10)}`,
      ],
    },
  },
  {
    id: 'hashicorp-vault-batch-token',
    description: 'HashiCorp Vault batch token (hvb.…)',
    keywords: ['hvb.'],
    pattern: /\bhvb\.[A-Za-z0-9_.-]{50,300}(?![\w.-])/,
    entropy: 4,
    examples: {
      positive: [
        `VAULT_TOKEN=hvb.AAAAAQ${fake.alnum(150)}`,
        `  "client_token": "hvb.AAAAAQ${fake.alnum(130)}",`,
      ],
      negative: [
        `VAULT_TOKEN=hvb.${fake.alnum(20)}`,
        '  "client_token": "hvb.<batch token>",',
      ],
    },
  },
  {
    id: 'hashicorp-vault-legacy-token',
    description: 'HashiCorp Vault token in the legacy format (s.…, in a Vault token setting)',
    keywords: ['vault'],
    pattern: /vault[\w.-]{0,20}?token[\w.-]{0,8}?["'\]]{0,2}\s{0,3}(?::=|=>|[:=])\s{0,3}["'`]?(?<secret>s\.[A-Za-z0-9]{24})(?![\w-])/i,
    entropy: 3.5,
    validate: (secret) => /\d/.test(secret.slice(2)),
    examples: {
      positive: [
        `export VAULT_TOKEN=s.${fake.alnum(22)}7x`,
        `  vault_token: "s.${fake.alnum(20)}4QzM"`,
      ],
      negative: [
        'VAULT_TOKEN: s.AcceptanceTimeoutSeconds',
        'export VAULT_TOKEN=s.xxxxxxxxxxxxxxxxxxxxxxxx',
        'export VAULT_TOKEN=${VAULT_TOKEN}',
      ],
    },
  },
];
