import type { ByteBlock, ByteHunk } from './diff.js';
import { shannonEntropy } from './entropy.js';
import { KeywordAutomaton, KeywordHits } from './keywords.js';
import { encodedBlobs, hardNegative } from './negatives.js';
import { fixedLiteral, literalPrefixes, namesLineBreak, requiredCharacters, secretSource } from './pattern-source.js';
import { firstMatch, scanPattern } from './rule-pattern.js';
import type { AddedLine, Rule, RuleMatch } from './types.js';

/** Runs a rule set over the added lines of a change. */
export interface Matcher {
  /** `lines` is one hunk: consecutive added lines of one file, in order. */
  scan(lines: readonly AddedLine[]): RuleMatch[];
  /**
   * The same for a chunk of a diff as its bytes: the keyword prefilter runs over the bytes, and
   * only the lines where a keyword is are decoded and matched.
   */
  scanHunk(hunk: ByteHunk): RuleMatch[];
}

/**
 * Lines longer than this (minified bundles, inlined assets) are scanned only by rules whose secret
 * carries its own keyword (`ghp_…`, `AKIA…`): an assignment-shaped generic match there is noise.
 */
export const MAX_LINE_LENGTH = 4000;
/** How far a multi-line rule (one whose pattern names a line break) may reach: a PGP key is ~100 lines. */
const MULTI_LINE_MAX_LINES = 400;
const MULTI_LINE_MAX_CHARS = 32 * 1024;

/**
 * The generic assignment rules (`generic-password`, `generic-api-key`, …): they alone take the
 * negatives that a provider's token may legitimately look like (a UUID, a git SHA, a word), they
 * give way to any other rule that finds a secret overlapping theirs, and they leave alone a value
 * that starts with a prefixed rule's prefix (see `providerPrefixes`).
 */
export function isGenericRule(rule: Rule): boolean {
  return rule.id.startsWith('generic-');
}

interface Compiled {
  rule: Rule;
  index: number;
  /** rule.pattern with `g` (to find every match) and `d` (to place the secret group). */
  pattern: RegExp;
  keywords: readonly string[];
  generic: boolean;
  /**
   * When the pattern names a line break: the pattern as run over the rest of the hunk, sticky and
   * led by `[^\n]*?`, so a match must start on the line the keyword is on (no search of the rest).
   */
  across: RegExp | undefined;
  /** rule.pattern's flags, without `g`, `y` and `d`. */
  flags: string;
  /** Characters every match holds (`requiredCharacters`): a line without one is not searched. Single-line rules only. */
  required: readonly string[];
  /**
   * The secret itself contains a keyword (a prefixed token): it may run on over-long lines. Read
   * from the source; where the source does not show it, from the rule's examples when first asked
   * (`isPrefixed`): running them compiles the pattern, which a scan that never needs it skips.
   */
  prefixed: boolean | undefined;
  /** A literal at a fixed distance into every match, and the pattern sticky: see `fixedLiteral`. Null: none; undefined: not read yet (`anchorFor`). */
  anchor: Anchor | null | undefined;
}

/** What the prefixed rules claim (see `providerPrefixes`), read when a generic rule first needs it. */
type Claims = () => readonly Claim[];

interface Anchor {
  literal: string;
  offset: number;
  /** For a case-insensitive pattern: the literal as a pattern with its flags. */
  finder: RegExp | undefined;
  /** The pattern, sticky, with `d`: tried where the literal puts a match's start. */
  sticky: RegExp;
}

interface Candidate {
  compiled: Compiled;
  /** Index into the hunk. */
  at: number;
  /** 0-based offset of the secret in its line. */
  start: number;
  secret: string;
  parts?: Record<string, string>;
  /** Where the parts are on the candidate's line, [start, end) — a generic rule does not report them again. */
  partSpans: Array<[number, number]>;
  /** Length of the longest keyword inside the secret, and inside the whole match: a longer prefix is more specific. */
  secretKeyword: number;
  matchKeyword: number;
}

