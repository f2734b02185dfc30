import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// age identities: Bech32 with the human-readable part "age-secret-key-", upper-cased
// (C2SP/C2SP age.md, "X25519 recipient type"; BIP-173 for Bech32). The checksum is checked.

const fake = fakes('age');

const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

function bech32Polymod(values: readonly number[]): number {
  const generator = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  for (const value of values) {
    const top = chk >>> 25;
    chk = (((chk & 0x1ffffff) << 5) ^ value) >>> 0;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk = (chk ^ generator[i]!) >>> 0;
  }
  return chk;
}

function expandHrp(hrp: string): number[] {
  return [...[...hrp].map((c) => c.charCodeAt(0) >> 5), 0, ...[...hrp].map((c) => c.charCodeAt(0) & 31)];
}

/** Does a Bech32 string (`hrp` + `1` + data with its 6-character checksum) carry a valid checksum? */
function validBech32(text: string): boolean {
  const lower = text.toLowerCase();
  const separator = lower.lastIndexOf('1');
  const data = [...lower.slice(separator + 1)].map((c) => BECH32.indexOf(c));
  if (separator < 1 || data.length < 6 || data.includes(-1)) return false;
  return bech32Polymod([...expandHrp(lower.slice(0, separator)), ...data]) === 1;
}

/** A fake identity with a valid checksum, for the examples. */
function ageKey(): string {
  const data = [...fake.of(BECH32, 52)].map((c) => BECH32.indexOf(c));
  const mod = bech32Polymod([...expandHrp('age-secret-key-'), ...data, 0, 0, 0, 0, 0, 0]) ^ 1;
  const checksum = [0, 1, 2, 3, 4, 5].map((i) => (mod >>> (5 * (5 - i))) & 31);
  return `AGE-SECRET-KEY-1${[...data, ...checksum].map((d) => BECH32[d]).join('').toUpperCase()}`;
}

/** The same identity with its last character changed: a checksum that fails. */
function corrupted(key: string): string {
  return key.slice(0, -1) + (key.endsWith('Q') ? 'P' : 'Q');
}

export const AGE_RULES: readonly Rule[] = [
  {
    id: 'age-secret-key',
    description: 'age encryption identity (AGE-SECRET-KEY-1…)',
    keywords: ['age-secret-key-1'],
    pattern: /\bAGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}\b/,
    validate: validBech32,
    examples: {
      positive: [
        `SOPS_AGE_KEY=${ageKey()}`,
        `${ageKey()}`,
      ],
      negative: [
        'SOPS_AGE_KEY=AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ',
        `SOPS_AGE_KEY=${corrupted(ageKey())}`,
        'recipients: age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p',
      ],
    },
  },
];
