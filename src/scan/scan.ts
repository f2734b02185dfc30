/**
 * The leak scan: added lines (of a diff, or whole files) → rule matches and configured tokens'
 * values → findings with fingerprints and previews, less what is excluded, disabled or suppressed.
 * Streams: it holds one chunk of added lines at a time (see diff.ts), never the whole input.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Finding } from '../run/result.js';
import { ByteHunk, diffBatches, DiffReader, type AddedHunk, type NotScanned } from './diff.js';
import { shannonEntropy } from './entropy.js';
import { fingerprint } from './fingerprint.js';
import { createMatcher, type Matcher } from './matcher.js';
import { redactedPreview } from './redact-preview.js';
import { excludeMatcher, Suppressor, type SuppressOptions, type SuppressReason } from './suppress.js';
import type { AddedLine, Rule, RuleMatch } from './types.js';

/** The rule id of a configured token's own value found in an added line. */
export const CONFIGURED_SECRET = 'configured-secret';
export const CONFIGURED_SECRET_DESCRIPTION = "A configured token's own value (compared by SHA-256, never printed)";

/**
 * A configured token's value as the scan looks for it: its SHA-256 (hex), and, to find it anywhere
 * in a line fast, its length and first 4 characters (`configuredSecret` builds them). With the hash
 * alone, only a value standing on its own between quotes, spaces or `=:,;` is found.
 */
export interface ConfiguredSecret {
  /** The token's `name` in the config: what the finding is named after. */
  name: string;
  /** SHA-256 of the value, hex. */
  hash: string;
  length?: number;
  /** The value's first 4 characters, the prefilter of the search. Never output it. */
  prefix?: string;
  provider?: string;
}

/** Shortest value looked for: shorter ones (`true`, a port) would match everywhere. */
const MIN_CONFIGURED_LENGTH = 8;
const PREFIX_CHARS = 4;

/**
 * How the scan looks for a configured token's value. A one-line value is looked for whole. A
 * multi-line value (a PEM key, a pretty-printed JSON key file) cannot be found whole in one added
 * line: each of its lines that is long, has no spaces and is random-looking (a base64 line of the
 * key) is looked for instead, not its header or its JSON keys.
 */
export function configuredSecret(name: string, value: string, provider?: string): ConfiguredSecret[] {
  const lines = value.trim().split(/\r?\n/).map((line) => line.trim());
  const wanted = lines.length === 1 ? lines.filter((line) => line.length >= MIN_CONFIGURED_LENGTH) : lines.filter((line) => /^[\w+/=.-]{32,}$/.test(line) && shannonEntropy(line) >= 4);
  return [...new Set(wanted)].map((line) => ({ name, hash: sha256(line), length: line.length, prefix: line.slice(0, PREFIX_CHARS), ...(provider ? { provider } : {}) }));
}

export interface ScanOptions extends SuppressOptions {
  rules: readonly Rule[];
  /** Path globs never scanned (`scan.exclude`). */
  exclude?: readonly string[];
  /** Rule ids switched off (`scan.disable-rules`); `configured-secret` too. */
  disableRules?: readonly string[];
  configuredSecrets?: readonly ConfiguredSecret[];
}

/** A finding of the report, with what only the engine may hold. */
export interface ScanFinding extends Finding {
  /** Why it is unverified: `verification off` until the verifier runs. */
  verificationReason?: string;
  /** For `configured-secret`: the name of the configured token whose value it is. */
  token?: string;
  /** The secret itself: for verification only. Never output it. */
  secret: string;
  /** More parts of the credential (rule.parts). Never output them. */
  parts?: Record<string, string>;
}

export interface ScanStats {
  /** Files with added lines that were scanned. */
  files: number;
  addedLines: number;
  /** Findings suppressed, in all and by reason. */
  suppressed: number;
  suppressedBy: Record<SuppressReason, number>;
  /** Paths left out by `exclude` (files; a directory of a path scan counts once). */
  excluded: number;
  notScanned: NotScanned[];
}

