/**
 * A streaming reader of unified diffs (`git diff`, `git log -p`, `diff -u`): it yields the lines a
 * change adds, one run of consecutive added lines at a time, and holds no more than one bounded
 * chunk of a run and the bytes not yet read. Removed lines, context, headers and commit messages
 * are read and dropped.
 *
 * It reads bytes, not text: a chunk of added lines is a view of the diff's own UTF-8 bytes (where
 * each line starts and ends), and a line is decoded only when asked for — the scan asks only for
 * the lines where a rule's keyword is, a few in a hundred of real code. Line breaks, and the bytes
 * outside ASCII that make a line need UTF-8 decoding, are found 16 bytes at a time
 * (newline-wasm.ts); nothing is allocated per line.
 */
import type { Readable } from 'node:stream';
import { findLineBreaks, LineBreaks } from './newline-wasm.js';
import type { AddedLine } from './types.js';

/** A file the scan could not read, and why (a binary file, a merge's combined diff). */
export interface NotScanned {
  file: string;
  reason: string;
  /** A gap in the coverage (a part of the change that could not be read), not a file with no text to scan. */
  incomplete?: boolean;
}

/**
 * Added lines of one file that follow each other in the new file. A long run is cut into chunks of
 * at most `MAX_CHUNK_LINES`; each later chunk starts with the last `overlap` lines of the one before
 * (already yielded), so a secret that spans lines (a PEM key) is seen whole across the cut.
 */
export interface AddedHunk {
  file: string;
  lines: AddedLine[];
  /** How many leading lines were already yielded in the chunk before (0 or absent: none). */
  overlap?: number;
}

/** Where the reader puts what it could not scan. */
export interface DiffReport {
  notScanned: NotScanned[];
}

export const MAX_CHUNK_LINES = 5_000;
/**
 * At least the reach of a multi-line rule in the matcher (400 lines: a PGP key is ~100, an RSA-4096
 * PEM key ~52), so no such secret is cut in two.
 */
export const CHUNK_OVERLAP = 400;

const BINARY = 'binary file: the diff holds no text to scan';
const COMBINED = 'combined diff of a merge commit: not read (scan the diff against one parent)';

/** UTF-8 as the old line reader decoded it: an invalid byte reads as U+FFFD; a BOM inside the text stays. */
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * A buffer of the diff's bytes: `bytes[0, parsed)` are whole lines the reader has read; they never
 * change (chunks of added lines yielded and to come are views of them). It keeps the added lines
 * read into it (where each one's text starts and ends) and their text.
 */
export class ByteBlock {
  parsed = 0;
  /** The added lines, in order: line k is `bytes[lineStarts[k], lineEnds[k])`. Grown as lines come. */
  lineStarts: Int32Array;
  lineEnds: Int32Array;
  lineCount = 0;
  /**
   * The read lines as text, a stretch at a time (all a chunk of input completed): Latin-1, one
   * character per byte — a native copy, which is the text itself wherever the bytes are ASCII.
   */
  private readonly regionStarts: number[] = [];
  private readonly regionTexts: string[] = [];
  /**
   * Per region, where its bytes outside ASCII are (`LineBreaks.nonAscii`: 16-byte blocks that hold
   * one), undefined when there are none: a line decodes as UTF-8 only where one is.
   */
  private readonly regionNonAscii: Array<Int32Array | undefined> = [];
  /** The region found last: lines are mostly asked for in order. */
  private region = 0;

  constructor(readonly bytes: Buffer) {
    // Room for lines of 32 bytes on average (code's are ~40): grown only for shorter ones.
    const lines = Math.max(64, bytes.length >> 5);
    this.lineStarts = new Int32Array(lines);
    this.lineEnds = new Int32Array(lines);
  }

  /**
   * Reads bytes [start, end) as Latin-1 text and keeps it; returns it. `found`: what
   * `findLineBreaks` found in those bytes, if it ran (else it runs here, for the bytes outside ASCII).
   */
  read(start: number, end: number, found?: LineBreaks): string {
    const text = this.bytes.latin1Slice(start, end);
    let scan = found;
    if (!scan) findLineBreaks(this.bytes, start, end, (scan = new LineBreaks()));
    const { offsets, count } = scan.nonAscii;
    this.regionStarts.push(start);
    this.regionTexts.push(text);
    this.regionNonAscii.push(count === 0 ? undefined : offsets.slice(0, count));
    return text;
  }

  /** Adds an added line, bytes [start, end). */
  addLine(start: number, end: number): void {
    this.reserve(1);
    this.lineStarts[this.lineCount] = start;
    this.lineEnds[this.lineCount++] = end;
  }

  /** Room for `lines` more lines in the line tables. */
  reserve(lines: number): void {
    if (this.lineCount + lines <= this.lineStarts.length) return;
    const size = Math.max(this.lineStarts.length * 2, this.lineCount + lines);
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    starts.set(this.lineStarts.subarray(0, this.lineCount));
    ends.set(this.lineEnds.subarray(0, this.lineCount));
    this.lineStarts = starts;
    this.lineEnds = ends;
  }

  /** Bytes [start, end) as text (within one region read before): UTF-8 decoded where they are not ASCII. */
  text(start: number, end: number): string {
    const starts = this.regionStarts;
    let r = this.region;
    if (!(starts[r]! <= start && (r + 1 === starts.length || start < starts[r + 1]!))) {
      // The last region that starts at or before `start`.
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >>> 1;
        if (starts[mid]! <= start) low = mid;
        else high = mid - 1;
      }
      this.region = r = low;
    }
    const text = this.regionTexts[r]!.slice(start - starts[r]!, end - starts[r]!);
    const high = this.regionNonAscii[r];
    return high === undefined || !overlaps(high, start, end) ? text : UTF8.decode(this.bytes.subarray(start, end));
  }
}

