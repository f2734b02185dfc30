/**
 * A streaming reader of unified diffs (`git diff`, `git log -p`, `diff -u`): it yields the lines a
 * change adds, one run of consecutive added lines at a time, and holds no more than one bounded
 * chunk of a run and the current line. Removed lines, context, headers and commit messages
 * are read and dropped.
 */
import type { Readable } from 'node:stream';
import type { AddedLine } from './types.js';

/** A file the scan could not read, and why (a binary file, a merge's combined diff). */
export interface NotScanned {
  file: string;
  reason: string;
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
 * pays one await per chunk of input instead of one per line (most of the scan's time, measured).
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

/**
 * Collects added lines into runs of consecutive new-file lines of one file and hands them out in
 * bounded chunks (see `AddedHunk`).
 */
export class RunChunker {
  private file = '';
  private lines: AddedLine[] = [];
  private overlap = 0;

  /** Adds a line; returns a full chunk to yield, if one is ready. */
  add(line: AddedLine): AddedHunk | undefined {
    let ready: AddedHunk | undefined;
    const last = this.lines.at(-1);
    if (last && (line.file !== this.file || line.line !== last.line + 1)) ready = this.end();
    else if (this.lines.length >= MAX_CHUNK_LINES) ready = this.cut();
    this.file = line.file;
    this.lines.push(line);
    return ready;
  }

  /** Ends the current run: returns its last chunk, if it has lines not yielded yet. */
  end(): AddedHunk | undefined {
    const hunk = this.lines.length > this.overlap ? this.hunk() : undefined;
    this.lines = [];
    this.overlap = 0;
    return hunk;
  }

  private cut(): AddedHunk {
    const hunk = this.hunk();
    this.lines = this.lines.slice(-CHUNK_OVERLAP);
    this.overlap = this.lines.length;
    return hunk;
  }

  private hunk(): AddedHunk {
    return this.overlap ? { file: this.file, lines: this.lines, overlap: this.overlap } : { file: this.file, lines: this.lines };
  }
}

interface Hunk {
  /** The new file's next line number. */
  line: number;
  oldLeft: number;
  newLeft: number;
}

/**
 * The added lines of a unified diff, file by file, as runs of consecutive lines (`AddedHunk`).
 * `line` numbers count the hunk's added and context lines from its `+c` start, so they are the
 * lines of the new file. Deleted files, pure renames and mode changes add nothing; binary files
 * and combined (merge) diffs go to `report.notScanned`.
 */
export async function* addedHunks(
  input: AsyncIterable<string | readonly string[]> | Iterable<string>,
  report: DiffReport = { notScanned: [] },
): AsyncGenerator<AddedHunk> {
  const chunker = new RunChunker();
  let file: string | undefined; // the new file's path; undefined for a deleted file
  let headerFile: string | undefined; // as the `diff --git` header or `rename to` names it
  let dstPrefix: string | undefined; // `b/` as the header shows it; '' for --no-prefix
  let gitSection = false;
  let skip = false; // a combined diff: nothing to read until the next file
  let hunk: Hunk | undefined;

  // Batches of lines (lineBatches) cost one await each; a line at a time works too.
  for await (const item of input) {
    for (const raw of typeof item === 'string' ? [item] : item) {
      if (hunk) {
        const kind = raw[0];
        if (raw === '' || kind === ' ' || kind === '+' || kind === '-' || kind === '\\') {
          if (kind === '\\') continue; // "\ No newline at end of file": not a line of either file
          if (kind === '-') hunk.oldLeft--;
          else {
            if (kind === '+' && file !== undefined) {
              const ready = chunker.add({ file, line: hunk.line, text: raw.slice(1) });
              if (ready) yield ready;
            } else {
              const ready = chunker.end();
              if (ready) yield ready;
            }
            hunk.line++;
            hunk.newLeft--;
            if (kind !== '+') hunk.oldLeft--;
          }
          if (hunk.oldLeft <= 0 && hunk.newLeft <= 0) hunk = undefined;
          continue;
        }
        // A line no hunk can hold: the counts were wrong (a hand-edited diff); read it as a header.
        hunk = undefined;
      }
      const ended = chunker.end();
      if (ended) yield ended;

      if (raw.startsWith('diff --git ')) {
        gitSection = true;
        skip = false;
        ({ file: headerFile, prefix: dstPrefix } = gitHeaderPath(raw.slice('diff --git '.length)));
        file = headerFile;
      } else if (raw.startsWith('diff --cc ') || raw.startsWith('diff --combined ')) {
        skip = true;
        file = undefined;
        report.notScanned.push({ file: unquote(raw.slice(raw.indexOf(' ', 5) + 1)), reason: COMBINED });
      } else if (skip) {
        continue;
      } else if (raw.startsWith('rename to ') || raw.startsWith('copy to ')) {
        headerFile = unquote(raw.slice(raw.indexOf(' to ') + 4));
        file = headerFile;
      } else if (raw.startsWith('deleted file mode ')) {
        file = undefined;
      } else if (raw.startsWith('+++ ')) {
        file = newPath(raw.slice(4), gitSection, dstPrefix);
      } else if (raw.startsWith('Binary files ') || raw === 'GIT binary patch') {
        const named = raw === 'GIT binary patch' ? file : (binaryNewPath(raw) ?? file);
        if (named !== undefined) report.notScanned.push({ file: headerFile ?? named, reason: BINARY });
        file = undefined;
      } else if (raw.startsWith('@@ ')) {
        hunk = hunkHeader(raw);
      } else if (raw.startsWith('diff ') || raw.startsWith('commit ')) {
        // A new file of a plain `diff -r`, or a new commit of `git log -p`: no path yet.
        gitSection = false;
        file = headerFile = dstPrefix = undefined;
      }
    }
  }
  const last = chunker.end();
  if (last) yield last;
}

/** `@@ -a[,b] +c[,d] @@ …`: where the hunk starts in the new file and how many lines each side has. */
function hunkHeader(line: string): Hunk | undefined {
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
