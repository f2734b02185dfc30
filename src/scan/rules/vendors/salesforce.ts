import type { Rule } from '../../types.js';
import { ALNUM, fake, plausible } from './kit-m-z.js';

const token = (seed: string): string => `00D${fake(ALNUM, 12, `${seed}-org`)}!${fake(`${ALNUM}._`, 96, `${seed}-session`)}`;

export const SALESFORCE_RULES: readonly Rule[] = [
  {
    id: 'salesforce-access-token',
    description: 'Salesforce access or session token (00D<org id>!…)',
    keywords: ['00d'],
    pattern: /\b00D[A-Za-z0-9]{12,15}![A-Za-z0-9._]{90,120}(?![\w.-])/,
    entropy: 4,
    validate: plausible,
    examples: {
      positive: [
        `SF_ACCESS_TOKEN=${token('salesforce-1')}`,
        `curl https://acme.my.salesforce.com/services/data/v60.0/limits -H "Authorization: Bearer ${token('salesforce-2')}"`,
      ],
      negative: [
        'curl https://acme.my.salesforce.com/services/data/v60.0/limits -H "Authorization: Bearer $SF_ACCESS_TOKEN"',
        `SF_ORG_ID=00D${fake(ALNUM, 15, 'salesforce-3')}`,
        'SF_ACCESS_TOKEN=00D000000000000!xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
];