export interface ScanResult {
  findings: ScanFinding[];
  stats: ScanStats;
}

/**
 * Bytes per read of a file the scan reads (a diff file, a file scanned whole). Node's default of
 * 64 KiB makes a read of 8 MB wait on the thread pool 128 times: measured, as long as scanning it.
 */
export const READ_CHUNK_BYTES = 1 << 20;

/** A file as the scan reads it: a stream of READ_CHUNK_BYTES chunks. */
export function readForScan(file: string): Readable {
  return createReadStream(file, { highWaterMark: READ_CHUNK_BYTES });
}

/** Scans the added lines of a unified diff (a string, a stream, or chunks of it). */
export async function scanDiff(input: string | Readable | AsyncIterable<string | Uint8Array>, options: ScanOptions): Promise<ScanResult> {
  const report = { notScanned: [] as NotScanned[] };
  const scan = new Scan(options, report.notScanned);
  // Each batch is scanned before the next is read: the reader may fill its buffers again.
  for await (const batch of diffBatches(input, report, { reuseBuffers: true })) for (const hunk of batch) scan.add(hunk);
  return scan.result();
}

/**
 * Scans whole files, every line counting as added: files, and directories walked (`.git` skipped,
 * symbolic links inside them not followed). Names are relative to `cwd`, `/`-separated.
 */
export async function scanFiles(paths: readonly string[], options: ScanOptions & { cwd: string }): Promise<ScanResult> {
  const notScanned: NotScanned[] = [];
  const excluded = excludeMatcher(options.exclude ?? []);
  const skipped = { count: 0 };
  const result = await scanHunks(fileHunks(paths, options.cwd, excluded, notScanned, skipped), options, notScanned);
  result.stats.excluded += skipped.count;
  return result;
}

/** The scan of added lines, from whatever reader yields them. */
export async function scanHunks(hunks: AsyncIterable<AddedHunk>, options: ScanOptions, notScanned: NotScanned[] = []): Promise<ScanResult> {
  const scan = new Scan(options, notScanned);
  for await (const hunk of hunks) scan.add(hunk);
  return scan.result();
}

/** A scan under way: chunks of added lines in, findings and counts out. */
class Scan {
  private readonly matcher: Matcher;
  private readonly configured: ConfiguredSecretFinder;
  private readonly isExcluded: (file: string) => boolean;
  private readonly suppressor: Suppressor;
  private readonly files = new Set<string>();
  private readonly excluded = new Set<string>();
  private readonly findings: ScanFinding[] = [];
  private addedLines = 0;
  /** What the chunk before found, by file: a chunk after a cut repeats the last lines of the one before. */
  private previous: { file: string; keys: Set<string> } | undefined;

  constructor(
    options: ScanOptions,
    private readonly notScanned: NotScanned[],
  ) {
    const disabled = new Set(options.disableRules ?? []);
    this.matcher = matcherFor(options.rules, disabled);
    this.configured = new ConfiguredSecretFinder(disabled.has(CONFIGURED_SECRET) ? [] : (options.configuredSecrets ?? []));
    this.isExcluded = excludeMatcher(options.exclude ?? []);
    this.suppressor = new Suppressor(options);
  }

