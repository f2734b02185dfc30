import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { addedHunks, ByteHunk, CHUNK_OVERLAP, diffHunks, linesOf, MAX_CHUNK_LINES, unquote, type AddedHunk, type NotScanned } from '../../src/scan/diff.js';

async function read(diff: string | Readable) {
  const report = { notScanned: [] as NotScanned[] };
  const hunks: AddedHunk[] = [];
  for await (const hunk of addedHunks(linesOf(diff), report)) hunks.push(hunk);
  const added = hunks.flatMap((h) => h.lines.slice(h.overlap ?? 0).map((l) => `${l.file}:${l.line}:${l.text}`));
  return { hunks, added, notScanned: report.notScanned };
}

// `git diff --cached --no-color -U0` of a real change (git 2.39), with a CRLF file and a quoted name.
const GIT_DIFF = [
  'diff --git a/gone.txt b/gone.txt',
  'deleted file mode 100644',
  'index 587be6b..0000000',
  '--- a/gone.txt',
  '+++ /dev/null',
  '@@ -1 +0,0 @@',
  '-x',
  'diff --git a/img.bin b/img.bin',
  'new file mode 100644',
  'index 0000000..88768ef',
  'Binary files /dev/null and b/img.bin differ',
  'diff --git a/old.txt b/new.txt',
  'similarity index 55%',
  'rename from old.txt',
  'rename to new.txt',
  'index 4cb29ea..657b95b 100644',
  '--- a/old.txt',
  '+++ b/new.txt',
  '@@ -2 +2 @@ one',
  '-two',
  '+TWO',
  '@@ -3,0 +4 @@ three',
  '+four',
  '\\ No newline at end of file',
  'diff --git a/sp ace.txt b/sp ace.txt',
  'index 2fa992c..3b39900 100644',
  '--- a/sp ace.txt\t',
  '+++ b/sp ace.txt\t',
  '@@ -1,0 +2 @@ keep',
  '+added',
  'diff --git "a/\\303\\244 \\"q\\".txt" "b/\\303\\244 \\"q\\".txt"',
  'new file mode 100644',
  'index 0000000..7d8f10c',
  '--- /dev/null',
  '+++ "b/\\303\\244 \\"q\\".txt"\t',
  '@@ -0,0 +1,2 @@',
  '+crlf line\r',
  '+second\r',
  '',
].join('\n');