export function createMatcher(rules: readonly Rule[]): Matcher {
  const compiled = rules.map((rule, index) => compile(rule, index));
  let claimsRead: Claim[] | undefined;
  const claims: Claims = () => (claimsRead ??= providerPrefixes(compiled));
  const automaton = new KeywordAutomaton(compiled.map((c) => c.keywords));
  // Rules with no keyword, or one outside ASCII, need every line's text: such a set reads chunks as lines.
  const bytesOnly = automaton.always.length === 0 && automaton.unusual.length === 0;
  const marks = new Int32Array(compiled.length);
  /** The rules found on the current line (their indices), reused from line to line. */
  const found = new Int32Array(compiled.length);
  const prefilter = new Prefilter(automaton);
  let stamp = 0;
  const nextStamp = () => {
    if (stamp === 0x7fffffff) {
      marks.fill(0);
      stamp = 0;
    }
    return ++stamp;
  };

  /**
   * Runs the rules `found[0, count)` on line `at` of `source`, adding what they find to `candidates`;
   * returns the last line covered by a multi-line secret (lines to skip), or `coveredThrough` as given.
   */
  function runLine(source: LineSource, at: number, count: number, candidates: Candidate[], coveredThrough: number): number {
    const text = source.text(at);
    const long = text.length > MAX_LINE_LENGTH;
    let covered = coveredThrough;
    let blobs: Array<[number, number]> | undefined;
    let joined: Joined | undefined;
    // In keyword order; the order of the findings is settled by dedupe.
    for (let h = 0; h < count; h++) {
      const c = compiled[found[h]!]!;
      if (long && !isPrefixed(c)) continue;
      if (c.across) {
        joined ??= join(source, at);
        for (const multi of runMultiLine(c, c.across, joined, at, long, claims)) {
          candidates.push(multi.candidate);
          if (multi.coveredThrough > covered) covered = multi.coveredThrough;
        }
        continue;
      }
      if (!holdsAll(text, c.required)) continue;
      for (let m = nextMatch(c, text, 0); m; m = nextMatch(c, text, m.index + Math.max(m[0].length, 1))) {
        const placed = place(m);
        if (!placed) continue;
        const [secret, start] = placed;
        // Inside a data URI or an integrity hash (a lockfile's lines are full of them): the cheap check first.
        blobs ??= encodedBlobs(text);
        if (blobs.length > 0 && blobs.some(([from, to]) => start >= from && start < to)) continue;
        if (!accept(c, secret, long, claims)) continue;
        if (c.rule.quietAfter?.(text.slice(Math.max(0, start + secret.length - QUIET_REACH), start + secret.length))) continue;
        candidates.push(candidate(c, at, start, secret, m));
      }
    }
    return covered;
  }

  return {
    scan(lines) {
      const source = arraySource(lines);
      const candidates: Candidate[] = [];
      /** Lines inside a multi-line secret (a key's body): not scanned again on their own. */
      let coveredThrough = -1;
      for (let at = 0; at < lines.length; at++) {
        if (at <= coveredThrough) continue;
        const count = automaton.find(lines[at]!.text, marks, nextStamp(), found);
        if (count > 0) coveredThrough = runLine(source, at, count, candidates, coveredThrough);
      }
      return dedupe(candidates).map((candidate) => toMatch(candidate, source));
    },

    scanHunk(hunk) {
      if (!bytesOnly) return this.scan(hunk.lines);
      const { block, first, count: lines } = hunk;
      if (lines === 0) return [];
      // The chunk's lines: block lines first … first + lines - 1.
      const starts = block.lineStarts;
      const ends = block.lineEnds;
      const last = first + lines - 1;
      const from = starts[first]!;
      const to = ends[last]!;
      prefilter.cover(block, from, to);

      // The keyword ends in byte order; each to its line, each line's rules once; then the line's run.
      const source = hunkSource(hunk);
      const candidates: Candidate[] = [];
      const { positions, states } = prefilter;
      const { outRule, outLength } = automaton;
      let coveredThrough = -1;
      let line = first;
      let current = -1;
      let count = 0;
      let mark = 0;
      for (let h = prefilter.first(from), n = prefilter.count; h < n; h++) {
        const end = positions[h]!; // the keyword's last byte
        if (end >= to) break;
        while (ends[line]! <= end) line++;
        const start = starts[line]!;
        if (end < start) continue; // in the `+`, `\r` or line break between two lines
        if (line - first !== current) {
          if (count > 0 && current > coveredThrough) coveredThrough = runLine(source, current, count, candidates, coveredThrough);
          current = line - first;
          count = 0;
          mark = nextStamp();
        }
        const state = states[h]!;
        for (let o = automaton.outputsFrom(state), stop = automaton.outputsTo(state); o < stop; o++) {
          const rule = outRule[o]!;
          // The keyword must lie within the line (not start on the diff's `+`).
          if (marks[rule] !== mark && end - outLength[o]! + 1 >= start) {
            marks[rule] = mark;
            found[count++] = rule;
          }
        }
      }
      if (count > 0 && current > coveredThrough) runLine(source, current, count, candidates, coveredThrough);
      return dedupe(candidates).map((candidate) => toMatch(candidate, source));
    },
  };
}

