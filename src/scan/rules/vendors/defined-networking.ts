import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Defined Networking (managed Nebula) API keys: dnkey-<26>-<52> (docs.defined.net "API keys").

const fake = fakes('defined-networking');

export const DEFINED_NETWORKING_RULES: readonly Rule[] = [
  {
    id: 'defined-networking-api-key',
    description: 'Defined Networking API key (dnkey-…)',
    keywords: ['dnkey-'],
    pattern: /\bdnkey-[A-Za-z0-9=_-]{26}-[A-Za-z0-9=_-]{52}(?![\w=-])/,
    entropy: 3.5,
    examples: {
      positive: [
        `DN_API_KEY=dnkey-${fake.upper(26)}-${fake.upper(52)}`,
        `curl -H "Authorization: Bearer dnkey-${fake.upper(26)}-${fake.upper(52)}" https://api.defined.net/v1/hosts`,
      ],
      negative: [
        'curl -H "Authorization: Bearer $DN_API_KEY" https://api.defined.net/v1/hosts',
        `DN_API_KEY=dnkey-${fake.upper(26)}`,
      ],
    },
  },
];