/** Does a 16-byte block starting at one of `blocks` (in order) overlap bytes [start, end)? */
function overlaps(blocks: Int32Array, start: number, end: number): boolean {
  let low = 0;
  let high = blocks.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (blocks[mid]! + 16 <= start) low = mid + 1;
    else high = mid;
  }
  return low < blocks.length && blocks[low]! < end;
}

declare module 'node:buffer' {
  interface Buffer {
    /** Bytes [start, end) as Latin-1 (Node's native `toString('latin1')` without its argument checks). */
    latin1Slice(start: number, end: number): string;
  }
}

/**
 * A chunk of added lines as bytes of the diff: `count` lines of `block`, from its added line
 * `first` on, numbered `firstLine` on in the new file. Its lines are decoded when asked for
 * (`text`), and as `AddedLine`s only if `lines` is read.
 */
export class ByteHunk implements AddedHunk {
  readonly overlap?: number;
  private materialised?: AddedLine[];

  constructor(
    readonly file: string,
    readonly block: ByteBlock,
    readonly first: number,
    readonly count: number,
    readonly firstLine: number,
    overlap: number,
  ) {
    if (overlap > 0) this.overlap = overlap;
  }

  /** Line `i`'s text. */
  text(i: number): string {
    return this.block.text(this.block.lineStarts[this.first + i]!, this.block.lineEnds[this.first + i]!);
  }

  get lines(): AddedLine[] {
    if (!this.materialised) {
      this.materialised = [];
      for (let i = 0; i < this.count; i++) this.materialised.push({ file: this.file, line: this.firstLine + i, text: this.text(i) });
    }
    return this.materialised;
  }
}

/**
 * Lines of a string, a stream (bytes or text) or any iterable of chunks, without their line breaks
 * (`\n` or `\r\n`). Only the current partial line is kept; bytes are decoded as UTF-8 across chunk
 * borders (an invalid byte reads as U+FFFD).
 */
export async function* linesOf(input: string | Readable | AsyncIterable<string | Uint8Array> | Iterable<string>): AsyncGenerator<string> {
  for await (const batch of lineBatches(input)) yield* batch;
}

/**
 * The same lines, a chunk's worth at a time: a consumer that loops over each batch synchronously
 * pays one await per chunk of input instead of one per line.
 */
