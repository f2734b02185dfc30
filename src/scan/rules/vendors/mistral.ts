import type { Rule } from '../../types.js';
import { ALNUM, assigned, fake, plausible } from './kit-m-z.js';

export const MISTRAL_RULES: readonly Rule[] = [
  {
    id: 'mistral-api-key',
    description: 'Mistral AI API key (32 characters) given to a Mistral key name or client',
    keywords: ['mistral'],
    pattern: assigned('mistral', '[A-Za-z0-9]{32}', {
      kind: 'key|token|secret',
      or: 'mistral(?:client|ai)?\\(\\s{0,3}api_key\\s{0,3}=\\s{0,3}["\']',
    }),
    entropy: 3.7,
    validate: plausible,
    examples: {
      positive: [
        `MISTRAL_API_KEY=${fake(ALNUM, 32, 'mistral-1')}`,
        `client = Mistral(api_key="${fake(ALNUM, 32, 'mistral-2')}")`,
      ],
      negative: [
        'client = Mistral(api_key=os.environ["MISTRAL_API_KEY"])',
        'MISTRAL_API_KEY=your-mistral-api-key-goes-here',
        `MISTRAL_MODEL_ID=${fake(ALNUM, 32, 'mistral-3')}`,
      ],
    },
  },
];
