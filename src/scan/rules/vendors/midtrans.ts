import type { Rule } from '../../types.js';
import { ALNUM, fake, plausible } from './kit-m-z.js';

export const MIDTRANS_RULES: readonly Rule[] = [
  {
    id: 'midtrans-server-key',
    description: 'Midtrans server key (Mid-server-…, SB-Mid-server-… in the sandbox)',
    keywords: ['mid-server-'],
    pattern: /\b(?:SB-)?Mid-server-[A-Za-z0-9_-]{24}(?![\w-])/,
    entropy: 3.5,
    validate: plausible,
    examples: {
      positive: [
        `MIDTRANS_SERVER_KEY=Mid-server-${fake(ALNUM, 24, 'midtrans-1')}`,
        `\\Midtrans\\Config::$serverKey = 'SB-Mid-server-${fake(ALNUM, 24, 'midtrans-2')}';`,
      ],
      negative: [
        'MIDTRANS_SERVER_KEY=SB-Mid-server-xxx',
        `MIDTRANS_CLIENT_KEY=SB-Mid-client-${fake(ALNUM, 24, 'midtrans-3')}`,
        "\\Midtrans\\Config::$serverKey = env('MIDTRANS_SERVER_KEY');",
      ],
    },
  },
];
