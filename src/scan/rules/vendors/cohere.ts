import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Cohere API keys: 40 alphanumerics with no prefix (docs.cohere.com); found in a Cohere / CO_API_KEY setting.

const fake = fakes('cohere');

export const COHERE_RULES: readonly Rule[] = [
  {
    id: 'cohere-api-key',
    description: 'Cohere API key (40 characters, in a Cohere setting)',
    keywords: ['cohere', 'co_api_key'],
    pattern:
      /(?:cohere|co_api_key)[\w.-]{0,20}?["'\]]{0,2}\s{0,3}(?::=|=>|[:=]|\(\s{0,3}(?:api_key\s{0,3}=\s{0,3})?)\s{0,3}["'`]?(?<secret>[A-Za-z0-9]{40})(?![\w-])/i,
    entropy: 4,
    examples: {
      positive: [
        `COHERE_API_KEY=${fake.alnum(40)}`,
        `co = cohere.Client('${fake.alnum(40)}')`,
        `export CO_API_KEY="${fake.alnum(40)}"`,
      ],
      negative: [
        "co = cohere.Client(os.environ['COHERE_API_KEY'])",
        'COHERE_API_KEY=your-cohere-api-key',
        `COHERE_API_KEY=${fake.alnum(32)}`,
      ],
    },
  },
];
