import type { Rule } from '../../types.js';
import { B64URL, fake, plausible } from './kit-m-z.js';

export const TOGETHER_RULES: readonly Rule[] = [
  {
    id: 'together-api-key',
    description: 'Together AI API key (tgp_v1_…)',
    keywords: ['tgp_v1_'],
    pattern: /\btgp_v1_[A-Za-z0-9_-]{43}(?![\w-])/,
    entropy: 4,
    validate: plausible,
    examples: {
      positive: [
        `TOGETHER_API_KEY=tgp_v1_${fake(B64URL, 43, 'together-1')}`,
        `client = Together(api_key="tgp_v1_${fake(B64URL, 43, 'together-2')}")`,
      ],
      negative: [
        'client = Together(api_key=os.environ.get("TOGETHER_API_KEY"))',
        "expect(raw).not.toContain('tgp_v1_');",
        `TOGETHER_API_KEY=tgp_v1_${fake(B64URL, 30, 'together-3')}`,
      ],
    },
  },
];