export async function* lineBatches(input: string | Readable | AsyncIterable<string | Uint8Array> | Iterable<string>): AsyncGenerator<string[]> {
  if (typeof input === 'string') {
    yield splitLines(input);
    return;
  }
  if (Symbol.iterator in input && !(Symbol.asyncIterator in input)) {
    yield [...(input as Iterable<string>)].map(stripCr);
    return;
  }
  const decoder = new TextDecoder('utf-8');
  let rest = '';
  for await (const chunk of input as AsyncIterable<string | Uint8Array>) {
    const text = rest + (typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    const last = text.lastIndexOf('\n');
    if (last === -1) {
      rest = text;
      continue;
    }
    yield splitLines(text.slice(0, last + 1));
    rest = text.slice(last + 1);
  }
  rest += decoder.decode();
  if (rest !== '') yield [stripCr(rest)];
}

/** The lines of `text` (a final line break ends the last line, it does not start another). */
function splitLines(text: string): string[] {
  // The native split is several times faster than a loop of indexOf and slice.
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  if (text.includes('\r')) for (let i = 0; i < lines.length; i++) lines[i] = stripCr(lines[i]!);
  return lines;
}

/** Without its `\r`s at the end: a CRLF file's line in a diff saved with CRLF ends in two. */
function stripCr(line: string): string {
  let end = line.length;
  while (end > 0 && line.charCodeAt(end - 1) === 13) end--;
  return end === line.length ? line : line.slice(0, end);
}

type DiffInput = string | Readable | AsyncIterable<string | Uint8Array>;

export interface ReaderOptions {
  /**
   * The reader's user is done with each batch of chunks before it asks for the next (it keeps
   * no `ByteHunk`): a buffer is filled again instead of a new one allocated (fresh memory costs
   * a page fault per 4 KiB written).
   */
  reuseBuffers?: boolean;
}

/**
 * The added lines of a unified diff (a string, a stream of bytes or text, chunks of it), file by
 * file, as runs of consecutive lines (`ByteHunk`s). `line` numbers count the hunk's added and
 * context lines from its `+c` start, so they are the lines of the new file. Deleted files, pure
 * renames and mode changes add nothing; binary files and combined (merge) diffs go to
 * `report.notScanned`. Bytes are read as UTF-8 (a BOM at the very start of a byte stream dropped).
 */
export async function* diffHunks(input: DiffInput, report: DiffReport = { notScanned: [] }): AsyncGenerator<AddedHunk> {
  for await (const batch of diffBatches(input, report)) yield* batch;
}

/**
 * The same chunks, as many as each chunk of input completes at a time: a consumer that loops over
 * each batch synchronously pays one await per chunk of input instead of one per chunk of lines.
 */
export async function* diffBatches(input: DiffInput, report: DiffReport = { notScanned: [] }, options: ReaderOptions = {}): AsyncGenerator<AddedHunk[]> {
  const reader = new DiffReader(report, options);
  if (typeof input === 'string') {
    // A piece at a time, each cut after a line break (a UTF-16 pair is never cut): one buffer of
    // the whole text would hold it twice over.
    for (let at = 0; at < input.length; ) {
      const nl = input.indexOf('\n', Math.min(input.length, at + STRING_PIECE) - 1);
      const end = nl === -1 ? input.length : nl + 1;
      reader.push(Buffer.from(input.slice(at, end), 'utf8'));
      at = end;
      const ready = reader.take();
      if (ready.length > 0) yield ready;
    }
  } else {
    let first = true;
    for await (const chunk of input as AsyncIterable<string | Uint8Array>) {
      // A decoder of the whole stream drops a BOM at its very start: so does the reader.
      if (first && typeof chunk !== 'string') reader.dropBom();
      first = false;
      reader.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
      const ready = reader.take();
      if (ready.length > 0) yield ready;
    }
  }
  reader.finish();
  const ready = reader.take();
  if (ready.length > 0) yield ready;
}

/**
 * The same, from lines already split (`linesOf`, or batches of lines): each is read as a line of
 * the diff.
 */
export async function* addedHunks(
  input: AsyncIterable<string | readonly string[]> | Iterable<string>,
  report: DiffReport = { notScanned: [] },
): AsyncGenerator<AddedHunk> {
  const reader = new DiffReader(report);
  // Batches of lines (lineBatches) cost one await each; a line at a time works too.
  for await (const item of input) {
    const lines = typeof item === 'string' ? [item] : item;
    if (lines.length === 0) continue;
    reader.push(Buffer.from(`${lines.join('\n')}\n`, 'utf8'));
    yield* reader.take();
  }
  reader.finish();
  yield* reader.take();
}

const NEWLINE = 10;
const CR = 13;
const PLUS = 43;
const MINUS = 45;
const SPACE = 32;
const BACKSLASH = 92;
/** The kind of an empty line (editors strip a blank context line's space). */
const EMPTY = -1;
/** Bytes a buffer holds at least: the reader copies what it keeps (the open chunk, a partial line) once per buffer. */
const BUFFER_BYTES = 1 << 20;
/** Characters of a string input read at a time. */
const STRING_PIECE = 1 << 20;

/**
 * The diff reader's state between chunks of input: the bytes not read yet, the header state (the
 * file the next hunk belongs to), the hunk being read, and the open chunk of the current run of
 * added lines (its lines as offsets into `buf`). `DiffReader.forFile` reads a whole file instead,
 * every line of it added.
 */
export class DiffReader {
  private buf: Buffer = Buffer.alloc(0);
  private block = new ByteBlock(this.buf);
  private len = 0;
  /** Where the next line to read starts. */
  private pos = 0;
  /** Where the bytes of the last `push` start: no line break is before them unread. */
  private added = 0;
  private ready: AddedHunk[] = [];
  /** Whether a BOM may still start the input. */
  private bom = false;

  // The header state.
  private file: string | undefined; // the new file's path; undefined for a deleted file
  private headerFile: string | undefined; // as the `diff --git` header or `rename to` names it
  private dstPrefix: string | undefined; // `b/` as the header shows it; '' for --no-prefix
  private gitSection = false;
  private skip = false; // a combined diff: nothing to read until the next file

  // The hunk being read.
  private inHunk = false;
  /** The new file's next line number. */
  private line = 0;
  private oldLeft = 0;
  private newLeft = 0;

  // The open chunk: `count` added lines of the block from its line `first` on, the first `overlap`
  // of them already yielded.
  private runFile = '';
  private firstLine = 0;
  private first = 0;
  private count = 0;
  private overlap = 0;

  /** Reading a whole file: every line is an added line of it. */
  private whole = false;
  /** Lines read so far. */
  linesRead = 0;

  /** The buffer before the current one, to fill again (`reuseBuffers`). */
  private spare: Buffer | undefined;

  /** The line breaks of the bytes `readLines` is reading, and the next one to reach. */
  private readonly breaks = new LineBreaks();
  private nextBreak = 0;

  constructor(
    private readonly report: DiffReport,
    private readonly options: ReaderOptions = {},
  ) {}

  /** A reader of one file's text, every line added (numbered from 1); a BOM at its start is dropped. */
  static forFile(file: string, options: ReaderOptions = {}): DiffReader {
    const reader = new DiffReader({ notScanned: [] }, options);
    reader.whole = true;
    reader.file = file;
    reader.line = 1;
    reader.bom = true;
    return reader;
  }

  /** The chunks of added lines complete so far. */
  take(): AddedHunk[] {
    const ready = this.ready;
    this.ready = [];
    return ready;
  }

  /** Drops a UTF-8 BOM (EF BB BF) if the input starts with one. */
  dropBom(): void {
    this.bom = true;
  }

  /** Reads the complete lines that `bytes` ends or holds. */
  push(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.append(bytes);
    this.parse();
  }

  private parse(): void {
    if (this.bom) {
      const buf = this.buf;
      const len = this.len;
      const prefix = (len < 1 || buf[0] === 0xef) && (len < 2 || buf[1] === 0xbb) && (len < 3 || buf[2] === 0xbf);
      if (prefix && len < 3) return; // too few bytes to tell
      if (prefix) this.pos = 3;
      this.bom = false;
    }
    // The last line break: in the bytes just added (before them, all were read), most often near the end.
    const buf = this.buf;
    let last = this.len - 1;
    while (last >= this.added && buf[last] !== NEWLINE) last--;
    if (last < this.added || last < this.pos) return;
    this.readLines(this.pos, last + 1);
  }

  /** The input broke off: what was read is ready, a partial last line is dropped. */
  abort(): void {
    this.pos = this.len;
    this.endRun();
  }

  /** The input ended: reads its last line (without a line break) and ends the run. */
  finish(): void {
    if (this.bom) {
      this.bom = false; // fewer than 3 bytes in all: no BOM
      this.parse();
    }
    if (this.pos < this.len) this.readLines(this.pos, this.len);
    this.endRun();
  }

  /** Adds bytes after the unread ones, in a new buffer when they do not fit (keeping the open chunk's lines). */
  private append(bytes: Uint8Array): void {
    this.added = this.len;
    if (this.len + bytes.length > this.buf.length) {
      const old = this.block;
      const keep = this.count > 0 ? Math.min(old.lineStarts[this.first]!, this.pos) : this.pos;
      const kept = this.len - keep;
      // Chunks yielded before hold views of the old buffer: it is written over only when the
      // reader's user is done with them (`reuseBuffers`), and then not before the next new buffer.
      const size = Math.max(BUFFER_BYTES, 2 * (kept + bytes.length));
      const spare = this.spare;
      const next = spare && spare.length >= kept + bytes.length ? spare : Buffer.allocUnsafe(size);
      this.buf.copy(next, 0, keep, this.len);
      this.spare = this.options.reuseBuffers && this.buf.length > 0 ? this.buf : undefined;
      this.buf = next;
      this.block = new ByteBlock(next);
      this.len = kept;
      this.added = kept;
      this.pos -= keep;
      // The open chunk's lines, and their text, in the new buffer.
      if (this.pos > 0) this.block.read(0, this.pos);
      for (let i = 0; i < this.count; i++) this.block.addLine(old.lineStarts[this.first + i]! - keep, old.lineEnds[this.first + i]! - keep);
      this.first = 0;
      this.block.parsed = this.pos;
    }
    this.buf.set(bytes, this.len);
    this.len += bytes.length;
  }

  /** Reads the lines of bytes [from, to), which ends with a line break unless it is the input's end. */
  private readLines(from: number, to: number): void {
    // Every line break first, all at once (see newline-wasm.ts); each line then takes the next one.
    const breaks = this.breaks;
    breaks.count = 0;
    breaks.nonAscii.count = 0;
    findLineBreaks(this.buf, from, to, breaks);
    const text = this.block.read(from, to, breaks);
    this.nextBreak = 0;
    const length = text.length;
    let at = 0;
    while (at < length) {
      if (this.inHunk && this.newLeft > 0 && this.file !== undefined && !this.whole && text.charCodeAt(at) === PLUS) {
        at = this.readAddedLines(text, from, at);
        continue;
      }
      const nl = this.nextBreak < breaks.count ? breaks.offsets[this.nextBreak++]! - from : length;
      this.readLine(from + at, from + nl, text, at);
      at = nl + 1;
    }
    this.pos = to;
    this.block.parsed = to;
  }

  /**
   * The common case, in one tight loop: added lines of a hunk, one after another, from `at` (a
   * `+`) in `text` (bytes from `from` on). Returns where the first other line starts.
   */
  private readAddedLines(text: string, from: number, start: number): number {
    const length = text.length;
    const block = this.block;
    let at = start;
    // Lines go to the open chunk when they continue it; the first may start a new run.
    if (this.count > 0 && (this.file !== this.runFile || this.line !== this.firstLine + this.count)) this.endRun();
    else if (this.count >= MAX_CHUNK_LINES) this.cut();
    if (this.count === 0) {
      this.runFile = this.file!;
      this.firstLine = this.line;
      this.first = block.lineCount;
    }
    // As many lines as the hunk has left (one at least: the caller checked), and the chunk has room
    // for: no test of either per line.
    const lines = Math.min(this.newLeft, MAX_CHUNK_LINES - this.count);
    block.reserve(lines);
    const starts = block.lineStarts;
    const ends = block.lineEnds;
    const base = block.lineCount;
    const { offsets, count: breaks } = this.breaks;
    let next = this.nextBreak;
    let k = 0;
    while (k < lines && at < length && text.charCodeAt(at) === PLUS) {
      const nl = next < breaks ? offsets[next++]! - from : length;
      let end = nl;
      if (end > at + 1 && text.charCodeAt(end - 1) === CR) {
        do end--;
        while (end > at + 1 && text.charCodeAt(end - 1) === CR);
      }
      starts[base + k] = from + at + 1;
      ends[base + k] = from + end;
      k++;
      at = nl + 1;
    }
    this.nextBreak = next;
    block.lineCount = base + k;
    this.count += k;
    this.line += k;
    this.newLeft -= k;
    this.linesRead += k;
    if (this.newLeft <= 0 && this.oldLeft <= 0) this.inHunk = false;
    return at;
  }

  /** One line of the diff, bytes [start, lineEnd) before its line break; `text` holds it from `at` on. */
  private readLine(start: number, lineEnd: number, text: string, at: number): void {
    let end = lineEnd;
    while (end > start && text.charCodeAt(at + end - 1 - start) === CR) end--;
    this.linesRead++;
    if (this.whole) {
      this.addLine(start, end);
      this.line++;
      return;
    }
    if (this.inHunk) {
      const kind = end > start ? text.charCodeAt(at) : EMPTY;
      if (kind === PLUS) {
        if (this.file !== undefined) this.addLine(start + 1, end);
        else this.endRun();
        this.line++;
        this.newLeft--;
      } else if (kind === SPACE || kind === EMPTY) {
        this.endRun();
        this.line++;
        this.newLeft--;
        this.oldLeft--;
      } else if (kind === MINUS) {
        this.oldLeft--;
      } else if (kind === BACKSLASH) {
        return; // "\ No newline at end of file": not a line of either file
      } else {
        // A line no hunk can hold: the counts were wrong (a hand-edited diff); read it as a header.
        this.inHunk = false;
        this.header(this.block.text(start, end));
        return;
      }
      if (this.oldLeft <= 0 && this.newLeft <= 0) this.inHunk = false;
      return;
    }
    this.header(this.block.text(start, end));
  }

  /** An added line of the current file, numbered `this.line`, its text bytes [start, end). */
  private addLine(start: number, end: number): void {
    const file = this.file!;
    if (this.count > 0 && (file !== this.runFile || this.line !== this.firstLine + this.count)) this.endRun();
    else if (this.count >= MAX_CHUNK_LINES) this.cut();
    if (this.count === 0) {
      this.runFile = file;
      this.firstLine = this.line;
      this.first = this.block.lineCount;
    }
    this.block.addLine(start, end);
    this.count++;
  }

  /** Ends the current run: its last chunk is ready, if it has lines not yielded yet. */
  private endRun(): void {
    if (this.count > this.overlap) this.emit();
    this.count = 0;
    this.overlap = 0;
  }

  /** A full chunk: ready; the next starts with its last CHUNK_OVERLAP lines. */
  private cut(): void {
    this.emit();
    const keep = Math.min(CHUNK_OVERLAP, this.count);
    const from = this.count - keep;
    this.first += from;
    this.firstLine += from;
    this.count = keep;
    this.overlap = keep;
  }

  private emit(): void {
    this.ready.push(new ByteHunk(this.runFile, this.block, this.first, this.count, this.firstLine, this.overlap));
  }

  /** A line outside a hunk: a header of a file or a commit, a hunk's `@@` line, or text to skip. */
  private header(raw: string): void {
    this.endRun();
    if (raw.startsWith('diff --git ')) {
      this.gitSection = true;
      this.skip = false;
      ({ file: this.headerFile, prefix: this.dstPrefix } = gitHeaderPath(raw.slice('diff --git '.length)));
      this.file = this.headerFile;
    } else if (raw.startsWith('diff --cc ') || raw.startsWith('diff --combined ')) {
      this.skip = true;
      this.file = undefined;
      this.report.notScanned.push({ file: unquote(raw.slice(raw.indexOf(' ', 5) + 1)), reason: COMBINED });
    } else if (this.skip) {
      return;
    } else if (raw.startsWith('rename to ') || raw.startsWith('copy to ')) {
      this.headerFile = unquote(raw.slice(raw.indexOf(' to ') + 4));
      this.file = this.headerFile;
    } else if (raw.startsWith('deleted file mode ')) {
      this.file = undefined;
    } else if (raw.startsWith('+++ ')) {
      this.file = newPath(raw.slice(4), this.gitSection, this.dstPrefix);
    } else if (raw.startsWith('Binary files ') || raw === 'GIT binary patch') {
      const named = raw === 'GIT binary patch' ? this.file : (binaryNewPath(raw) ?? this.file);
      if (named !== undefined) this.report.notScanned.push({ file: this.headerFile ?? named, reason: BINARY });
      this.file = undefined;
    } else if (raw.startsWith('@@ ')) {
      const hunk = hunkHeader(raw);
      this.inHunk = hunk !== undefined;
      if (hunk) ({ line: this.line, oldLeft: this.oldLeft, newLeft: this.newLeft } = hunk);
    } else if (raw.startsWith('diff ') || raw.startsWith('commit ')) {
      // A new file of a plain `diff -r`, or a new commit of `git log -p`: no path yet.
      this.gitSection = false;
      this.file = this.headerFile = this.dstPrefix = undefined;
    }
  }
}

/** `@@ -a[,b] +c[,d] @@ …`: where the hunk starts in the new file and how many lines each side has. */
function hunkHeader(line: string): { line: number; oldLeft: number; newLeft: number } | undefined {
  const m = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
  if (!m) return undefined;
  const hunk = { line: Number(m[2]), oldLeft: m[1] === undefined ? 1 : Number(m[1]), newLeft: m[3] === undefined ? 1 : Number(m[3]) };
  return hunk.oldLeft > 0 || hunk.newLeft > 0 ? hunk : undefined;
}

/**
 * The path of a `+++` line: `/dev/null` (a deleted file) is undefined; a git diff's destination
 * prefix (`b/`, or what its header shows) is dropped; a plain diff's `\t<timestamp>` is dropped.
 */
function newPath(text: string, gitSection: boolean, dstPrefix: string | undefined): string | undefined {
  const quoted = text.startsWith('"');
  let path = quoted ? unquote(text) : text.replace(/\t.*$/, '');
  if (path === '/dev/null') return undefined;
  const prefix = gitSection && dstPrefix !== undefined ? dstPrefix : 'b/';
  if (path.startsWith(prefix)) path = path.slice(prefix.length);
  return path;
}

/**
 * The new path of a `diff --git A B` header, and the prefix of B. For an unquoted header with spaces
 * in the names, the split is where both sides name the same file (git's own reading); a rename
 * whose names differ is named by its `rename to` or `+++` line instead.
 */
function gitHeaderPath(rest: string): { file?: string; prefix?: string } {
  const splits: Array<[string, string]> = [];
  if (rest.startsWith('"')) {
    const end = quotedEnd(rest);
    splits.push([unquote(rest.slice(0, end + 1)), unquote(rest.slice(end + 2))]);
  } else if (rest.endsWith('"') && rest.includes(' "')) {
    const at = rest.lastIndexOf(' "');
    splits.push([rest.slice(0, at), unquote(rest.slice(at + 1))]);
  } else {
    for (let i = rest.indexOf(' '); i !== -1; i = rest.indexOf(' ', i + 1)) splits.push([rest.slice(0, i), rest.slice(i + 1)]);
  }
  for (const [a, b] of splits) {
    if (a === b) return { file: b, prefix: '' };
    const slashA = a.indexOf('/');
    const slashB = b.indexOf('/');
    if (slashA > 0 && slashB > 0 && a.slice(slashA) === b.slice(slashB)) return { file: b.slice(slashB + 1), prefix: b.slice(0, slashB + 1) };
  }
  return {};
}

/** The new side of `Binary files A and B differ`, with its `b/` prefix dropped; undefined for /dev/null. */
function binaryNewPath(line: string): string | undefined {
  const body = line.slice('Binary files '.length).replace(/ differ$/, '');
  const at = body.lastIndexOf(' and ');
  const path = at === -1 ? body : body.slice(at + 5);
  const name = path.startsWith('"') ? unquote(path) : path;
  return name === '/dev/null' ? undefined : name.replace(/^b\//, '');
}

/** Index of the closing quote of a C-quoted string starting at 0. */
function quotedEnd(text: string): number {
  for (let i = 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return text.length;
}

const ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/**
 * A path as git writes it: bare, or C-quoted (`"dir/\303\244 \"x\".txt"`) with octal escapes of its
 * UTF-8 bytes when it holds a non-ASCII, control, quote or backslash character.
 */
export function unquote(text: string): string {
  if (!text.startsWith('"')) return text;
  const bytes: number[] = [];
  const end = quotedEnd(text);
  let i = 1;
  while (i < end) {
    const slash = text.indexOf('\\', i);
    const plainEnd = slash === -1 || slash > end ? end : slash;
    bytes.push(...Buffer.from(text.slice(i, plainEnd), 'utf8'));
    if (plainEnd === end) break;
    const octal = /^[0-7]{1,3}/.exec(text.slice(plainEnd + 1, plainEnd + 4));
    if (octal) bytes.push(parseInt(octal[0], 8) & 0xff);
    else bytes.push(ESCAPES[text[plainEnd + 1] ?? ''] ?? text.charCodeAt(plainEnd + 1));
    i = plainEnd + 1 + (octal ? octal[0].length : 1);
  }
  return new TextDecoder('utf-8').decode(Uint8Array.from(bytes));
}
