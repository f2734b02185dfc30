import { shannonEntropy } from './entropy.js';
import { encodedBlobs, hardNegative } from './negatives.js';
import type { AddedLine, Rule, RuleMatch } from './types.js';

/** Runs a rule set over the added lines of a change. */
export interface Matcher {
  /** `lines` is one hunk: consecutive added lines of one file, in order. */
  scan(lines: readonly AddedLine[]): RuleMatch[];
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
  /** The secret itself contains a keyword (a prefixed token): it may run on over-long lines. */
  prefixed: boolean;
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
  const claims = providerPrefixes(compiled);
  const index = new KeywordIndex(compiled.map((c) => c.keywords));
  const marks = new Int32Array(compiled.length);
  let stamp = 0;

  return {
    scan(lines) {
      const candidates: Candidate[] = [];
      /** Lines inside a multi-line secret (a key's body): not scanned again on their own. */
      let coveredThrough = -1;

      for (let at = 0; at < lines.length; at++) {
        if (at <= coveredThrough) continue;
        const text = lines[at]!.text;
        if (stamp === 0x7fffffff) {
          marks.fill(0);
          stamp = 0;
        }
        const count = index.find(text, marks, ++stamp);
        if (count === 0) continue;
        const long = text.length > MAX_LINE_LENGTH;
        let blobs: Array<[number, number]> | undefined;
        let joined: Joined | undefined;

        // In keyword order; the order of the findings is settled by dedupe.
        for (let h = 0; h < count; h++) {
          const c = compiled[index.hits[h]!]!;
          if (long && !c.prefixed) continue;
          if (c.across) {
            joined ??= join(lines, at);
            for (const found of runMultiLine(c, c.across, joined, at, long, claims)) {
              candidates.push(found.candidate);
              if (found.coveredThrough > coveredThrough) coveredThrough = found.coveredThrough;
            }
            continue;
          }
          const pattern = c.pattern;
          pattern.lastIndex = 0;
          for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
            if (m[0].length === 0) pattern.lastIndex++;
            const placed = place(m);
            if (!placed) continue;
            const [secret, start] = placed;
            if (!accept(c, secret, long, claims)) continue;
            blobs ??= encodedBlobs(text);
            if (blobs.some(([from, to]) => start >= from && start < to)) continue;
            candidates.push(candidate(c, at, start, secret, m));
          }
        }
      }
      return dedupe(candidates).map((found) => toMatch(found, lines));
    },
  };
}

// ── compiling ───────────────────────────────────────────────────────────────────────────────────

function compile(rule: Rule, index: number): Compiled {
  const flags = rule.pattern.flags.replace(/[gyd]/g, '');
  const keywords = [...new Set(rule.keywords.map((keyword) => keyword.toLowerCase()).filter((keyword) => keyword.length > 0))];
  const source = rule.pattern.source;
  return {
    rule,
    index,
    pattern: new RegExp(source, `${flags}gd`),
    keywords,
    generic: isGenericRule(rule),
    across: namesLineBreak(source) ? acrossLines(source, flags) : undefined,
    prefixed: secretCarriesKeyword(source, keywords) || examplesCarryKeyword(rule, flags, keywords),
  };
}

/**
 * Does the pattern match a line break by name — `\n` or `\r` outside a character class or in one
 * that is not negated? (`[^\n]` and `\s` do not make a rule multi-line.)
 */
function namesLineBreak(source: string): boolean {
  let inClass = false;
  let negated = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      const next = source[++i]; // skip the escaped character (so `\\n` is a backslash and an n)
      if ((next === 'n' || next === 'r') && !(inClass && negated)) return true;
    } else if (inClass) {
      if (ch === ']') inClass = false;
    } else if (ch === '[') {
      inClass = true;
      negated = source[i + 1] === '^';
    }
  }
  return false;
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

/** The source of the named group `secret` (balanced parentheses), else the whole source. */
function secretSource(source: string): string {
  const open = source.indexOf('(?<secret>');
  if (open < 0) return source;
  let depth = 0;
  let inClass = false;
  for (let i = open; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
    } else if (ch === '[') {
      inClass = true;
    } else if (ch === '(') {
      depth++;
    } else if (ch === ')' && --depth === 0) {
      return source.slice(open, i + 1);
    }
  }
  return source.slice(open);
}

