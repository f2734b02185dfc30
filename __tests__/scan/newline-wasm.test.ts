import { describe, expect, it } from 'vitest';
import { findLineBreaks, findLineBreaksInJs, LineBreaks, lineBreaksInWasm } from '../../src/scan/newline-wasm.js';

function find(scan: (out: LineBreaks) => void): { breaks: number[]; nonAscii: number[] } {
  const out = new LineBreaks();
  scan(out);
  return { breaks: [...out.offsets.subarray(0, out.count)], nonAscii: [...out.nonAscii.offsets.subarray(0, out.nonAscii.count)] };
}

function randomBytes(length: number, seed: number): Uint8Array {
  let state = seed;
  const alphabet = Buffer.from('abc =\n\t"\u00e9\u20ac'); // é and € are two and three bytes ≥ 0x80
  return Uint8Array.from({ length }, () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return alphabet[state % alphabet.length]!;
  });
}

describe('findLineBreaks', () => {
  // Past one piece (1 MiB) of the WebAssembly memory, and odd borders: the 16-byte blocks, the tail.
  const bytes = randomBytes((1 << 20) + 4099, 7);
  const ranges = [[0, bytes.length], [0, 15], [1, 17], [5, 5], [(1 << 20) - 21, (1 << 20) + 35], [12_345, 700_001]] as const;

  it('runs in WebAssembly (SIMD) on Node 24', () => {
    expect(lineBreaksInWasm()).toBe(true);
  });

  it('finds every line break of a range, in order, as a byte-by-byte search does', () => {
    for (const [from, to] of ranges) {
      const expected: number[] = [];
      for (let at = from; at < to; at++) if (bytes[at] === 10) expected.push(at);
      const { breaks } = find((out) => findLineBreaks(bytes, from, to, out));
      expect(breaks, `${from}–${to}`).toEqual(expected);
      expect(find((out) => findLineBreaksInJs(bytes, from, to, out)).breaks).toEqual(expected);
    }
  });

  it('covers every byte outside ASCII with a block of 16 that holds one, and reports no block without one', () => {
    for (const [from, to] of ranges) {
      const { nonAscii } = find((out) => findLineBreaks(bytes, from, to, out));
      let block = 0; // the blocks are in order: the first that does not end before the byte
      for (let at = from; at < to; at++) {
        if (bytes[at]! < 0x80) continue;
        while (block < nonAscii.length && nonAscii[block]! + 16 <= at) block++;
        if (!(block < nonAscii.length && nonAscii[block]! <= at)) expect.fail(`byte ${at} outside ASCII is in no block`);
      }
      for (const block of nonAscii) {
        expect(block).toBeGreaterThanOrEqual(from);
        expect(bytes.subarray(block, Math.min(to, block + 16)).some((byte) => byte >= 0x80), `block ${block}`).toBe(true);
      }
    }
  });

  it('finds nothing in a range of ASCII without line breaks, and appends after what it holds', () => {
    const ascii = Buffer.from('x'.repeat(100));
    expect(find((out) => findLineBreaks(ascii, 0, ascii.length, out))).toEqual({ breaks: [], nonAscii: [] });
    const out = new LineBreaks();
    findLineBreaks(Buffer.from('a\nb\n'), 0, 4, out);
    findLineBreaks(Buffer.from('\u00e9\n'), 0, 3, out);
    expect([...out.offsets.subarray(0, out.count)]).toEqual([1, 3, 2]);
    // Fewer than 16 bytes: read one at a time, so each byte of é is its own entry.
    expect([...out.nonAscii.offsets.subarray(0, out.nonAscii.count)]).toEqual([0, 1]);
  });
});
