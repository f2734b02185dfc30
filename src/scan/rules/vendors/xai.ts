import type { Rule } from '../../types.js';
import { ALNUM, fake, plausible } from './kit-m-z.js';

export const XAI_RULES: readonly Rule[] = [
  {
    id: 'xai-api-key',
    description: 'xAI (Grok) API key (xai-…)',
    keywords: ['xai-'],
    pattern: /\bxai-[A-Za-z0-9_]{80}(?![\w-])/,
    entropy: 4.3,
    validate: plausible,
    examples: {
      positive: [
        `XAI_API_KEY=xai-${fake(ALNUM, 80, 'xai-1')}`,
        `client = OpenAI(api_key="xai-${fake(ALNUM, 80, 'xai-2')}", base_url="https://api.x.ai/v1")`,
      ],
      negative: [
        'client = OpenAI(api_key=os.getenv("XAI_API_KEY"), base_url="https://api.x.ai/v1")',
        'XAI_API_KEY=xai-...',
        `XAI_API_KEY=xai-${fake(ALNUM, 60, 'xai-3')}`,
      ],
    },
  },
];