/**
 * Where the source does not show it (`vc[pia]_`), the rule's own positive examples tell: in each, the
 * secret found contains a keyword.
 */
function examplesCarryKeyword(rule: Rule, flags: string, keywords: readonly string[]): boolean {
  const positives = rule.examples.positive;
  if (positives.length === 0) return false;
  const pattern = new RegExp(rule.pattern.source, flags);
  return positives.every((example) => {
    const m = pattern.exec(example);
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
/** At most this many prefixes read from one pattern (`[pr]k_(?:live|test)_` gives 4). */
const MAX_PREFIXES = 32;

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
    const plain = new RegExp(c.rule.pattern.source, c.rule.pattern.flags.replace(/[gyd]/g, ''));
    const examplesAgree = c.rule.examples.positive.every((example) => {
      const m = plain.exec(example);
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

interface Prefixes {
  strings: string[];
  /** Every match of the part read so far is one of `strings`: what follows may extend them. */
  complete: boolean;
  end: number;
}

/**
 * The literal strings every match of a pattern starts with, read from its source: literal
 * characters, escaped ones, small character classes (`[pr]`) and groups of literal alternatives
 * (`(?:live|test)`), up to the first element that is not literal or may be absent. Assertions
 * (`\b`, lookarounds) match no characters and are passed over. Empty when there is no such prefix.
 */
export function literalPrefixes(source: string): string[] {
  return [...new Set(readSequence(`(?:${source})`, 0).strings.filter((prefix) => prefix.length > 0))];
}

/** A run of elements up to `|`, `)` or the end, from `from`. */
function readSequence(source: string, from: number): Prefixes {
  let strings = [''];
  let complete = true;
  let i = from;
  while (i < source.length && source[i] !== '|' && source[i] !== ')') {
    const element = readElement(source, i);
    const quantifier = readQuantifier(source, element.end);
    i = quantifier.end;
    if (!complete || element.options === null) continue; // past the prefix, or an assertion
    if (element.options === undefined || quantifier.min === 0) {
      complete = false;
      continue;
    }
    const next = strings.flatMap((prefix) => element.options!.map((option) => prefix + option));
    if (next.length > MAX_PREFIXES) {
      complete = false;
      continue;
    }
    strings = next;
    if (!element.complete || quantifier.min !== 1 || quantifier.max !== 1) complete = false;
  }
  return { strings, complete, end: i };
}

/**
 * One element at `i`: the literal strings it matches (`options`), `undefined` when it is not
 * literal, `null` when it matches no characters (an assertion).
 */
function readElement(source: string, i: number): { options: string[] | undefined | null; complete: boolean; end: number } {
  const ch = source[i]!;
  if (ch === '^' || ch === '$') return { options: null, complete: true, end: i + 1 };
  if (ch === '\\') {
    const next = source[i + 1] ?? '';
    if (next === 'b' || next === 'B') return { options: null, complete: true, end: i + 2 };
    const hex = /^(?:x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4}))/.exec(source.slice(i + 1));
    if (hex) return { options: [String.fromCharCode(parseInt(hex[1] ?? hex[2]!, 16))], complete: true, end: i + 1 + hex[0].length };
    const control = ({ n: '\n', r: '\r', t: '\t' } as Record<string, string>)[next];
    if (control !== undefined) return { options: [control], complete: true, end: i + 2 };
    return { options: /[A-Za-z0-9]/.test(next) ? undefined : [next], complete: true, end: i + 2 };
  }
  if (ch === '[') {
    const end = classEnd(source, i);
    const body = source.slice(i + 1, end);
    const plain = body.replace(/\\([^A-Za-z0-9])/g, '$1');
    const literal = !body.startsWith('^') && !/\\[A-Za-z0-9]/.test(body) && !/.-./.test(body.replace(/\\./g, 'x')) && plain.length <= 8;
    return { options: literal ? [...new Set(plain)] : undefined, complete: true, end: end + 1 };
  }
  if (ch === '(') {
    const end = groupEnd(source, i);
    if (/^\(\?<?[=!]/.test(source.slice(i, i + 4))) return { options: null, complete: true, end: end + 1 };
    let j = i + 1;
    if (source.startsWith('?:', j)) j += 2;
    else if (source.startsWith('?<', j)) j = source.indexOf('>', j) + 1;
    else if (source[j] === '?') return { options: undefined, complete: false, end: end + 1 }; // modifiers: not read
    const options: string[] = [];
    let complete = true;
    for (;;) {
      const alternative = readSequence(source, j);
      options.push(...alternative.strings);
      complete &&= alternative.complete;
      j = alternative.end;
      if (source[j] !== '|') break;
      j++;
    }
    return { options: [...new Set(options)], complete, end: end + 1 };
  }
  if (ch === '.') return { options: undefined, complete: true, end: i + 1 };
  return { options: [ch], complete: true, end: i + 1 };
}

function readQuantifier(source: string, i: number): { min: number; max: number; end: number } {
  let quantifier = { min: 1, max: 1, end: i };
  const ch = source[i];
  if (ch === '?') quantifier = { min: 0, max: 1, end: i + 1 };
  else if (ch === '*') quantifier = { min: 0, max: Infinity, end: i + 1 };
  else if (ch === '+') quantifier = { min: 1, max: Infinity, end: i + 1 };
  else if (ch === '{') {
    const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(source.slice(i));
    if (m) quantifier = { min: Number(m[1]), max: m[2] ? (m[3] ? Number(m[3]) : Infinity) : Number(m[1]), end: i + m[0].length };
  }
  if (quantifier.end > i && source[quantifier.end] === '?') quantifier.end++; // lazy
  return quantifier;
}

/** The `]` that closes the class opened at `i`. */
function classEnd(source: string, i: number): number {
  for (let j = i + 1; j < source.length; j++) {
    if (source[j] === '\\') j++;
    else if (source[j] === ']') return j;
  }
  return source.length;
}

/** The `)` that closes the group opened at `i`. */
function groupEnd(source: string, i: number): number {
  let depth = 0;
  let inClass = false;
  for (let j = i; j < source.length; j++) {
    const ch = source[j];
    if (ch === '\\') j++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return j;
  }
  return source.length;
}

// ── the keyword prefilter: Aho–Corasick over ASCII, case-insensitive ───────────────────────────

/** Every UTF-16 code unit as an automaton symbol: ASCII folded to lower case, anything else 0 (no keyword holds it). */
const SYMBOL = new Uint8Array(65536);
for (let c = 1; c < 128; c++) SYMBOL[c] = c >= 65 && c <= 90 ? c + 32 : c;

/**
 * Every keyword of every rule in one automaton: a dense DFA over 128 symbols, one table load per
 * character. A transition's value is the next state times 256 (its row, 128 symbols, times 2),
 * plus 1 when that state ends a keyword: the loop finds the next row and tests for output without
 * another load. One pass over a line names every rule with a
 * keyword in it, overlapping keywords included.
 */
class KeywordIndex {
  private readonly delta: Int32Array;
  private readonly outStart: Int32Array;
  private readonly outRules: Int32Array;
  /** Rules with no keyword (run on every line) and keywords outside ASCII (looked up directly). */
  private readonly always: number[] = [];
  private readonly unusual: Array<{ keyword: string; rule: number }> = [];
  /** The rules found in the last line, `count` of them: reused, not allocated per line. */
  readonly hits: Int32Array;
  count = 0;

  constructor(keywordsByRule: ReadonlyArray<readonly string[]>) {
    this.hits = new Int32Array(keywordsByRule.length);
    const children: Array<Map<number, number>> = [new Map()];
    const outputs: number[][] = [[]];
    keywordsByRule.forEach((keywords, rule) => {
      if (keywords.length === 0) this.always.push(rule);
      for (const keyword of keywords) {
        if ([...keyword].some((char) => char.charCodeAt(0) >= 128)) {
          this.unusual.push({ keyword, rule });
          continue;
        }
        let state = 0;
        for (let i = 0; i < keyword.length; i++) {
          const symbol = SYMBOL[keyword.charCodeAt(i)]!;
          let next = children[state]!.get(symbol);
          if (next === undefined) {
            next = children.length;
            children.push(new Map());
            outputs.push([]);
            children[state]!.set(symbol, next);
          }
          state = next;
        }
        outputs[state]!.push(rule);
      }
    });

    const states = children.length;
    const goto = new Int32Array(states * 128);
    const fail = new Int32Array(states);
    const queue: number[] = [];
    for (let symbol = 1; symbol < 128; symbol++) {
      const next = children[0]!.get(symbol);
      if (next !== undefined) {
        goto[symbol] = next;
        queue.push(next);
      }
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      const inherited = outputs[fail[state]!]!;
      if (inherited.length > 0) outputs[state] = [...new Set([...outputs[state]!, ...inherited])];
      for (let symbol = 1; symbol < 128; symbol++) {
        const next = children[state]!.get(symbol);
        if (next === undefined) {
          goto[state * 128 + symbol] = goto[fail[state]! * 128 + symbol]!;
        } else {
          fail[next] = goto[fail[state]! * 128 + symbol]!;
          goto[state * 128 + symbol] = next;
          queue.push(next);
        }
      }
    }

    this.delta = new Int32Array(states * 128);
    for (let i = 0; i < goto.length; i++) {
      const next = goto[i]!;
      this.delta[i] = next * 256 + (outputs[next]!.length > 0 ? 1 : 0);
    }
    this.outStart = new Int32Array(states + 1);
    let total = 0;
    for (let state = 0; state < states; state++) {
      this.outStart[state] = total;
      total += outputs[state]!.length;
    }
    this.outStart[states] = total;
    this.outRules = new Int32Array(total);
    for (let state = 0, k = 0; state < states; state++) for (const rule of outputs[state]!) this.outRules[k++] = rule;
  }

  /** Finds the rules with a keyword in `text` (each once, marked with `stamp`) into `hits`; returns how many. */
  find(text: string, marks: Int32Array, stamp: number): number {
    const { delta, outStart, outRules, hits } = this;
    let count = 0;
    let value = 0;
    for (let i = 0, n = text.length; i < n; i++) {
      value = delta[(value >>> 1) | SYMBOL[text.charCodeAt(i)]!]!;
      if ((value & 1) === 0) continue;
      const state = value >>> 8;
      for (let k = outStart[state]!, to = outStart[state + 1]!; k < to; k++) {
        const rule = outRules[k]!;
        if (marks[rule] !== stamp) {
          marks[rule] = stamp;
          hits[count++] = rule;
        }
      }
    }
    for (const rule of this.always) {
      if (marks[rule] !== stamp) {
        marks[rule] = stamp;
        hits[count++] = rule;
      }
    }
    if (this.unusual.length > 0) {
      const lower = text.toLowerCase();
      for (const { keyword, rule } of this.unusual) {
        if (marks[rule] !== stamp && lower.includes(keyword)) {
          marks[rule] = stamp;
          hits[count++] = rule;
        }
      }
    }
    this.count = count;
    return count;
  }
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

/**
 * The checks every candidate takes: entropy, hard negatives, the over-long-line rule, validate;
 * and for a generic rule, that no prefixed rule claims the secret's prefix.
 */
function accept(c: Compiled, secret: string, long: boolean, claims: readonly Claim[]): boolean {
  const rule = c.rule;
  if (rule.entropy !== undefined && shannonEntropy(secret) < rule.entropy) return false;
  if (hardNegative(secret, c.generic) !== undefined) return false;
  if (c.generic && claimed(claims, secret)) return false;
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

function join(lines: readonly AddedLine[], from: number): Joined {
  const starts: number[] = [];
  const parts: string[] = [];
  let length = 0;
  for (let at = from; at < lines.length && at < from + MULTI_LINE_MAX_LINES && length < MULTI_LINE_MAX_CHARS; at++) {
    starts.push(length);
    parts.push(lines[at]!.text);
    length += lines[at]!.text.length + 1;
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
  claims: readonly Claim[],
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

function toMatch(found: Candidate, lines: readonly AddedLine[]): RuleMatch {
  const line = lines[found.at]!;
  const match: RuleMatch = { rule: found.compiled.rule, file: line.file, line: line.line, column: found.start + 1, secret: found.secret };
  if (found.parts) match.parts = found.parts;
  return match;
}