/**
 * The keyword ends found in a buffer of the diff, kept from chunk to chunk: the automaton runs once
 * over all the lines read so far (about 64 KiB at a time as a stream arrives, more in one go when a
 * chunk is long), not once per chunk — most chunks are a few lines, too few to split among chains.
 */
class Prefilter extends KeywordHits {
  private block: ByteBlock | undefined;
  /** The bytes scanned: [from, to). */
  private from = 0;
  private to = 0;

  constructor(private readonly automaton: KeywordAutomaton) {
    super();
  }

  /** Makes sure bytes [from, to) of `block` are scanned (and all the block holds after them). */
  cover(block: ByteBlock, from: number, to: number): void {
    if (block === this.block && from >= this.from && from <= this.to) {
      if (to <= this.to) return;
      // Chunks come in order: what ends before this one is done with.
      const drop = this.first(from);
      this.positions.copyWithin(0, drop, this.count);
      this.states.copyWithin(0, drop, this.count);
      this.count -= drop;
      this.from = from;
      this.scan(block, this.to, Math.max(block.parsed, to));
      return;
    }
    this.block = block;
    this.from = from;
    this.count = 0;
    this.scan(block, from, Math.max(block.parsed, to));
  }

  /** The first hit at or after byte `at`. */
  first(at: number): number {
    let low = 0;
    let high = this.count;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.positions[mid]! < at) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private scan(block: ByteBlock, from: number, to: number): void {
    this.to = to;
    if (to > from) this.automaton.scanBytes(block.bytes, from, to, this);
  }
}

/** The lines of a hunk as the matcher reads them: text, file and line number by index. */
interface LineSource {
  readonly count: number;
  text(at: number): string;
  file(at: number): string;
  line(at: number): number;
}

function arraySource(lines: readonly AddedLine[]): LineSource {
  return { count: lines.length, text: (at) => lines[at]!.text, file: (at) => lines[at]!.file, line: (at) => lines[at]!.line };
}

function hunkSource(hunk: ByteHunk): LineSource {
  return { count: hunk.count, text: (at) => hunk.text(at), file: () => hunk.file, line: (at) => hunk.firstLine + at };
}

// ── compiling ───────────────────────────────────────────────────────────────────────────────────

function compile(rule: Rule, index: number): Compiled {
  const flags = rule.pattern.flags.replace(/[gyd]/g, '');
  const keywords = [...new Set(rule.keywords.map((keyword) => keyword.toLowerCase()).filter((keyword) => keyword.length > 0))];
  const source = rule.pattern.source;
  const compiled: Compiled = {
    rule,
    index,
    pattern: scanPattern(rule),
    keywords,
    generic: isGenericRule(rule),
    across: namesLineBreak(source) ? acrossLines(source, flags) : undefined,
    flags,
    required: namesLineBreak(source) ? [] : requiredCharacters(source, flags),
    prefixed: secretCarriesKeyword(source, keywords) || undefined,
    anchor: undefined,
  };
  return compiled;
}