describe('addedHunks', () => {
  it('reads the added lines of a git diff: renames, names with spaces and quotes, CRLF, no deleted or binary file', async () => {
    const { added, notScanned, hunks } = await read(GIT_DIFF);
    expect(added).toEqual(['new.txt:2:TWO', 'new.txt:4:four', 'sp ace.txt:2:added', 'ä "q".txt:1:crlf line', 'ä "q".txt:2:second']);
    expect(notScanned).toEqual([{ file: 'img.bin', reason: expect.stringContaining('binary file') }]);
    // One hunk per run of consecutive new lines: lines 2 and 4 of new.txt are two runs.
    expect(hunks.map((h) => h.lines.length)).toEqual([1, 1, 1, 2]);
  });

  it('reads CRLF diffs the same as LF ones', async () => {
    expect((await read(GIT_DIFF.replace(/\n/g, '\r\n'))).added).toEqual((await read(GIT_DIFF)).added);
  });

  it('numbers lines by the new file: context lines count, removed lines do not', async () => {
    const diff = ['--- a/f', '+++ b/f', '@@ -10,6 +20,7 @@ fn()', ' ctx20', '-gone', '+add21', '+add22', ' ctx23', '-gone2', '-gone3', '+add24', ' ctx25', ''].join('\n');
    const { added, hunks } = await read(diff);
    expect(added).toEqual(['f:21:add21', 'f:22:add22', 'f:24:add24']);
    expect(hunks.map((h) => h.lines.map((l) => l.line))).toEqual([[21, 22], [24]]);
  });

  it('keeps added lines whose text looks like a header while the hunk counts say they are lines', async () => {
    const diff = ['diff --git a/f b/f', '--- a/f', '+++ b/f', '@@ -1,2 +1,4 @@', '--- not a header', '-- also removed', '+++ b/evil', '+diff --git a/x b/x', '+@@ -1 +1 @@', '+', ''].join('\n');
    expect((await read(diff)).added).toEqual(['f:1:++ b/evil', 'f:2:diff --git a/x b/x', 'f:3:@@ -1 +1 @@', 'f:4:']);
  });

  it('reads an empty line inside a hunk as blank context (editors strip the space)', async () => {
    const diff = ['--- a/f', '+++ b/f', '@@ -1,3 +1,4 @@', ' a', '', '+new', ' c', ''].join('\n');
    expect((await read(diff)).added).toEqual(['f:3:new']);
  });

  it('reads on after a hunk whose counts were too large (a hand-edited diff)', async () => {
    const diff = ['--- a/f', '+++ b/f', '@@ -1,9 +1,9 @@', '+one', 'diff --git a/g b/g', '--- a/g', '+++ b/g', '@@ -0,0 +1 @@', '+two', ''].join('\n');
    expect((await read(diff)).added).toEqual(['f:1:one', 'g:1:two']);
  });

  it('follows pure renames, mode changes and copies without reading them as hunks', async () => {
    const diff = [
      'diff --git a/a b/b', 'similarity index 100%', 'rename from a', 'rename to b',
      'diff --git a/x.sh b/x.sh', 'old mode 100644', 'new mode 100755',
      'diff --git a/c b/"d e"', 'similarity index 90%', 'copy from c', 'copy to "d e"', '--- a/c', '+++ "b/d e"', '@@ -1 +1 @@', '-o', '+p',
      '',
    ].join('\n');
    expect((await read(diff)).added).toEqual(['d e:1:p']);
  });

  it('names binary files by the header, also renamed ones and git binary patches; skips deleted ones', async () => {
    const diff = [
      'diff --git a/old.png b/new.png', 'similarity index 80%', 'rename from old.png', 'rename to new.png', 'Binary files a/old.png and b/new.png differ',
      'diff --git a/x.bin b/x.bin', 'deleted file mode 100644', 'Binary files a/x.bin and /dev/null differ',
      'diff --git a/p.bin b/p.bin', 'new file mode 100644', 'GIT binary patch', 'literal 3', 'KcmZQz00961', '', 'literal 0', 'HcmV?d00001', '',
      '',
    ].join('\n');
    expect((await read(diff)).notScanned.map((n) => n.file)).toEqual(['new.png', 'p.bin']);
  });

  it('reports a combined diff of a merge as not scanned, and reads nothing of it', async () => {
    const diff = ['diff --cc f.txt', 'index 1..2,3', '--- a/f.txt', '+++ b/f.txt', '@@@ -1,1 -1,1 +1,2 @@@', '++++ sneaky', '++two', 'diff --git a/g b/g', '--- a/g', '+++ b/g', '@@ -0,0 +1 @@', '+ok', ''].join('\n');
    const { added, notScanned } = await read(diff);
    expect(added).toEqual(['g:1:ok']);
    expect(notScanned).toEqual([{ file: 'f.txt', reason: expect.stringContaining('combined diff') }]);
  });

  it('reads git log -p output: commit messages are not diff lines', async () => {
    const diff = ['commit 0123456789abcdef0123456789abcdef01234567', 'Author: a <a@b>', '', '    +++ b/message', '    @@ -1 +1 @@', '', 'diff --git a/f b/f', '--- a/f', '+++ b/f', '@@ -1 +1 @@', '-a', '+b', ''].join('\n');
    expect((await read(diff)).added).toEqual(['f:1:b']);
  });

  it('reads plain diff -u output: timestamps dropped', async () => {
    const diff = ['--- old/conf.ini\t2024-01-01 10:00:00.000000000 +0000', '+++ new/conf.ini\t2024-01-02 10:00:00.000000000 +0000', '@@ -1 +1,2 @@', ' a', '+b', ''].join('\n');
    expect((await read(diff)).added).toEqual(['new/conf.ini:2:b']);
  });

  it('drops the destination prefix the header shows: none (--no-prefix) or a mnemonic one', async () => {
    const noPrefix = ['diff --git b/x b/x', '--- b/x', '+++ b/x', '@@ -0,0 +1 @@', '+v', ''].join('\n');
    expect((await read(noPrefix)).added).toEqual(['b/x:1:v']);
    const mnemonic = ['diff --git i/src/a w/src/a', '--- i/src/a', '+++ w/src/a', '@@ -0,0 +1 @@', '+v', ''].join('\n');
    expect((await read(mnemonic)).added).toEqual(['src/a:1:v']);
  });

  it('cuts a long run into bounded chunks that overlap, numbering every line once', async () => {
    const count = MAX_CHUNK_LINES * 2 + 10;
    const lines = Array.from({ length: count }, (_, i) => `+line ${i + 1}`);
    const { hunks, added } = await read(['--- /dev/null', '+++ b/big', `@@ -0,0 +1,${count} @@`, ...lines, ''].join('\n'));
    expect(hunks.every((h) => h.lines.length <= MAX_CHUNK_LINES)).toBe(true);
    expect(hunks.slice(1).every((h) => h.overlap === CHUNK_OVERLAP)).toBe(true);
    expect(added).toHaveLength(count);
    expect(added.at(-1)).toBe(`big:${count}:line ${count}`);
    expect(new Set(added).size).toBe(count);
  });

  it('streams: hunks come out before the input ends', async () => {
    let fed = 0;
    async function* slow() {
      yield 'diff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -0,0 +1 @@\n+first\n';
      fed++;
      yield 'diff --git a/g b/g\n--- a/g\n+++ b/g\n@@ -0,0 +1 @@\n+second\n';
      fed++;
    }
    const seen: number[] = [];
    for await (const hunk of addedHunks(linesOf(slow()))) {
      seen.push(fed);
      expect(hunk.lines).toHaveLength(1);
    }
    expect(seen).toEqual([1, 2]);
  });
});

