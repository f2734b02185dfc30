import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// crates.io API tokens: cio + 32 alphanumerics (crates.io/settings/tokens; cargo's credentials.toml).

const fake = fakes('crates-io');

export const CRATES_IO_RULES: readonly Rule[] = [
  {
    id: 'crates-io-api-token',
    description: 'crates.io API token (cio…)',
    keywords: ['cio'],
    pattern: /\bcio[A-Za-z0-9]{32}\b/,
    entropy: 4,
    validate: (secret) => /\d/.test(secret.slice(3)),
    examples: {
      positive: [
        `CARGO_REGISTRY_TOKEN=cio${fake.alnum(32)}`,
        `token = "cio${fake.alnum(32)}"`,
      ],
      negative: [
        'CARGO_REGISTRY_TOKEN: ${{ secrets.CARGO_REGISTRY_TOKEN }}',
        'token = "cioxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"',
        `token = "cio${fake.alnum(20)}"`,
        'const cioConfigurationServiceHandler = new Handler();',
      ],
    },
  },
];