function holdsAll(text: string, characters: readonly string[]): boolean {
  for (let i = 0; i < characters.length; i++) if (text.indexOf(characters[i]!) === -1) return false;
  return true;
}

function isPrefixed(c: Compiled): boolean {
  return (c.prefixed ??= examplesCarryKeyword(c.rule, c.pattern, c.keywords));
}

function anchorFor(c: Compiled): Anchor | undefined {
  if (c.anchor === undefined) c.anchor = anchorOf(c.rule.pattern.source, c.flags, () => isPrefixed(c)) ?? null;
  return c.anchor ?? undefined;
}

/** Lines this long or longer are searched for a leading literal first (see `nextMatch`). */
const ANCHOR_LINE_LENGTH = 1024;

/**
 * The anchor of a pattern, if it has a fixed literal. A leading one (offset 0) only for a rule that
 * runs on long lines (a prefixed one): the sticky pattern is compiled apart, and a large pattern
 * (a generic rule's) costs tens of milliseconds to compile.
 */
function anchorOf(source: string, flags: string, prefixed: () => boolean): Anchor | undefined {
  const fixed = fixedLiteral(source, flags);
  if (!fixed || (fixed.offset === 0 && !prefixed())) return undefined;
  const escaped = fixed.literal.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
  return {
    ...fixed,
    finder: flags.includes('i') ? new RegExp(escaped, `${flags}g`) : undefined,
    sticky: new RegExp(source, `${flags}yd`),
  };
}

/**
 * The next match of a single-line rule in `text` at or after `from`, as the global pattern finds
 * it. With an anchor, the same match found faster: every match holds the literal `offset`
 * characters in, so a match can only start there, and the sticky pattern is tried at each such
 * place in order (the regex engine, left alone, tries the pattern's lead at every character of a
 * line: a class like `[0-9a-f]{32}` has no literal to skip to).
 */
function nextMatch(c: Compiled, text: string, from: number): RegExpExecArray | null {
  const anchor = anchorFor(c);
  // A leading literal the engine finds by itself, fast enough on a line of code; on a long line
  // (minified code) the native search for the literal is faster still.
  if (!anchor || (anchor.offset === 0 && text.length < ANCHOR_LINE_LENGTH)) {
    c.pattern.lastIndex = from;
    return c.pattern.exec(text);
  }
  const { literal, offset, finder, sticky } = anchor;
  for (let at = from + offset; ; ) {
    let found: number;
    if (finder) {
      finder.lastIndex = at;
      const m = finder.exec(text);
      if (!m) return null;
      found = m.index;
    } else {
      found = text.indexOf(literal, at);
      if (found < 0) return null;
    }
    sticky.lastIndex = found - offset;
    const m = sticky.exec(text);
    if (m) return m;
    at = found + 1;
  }
}

/** The group that holds the whole match of a multi-line pattern behind its `[^\n]*?` lead. */
const WHOLE = 'wholeMatch';

/**
 * A multi-line pattern, sticky, led by `[^\n]*?` so its match starts on the first line, the match
 * itself in the group `wholeMatch`. A pattern with numbered backreferences (which that group would
 * shift) is searched as it is, globally.
 */
function acrossLines(source: string, flags: string): RegExp {
  if (/\\[1-9]/.test(source) || source.includes(`(?<${WHOLE}>`)) return new RegExp(source, `${flags}gd`);
  return new RegExp(`[^\\n]*?(?<${WHOLE}>${source})`, `${flags}yd`);
}

/**
 * Where the source does not show it (`vc[pia]_`), the rule's own positive examples tell: in each, the
 * secret found contains a keyword.
 */
