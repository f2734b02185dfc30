import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Buildkite user API access tokens: bkua_ + 40 characters (buildkite.com/docs/apis/managing-api-tokens).

const fake = fakes('buildkite');

export const BUILDKITE_RULES: readonly Rule[] = [
  {
    id: 'buildkite-api-token',
    description: 'Buildkite user API access token (bkua_…)',
    keywords: ['bkua_'],
    pattern: /\bbkua_[a-z0-9]{40}\b/,
    entropy: 3,
    examples: {
      positive: [
        `BUILDKITE_API_TOKEN=bkua_${fake.hex(40)}`,
        `curl -H "Authorization: Bearer bkua_${fake.hex(40)}" https://api.buildkite.com/v2/user`,
      ],
      negative: [
        'curl -H "Authorization: Bearer $BUILDKITE_API_TOKEN" https://api.buildkite.com/v2/user',
        `BUILDKITE_API_TOKEN=bkua_${fake.hex(24)}`,
        'BUILDKITE_API_TOKEN=bkua_0000000000000000000000000000000000000000',
      ],
    },
  },
];
