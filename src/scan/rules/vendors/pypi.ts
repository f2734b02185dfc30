import type { Rule } from '../../types.js';
import { fake, fakeUuid, unbase64 } from './kit-m-z.js';

/**
 * A PyPI token is `pypi-` + a binary (v2) macaroon in unpadded base64url: version 2, location
 * `pypi.org` (or `test.pypi.org`), identifier, caveats, end markers, and last the signature field
 * (type 6, 32 bytes). A random tail fails the last check.
 */
function macaroon(secret: string): boolean {
  const bytes = unbase64(secret.slice(5));
  const n = bytes.length;
  return n > 45 && bytes[0] === 2 && bytes[n - 35] === 0 && bytes[n - 34] === 6 && bytes[n - 33] === 32;
}

function packet(type: number, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from([type, data.length]), data]);
}

function token(location: string, seed: string): string {
  const caveat = Buffer.from(JSON.stringify({ version: 1, permissions: { projects: ['sampleproject'] } }));
  const bytes = Buffer.concat([
    Buffer.from([2]),
    packet(1, Buffer.from(location)),
    packet(2, Buffer.from(fakeUuid(seed))),
    Buffer.from([0]),
    packet(2, caveat),
    Buffer.from([0, 0]),
    packet(6, Buffer.from(fake('0123456789abcdef', 64, `${seed}-sig`), 'hex')),
  ]);
  return `pypi-${bytes.toString('base64url')}`;
}

export const PYPI_RULES: readonly Rule[] = [
  {
    id: 'pypi-upload-token',
    description: 'PyPI or TestPyPI API token (pypi-AgEIcHlwaS5vcmc…), checked to be a signed macaroon',
    keywords: ['pypi-ageichlwas5vcmc', 'pypi-agendgvzdc5wexbplm9yzw'],
    pattern: /\bpypi-(?:AgEIcHlwaS5vcmc|AgENdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,1000}(?![\w-])/,
    entropy: 4,
    validate: macaroon,
    examples: {
      positive: [
        `password = ${token('pypi.org', 'pypi-1')}`,
        `TWINE_PASSWORD=${token('test.pypi.org', 'pypi-2')}`,
      ],
      negative: [
        'password = pypi-AgEIcHlwaS5vcmc...  # your token here',
        'TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmcCJDYourTokenHereYourTokenHereYourTokenHereYourTokenHere',
        `password = pypi-AgEIcHlwaS5vcmc${fake('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_', 120, 'pypi-3')}`,
      ],
    },
  },
];
