import type { Rule } from '../../types.js';
import { fakeUuid, unbase64 } from './kit-m-z.js';

/** A PubNub secret key is `sec-c-` + the base64 of a UUID. */
const uuidInside = (secret: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(unbase64(secret.slice(6)).toString('latin1'));

const key = (seed: string): string => `sec-c-${Buffer.from(fakeUuid(seed)).toString('base64')}`;

export const PUBNUB_RULES: readonly Rule[] = [
  {
    id: 'pubnub-secret-key',
    description: 'PubNub secret key (sec-c-…, the base64 of a UUID); publish and subscribe keys are public',
    keywords: ['sec-c-'],
    pattern: /\bsec-c-[A-Za-z0-9+/]{48}(?![\w+/=-])/,
    entropy: 3.8,
    validate: uuidInside,
    examples: {
      positive: [
        `    secretKey: '${key('pubnub-1')}'`,
        `PUBNUB_SECRET_KEY=${key('pubnub-2')}`,
      ],
      negative: [
        "    secretKey: 'sec-c-xxxxxxxx',   // NEVER expose to clients!",
        `    subscribeKey: 'sub-c-${fakeUuid('pubnub-3')}',`,
        `PUBNUB_SECRET_KEY=sec-c-${Buffer.from('not a UUID: 36 bytes of plain text!!').toString('base64')}`,
      ],
    },
  },
];
