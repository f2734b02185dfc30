import type { Rule } from '../../types.js';
import { ALNUM, fake, plausible } from './kit-m-z.js';

export const PREFECT_RULES: readonly Rule[] = [
  {
    id: 'prefect-api-token',
    description: 'Prefect Cloud API key (pnu_…)',
    keywords: ['pnu_'],
    pattern: /\bpnu_[A-Za-z0-9]{36}(?![\w-])/,
    entropy: 4,
    validate: plausible,
    examples: {
      positive: [
        `PREFECT_API_KEY=pnu_${fake(ALNUM, 36, 'prefect-1')}`,
        `prefect cloud login --key pnu_${fake(ALNUM, 36, 'prefect-2')} --workspace acme/prod`,
      ],
      negative: [
        'PREFECT_API_KEY = "pnu_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"',
        'prefect cloud login --key "$PREFECT_API_KEY" --workspace acme/prod',
        `PREFECT_API_KEY=pnu_${fake(ALNUM, 24, 'prefect-3')}`,
      ],
    },
  },
];
