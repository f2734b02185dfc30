import type { Rule } from '../../types.js';
import { END, START } from './kit.js';

const TOKEN = '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';
const ORG = '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';

export const HUGGINGFACE_RULES: readonly Rule[] = [
  {
    id: 'huggingface-token',
    provider: 'huggingface',
    description: 'Hugging Face user access token (hf_…)',
    keywords: ['hf_'],
    pattern: new RegExp(String.raw`${START}(?<secret>hf_[A-Za-z]{34})${END}`),
    entropy: 3.5,
    examples: {
      positive: [`export HF_TOKEN=${TOKEN}`, `login(token="${TOKEN}")`, `git clone https://user:${TOKEN}@huggingface.co/acme/model`],
      negative: [`HF_TOKEN=hf_${'x'.repeat(34)}`, 'HF_TOKEN=hf_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'login(token=os.environ["HF_TOKEN"])', `HF_TOKEN=${TOKEN}1`],
    },
  },
  {
    id: 'huggingface-org-token',
    provider: 'huggingface',
    description: 'Hugging Face organization API token (api_org_…)',
    keywords: ['api_org_'],
    pattern: new RegExp(String.raw`${START}(?<secret>api_org_[A-Za-z]{34})${END}`),
    entropy: 3.5,
    examples: {
      positive: [`HUGGINGFACE_ORG_TOKEN=${ORG}`, `headers = {"Authorization": "Bearer ${ORG}"}`],
      negative: [`HUGGINGFACE_ORG_TOKEN=api_org_${'a'.repeat(34)}`, `HUGGINGFACE_ORG_TOKEN=${ORG.slice(0, 30)}`],
    },
  },
];
