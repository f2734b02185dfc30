import { describe, expect, it } from 'vitest';
import { base62Crc32, hasValidCrc32Suffix } from '../../src/providers/checksum.js';

// Vectors: DataDog's GitHub checksum test token (the secondary validator `GithubTokenChecksum` of
// DataDog's static analyzer) and the npm example of secretlint/secretlint#200; the algorithm:
// github.blog/2021-04-05-behind-githubs-new-authentication-token-formats.
describe('CRC-32 base62 token checksum', () => {
  it.each([
    ['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', 'ghp_', true],
    ['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', 'npm_', true],
    ['ghp_M7H4jxUDDWHP4kZ6A4dxlQYsQIWJuq11T4V5', 'ghp_', false],
    ['ghp_M7H4jxUDDWHP4kZ6A4dxlQYsQIWJuq11T4V', 'ghp_', false],
    ['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', 'ghp_', false],
  ])('%s → %s', (token, prefix, valid) => {
    expect(hasValidCrc32Suffix(token, prefix)).toBe(valid);
  });

  it('pads short checksums with leading zeros to six characters', () => {
    expect(base62Crc32('')).toBe('000000');
  });
});
