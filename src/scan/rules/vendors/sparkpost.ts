import type { Rule } from '../../types.js';
import { HEX, assigned, fake, plausible } from './kit-m-z.js';

export const SPARKPOST_RULES: readonly Rule[] = [
  {
    id: 'sparkpost-api-key',
    description: 'SparkPost API key (40 hex) given to a SparkPost key name or client',
    keywords: ['sparkpost'],
    pattern: assigned('sparkpost', '[0-9a-f]{40}', {
      kind: 'key|token|secret|password',
      or: 'sparkpost\\(\\s{0,3}["\']',
    }),
    entropy: 3.1,
    validate: plausible,
    examples: {
      positive: [
        `SPARKPOST_API_KEY=${fake(HEX, 40, 'sparkpost-1')}`,
        `const client = new SparkPost('${fake(HEX, 40, 'sparkpost-2')}');`,
      ],
      negative: [
        'SPARKPOST_API_KEY=<YOUR API KEY>',
        `SPARKPOST_TEMPLATE_ID=${fake(HEX, 40, 'sparkpost-3')}`,
        'const client = new SparkPost(process.env.SPARKPOST_API_KEY);',
      ],
    },
  },
];