describe('diffHunks: the diff read as bytes', () => {
  /** Every chunk as `file:line:text`, with its overlap and first line. */
  async function chunks(input: string | Readable): Promise<{ shape: string[]; added: string[] }> {
    const shape: string[] = [];
    const added: string[] = [];
    for await (const hunk of diffHunks(input)) {
      expect(hunk).toBeInstanceOf(ByteHunk);
      shape.push(`${hunk.file}@${hunk.lines[0]!.line}+${hunk.lines.length}-${hunk.overlap ?? 0}`);
      added.push(...hunk.lines.slice(hunk.overlap ?? 0).map((l) => `${l.file}:${l.line}:${l.text}`));
    }
    return { shape, added };
  }

  const NON_ASCII_DIFF = [
    'diff --git a/ü.txt b/ü.txt',
    '--- a/ü.txt',
    '+++ b/ü.txt',
    '@@ -1,2 +1,4 @@',
    ' ctx',
    '+Schlüssel = "wert" € 🔑',
    '-gone',
    '+plain ascii',
    '+\r',
    '',
  ].join('\n');

  it('reads what the line reader reads, from a byte stream cut anywhere (multi-byte characters, CRLF, a BOM)', async () => {
    for (const text of [GIT_DIFF, NON_ASCII_DIFF, GIT_DIFF.replace(/\n/g, '\r\n')]) {
      const expected = (await read(text)).added;
      expect((await chunks(text)).added).toEqual(expected);
      const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
      for (let cut = 1; cut < bytes.length; cut++) {
        const { added } = await chunks(Readable.from([bytes.subarray(0, cut), bytes.subarray(cut)]));
        expect(added, `cut at ${cut}`).toEqual(expected);
      }
    }
  });

  it('decodes a line as UTF-8 where its bytes are not ASCII: an invalid byte reads as U+FFFD', async () => {
    const bytes = Buffer.concat([Buffer.from('--- a/f\n+++ b/f\n@@ -0,0 +1,2 @@\n+ok \u00e9\n+bad '), Buffer.from([0xff, 0xc3]), Buffer.from(' end\n')]);
    expect((await chunks(Readable.from([bytes]))).added).toEqual(['f:1:ok é', 'f:2:bad \ufffd\ufffd end']);
  });

  it('decodes exactly the lines with bytes outside ASCII, wherever they sit in the blocks of 16 bytes the reader reads', async () => {
    // Lines of every length up to 40, each with one € (3 bytes) at every position, or none:
    // a non-ASCII line beside an ASCII one in the same block of 16 must leave the ASCII one as it is.
    const lines: string[] = [];
    for (let length = 0; length <= 40; length++) {
      lines.push('a'.repeat(length));
      for (let at = 0; at <= length; at++) lines.push(`${'b'.repeat(at)}€${'c'.repeat(length - at)}`);
    }
    const diff = Buffer.from(['--- /dev/null', '+++ b/f', `@@ -0,0 +1,${lines.length} @@`, ...lines.map((line) => `+${line}`), ''].join('\n'));
    const { added } = await chunks(Readable.from([diff]));
    expect(added).toEqual(lines.map((line, i) => `f:${i + 1}:${line}`));
  });

  it('keeps the chunks of a long run fed a few hundred bytes at a time, across new buffers', async () => {
    const count = MAX_CHUNK_LINES * 3 + 7;
    // ~2.5 MB: the reader renews its 1 MiB buffer twice with a chunk open.
    const lines = Array.from({ length: count }, (_, i) => `+${String(i).padStart(6, '0')} ${'x'.repeat(i % 300)}`);
    const diff = ['--- /dev/null', '+++ b/big', `@@ -0,0 +1,${count} @@`, ...lines, ''].join('\n');
    const whole = await chunks(diff);
    expect(whole.added).toHaveLength(count);
    expect(whole.shape).toEqual(['big@1+5000-0', 'big@4601+5000-400', 'big@9201+5000-400', 'big@13801+1207-400']);
    const bytes = Buffer.from(diff);
    const pieces: Buffer[] = [];
    for (let at = 0; at < bytes.length; at += 333) pieces.push(bytes.subarray(at, at + 333));
    expect(await chunks(Readable.from(pieces))).toEqual(whole);
  });
});

describe('linesOf', () => {
  it('splits a byte stream at any chunk border, multi-byte characters and CRLF included', async () => {
    const bytes = Buffer.from('a€b\r\nc\n\nd');
    for (let cut = 1; cut < bytes.length; cut++) {
      const stream = Readable.from([bytes.subarray(0, cut), bytes.subarray(cut)]);
      const lines: string[] = [];
      for await (const line of linesOf(stream)) lines.push(line);
      expect(lines, `cut at ${cut}`).toEqual(['a€b', 'c', '', 'd']);
    }
  });
});

describe('unquote', () => {
  it('decodes git C-quoted paths: octal UTF-8 bytes and escapes', () => {
    expect(unquote('"a/\\303\\244\\tb\\\\c\\"d"')).toBe('a/ä\tb\\c"d');
    expect(unquote('"\\360\\237\\224\\221 key.pem"')).toBe('🔑 key.pem');
    expect(unquote('plain name')).toBe('plain name');
  });
});
