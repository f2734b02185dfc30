import type { Rule } from '../../types.js';
import { HEX, assigned, fake, plausible } from './kit-m-z.js';

export const WANDB_RULES: readonly Rule[] = [
  {
    id: 'wandb-api-key',
    description: 'Weights & Biases API key (40 hex, local-… on W&B Server) given to a W&B name or `wandb login`',
    keywords: ['wandb'],
    pattern: assigned('wandb', '(?:local-)?[0-9a-f]{40}', {
      kind: 'key|token|secret',
      or: '\\bwandb\\s{1,3}login(?:\\s{1,3}--[\\w-]{1,20}(?:[= ][^\\s]{1,100})?){0,2}\\s{1,3}',
    }),
    entropy: 3.1,
    validate: plausible,
    examples: {
      positive: [
        `WANDB_API_KEY=${fake(HEX, 40, 'wandb-1')}`,
        `wandb login ${fake(HEX, 40, 'wandb-2')}`,
      ],
      negative: [
        'wandb login $WANDB_API_KEY',
        `WANDB_RUN_ID=${fake(HEX, 40, 'wandb-3')}`,
        'WANDB_API_KEY=0000000000000000000000000000000000000000',
      ],
    },
  },
];
