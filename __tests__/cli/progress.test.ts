import { describe, expect, it } from 'vitest';
import { progressShown, withProgress } from '../../src/cli/progress.js';

describe('progressShown: only on a terminal, never in CI logs or pipes', () => {
  it.each([
    [{ stderrIsTTY: true, env: {} }, true],
    [{ stderrIsTTY: false, env: {} }, false],
    [{ env: {} }, false],
    [{ stderrIsTTY: true, env: { CI: 'true' } }, false],
    [{ stderrIsTTY: true, env: { TERM: 'dumb' } }, false],
  ])('%j → %s', (io, shown) => {
    expect(progressShown(io)).toBe(shown);
  });
});

describe('withProgress', () => {
  async function drain(chunks: Array<string | Uint8Array>, step: number) {
    let clock = 0;
    const written: string[] = [];
    const passed: Array<string | Uint8Array> = [];
    async function* source() {
      for (const chunk of chunks) {
        clock += step;
        yield chunk;
      }
    }
    for await (const chunk of withProgress(source(), (t) => written.push(t), () => clock)) passed.push(chunk);
    return { written, passed };
  }

  it('passes every chunk through untouched, counts bytes, rewrites one line, and wipes it at the end', async () => {
    const mb = 'x'.repeat(1024 * 1024);
    const { written, passed } = await drain([mb, Buffer.from(mb), mb], 300);
    expect(passed).toHaveLength(3);
    expect(written).toEqual(['\r\x1b[2Kscanning… 1.0 MB read', '\r\x1b[2Kscanning… 2.0 MB read', '\r\x1b[2Kscanning… 3.0 MB read', '\r\x1b[2K']);
  });

  it('a quick scan shows nothing at all', async () => {
    const { written } = await drain(['a', 'b'], 1);
    expect(written).toEqual([]);
  });
});
