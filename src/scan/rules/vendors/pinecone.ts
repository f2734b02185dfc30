import type { Rule } from '../../types.js';
import { ALNUM, fake, plausible } from './kit-m-z.js';

export const PINECONE_RULES: readonly Rule[] = [
  {
    id: 'pinecone-api-key',
    description: 'Pinecone API key (pcsk_…)',
    keywords: ['pcsk_'],
    pattern: /\bpcsk_[A-Za-z0-9]{5,6}_[A-Za-z0-9]{63}(?![\w-])/,
    entropy: 4,
    validate: plausible,
    examples: {
      positive: [
        `PINECONE_API_KEY=pcsk_${fake(ALNUM, 6, 'pinecone-1')}_${fake(ALNUM, 63, 'pinecone-2')}`,
        `pc = Pinecone(api_key="pcsk_${fake(ALNUM, 5, 'pinecone-3')}_${fake(ALNUM, 63, 'pinecone-4')}")`,
      ],
      negative: [
        'PINECONE_API_KEY=pcsk_xxxxx_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'pc = Pinecone(api_key=os.environ.get("PINECONE_API_KEY"))',
        `PINECONE_API_KEY=pcsk_${fake(ALNUM, 6, 'pinecone-5')}_${fake(ALNUM, 40, 'pinecone-6')}`,
      ],
    },
  },
];
