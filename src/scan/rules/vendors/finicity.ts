import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Finicity (Mastercard Open Banking) app keys are 32 hex and partner secrets 20 alphanumerics, both
// without a prefix (developer.mastercard.com/open-banking-us); found in a Finicity setting.

const fake = fakes('finicity');

export const FINICITY_RULES: readonly Rule[] = [
  {
    id: 'finicity-app-key',
    description: 'Finicity app key (32 hex, in a Finicity setting)',
    keywords: ['finicity'],
    pattern: /finicity[\w.-]{0,20}?(?:app|api)[_.-]?(?:key|token)[\w.-]{0,8}?["'\]]{0,2}\s{0,3}(?::=|=>|[:=])\s{0,3}["'`]?(?<secret>[a-f0-9]{32})(?![\w-])/i,
    entropy: 3,
    examples: {
      positive: [
        `FINICITY_APP_KEY=${fake.hex(32)}`,
        `  "finicityAppKey": "${fake.hex(32)}",`,
      ],
      negative: [
        'FINICITY_APP_KEY=${FINICITY_APP_KEY}',
        'FINICITY_PARTNER_ID=2445581234567',
      ],
    },
  },
  {
    id: 'finicity-partner-secret',
    description: 'Finicity partner secret (20 characters, in a Finicity setting)',
    keywords: ['finicity'],
    pattern: /finicity[\w.-]{0,20}?secret[\w.-]{0,8}?["'\]]{0,2}\s{0,3}(?::=|=>|[:=])\s{0,3}["'`]?(?<secret>[A-Za-z0-9]{20})(?![\w-])/i,
    entropy: 3.5,
    examples: {
      positive: [
        `FINICITY_PARTNER_SECRET=${fake.alnum(20)}`,
        `  finicity_secret: '${fake.alnum(20)}'`,
      ],
      negative: [
        "  finicity_secret: '<partner secret>'",
        `FINICITY_PARTNER_SECRET=${fake.alnum(12)}`,
      ],
    },
  },
];
