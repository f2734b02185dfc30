import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Databricks personal access tokens: dapi + 32 hex, sometimes with a -<digit> suffix
// (docs.databricks.com "Personal access tokens"); OAuth secrets of service principals: dose + 32 hex.

const fake = fakes('databricks');

export const DATABRICKS_RULES: readonly Rule[] = [
  {
    id: 'databricks-token',
    description: 'Databricks personal access token (dapi…)',
    keywords: ['dapi'],
    pattern: /\bdapi[a-f0-9]{32}(?:-\d)?(?![\w-])/,
    entropy: 3,
    examples: {
      positive: [
        `DATABRICKS_TOKEN=dapi${fake.hex(32)}`,
        `  token: 'dapi${fake.hex(32)}-2'`,
      ],
      negative: [
        'DATABRICKS_TOKEN=dapi00000000000000000000000000000000',
        `DATABRICKS_TOKEN=dapi${fake.hex(20)}`,
        'DATABRICKS_TOKEN: ${{ secrets.DATABRICKS_TOKEN }}',
      ],
    },
  },
  {
    id: 'databricks-oauth-secret',
    description: 'Databricks service principal OAuth secret (dose…)',
    keywords: ['dose'],
    pattern: /\bdose[a-f0-9]{32}(?![\w-])/,
    entropy: 3,
    examples: {
      positive: [
        `DATABRICKS_CLIENT_SECRET=dose${fake.hex(32)}`,
        `  client_secret: "dose${fake.hex(32)}"`,
      ],
      negative: [
        'DATABRICKS_CLIENT_SECRET=doseXXXXXXXX-REPLACE-ME-XXXXXXXX',
        'the recommended dose for adults',
        `DATABRICKS_CLIENT_SECRET=dose${fake.hex(40)}`,
      ],
    },
  },
];
