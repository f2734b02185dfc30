import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// DeepSeek API keys: sk- + 32 lower-case hex (platform.deepseek.com), too plain to report without a
// DeepSeek setting or client nearby.

const fake = fakes('deepseek');

export const DEEPSEEK_RULES: readonly Rule[] = [
  {
    id: 'deepseek-api-key',
    description: 'DeepSeek API key (sk-…, in a DeepSeek setting)',
    keywords: ['deepseek'],
    pattern: /deepseek[\w.-]{0,24}?["'\]]{0,2}\s{0,3}(?::=|=>|[:=])\s{0,3}["'`]?(?<secret>sk-[a-f0-9]{32})(?![\w-])/i,
    entropy: 3,
    examples: {
      positive: [
        `DEEPSEEK_API_KEY=sk-${fake.hex(32)}`,
        `  "deepseekApiKey": "sk-${fake.hex(32)}",`,
      ],
      negative: [
        'DEEPSEEK_API_KEY=sk-...',
        'DEEPSEEK_API_KEY=sk-your-deepseek-key',
        'DEEPSEEK_BASE_URL=https://api.deepseek.com',
      ],
    },
  },
];
