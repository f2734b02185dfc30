import type { Rule } from '../../types.js';
import { B64URL, fake, plausible } from './kit-m-z.js';

export const NVIDIA_RULES: readonly Rule[] = [
  {
    id: 'nvidia-api-key',
    description: 'NVIDIA API key for build.nvidia.com / NGC (nvapi-…)',
    keywords: ['nvapi-'],
    pattern: /\bnvapi-[A-Za-z0-9_-]{64}(?![\w-])/,
    entropy: 4,
    validate: plausible,
    examples: {
      positive: [
        `export NVIDIA_API_KEY=nvapi-${fake(B64URL, 64, 'nvidia-1')}`,
        `client = OpenAI(base_url="https://integrate.api.nvidia.com/v1", api_key="nvapi-${fake(B64URL, 64, 'nvidia-2')}")`,
      ],
      negative: [
        'export NVIDIA_API_KEY=nvapi-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'client = OpenAI(base_url="https://integrate.api.nvidia.com/v1", api_key=os.environ["NVIDIA_API_KEY"])',
        `export NVIDIA_API_KEY=nvapi-${fake(B64URL, 48, 'nvidia-3')}`,
      ],
    },
  },
];
