import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Lob secret API keys: live_ or test_ + 35 hex (docs.lob.com, authentication). Publishable keys
// (live_pub_…) are meant for front-ends and do not match.

const fake = fakes('lob');

export const LOB_RULES: readonly Rule[] = [
  {
    id: 'lob-api-key',
    description: 'Lob secret API key (live_… / test_… + 35 hex)',
    keywords: ['live_', 'test_'],
    pattern: /\b(?:live|test)_[a-f0-9]{35}\b/,
    entropy: 3,
    examples: {
      positive: [
        `LOB_API_KEY=live_${fake.hex(35)}`,
        `const lob = require('lob')('test_${fake.hex(35)}');`,
      ],
      negative: [
        "const lob = require('lob')(process.env.LOB_API_KEY);",
        `LOB_PUBLISHABLE_KEY=live_pub_${fake.hex(31)}`,
        `LOB_API_KEY=live_${fake.hex(32)}`,
      ],
    },
  },
];