function examplesCarryKeyword(rule: Rule, pattern: RegExp, keywords: readonly string[]): boolean {
  const positives = rule.examples.positive;
  if (positives.length === 0) return false;
  return positives.every((example) => {
    const m = firstMatch(pattern, example);
    const secret = (m?.groups?.['secret'] ?? m?.[0])?.toLowerCase();
    return secret !== undefined && keywords.some((keyword) => secret.includes(keyword));
  });
}

function secretCarriesKeyword(source: string, keywords: readonly string[]): boolean {
  const literal = secretSource(source)
    .replace(/\\([^A-Za-z0-9])/g, '$1')
    .toLowerCase();
  return keywords.some((keyword) => literal.includes(keyword));
}

// ── provider prefixes: what a generic rule leaves to the rule that owns it ─────────────────────

/**
 * A literal prefix of a specific rule's secret (`ghp_`, `glpat-`, `xoxb-`, `AKIA`, `sk_live_`). A
 * value that starts with one is that rule's to judge: where it refused the value (a checksum that
 * fails, a wrong length: a docs sample like `ghp_PersonalAccessToken0124…`), a generic rule must not
 * report it instead.
 */
interface Claim {
  prefix: string;
  ignoreCase: boolean;
}

/** Shorter prefixes (`hf_`, `sk-`, `eyJ`) are shared with other vendors' tokens, or with chance. */
const MIN_CLAIM_LENGTH = 4;
/** Prefixes that are plain words (`api-`, `live_`, `test_`, `pat.`) name no one vendor: other vendors' tokens start with them too. */
const WORD_PREFIX = /^(?:api|sdk|pat|sat|live|test|key|token|secret|access|auth|app|user|https?)$/;

/**
 * The prefixes the non-generic rules claim: each literal prefix of a rule's secret (named group
 * `secret`, else the whole match) that holds one of the rule's keywords, so the rule runs on every
 * line that holds it. A rule whose own positive examples do not all start with one of its prefixes
 * (a pattern read wrongly) claims none.
 */
function providerPrefixes(compiled: readonly Compiled[]): Claim[] {
  const claims = new Map<string, Claim>();
  for (const c of compiled) {
    if (c.generic) continue;
    const ignoreCase = c.rule.pattern.flags.includes('i');
    const fold = (text: string) => (ignoreCase ? text.toLowerCase() : text);
    const prefixes = literalPrefixes(secretSource(c.rule.pattern.source)).filter((prefix) => {
      const lower = prefix.toLowerCase();
      return prefix.length >= MIN_CLAIM_LENGTH && c.keywords.some((keyword) => lower.includes(keyword)) && !WORD_PREFIX.test(lower.replace(/[^a-z]/g, ''));
    });
    if (prefixes.length === 0) continue;
    const examplesAgree = c.rule.examples.positive.every((example) => {
      const m = firstMatch(c.pattern, example);
      const secret = m?.groups?.['secret'] ?? m?.[0];
      return secret === undefined || prefixes.some((prefix) => fold(secret).startsWith(fold(prefix)));
    });
    if (!examplesAgree) continue;
    for (const prefix of prefixes) {
      const key = `${ignoreCase ? 'i' : 's'}${fold(prefix)}`;
      if (!claims.has(key)) claims.set(key, { prefix: fold(prefix), ignoreCase });
    }
  }
  return [...claims.values()];
}

function claimed(claims: readonly Claim[], secret: string): boolean {
  let lower: string | undefined;
  for (const { prefix, ignoreCase } of claims) {
    if (ignoreCase ? (lower ??= secret.toLowerCase()).startsWith(prefix) : secret.startsWith(prefix)) return true;
  }
  return false;
}

// ── candidates ──────────────────────────────────────────────────────────────────────────────────

