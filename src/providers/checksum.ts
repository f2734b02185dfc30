import { crc32 } from 'node:zlib';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * The checksum GitHub (ghp_, gho_, ghu_, ghs_, ghr_) and npm (npm_) tokens end with: CRC-32 of the
 * 30 random characters, in base62 (digits, upper, lower), 6 characters, zero-padded.
 * https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/
 */
export function base62Crc32(text: string): string {
  let n = crc32(text);
  let out = '';
  while (n > 0) {
    out = BASE62[n % 62] + out;
    n = Math.floor(n / 62);
  }
  return out.padStart(6, '0');
}

/** For `prefix_` + 30 random + 6 checksum characters: does the checksum hold? */
export function hasValidCrc32Suffix(token: string, prefix: string): boolean {
  const body = token.slice(prefix.length);
  if (!token.startsWith(prefix) || body.length !== 36) return false;
  return base62Crc32(body.slice(0, 30)) === body.slice(30);
}
