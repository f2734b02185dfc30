import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// EasyPost API keys: EZAK (production) or EZTK (test) + 54 alphanumerics (docs.easypost.com, authentication).

const fake = fakes('easypost');

export const EASYPOST_RULES: readonly Rule[] = [
  {
    id: 'easypost-api-key',
    description: 'EasyPost production API key (EZAK…)',
    keywords: ['ezak'],
    pattern: /\bEZAK[A-Za-z0-9]{54}\b/,
    entropy: 3.5,
    examples: {
      positive: [
        `EASYPOST_API_KEY=EZAK${fake.alnum(54)}`,
        `client = easypost.EasyPostClient('EZAK${fake.alnum(54)}')`,
      ],
      negative: [
        "client = easypost.EasyPostClient(os.getenv('EASYPOST_API_KEY'))",
        `EASYPOST_API_KEY=EZAK${fake.alnum(30)}`,
      ],
    },
  },
  {
    id: 'easypost-test-api-key',
    description: 'EasyPost test API key (EZTK…)',
    keywords: ['eztk'],
    pattern: /\bEZTK[A-Za-z0-9]{54}\b/,
    entropy: 3.5,
    examples: {
      positive: [
        `EASYPOST_TEST_API_KEY=EZTK${fake.alnum(54)}`,
        `  apiKey: 'EZTK${fake.alnum(54)}',`,
      ],
      negative: [
        "  apiKey: process.env.EASYPOST_TEST_API_KEY,",
        'EASYPOST_TEST_API_KEY=EZTKxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
];
