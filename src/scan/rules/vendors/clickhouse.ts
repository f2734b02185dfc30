import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// ClickHouse Cloud API key secrets start with 4b1d (clickhouse.com/docs/cloud/manage/openapi).
// Plain hex strings that happen to start with 4b1d are not secrets: a letter past f is required.

const fake = fakes('clickhouse');

export const CLICKHOUSE_RULES: readonly Rule[] = [
  {
    id: 'clickhouse-cloud-api-secret',
    description: 'ClickHouse Cloud API key secret (4b1d…)',
    keywords: ['4b1d'],
    pattern: /\b4b1d[A-Za-z0-9]{38}\b/,
    entropy: 3.5,
    validate: (secret) => /[g-zG-Z]/.test(secret),
    examples: {
      positive: [
        `CLICKHOUSE_KEY_SECRET=4b1d${fake.alnum(38)}`,
        `curl --user "${fake.alnum(20)}:4b1d${fake.alnum(38)}" https://api.clickhouse.cloud/v1/organizations`,
      ],
      negative: [
        `sha = "4b1d${fake.hex(38)}"`,
        `CLICKHOUSE_KEY_SECRET=4b1d${fake.alnum(20)}`,
        'curl --user "$CLICKHOUSE_KEY_ID:$CLICKHOUSE_KEY_SECRET" https://api.clickhouse.cloud/v1/organizations',
      ],
    },
  },
];
