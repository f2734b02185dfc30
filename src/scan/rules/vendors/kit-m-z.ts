/**
 * Shared pieces of the M–Z vendor rules: the value-after-a-vendor-name pattern that bare-shaped
 * secrets need, an offline plausibility check that drops placeholders, structure checks, and a
 * seeded fake-secret maker for the examples (so the sources never hold a contiguous real-shaped
 * token that GitHub push protection, or this scan itself, would flag).
 */

export const HEX = '0123456789abcdef';
export const DIGITS = '0123456789';
export const LOWER = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const B64URL = `${ALNUM}-_`;

/** A lower-case UUID, as a pattern fragment. */
export const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/**
 * `…NAME…<assignment> <secret>`: a secret whose shape alone says little (32 hex, a UUID) counts only
 * as the value given to a name that mentions the vendor — `MISTRAL_API_KEY=…`, `"mistralKey": "…"`,
 * `mistral_api_key: '…'`, `os.getenv("MISTRAL_API_KEY", "…")`, `<MistralKey>…`. `names` is an
 * alternation of lower-case names (matched case-insensitively, not inside a longer word); `kind`, when
 * given, must follow the name within the same identifier (`secret`, `key|token`); `or` adds other
 * lead-ins that must directly precede the secret (`\bSSWS\s{1,3}` for a header). Bounded, linear.
 */
export function assigned(names: string, secret: string, options: { kind?: string; or?: string } = {}): RegExp {
  const name = options.kind ? `(?:${names})[\\w.-]{0,24}?(?:${options.kind})[\\w.-]{0,16}?` : `(?:${names})[\\w.-]{0,40}?`;
  const lead = `(?<![a-z0-9])${name}["']?\\s{0,3}(?::=|=>|\\|\\||\\?\\?|[=:,>])\\s{0,3}["'\`]?`;
  return new RegExp(`(?:${lead}${options.or ? `|${options.or}` : ''})(?<secret>${secret})(?![\\w-])`, 'i');
}

const WORDS = /x{4}|your|example|sample|placeholder|dummy|redacted|changeme|insert|replace|fake|deadbeef|cafebabe|feedface/i;
const RUNS = ['0123456789', 'abcdefghijklmnopqrstuvwxyz'];

/**
 * False for what is a placeholder rather than a secret: filler words (`xxxx`, `your`, `example`,
 * hex-speak like `deadbeef`), a run of 6 equal characters, 6 consecutive ascending or descending
 * letters or digits (`abcdef`, `123456`, `987654`), or a body that repeats a unit of up to 8
 * characters. Stricter than the matcher's own placeholder check (which wants runs of 8), and only
 * for these vendors' random tokens: a 6-run in 64 random hex characters is about 1 in 20 000.
 */
export function plausible(secret: string): boolean {
  if (WORDS.test(secret) || /(.)\1{5}/.test(secret)) return false;
  const lower = secret.toLowerCase();
  for (const run of RUNS) {
    for (let i = 0; i + 6 <= run.length; i++) {
      const up = run.slice(i, i + 6);
      if (lower.includes(up) || lower.includes([...up].reverse().join(''))) return false;
    }
  }
  for (let unit = 1; unit <= 8 && unit * 3 <= secret.length; unit++) {
    let repeats = true;
    for (let i = unit; i < secret.length && repeats; i++) repeats = secret[i] === secret[i - unit];
    if (repeats) return false;
  }
  return true;
}

/** The base64 or base64url text decoded (Node accepts both alphabets, padded or not). */
export function unbase64(text: string): Buffer {
  return Buffer.from(text, 'base64');
}

/** Does the base64(url) text decode to a JSON object? The body of `eyJ…` structured tokens. */
export function jsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(unbase64(text).toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A deterministic fake secret for examples: `length` characters of `alphabet`, chosen by a PRNG
 * seeded with `seed` (FNV-1a, then xorshift32). Stable across runs; never a real credential.
 */
export function fake(alphabet: string, length: number, seed: string): string {
  let state = 0x811c9dc5;
  for (const char of seed) state = Math.imul(state ^ char.charCodeAt(0), 0x01000193) >>> 0;
  let out = '';
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    out += alphabet[state % alphabet.length];
  }
  return out;
}

/** A fake lower-case UUID (version 4 shape) for examples. */
export function fakeUuid(seed: string): string {
  const hex = fake(HEX, 32, seed);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}
