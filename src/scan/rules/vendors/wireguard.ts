import type { Rule } from '../../types.js';
import { HEX, fake, unbase64 } from './kit-m-z.js';

/** A WireGuard key is 32 bytes in padded base64 (44 characters). */
const key32 = (secret: string): boolean => unbase64(secret).length === 32 && new Set(secret).size > 16;

const key = (seed: string): string => Buffer.from(fake(HEX, 64, seed), 'hex').toString('base64');

export const WIREGUARD_RULES: readonly Rule[] = [
  {
    id: 'wireguard-private-key',
    description: 'WireGuard private or preshared key (PrivateKey = / PresharedKey = + 32 bytes of base64)',
    keywords: ['privatekey', 'presharedkey'],
    pattern: /\b(?:PrivateKey|PresharedKey)\s{0,3}=\s{0,3}(?<secret>[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=)(?![A-Za-z0-9+/=])/,
    entropy: 4,
    validate: key32,
    examples: {
      positive: [
        `PrivateKey = ${key('wireguard-1')}`,
        `PresharedKey=${key('wireguard-2')}`,
      ],
      negative: [
        'PrivateKey = <contents-of-server-privatekey>',
        `PublicKey = ${key('wireguard-3')}`,
        'PrivateKey = AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
      ],
    },
  },
];
