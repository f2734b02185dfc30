import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Flutterwave secret keys: FLWSECK- (live) or FLWSECK_TEST- (test) + 32 characters + "-X"
// (developer.flutterwave.com "Authentication"). Public keys (FLWPUBK…) are meant to be public.

const fake = fakes('flutterwave');

export const FLUTTERWAVE_RULES: readonly Rule[] = [
  {
    id: 'flutterwave-secret-key',
    description: 'Flutterwave secret key (FLWSECK-…-X)',
    keywords: ['flwseck'],
    pattern: /\bFLWSECK(?:_TEST)?-[a-z0-9]{32}-X\b/,
    entropy: 3,
    examples: {
      positive: [
        `FLW_SECRET_KEY=FLWSECK-${fake.hex(32)}-X`,
        `const flw = new Flutterwave('FLWPUBK-${fake.hex(32)}-X', 'FLWSECK_TEST-${fake.hex(32)}-X');`,
      ],
      negative: [
        "const flw = new Flutterwave(process.env.FLW_PUBLIC_KEY, process.env.FLW_SECRET_KEY);",
        'FLW_SECRET_KEY=FLWSECK_TEST-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-X',
        `FLW_PUBLIC_KEY=FLWPUBK-${fake.hex(32)}-X`,
      ],
    },
  },
];
