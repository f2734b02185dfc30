import type { Rule } from '../../types.js';
import { ALNUM, assigned, fake, plausible } from './kit-m-z.js';

const keyId = (seed: string): string => `rzp_live_${fake(ALNUM, 14, seed)}`;

export const RAZORPAY_RULES: readonly Rule[] = [
  {
    id: 'razorpay-key-secret',
    description: 'Razorpay key secret (24 characters) given to a Razorpay secret name, or as key_secret beside an rzp_ key id',
    keywords: ['razorpay', 'rzp', 'key_secret'],
    pattern: assigned('razorpay|rzp', '[A-Za-z0-9]{24}', {
      kind: 'secret',
      or: '(?<=rzp_(?:live|test)_[A-Za-z0-9]{14}.{1,80})key_secret["\']?\\s{0,3}[:=]\\s{0,3}["\']',
    }),
    entropy: 3.6,
    validate: plausible,
    examples: {
      positive: [
        `RAZORPAY_KEY_SECRET=${fake(ALNUM, 24, 'razorpay-1')}`,
        `const razorpay = new Razorpay({ key_id: '${keyId('razorpay-2')}', key_secret: '${fake(ALNUM, 24, 'razorpay-3')}' });`,
      ],
      negative: [
        `RAZORPAY_KEY_ID=${keyId('razorpay-4')}`,
        "const razorpay = new Razorpay({ key_id: process.env.RAZORPAY_KEY_ID, key_secret: 'your_key_secret_here' });",
        `const hmac = crypto.createHmac('sha256', { key_secret: '${fake(ALNUM, 24, 'razorpay-5')}' });`,
      ],
    },
  },
];
