/**
 * Shannon entropy in bits per character (UTF-16 code unit) of a candidate secret: how evenly its
 * characters are spread. Random base62 of 16 characters reaches ~3.7 on average, 32 hex ~3.6,
 * English words and identifiers ~2.5–3.3, a run of one character 0.
 */
/** Reused counts of Latin-1 characters (single-threaded, not reentrant). */
const ASCII_COUNTS = new Uint32Array(256);

export function shannonEntropy(text: string): number {
  const length = text.length;
  if (length === 0) return 0;
  // Counts in a small table for Latin-1 (nearly every secret), a map for anything else.
  const counts = ASCII_COUNTS.fill(0);
  let others: Map<number, number> | undefined;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code < 256) counts[code]!++;
    else (others ??= new Map()).set(code, (others.get(code) ?? 0) + 1);
  }
  let bits = 0;
  for (let code = 0; code < 256; code++) {
    const count = counts[code]!;
    if (count > 0) bits -= (count / length) * Math.log2(count / length);
  }
  if (others) for (const count of others.values()) bits -= (count / length) * Math.log2(count / length);
  return bits;
}