  add(hunk: AddedHunk): void {
    if (this.excluded.has(hunk.file) || this.isExcluded(hunk.file)) {
      this.excluded.add(hunk.file);
      return;
    }
    const overlap = hunk.overlap ?? 0;
    // A chunk of the diff's bytes is read as bytes: its lines are decoded only where a rule looks.
    const bytes = hunk instanceof ByteHunk ? hunk : undefined;
    this.files.add(hunk.file);
    this.addedLines += (bytes ? bytes.count : hunk.lines.length) - overlap;
    const seen = overlap > 0 && this.previous?.file === hunk.file ? this.previous.keys : undefined;
    const matches = bytes ? this.matcher.scanHunk(bytes) : this.matcher.scan(hunk.lines);
    this.previous = matches.length === 0 && !seen ? NOTHING_SEEN : { file: hunk.file, keys: new Set(matches.map(matchKey)) };
    const fresh = seen ? matches.filter((m) => !seen.has(matchKey(m))) : matches;
    const values = this.configured.empty ? [] : bytes ? this.configured.findInBytes(bytes, overlap) : this.configured.find(hunk.lines.slice(overlap));
    if (fresh.length === 0 && values.length === 0) return;
    const first = bytes ? bytes.firstLine : hunk.lines[0]!.line;
    const lineText = (line: number) => (bytes ? (line - first < bytes.count ? bytes.text(line - first) : '') : (hunk.lines[line - first]?.text ?? ''));
    for (const candidate of merge(fresh, values)) {
      const finding = toFinding(candidate);
      if (!this.suppressor.check(finding, lineText(finding.line))) this.findings.push(finding);
    }
  }

  result(): ScanResult {
    const { suppressor } = this;
    return {
      findings: this.findings,
      stats: {
        files: this.files.size,
        addedLines: this.addedLines,
        suppressed: suppressor.total,
        suppressedBy: { ...suppressor.counts },
        excluded: this.excluded.size,
        notScanned: this.notScanned,
      },
    };
  }
}

/** `previous` after a chunk that found nothing: no file, no keys. */
const NOTHING_SEEN = { file: '', keys: new Set<string>() };

/**
 * The matcher for a rule set less the disabled rules, compiled once per set: a scan of many diffs
 * (or of the same rules again) does not compile 300 patterns and the keyword automaton each time.
 */
const MATCHERS = new WeakMap<readonly Rule[], Array<{ rules: Rule[]; disabled: string; matcher: Matcher }>>();

function matcherFor(rules: readonly Rule[], disabled: ReadonlySet<string>): Matcher {
  const enabled = rules.filter((rule) => !disabled.has(rule.id));
  const key = [...disabled].sort().join('\0');
  let cached = MATCHERS.get(rules);
  if (!cached) MATCHERS.set(rules, (cached = []));
  // The same rules, one by one: an array changed in place is a new rule set.
  const hit = cached.find((entry) => entry.disabled === key && entry.rules.length === enabled.length && entry.rules.every((rule, i) => rule === enabled[i]));
  if (hit) return hit.matcher;
  const matcher = createMatcher(enabled);
  cached.push({ rules: enabled, disabled: key, matcher });
  if (cached.length > 4) cached.shift();
  return matcher;
}

function matchKey(m: RuleMatch): string {
  return `${m.rule.id}\0${m.line}\0${m.column}`;
}

/** A configured token's value found on a line. */
interface ConfiguredMatch {
  secret: ConfiguredSecret;
  /** The config's provider for the token, else that of a rule that matched the same value. */
  provider?: string;
  file: string;
  line: number;
  column: number;
  value: string;
}

type Candidate = { kind: 'rule'; match: RuleMatch } | { kind: 'configured'; match: ConfiguredMatch };

/**
 * Rule matches and configured values, in line and column order. A rule match inside a configured
 * value's span is that value seen twice: one finding, `configured-secret` (it says whose token it
 * is), with the rule's provider when the config named none.
 */
function merge(matches: RuleMatch[], found: ConfiguredMatch[]): Candidate[] {
  const candidates: Candidate[] = [];
  for (const m of matches) {
    const within = found.find((c) => c.line === m.line && c.column <= m.column && m.column + m.secret.length <= c.column + c.value.length);
    if (!within) candidates.push({ kind: 'rule', match: m });
    else within.provider ??= m.rule.provider;
  }
  for (const c of found) candidates.push({ kind: 'configured', match: c });
  return candidates.sort((a, b) => a.match.line - b.match.line || a.match.column - b.match.column);
}

