import type { Rule } from '../../types.js';
import { HEX, fake, plausible } from './kit-m-z.js';

export const PULUMI_RULES: readonly Rule[] = [
  {
    id: 'pulumi-api-token',
    description: 'Pulumi Cloud access token (pul-…)',
    keywords: ['pul-'],
    pattern: /\bpul-[0-9a-f]{40}(?![\w-])/,
    entropy: 3.3,
    validate: plausible,
    examples: {
      positive: [
        `PULUMI_ACCESS_TOKEN=pul-${fake(HEX, 40, 'pulumi-1')}`,
        `  PULUMI_ACCESS_TOKEN: "pul-${fake(HEX, 40, 'pulumi-2')}"`,
      ],
      negative: [
        '  PULUMI_ACCESS_TOKEN: ${{ secrets.PULUMI_ACCESS_TOKEN }}',
        'PULUMI_ACCESS_TOKEN=pul-0000000000000000000000000000000000000000',
        `PULUMI_ACCESS_TOKEN=pul-${fake(HEX, 32, 'pulumi-3')}`,
      ],
    },
  },
];