/** The secret (named group `secret`, else the whole match) and its offset in the searched text. */
function place(m: RegExpExecArray): [string, number] | undefined {
  for (const name of ['secret', WHOLE]) {
    const value = m.groups?.[name];
    if (value === undefined) continue;
    const span = m.indices?.groups?.[name];
    return value.length > 0 && span ? [value, span[0]] : undefined;
  }
  return m[0].length > 0 ? [m[0], m.index] : undefined;
}

/** The whole match, without the lead of a multi-line pattern. */
function matched(m: RegExpExecArray): string {
  return m.groups?.[WHOLE] ?? m[0];
}

/** How much of the line before a secret's end `quietAfter` sees: a name, its assignment and the value. */
const QUIET_REACH = 1_000;

/**
 * The checks every candidate takes: entropy, hard negatives, the over-long-line rule, validate;
 * and for a generic rule, that no prefixed rule claims the secret's prefix.
 */
function accept(c: Compiled, secret: string, long: boolean, claims: Claims): boolean {
  const rule = c.rule;
  if (rule.entropy !== undefined && shannonEntropy(secret) < rule.entropy) return false;
  if (hardNegative(secret, c.generic) !== undefined) return false;
  if (c.generic && claimed(claims(), secret)) return false;
  if (long) {
    const lower = secret.toLowerCase();
    if (!c.keywords.some((keyword) => lower.includes(keyword))) return false;
  }
  if (rule.validate) {
    try {
      if (!rule.validate(secret)) return false;
    } catch {
      return false;
    }
  }
  return true;
}

function longestKeywordIn(text: string, keywords: readonly string[]): number {
  const lower = text.toLowerCase();
  let best = 0;
  for (const keyword of keywords) if (keyword.length > best && lower.includes(keyword)) best = keyword.length;
  return best;
}

/** A candidate at line `at`, its secret at `start` there; `shift` takes offsets in the searched text to that line. */
function candidate(c: Compiled, at: number, start: number, secret: string, m: RegExpExecArray, shift = 0): Candidate {
  const found: Candidate = {
    compiled: c,
    at,
    start,
    secret,
    partSpans: [],
    secretKeyword: longestKeywordIn(secret, c.keywords),
    matchKeyword: longestKeywordIn(matched(m), c.keywords),
  };
  const wanted = c.rule.parts;
  if (wanted) {
    const parts: Record<string, string> = {};
    for (const [part, group] of Object.entries(wanted)) {
      const value = m.groups?.[group];
      if (value === undefined || value.length === 0) continue;
      parts[part] = value;
      const span = m.indices?.groups?.[group];
      if (span) found.partSpans.push([span[0] - shift, span[1] - shift]);
    }
    if (Object.keys(parts).length > 0) found.parts = parts;
  }
  return found;
}

// ── multi-line rules ────────────────────────────────────────────────────────────────────────────

/** The hunk from one line on, joined with `\n`, with where each line starts. */
interface Joined {
  text: string;
  starts: number[];
}

function join(source: LineSource, from: number): Joined {
  const starts: number[] = [];
  const parts: string[] = [];
  let length = 0;
  for (let at = from; at < source.count && at < from + MULTI_LINE_MAX_LINES && length < MULTI_LINE_MAX_CHARS; at++) {
    const text = source.text(at);
    starts.push(length);
    parts.push(text);
    length += text.length + 1;
  }
  return { text: parts.join('\n'), starts };
}