function toFinding(candidate: Candidate): ScanFinding {
  const common = { verification: 'unverified', verificationReason: 'verification off', severity: 'error' } as const;
  if (candidate.kind === 'configured') {
    const { secret, provider, file, line, column, value } = candidate.match;
    return {
      rule: CONFIGURED_SECRET,
      ...(provider ? { provider } : {}),
      token: secret.name,
      file,
      line,
      column,
      fingerprint: fingerprint(CONFIGURED_SECRET, file, value),
      ...common,
      redacted: '…', // a configured token's value: not even its start is shown
      secret: value,
    };
  }
  const { rule, file, line, column, secret, parts } = candidate.match;
  return {
    rule: rule.id,
    ...(rule.provider ? { provider: rule.provider } : {}),
    file,
    line,
    column,
    fingerprint: fingerprint(rule.id, file, secret),
    ...common,
    redacted: redactedPreview(secret, rule.keywords),
    secret,
    ...(parts ? { parts } : {}),
  };
}

/**
 * Finds configured tokens' values in added lines by SHA-256, so the values need not be held in
 * plain text. With each value's length and first 4 characters, a line is searched for those
 * characters (`indexOf`, fast) and only the substring of the value's length at each hit is hashed:
 * a value is found anywhere, in a URL, a JSON string, glued to other text. Entries with the hash
 * alone are compared with the line's delimited words.
 */
class ConfiguredSecretFinder {
  private readonly byPrefix = new Map<string, ConfiguredSecret[]>();
  private readonly byHash = new Map<string, ConfiguredSecret>();

  constructor(secrets: readonly ConfiguredSecret[]) {
    for (const secret of secrets) {
      const hash = secret.hash.toLowerCase();
      const entry = { ...secret, hash };
      if (secret.prefix && secret.length && secret.length >= secret.prefix.length) {
        const list = this.byPrefix.get(secret.prefix) ?? [];
        list.push(entry);
        this.byPrefix.set(secret.prefix, list);
      } else this.byHash.set(hash, entry);
    }
  }

  /** No values to look for. */
  get empty(): boolean {
    return this.byPrefix.size === 0 && this.byHash.size === 0;
  }

  find(lines: readonly AddedLine[]): ConfiguredMatch[] {
    if (this.empty) return [];
    return lines.flatMap((line) => [...this.findByPrefix(line), ...this.findByWords(line)]);
  }

  /**
   * The same for a chunk of the diff's bytes, lines `from` on: only the lines whose bytes hold a
   * value's first characters are decoded (a native search of the bytes for each). Values known by
   * their hash alone need every line's words: then every line is.
   */
  findInBytes(hunk: ByteHunk, from: number): ConfiguredMatch[] {
    if (this.empty) return [];
    const asciiPrefixes = [...this.byPrefix.keys()].every((prefix) => !/[\u0080-\uffff]/.test(prefix));
    if (this.byHash.size > 0 || !asciiPrefixes) return this.find(hunk.lines.slice(from));
    const { block, first, count } = hunk;
    const starts = block.lineStarts;
    const ends = block.lineEnds;
    const lines = new Set<number>();
    for (const prefix of this.byPrefix.keys()) {
      const needle = Buffer.from(prefix, 'latin1');
      const end = ends[first + count - 1]!;
      let line = first + from;
      for (let at = block.bytes.indexOf(needle, starts[line]!); at !== -1 && at + needle.length <= end; at = block.bytes.indexOf(needle, at + 1)) {
        while (ends[line]! < at + needle.length) line++;
        if (at >= starts[line]!) lines.add(line - first);
      }
    }
    return [...lines].sort((a, b) => a - b).flatMap((i) => this.findByPrefix({ file: hunk.file, line: hunk.firstLine + i, text: hunk.text(i) }));
  }

  private findByPrefix({ file, line, text }: AddedLine): ConfiguredMatch[] {
    const found: ConfiguredMatch[] = [];
    for (const [prefix, secrets] of this.byPrefix) {
      for (let at = text.indexOf(prefix); at !== -1; at = text.indexOf(prefix, at + 1)) {
        for (const secret of secrets) {
          const value = text.slice(at, at + secret.length!);
          if (value.length === secret.length && sha256(value) === secret.hash) found.push({ secret, provider: secret.provider, file, line, column: at + 1, value });
        }
      }
    }
    return found;
  }

