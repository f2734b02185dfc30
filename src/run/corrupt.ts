const CLASSES = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];

/**
 * A copy of a secret with up to four characters in its middle changed within their class (digit to
 * digit, letter to letter): same length, prefix and alphabet, so the provider reads it as a token of
 * the same kind that it must refuse.
 */
export function corrupt(secret: string): string {
  const chars = [...secret];
  const from = Math.floor(chars.length / 3);
  let changed = 0;
  for (let i = from; i < chars.length && changed < 4; i++) {
    const alphabet = CLASSES.find((c) => c.includes(chars[i]!));
    if (!alphabet) continue;
    chars[i] = alphabet[(alphabet.indexOf(chars[i]!) + 1 + changed) % alphabet.length]!;
    changed++;
  }
  return changed ? chars.join('') : `${secret}x`;
}
