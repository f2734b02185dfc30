import type { Rule } from '../../types.js';
import { ALNUM, fake, plausible } from './kit-m-z.js';

export const PERPLEXITY_RULES: readonly Rule[] = [
  {
    id: 'perplexity-api-key',
    description: 'Perplexity API key (pplx-…)',
    keywords: ['pplx-'],
    pattern: /\bpplx-[A-Za-z0-9]{48}(?![\w-])/,
    entropy: 4,
    validate: plausible,
    examples: {
      positive: [
        `PERPLEXITY_API_KEY=pplx-${fake(ALNUM, 48, 'perplexity-1')}`,
        `client = OpenAI(api_key="pplx-${fake(ALNUM, 48, 'perplexity-2')}", base_url="https://api.perplexity.ai")`,
      ],
      negative: [
        'PERPLEXITY_API_KEY=pplx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'client = OpenAI(api_key=os.environ["PERPLEXITY_API_KEY"], base_url="https://api.perplexity.ai")',
        `PERPLEXITY_API_KEY=pplx-${fake(ALNUM, 32, 'perplexity-3')}`,
      ],
    },
  },
];
