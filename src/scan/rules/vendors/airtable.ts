import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Airtable personal access tokens: pat + 14-character id + "." + 64 hex
// (support.airtable.com "Creating personal access tokens"). Legacy API keys (key…) stopped working in 2024.

const fake = fakes('airtable');

export const AIRTABLE_RULES: readonly Rule[] = [
  {
    id: 'airtable-personal-access-token',
    description: 'Airtable personal access token (pat….…)',
    keywords: ['pat'],
    pattern: /\bpat[A-Za-z0-9]{14}\.[a-f0-9]{64}\b/,
    entropy: 3.5,
    examples: {
      positive: [
        `AIRTABLE_API_KEY=pat${fake.alnum(14)}.${fake.hex(64)}`,
        `const base = new Airtable({ apiKey: 'pat${fake.alnum(14)}.${fake.hex(64)}' }).base('app${fake.alnum(14)}');`,
      ],
      negative: [
        'AIRTABLE_API_KEY=patXXXXXXXXXXXXXX.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        `const base = new Airtable({ apiKey: process.env.AIRTABLE_API_KEY }).base('app${fake.alnum(14)}');`,
        `AIRTABLE_API_KEY=pat${fake.alnum(14)}.${fake.hex(40)}`,
      ],
    },
  },
];
