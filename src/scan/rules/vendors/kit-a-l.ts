/**
 * Seeded fake secrets for the examples of the A–L vendor rules. The examples are built when the
 * module loads, so the sources hold no contiguous real-shaped token that GitHub push protection, or
 * token-preflight's own scan of this repository, would flag. Stable across runs; never a real
 * credential (the characters come from a xorshift32 generator seeded with the vendor's name).
 */

export const HEX = '0123456789abcdef';
export const DIGITS = '0123456789';
export const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** Lower-case letters and digits. */
export const LOWER = `${LETTERS}${DIGITS}`;
/** Upper-case letters and digits. */
export const UPPER = `${LETTERS.toUpperCase()}${DIGITS}`;
export const ALNUM = `${LETTERS.toUpperCase()}${LETTERS}${DIGITS}`;
export const B64 = `${ALNUM}+/`;

export interface Fakes {
  /** `length` characters of `alphabet`. */
  of(alphabet: string, length: number): string;
  hex(length: number): string;
  digits(length: number): string;
  letters(length: number): string;
  lower(length: number): string;
  upper(length: number): string;
  alnum(length: number): string;
  b64(length: number): string;
  /** A lower-case UUID of version 4 and variant 1. */
  uuid(): string;
}

/** A generator of fake secrets, seeded (FNV-1a) with `seed`; each call continues the sequence. */
export function fakes(seed: string): Fakes {
  let state = 0x811c9dc5;
  for (const char of seed) state = Math.imul(state ^ char.charCodeAt(0), 0x01000193) >>> 0;
  if (state === 0) state = 1;
  const next = (): number => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state;
  };
  const of = (alphabet: string, length: number): string => {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[next() % alphabet.length];
    return out;
  };
  return {
    of,
    hex: (length) => of(HEX, length),
    digits: (length) => of(DIGITS, length),
    letters: (length) => of(LETTERS, length),
    lower: (length) => of(LOWER, length),
    upper: (length) => of(UPPER, length),
    alnum: (length) => of(ALNUM, length),
    b64: (length) => of(B64, length),
    uuid: () => {
      const hex = of(HEX, 32);
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[next() % 4]}${hex.slice(17, 20)}-${hex.slice(20)}`;
    },
  };
}