/** Matches of a multi-line rule that start on line `at` (a later start is that line's own). */
function runMultiLine(
  c: Compiled,
  pattern: RegExp,
  joined: Joined,
  at: number,
  long: boolean,
  claims: Claims,
): Array<{ candidate: Candidate; coveredThrough: number }> {
  const out: Array<{ candidate: Candidate; coveredThrough: number }> = [];
  const firstLength = joined.starts.length > 1 ? joined.starts[1]! - 1 : joined.text.length;
  pattern.lastIndex = 0;
  while (pattern.lastIndex < firstLength) {
    const m = pattern.exec(joined.text);
    if (!m || m.index >= firstLength) break;
    if (pattern.lastIndex === m.index) pattern.lastIndex++;
    const placed = place(m);
    if (!placed) continue;
    const [secret, offset] = placed;
    if (!accept(c, secret, long, claims)) continue;
    // The line the secret starts on, and the lines it covers to their end (a key's body and END line).
    let line = 0;
    while (line + 1 < joined.starts.length && joined.starts[line + 1]! <= offset) line++;
    const end = offset + secret.length;
    let covered = -1;
    for (let next = line + 1; next < joined.starts.length && joined.starts[next]! < end; next++) {
      const lineEnd = next + 1 < joined.starts.length ? joined.starts[next + 1]! - 1 : joined.text.length;
      if (end >= lineEnd || joined.text.slice(end, lineEnd).trim() === '') covered = next;
    }
    out.push({
      candidate: candidate(c, at + line, offset - joined.starts[line]!, secret, m, joined.starts[line]!),
      coveredThrough: covered < 0 ? -1 : at + covered,
    });
  }
  return out;
}

// ── duplicates ──────────────────────────────────────────────────────────────────────────────────

/** Higher is more specific: a provider, not generic, a longer keyword in the secret, then in the match, then earlier. */
function compareSpecificity(a: Candidate, b: Candidate): number {
  const ra = a.compiled;
  const rb = b.compiled;
  return (
    Number(rb.rule.provider !== undefined) - Number(ra.rule.provider !== undefined) ||
    Number(ra.generic) - Number(rb.generic) ||
    b.secretKeyword - a.secretKeyword ||
    b.matchKeyword - a.matchKeyword ||
    ra.index - rb.index
  );
}

/** Does `outer`'s secret span (on the line both start on) contain `inner`'s, or overlap it — or one of its parts? */
function spans(outer: Candidate, inner: Candidate): { contains: boolean; overlaps: boolean } {
  if (outer.at !== inner.at) return { contains: false, overlaps: false };
  const outerEnd = outer.start + outer.secret.length;
  const innerEnd = inner.start + inner.secret.length;
  const overlaps = (from: number, to: number) => from < innerEnd && inner.start < to;
  return {
    contains: outer.start <= inner.start && innerEnd <= outerEnd,
    overlaps: overlaps(outer.start, outerEnd) || outer.partSpans.some(([from, to]) => overlaps(from, to)),
  };
}

/**
 * One finding per (rule, line, column); one per secret span, the most specific rule's; none for a
 * secret inside a more specific rule's secret (the PEM key inside a service account's JSON); and a
 * generic rule's finding only where no other rule found a secret, or a part of one (the secret
 * access key beside an AWS key id), overlapping it.
 */
function dedupe(candidates: Candidate[]): Candidate[] {
  if (candidates.length < 2) return candidates;
  const byRule = new Map<string, Candidate>();
  for (const found of candidates) {
    const key = `${found.compiled.rule.id}\u0000${found.at}\u0000${found.start}`;
    if (!byRule.has(key)) byRule.set(key, found);
  }
  const bySpan = new Map<string, Candidate>();
  for (const found of byRule.values()) {
    const key = `${found.at}\u0000${found.start}\u0000${found.secret.length}`;
    const kept = bySpan.get(key);
    if (!kept || compareSpecificity(found, kept) < 0) bySpan.set(key, found);
  }
  const kept = [...bySpan.values()];
  return kept
    .filter(
      (found) =>
        !kept.some((other) => {
          if (other === found) return false;
          const { contains, overlaps } = spans(other, found);
          return (contains && compareSpecificity(other, found) < 0) || (overlaps && found.compiled.generic && !other.compiled.generic);
        }),
    )
    .sort((a, b) => a.at - b.at || a.start - b.start || a.compiled.index - b.compiled.index);
}

function toMatch(found: Candidate, source: LineSource): RuleMatch {
  const match: RuleMatch = { rule: found.compiled.rule, file: source.file(found.at), line: source.line(found.at), column: found.start + 1, secret: found.secret };
  if (found.parts) match.parts = found.parts;
  return match;
}
