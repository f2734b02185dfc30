/**
 * Fingerprints name a finding across runs without revealing its secret: what a user copies into
 * `.token-preflight-ignore` to accept one. And the entries of gitleaks' `.gitleaksignore`, honoured
 * so a team moving from gitleaks keeps its suppressions.
 */
import { createHash } from 'node:crypto';

/** Hex characters of the hash a fingerprint keeps: 48 bits. */
export const FINGERPRINT_HASH_CHARS = 12;

/**
 * `<rule>:<file>:<12 hex of sha256(rule + "\0" + secret)>`.
 *
 * Stable: neither the line nor the column is in it, so a finding keeps its fingerprint when lines
 * are added above it or it moves within its file (moving it to another file is a new leak there).
 *
 * Safe to print, commit and post in a PR: the hash is one-way and only 48 of its 256 bits are
 * kept, so it cannot be reversed, only used to confirm a guess, and the rules leave nothing to
 * guess. What they find is random with a set length (a GitHub token's 30 random base62 characters
 * are ~178 bits), or passed a checksum or structure check, or (the generic rules) reached an
 * entropy threshold: no search that 48 bits could confirm gets near it. The rule id in the hashed
 * text keeps two rules' fingerprints of one value apart. A value that is not random (a weak
 * password) could be confirmed by a dictionary guess, as with any hash of it; the rules' entropy
 * gates exist to keep such values out of the findings.
 */
export function fingerprint(ruleId: string, file: string, secret: string): string {
  return `${ruleId}:${file}:${secretHash(ruleId, secret)}`;
}

/** The hash part of a fingerprint. */
export function secretHash(ruleId: string, secret: string): string {
  return createHash('sha256').update(`${ruleId}\0${secret}`).digest('hex').slice(0, FINGERPRINT_HASH_CHARS);
}

/** One line of `.gitleaksignore`: `commit:file:rule:line` (a git scan's) or `file:rule:line`. */
export interface GitleaksIgnoreEntry {
  commit?: string;
  file: string;
  rule: string;
  line: number;
}

/**
 * The entries of a `.gitleaksignore` file; blank lines, `#` comments and lines that are no
 * fingerprint are skipped. The file may hold colons (read from the right: `…:rule:line`); a leading
 * 7–64 hex-digit part followed by a path is the commit.
 */
export function parseGitleaksIgnore(text: string): GitleaksIgnoreEntry[] {
  const entries: GitleaksIgnoreEntry[] = [];
  for (const raw of text.split('\n')) {
    const entry = parseGitleaksLine(raw.trim());
    if (entry) entries.push(entry);
  }
  return entries;
}

function parseGitleaksLine(line: string): GitleaksIgnoreEntry | undefined {
  if (line === '' || line.startsWith('#')) return undefined;
  const m = /^(.+):([^:\s]+):(\d{1,9})$/.exec(line);
  if (!m) return undefined;
  const [, head, rule, lineNumber] = m as unknown as [string, string, string, string];
  const commit = /^([0-9a-f]{7,64}):(.+)$/i.exec(head);
  const file = normalizePath(commit ? commit[2]! : head);
  return commit ? { commit: commit[1]!, file, rule, line: Number(lineNumber) } : { file, rule, line: Number(lineNumber) };
}

/** `./a/b` → `a/b`: paths as the diff names them. */
function normalizePath(path: string): string {
  return path.replace(/^(\.\/)+/, '');
}

/**
 * Matches findings against `.gitleaksignore` entries by file, rule and line: the commit of an entry
 * is not compared (a diff scan has no commit per line), so an entry suppresses that rule at that
 * line of that file in any change. Rule ids are compared as written: gitleaks' id for a kind of
 * secret is not always token-preflight's.
 */
export function gitleaksIgnoreMatcher(entries: readonly GitleaksIgnoreEntry[]): (finding: { rule: string; file: string; line: number }) => boolean {
  const keys = new Set(entries.map((e) => gitleaksKey(e.file, e.rule, e.line)));
  return (finding) => keys.size > 0 && keys.has(gitleaksKey(normalizePath(finding.file), finding.rule, finding.line));
}

function gitleaksKey(file: string, rule: string, line: number): string {
  return `${file}\0${rule}\0${line}`;
}