  private findByWords({ file, line, text }: AddedLine): ConfiguredMatch[] {
    if (this.byHash.size === 0) return [];
    const found: ConfiguredMatch[] = [];
    const words = new Set([...text.split(/[\s"'`]+/), ...text.split(/[\s"'`=:,;()[\]{}<>]+/)]);
    for (const word of words) {
      const secret = word.length >= MIN_CONFIGURED_LENGTH ? this.byHash.get(sha256(word)) : undefined;
      if (secret) found.push({ secret, provider: secret.provider, file, line, column: text.indexOf(word) + 1, value: word });
    }
    return found;
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

const BINARY = 'binary file (a NUL byte in its first 8000 bytes)';
/** Git's test for a binary file: a NUL byte in its first 8000 bytes. */
const BINARY_PROBE = 8000;

/** Every line of each file as an added line, in bounded chunks; binary files go to `notScanned`. */
async function* fileHunks(
  paths: readonly string[],
  cwd: string,
  excluded: (file: string) => boolean,
  notScanned: NotScanned[],
  skipped: { count: number },
): AsyncGenerator<AddedHunk> {
  for await (const file of walk(paths, cwd, excluded, notScanned, skipped)) {
    const stream = readForScan(path.resolve(cwd, file));
    const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    // Each chunk is scanned before the next is read (see `scanHunks`): buffers may be filled again.
    const reader = DiffReader.forFile(file, { reuseBuffers: true });
    try {
      const first = await chunks.next();
      if (first.done) continue;
      if (first.value.subarray(0, BINARY_PROBE).includes(0)) {
        notScanned.push({ file, reason: BINARY });
        continue;
      }
      reader.push(first.value);
      yield* reader.take();
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
        reader.push(next.value);
        yield* reader.take();
      }
      reader.finish();
    } catch (error) {
      notScanned.push({ file, reason: `cannot read${reader.linesRead > 0 ? ` past line ${reader.linesRead}` : ''}: ${errorCode(error)}` });
      reader.abort();
    } finally {
      stream.destroy();
    }
    yield* reader.take();
  }
}

function errorCode(error: unknown): string {
  return (error as { code?: string }).code ?? String(error);
}

/**
 * The files under the given paths, by name relative to `cwd` (`/`-separated), in name order. A path
 * given is followed even when it is a symbolic link; inside directories links are not followed (no
 * cycles, nothing outside the tree), and `.git` is never entered. Excluded directories are not walked.
 */
async function* walk(
  paths: readonly string[],
  cwd: string,
  excluded: (file: string) => boolean,
  notScanned: NotScanned[],
  skipped: { count: number },
): AsyncGenerator<string> {
  const name = (abs: string) => path.relative(cwd, abs).split(path.sep).join('/') || '.';
  async function* dir(abs: string): AsyncGenerator<string> {
    const entries = await readdir(abs, { withFileTypes: true }).catch((error: unknown) => {
      notScanned.push({ file: name(abs), reason: `cannot read the directory: ${errorCode(error)}` });
      return [];
    });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const child = path.join(abs, entry.name);
      const file = name(child);
      if (entry.name === '.git') continue;
      if (excluded(file)) skipped.count++;
      else if (entry.isSymbolicLink()) notScanned.push({ file, reason: 'symbolic link: not followed' });
      else if (entry.isDirectory()) yield* dir(child);
      else if (entry.isFile()) yield file;
    }
  }
  for (const given of paths) {
    const abs = path.resolve(cwd, given);
    const info = await stat(abs);
    if (info.isDirectory()) yield* dir(abs);
    else if (info.isFile()) yield name(abs);
    else notScanned.push({ file: name(abs), reason: 'not a regular file' });
  }
}
