import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Fastly API tokens: 32 characters with no prefix (docs.fastly.com "Using API tokens"); found in a
// Fastly setting or after the Fastly-Key header.

const fake = fakes('fastly');

export const FASTLY_RULES: readonly Rule[] = [
  {
    id: 'fastly-api-token',
    description: 'Fastly API token (32 characters, in a Fastly setting)',
    keywords: ['fastly'],
    pattern: /fastly[\w.-]{0,20}?(?:token|key)[\w.-]{0,8}?["'\]]{0,2}\s{0,3}(?::=|=>|[:=])\s{0,3}["'`]?(?<secret>[A-Za-z0-9_-]{32})(?![\w-])/i,
    entropy: 3.5,
    examples: {
      positive: [
        `FASTLY_API_TOKEN=${fake.alnum(32)}`,
        `curl -X POST -H "Fastly-Key: ${fake.alnum(32)}" https://api.fastly.com/service/${fake.alnum(22)}/purge_all`,
      ],
      negative: [
        `curl -X POST -H "Fastly-Key: $FASTLY_API_TOKEN" https://api.fastly.com/service/${fake.alnum(22)}/purge_all`,
        `FASTLY_SERVICE_ID=${fake.alnum(22)}`,
      ],
    },
  },
];
