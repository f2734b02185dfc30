import type { Rule } from '../../types.js';
import { HEX, fake, plausible } from './kit-m-z.js';

export const OPENROUTER_RULES: readonly Rule[] = [
  {
    id: 'openrouter-api-key',
    description: 'OpenRouter API key (sk-or-v1-…)',
    keywords: ['sk-or-v1-'],
    pattern: /\bsk-or-v1-[0-9a-f]{64}(?![\w-])/,
    entropy: 3.5,
    validate: plausible,
    examples: {
      positive: [
        `OPENROUTER_API_KEY=sk-or-v1-${fake(HEX, 64, 'openrouter-1')}`,
        `client = OpenAI(base_url="https://openrouter.ai/api/v1", api_key="sk-or-v1-${fake(HEX, 64, 'openrouter-2')}")`,
      ],
      negative: [
        'OPENROUTER_API_KEY=sk-or-v1-...',
        'client = OpenAI(base_url="https://openrouter.ai/api/v1", api_key=os.getenv("OPENROUTER_API_KEY"))',
        `OPENROUTER_API_KEY=sk-or-v1-${fake(HEX, 48, 'openrouter-3')}`,
      ],
    },
  },
];
