import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// LangSmith (LangChain) API keys: lsv2_pt_ (personal) or lsv2_sk_ (service) + 32 hex + "_" + 10 hex
// (docs.smith.langchain.com).

const fake = fakes('langsmith');

export const LANGSMITH_RULES: readonly Rule[] = [
  {
    id: 'langsmith-api-key',
    description: 'LangSmith API key (lsv2_pt_… / lsv2_sk_…)',
    keywords: ['lsv2_'],
    pattern: /\blsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}\b/,
    entropy: 3,
    examples: {
      positive: [
        `LANGSMITH_API_KEY=lsv2_pt_${fake.hex(32)}_${fake.hex(10)}`,
        `os.environ["LANGCHAIN_API_KEY"] = "lsv2_sk_${fake.hex(32)}_${fake.hex(10)}"`,
      ],
      negative: [
        'LANGSMITH_API_KEY=lsv2_pt_...',
        'os.environ["LANGCHAIN_API_KEY"] = os.getenv("LANGSMITH_API_KEY")',
        `LANGSMITH_API_KEY=lsv2_pt_${fake.hex(32)}`,
      ],
    },
  },
];
