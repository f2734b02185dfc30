import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// 42 school intranet (api.intra.42.fr) OAuth application secrets: s-s4t2ud- / s-s4t2af- + 64 hex.

const fake = fakes('intra42');

export const INTRA42_RULES: readonly Rule[] = [
  {
    id: 'intra42-client-secret',
    description: '42 intranet OAuth client secret (s-s4t2ud-…)',
    keywords: ['s-s4t2ud-', 's-s4t2af-'],
    pattern: /\bs-s4t2(?:ud|af)-[a-f0-9]{64}\b/,
    entropy: 3,
    examples: {
      positive: [
        `FT_CLIENT_SECRET=s-s4t2ud-${fake.hex(64)}`,
        `  clientSecret: 's-s4t2af-${fake.hex(64)}',`,
      ],
      negative: [
        "  clientSecret: process.env.FT_CLIENT_SECRET,",
        `FT_CLIENT_SECRET=s-s4t2ud-${fake.hex(32)}`,
      ],
    },
  },
];
