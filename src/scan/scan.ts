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
import { addedHunks, lineBatches, linesOf, RunChunker, type AddedHunk, type NotScanned } from './diff.js';
import { shannonEntropy } from './entropy.js';
import { fingerprint } from './fingerprint.js';
import { createMatcher } from './matcher.js';
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

/** Scans the added lines of a unified diff (a string, a stream, or chunks of it). */
export async function scanDiff(input: string | Readable | AsyncIterable<string | Uint8Array>, options: ScanOptions): Promise<ScanResult> {
  const report = { notScanned: [] as NotScanned[] };
  return scanHunks(addedHunks(lineBatches(input), report), options, report.notScanned);
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
  const disabled = new Set(options.disableRules ?? []);
  const matcher = createMatcher(options.rules.filter((rule) => !disabled.has(rule.id)));
  const configured = new ConfiguredSecretFinder(disabled.has(CONFIGURED_SECRET) ? [] : (options.configuredSecrets ?? []));
  const isExcluded = excludeMatcher(options.exclude ?? []);
  const suppressor = new Suppressor(options);
  const files = new Set<string>();
  const excluded = new Set<string>();
  const findings: ScanFinding[] = [];
  let addedLines = 0;
  let previous: { file: string; keys: Set<string> } | undefined;

  for await (const hunk of hunks) {
    if (excluded.has(hunk.file) || isExcluded(hunk.file)) {
      excluded.add(hunk.file);
      continue;
    }
    const overlap = hunk.overlap ?? 0;
    files.add(hunk.file);
    addedLines += hunk.lines.length - overlap;
    // A chunk after a cut repeats the last lines of the one before: what was found there is not new.
    const seen = overlap > 0 && previous?.file === hunk.file ? previous.keys : undefined;
    const matches = matcher.scan(hunk.lines);
    previous = { file: hunk.file, keys: new Set(matches.map(matchKey)) };
    const fresh = matches.filter((m) => !seen?.has(matchKey(m)));
    for (const candidate of merge(fresh, configured.find(hunk.lines.slice(overlap)))) {
      const finding = toFinding(candidate);
      const first = hunk.lines[0]!.line;
      if (!suppressor.check(finding, hunk.lines[finding.line - first]?.text ?? '')) findings.push(finding);
    }
  }
  return {
    findings,
    stats: { files: files.size, addedLines, suppressed: suppressor.total, suppressedBy: { ...suppressor.counts }, excluded: excluded.size, notScanned },
  };
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

  find(lines: readonly AddedLine[]): ConfiguredMatch[] {
    if (this.byPrefix.size === 0 && this.byHash.size === 0) return [];
    return lines.flatMap((line) => [...this.findByPrefix(line), ...this.findByWords(line)]);
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
    const stream = createReadStream(path.resolve(cwd, file));
    const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    const chunker = new RunChunker();
    let line = 0;
    try {
      const first = await chunks.next();
      if (first.done) continue;
      if (first.value.subarray(0, BINARY_PROBE).includes(0)) {
        notScanned.push({ file, reason: BINARY });
        continue;
      }
      for await (const text of linesOf(resume(first.value, chunks))) {
        const ready = chunker.add({ file, line: ++line, text });
        if (ready) yield ready;
      }
    } catch (error) {
      notScanned.push({ file, reason: `cannot read${line > 0 ? ` past line ${line}` : ''}: ${errorCode(error)}` });
    } finally {
      stream.destroy();
    }
    const last = chunker.end();
    if (last) yield last;
  }
}

function errorCode(error: unknown): string {
  return (error as { code?: string }).code ?? String(error);
}

async function* resume(first: Buffer, rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  yield first;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
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
