/**
 * What keeps a finding out of the report: an inline marker on its line, its fingerprint in
 * `.token-preflight-ignore`, a `.gitleaksignore` entry; and what keeps a file or a rule out of the
 * scan: `exclude` path globs, `disable-rules`. Suppressed findings are counted, by reason, never shown.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gitleaksIgnoreMatcher, parseGitleaksIgnore, type GitleaksIgnoreEntry } from './fingerprint.js';

/** Why a finding was suppressed. */
export type SuppressReason = 'inline' | 'ignore-file' | 'gitleaksignore';

export const IGNORE_FILE = '.token-preflight-ignore';
export const GITLEAKS_IGNORE_FILE = '.gitleaksignore';

/**
 * The inline markers, ours and those of the tools teams migrate from: gitleaks (`gitleaks:allow`),
 * detect-secrets (`pragma: allowlist secret`, also spelled `allowlist-secret`), TruffleHog
 * (`trufflehog:ignore`). Anywhere on the line, usually in a comment; case as written.
 */
const INLINE_MARKER = /token-preflight:allow|gitleaks:allow|pragma: ?allowlist[ -]secret|trufflehog:ignore/;

/** Does this line carry an inline marker that suppresses findings on it? */
export function hasInlineMarker(text: string): boolean {
  return INLINE_MARKER.test(text);
}

/**
 * The fingerprints of a `.token-preflight-ignore` file: one a line; `#` starts a comment (at the
 * start of a line or after a space, so a reason can follow the fingerprint); blank lines skipped.
 */
export function parseIgnoreFile(text: string): Set<string> {
  const fingerprints = new Set<string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/s, '').trim();
    if (line !== '') fingerprints.add(line);
  }
  return fingerprints;
}

/** The repository's suppression files, as `scanDiff` takes them. */
export interface SuppressionFiles {
  ignore: Set<string>;
  gitleaksIgnore: GitleaksIgnoreEntry[];
}

/** Reads `.token-preflight-ignore` and `.gitleaksignore` at the repository root; a missing file is empty. */
export async function loadSuppressionFiles(root: string): Promise<SuppressionFiles> {
  const [ignore, gitleaks] = await Promise.all([readOptional(path.join(root, IGNORE_FILE)), readOptional(path.join(root, GITLEAKS_IGNORE_FILE))]);
  return { ignore: parseIgnoreFile(ignore), gitleaksIgnore: parseGitleaksIgnore(gitleaks) };
}

async function readOptional(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return '';
    throw error;
  }
}

/** What a finding is checked against. */
export interface SuppressOptions {
  ignore?: ReadonlySet<string>;
  gitleaksIgnore?: readonly GitleaksIgnoreEntry[];
}

/** Decides, for each finding, whether and why it is suppressed, and counts by reason. */
export class Suppressor {
  readonly counts: Record<SuppressReason, number> = { inline: 0, 'ignore-file': 0, gitleaksignore: 0 };
  private readonly ignore: ReadonlySet<string>;
  private readonly gitleaks: (finding: { rule: string; file: string; line: number }) => boolean;

  constructor(options: SuppressOptions) {
    this.ignore = options.ignore ?? new Set();
    this.gitleaks = gitleaksIgnoreMatcher(options.gitleaksIgnore ?? []);
  }

  /** The reason the finding is suppressed (and counted), or undefined when it is reported. */
  check(finding: { rule: string; file: string; line: number; fingerprint: string }, lineText: string): SuppressReason | undefined {
    const reason: SuppressReason | undefined = hasInlineMarker(lineText)
      ? 'inline'
      : this.ignore.has(finding.fingerprint)
        ? 'ignore-file'
        : this.gitleaks(finding)
          ? 'gitleaksignore'
          : undefined;
    if (reason) this.counts[reason]++;
    return reason;
  }

  get total(): number {
    return this.counts.inline + this.counts['ignore-file'] + this.counts.gitleaksignore;
  }
}

/**
 * A test of paths (as the diff names them: `/`-separated, from the repository root) against
 * `exclude` globs:
 * - `*` any characters but `/`; `?` one character but `/`; `{a,b}` either (not nested);
 * - `**` as a whole segment: any number of segments, none included (`fixtures/**`; a leading `**`
 *   segment before `*.snap` names every `.snap` file);
 * - a pattern is matched against the whole path, and also excludes what is under a directory it
 *   matches (`fixtures` excludes `fixtures/a.json`);
 * - `*` and `?` match a leading dot too: an exclude list means every file it names;
 * - a leading `./` or `/` is dropped; anything else is a literal character.
 * Matching is by segments with memoised positions: linear in pattern × path, whatever the input.
 */
export function excludeMatcher(patterns: readonly string[]): (file: string) => boolean {
  const compiled = patterns.map(compileGlob).filter((glob) => glob.length > 0);
  if (compiled.length === 0) return () => false;
  return (file) => {
    const segments = file.split('/');
    return compiled.some((glob) => matchesPrefix(glob, segments));
  };
}

/** Each segment of a glob: `**`, or a regular expression of one path segment. */
type Glob = Array<'**' | RegExp>;

function compileGlob(pattern: string): Glob {
  const trimmed = pattern.trim().replace(/^(\.\/)+/, '').replace(/^\/+/, '').replace(/\/+$/, '');
  if (trimmed === '') return [];
  const segments = trimmed.split(/\/+/);
  const glob: Glob = [];
  for (const segment of segments) {
    if (segment === '**') {
      if (glob.at(-1) !== '**') glob.push('**');
    } else glob.push(new RegExp(`^${segmentSource(segment)}$`));
  }
  return glob;
}

function segmentSource(segment: string): string {
  let source = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === '*') {
      source += '[^/]*';
      while (segment[i + 1] === '*') i++;
    } else if (c === '?') source += '[^/]';
    else if (c === '{') {
      const close = segment.indexOf('}', i);
      const body = close === -1 ? '' : segment.slice(i + 1, close);
      if (close === -1 || body.includes('{')) source += '\\{';
      else {
        source += `(?:${body.split(',').map(segmentSource).join('|')})`;
        i = close;
      }
    } else source += c.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  }
  return source;
}

/** Does the glob match the path, or one of its leading directories? */
function matchesPrefix(glob: Glob, segments: readonly string[]): boolean {
  // reach[j]: the glob's first i segments can match the path's first j segments.
  let reach = new Array<boolean>(segments.length + 1).fill(false);
  reach[0] = true;
  for (const part of glob) {
    const next = new Array<boolean>(segments.length + 1).fill(false);
    for (let j = 0; j <= segments.length; j++) {
      if (part === '**') next[j] = reach[j]! || (j > 0 && next[j - 1]!);
      else next[j] = j > 0 && reach[j - 1]! && part.test(segments[j - 1]!);
    }
    reach = next;
  }
  // A match of the whole path, or of a directory above it (not the empty prefix).
  return reach.some((matched, j) => matched && j > 0);
}
