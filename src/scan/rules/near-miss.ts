import { firstMatch, scanPattern } from '../rule-pattern.js';
import type { Rule } from '../types.js';

/*
 * Near misses: what a vendor's rule recognises as its own and refuses — a key cut short or run
 * long, in the wrong case, with a checksum that fails, a near-miss prefix (`duffel_prod_…`), a
 * public key id given to the vendor's key name. The rules that find any value by its name alone
 * (the generic assignments, `Bearer …`, `_authToken=…`) stay quiet on them: a vendor's refusal is
 * the better judgement, and reporting a docs sample or a truncated key as a secret is the noise
 * users of gitleaks complain about.
 *
 * Everything is read from the vendor rules themselves, so a new rule brings its near misses along:
 *
 * - By value. A rule's keyword that its own example secrets carry is its signature: at their start
 *   a prefix (`ghp_`, `hf_`, `SG.`), elsewhere an infix (`T3BlbkFJ`, `+ASt`, `.atlasv1.`). A value
 *   that starts with the prefix, or with the vendor's name stem before its first separator
 *   (`duffel_`, `shippo_`), or that holds the infix, is the vendor's. A prefix that is a plain word
 *   (`live_`, `test_`, `api-`, `pat`) says less: there the value must also have the rule's shape
 *   with its lengths relaxed (`live_` + hex for Lob).
 * - By name. A rule that finds a bare-shaped secret by the name it is given (`DD_API_KEY=`,
 *   `TWILIO_AUTH_TOKEN=`) recognises that name. A value given to it in the rule's shape, case
 *   ignored and lengths relaxed (any length for a shape with a literal part, a quarter either way
 *   for one of a single class: `DD_API_KEY=` + upper-case or 33-character hex), is the vendor's.
 *   This one needs the line, so the quiet rule checks it once it has matched (`quietAfter`).
 */

/** Plain words that several vendors' prefixes start with: a prefix of one alone does not name the vendor. */
const WORD = /^(?:api|sdk|pat|sat|live|test|sandbox|prod|dev|key|token|secret|access|auth|app|user|client|https?)[_.:-]?$/i;
/** The vendor's name at the start of a prefix of several parts: `shippo_` of `shippo_live_`. */
const STEM = /^[A-Za-z][A-Za-z0-9]{3,}[_.-](?=.)/;
/**
 * Shorter infixes turn up by chance in random text (`msh` in 1 of ~800 random 64-character
 * values): they count only where the vendor puts them (`msh` 10 characters in, for RapidAPI).
 */
const MIN_INFIX = 4;
const MIN_PREFIX = 3;
/** A prefix this long, with a separator, is the vendor's mark wherever it stands (`task_live_…` holds `sk_live_`). */
const MIN_MARK = 7;

interface Signature {
  text: string;
  ignoreCase: boolean;
  /** For a plain-word prefix: the rule's relaxed shape the whole value must have. */
  shape?: RegExp;
  /** For a short infix: where in the value it must stand. */
  at?: number;
}

export interface NearMisses {
  /** Is `value` a vendor's by its prefix, stem or infix? */
  byValue(value: string): boolean;
  /** Alternatives (regex source) of which one ends right after a value a vendor's rule recognises by its name. */
  byName: string;
}

// ── reading a pattern's source ─────────────────────────────────────────────────────────────────

/** Where the group opened at `open` closes (its `)`), skipping escapes and classes. */
function groupClose(source: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i;
  }
  return -1;
}

/** The lead (before the named group `secret`) and the secret's own source; no group: no lead. */
function split(source: string): { lead: string; secret: string } {
  const open = source.indexOf('(?<secret>');
  if (open < 0) return { lead: '', secret: source };
  const close = groupClose(source, open);
  return { lead: source.slice(0, open), secret: source.slice(open + '(?<secret>'.length, close < 0 ? undefined : close) };
}

/**
 * How `relax` treats counted quantifiers: `open` drops their bounds (`{32}` → `+`, `{0,8}` → `*`),
 * `quarter` widens them by a quarter (`{32}` → `{24,41}`), `keep` leaves them.
 */
export type Lengths = 'open' | 'quarter' | 'keep';

function quantifier(min: number, max: number | undefined, lengths: Lengths): string {
  if (lengths === 'open') return min === 0 ? '*' : '+';
  const low = min === 0 ? 0 : Math.max(1, Math.floor((min * 3) / 4));
  return `{${low},${max === undefined ? '' : Math.ceil((max * 5) / 4) + 1}}`;
}

/**
 * The source with its counted quantifiers relaxed (see `Lengths`) and named groups made plain;
 * undefined when it refers back to a group (`\k<user>`) or names a line break.
 */
export function relax(source: string, lengths: Lengths = 'open'): string | undefined {
  if (/\\k<|\\[1-9]/.test(source)) return undefined;
  let out = '';
  let inClass = false;
  let negated = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      if ((next === 'n' || next === 'r') && !(inClass && negated)) return undefined;
      out += ch + next;
      i++;
    } else if (inClass) {
      if (ch === ']') inClass = false;
      out += ch;
    } else if (ch === '[') {
      inClass = true;
      negated = source[i + 1] === '^';
      out += ch;
    } else if (ch === '(' && source.startsWith('(?<', i) && !/^\(\?<[=!]/.test(source.slice(i, i + 4))) {
      out += '(?:';
      i = source.indexOf('>', i);
    } else if (ch === '{' && lengths !== 'keep') {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(source.slice(i));
      if (m) {
        const min = Number(m[1]);
        out += quantifier(min, m[2] === undefined ? min : m[3] ? Number(m[3]) : undefined, lengths);
        i += m[0].length - 1;
      } else {
        out += ch;
      }
    } else {
      out += ch;
    }
  }
  return out;
}

/** The literal text of a source: escapes undone, lower case (to look for a keyword in a lead). */
function literalText(source: string): string {
  return source.replace(/\\([^A-Za-z0-9])/g, '$1').toLowerCase();
}

// ── the signatures ─────────────────────────────────────────────────────────────────────────────

/** The secrets a rule finds in its own positive examples (named group `secret`, else the match). */
function exampleSecrets(rule: Rule): string[] {
  const pattern = scanPattern(rule); // the matcher's flags: one compiled pattern for both
  return rule.examples.positive.flatMap((example) => {
    const m = firstMatch(pattern, example);
    const secret = m?.groups?.['secret'] ?? m?.[0];
    return secret ? [secret] : [];
  });
}

/**
 * A family of prefixes with a variable letter (`sq[upa]_`, `vc[pia]_`, `cf(?:ut|at)_`), read from
 * the start of a secret's source: `^sq[A-Za-z]_`, which a near-miss prefix (`sqx_`) also has. Needs
 * two literal letters or digits and a separator, so that it names the vendor; else undefined.
 */
export function prefixFamily(source: string, ignoreCase: boolean): RegExp | undefined {
  let i = 0;
  // zero-width assertions first: \b, ^, lookarounds
  for (;;) {
    if (source.startsWith('\\b', i)) i += 2;
    else if (source[i] === '^') i++;
    else if (/^\(\?<?[=!]/.test(source.slice(i, i + 4))) i = groupClose(source, i) + 1;
    else break;
    if (i <= 0) return undefined;
  }
  let out = '';
  let literals = 0;
  let variable = false;
  let separator = false;
  while (i < source.length) {
    const ch = source[i]!;
    let piece: string | undefined;
    let end = i + 1;
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      if (/[A-Za-z0-9]/.test(next)) break;
      piece = next.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
      end = i + 2;
      if (/[_.:-]/.test(next)) separator = true;
    } else if (ch === '[') {
      const close = source.indexOf(']', i);
      const body = source.slice(i + 1, close);
      if (close < 0 || !/^[A-Za-z0-9]{2,8}$/.test(body)) break;
      piece = /\d/.test(body) ? '[A-Za-z0-9]' : '[A-Za-z]';
      end = close + 1;
      variable = true;
    } else if (source.startsWith('(?:', i)) {
      const close = groupClose(source, i);
      const options = source.slice(i + 3, close).split('|');
      if (close < 0 || !options.every((option) => /^[A-Za-z0-9]+$/.test(option) && option.length === options[0]!.length)) break;
      piece = `[A-Za-z0-9]{${options[0]!.length}}`;
      end = close + 1;
      variable = true;
    } else if (/[A-Za-z0-9_-]/.test(ch)) {
      piece = ch;
      if (ch === '_' || ch === '-') separator = true;
      else literals++;
    } else {
      break;
    }
    if (/^[?*+{]/.test(source.slice(end))) break; // quantified: past the fixed prefix
    out += piece;
    i = end;
  }
  return variable && separator && literals >= 2 ? new RegExp(`^${out}`, ignoreCase ? 'i' : '') : undefined;
}

function signaturesOf(rule: Rule): { prefixes: Signature[]; infixes: Signature[]; family?: RegExp } {
  const ignoreCase = rule.pattern.flags.includes('i');
  const prefixes: Signature[] = [];
  const infixes: Signature[] = [];
  let shape: RegExp | undefined | null = null;
  const relaxedShape = (): RegExp | undefined => {
    if (shape === null) {
      const relaxed = relax(split(rule.pattern.source).secret);
      shape = relaxed === undefined ? undefined : new RegExp(`^(?:${relaxed})$`, 'i');
    }
    return shape;
  };
  // Keywords of the context (`discord`, `token` before a Discord token) name no value.
  const context = literalText(split(rule.pattern.source).lead);
  const signatures = rule.keywords.filter((keyword) => !context.includes(keyword));
  for (const secret of exampleSecrets(rule)) {
    const lower = secret.toLowerCase();
    for (const keyword of signatures) {
      const at = lower.indexOf(keyword);
      if (at < 0) continue;
      const text = secret.slice(at, at + keyword.length);
      if (at > 0) {
        infixes.push(text.length >= MIN_INFIX ? { text, ignoreCase } : { text, ignoreCase, at });
        continue;
      }
      if (WORD.test(text)) {
        const relaxed = relaxedShape();
        if (relaxed) prefixes.push({ text, ignoreCase: true, shape: relaxed });
        continue;
      }
      if (text.length >= MIN_PREFIX) prefixes.push({ text, ignoreCase });
      if (text.length >= MIN_MARK && /[_.:-]/.test(text)) infixes.push({ text, ignoreCase });
      const stem = STEM.exec(text)?.[0];
      if (stem !== undefined && !WORD.test(stem)) prefixes.push({ text: stem, ignoreCase });
    }
  }
  const family = prefixFamily(split(rule.pattern.source).secret, ignoreCase);
  return { prefixes, infixes, ...(family ? { family } : {}) };
}

function dedupe(signatures: Signature[]): Signature[] {
  const seen = new Map<string, Signature>();
  for (const signature of signatures) {
    const key = `${signature.ignoreCase ? 'i' : 's'}${signature.ignoreCase ? signature.text.toLowerCase() : signature.text}${signature.shape?.source ?? ''}@${signature.at ?? ''}`;
    if (!seen.has(key)) seen.set(key, signature);
  }
  return [...seen.values()];
}

// ── by name ────────────────────────────────────────────────────────────────────────────────────

/**
 * `lead` + the relaxed secret, for a rule whose lead names the vendor (holds one of its keywords):
 * the recogniser of a value given to the vendor's name. Undefined for a rule found by its value.
 */
function nameRecogniser(rule: Rule): string | undefined {
  const { lead, secret } = split(rule.pattern.source);
  if (lead === '') return undefined;
  const text = literalText(lead);
  if (!rule.keywords.some((keyword) => text.includes(keyword))) return undefined;
  // A shape with a literal part (`11` + hex, `b_` + …, `hex-hex-hex`) is the vendor's at any
  // length; one of a single class (32 hex, 40 alphanumerics) only within a quarter of its own — a
  // 16-character password given to ZENDESK_PASSWORD is no truncated 40-character Zendesk token.
  const relaxedLead = relax(lead, 'keep');
  const relaxedSecret = relax(secret, literalIn(secret) ? 'open' : 'quarter');
  if (relaxedLead === undefined || relaxedSecret === undefined) return undefined;
  // A shape of several parts (`hex-hex-hex`, `digits:A…`) with more after it is the vendor's too.
  const tail = literalSeparator(secret) ? String.raw`[\w.+/=:-]*` : '';
  return `(?:${relaxedLead})(?:${relaxedSecret})${tail}`;
}

/** Does the source match a literal character (outside classes and lookarounds)? */
function literalIn(source: string): boolean {
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      if (!/[A-Za-z0-9]/.test(source[i + 1] ?? '')) return true;
      i++;
    } else if (ch === '[') {
      i = source.indexOf(']', i + 2);
      if (i < 0) return false;
    } else if (/^\(\?<?[=!]/.test(source.slice(i, i + 4))) {
      i = groupClose(source, i);
      if (i < 0) return false;
    } else if (ch === '(' && source.startsWith('(?', i)) {
      i = source[i + 2] === '<' ? source.indexOf('>', i) : i + 2;
    } else if (ch === '{' && /^\{\d+(?:,\d*)?\}/.test(source.slice(i))) {
      i = source.indexOf('}', i);
    } else if (!/[()|?*+^$.]/.test(ch)) {
      return true;
    }
  }
  return false;
}

/** Does the source hold a separator (`-`, `_`, `.`, `:`) as a literal, outside a class? */
function literalSeparator(source: string): boolean {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      if (/[.:-]/.test(source[i + 1] ?? '')) return true;
      i++;
    } else if (inClass) {
      inClass = ch !== ']';
    } else if (ch === '[') {
      inClass = true;
    } else if (/[_:-]/.test(ch) && !/^\(\?<?[=!:]/.test(source.slice(i - 2, i + 1))) {
      return true;
    }
  }
  return false;
}

// ── together ───────────────────────────────────────────────────────────────────────────────────

/** The near misses of `rules` (the vendor rules, not the generic ones). */
export function nearMisses(rules: readonly Rule[]): NearMisses {
  const prefixes: Signature[] = [];
  const infixes: Signature[] = [];
  const names: string[] = [];
  const families: RegExp[] = [];
  for (const rule of rules) {
    const found = signaturesOf(rule);
    prefixes.push(...found.prefixes);
    infixes.push(...found.infixes);
    if (found.family) families.push(found.family);
    const name = nameRecogniser(rule);
    if (name !== undefined) names.push(name);
  }
  const prefixList = dedupe(prefixes);
  const infixList = dedupe(infixes);
  return {
    byValue(value) {
      const lower = value.toLowerCase();
      for (const { text, ignoreCase, shape } of prefixList) {
        const starts = ignoreCase ? lower.startsWith(text.toLowerCase()) : value.startsWith(text);
        if (starts && (shape === undefined || shape.test(value))) return true;
      }
      for (const { text, ignoreCase, at } of infixList) {
        const haystack = ignoreCase ? lower : value;
        const needle = ignoreCase ? text.toLowerCase() : text;
        if (at === undefined ? haystack.includes(needle) : haystack.startsWith(needle, at)) return true;
      }
      return families.some((family) => family.test(value));
    },
    byName: names.join('|'),
  };
}

/**
 * `rule`, quiet on the near misses: its `validate` refuses a value a vendor claims, and its
 * `quietAfter` a value a vendor's rule recognises by its name — checked on the line before the
 * secret's end once the rule has matched (whose secret must end its match), never inside the
 * pattern: in the pattern the names' alternatives cost every line the rule runs on (measured: a
 * generic rule 7× slower). `misses` may be a function, called when a value is first checked:
 * reading every vendor's examples compiles every vendor's pattern (about 80 ms), which a scan
 * where no generic rule matches never needs.
 */
export function quietOnNearMisses(rule: Rule, misses: NearMisses | (() => NearMisses)): Rule {
  const own = rule.validate;
  const flags = rule.pattern.flags.replace(/[gyd]/g, '');
  let known: { misses: NearMisses; named: RegExp | undefined } | undefined;
  const get = () => {
    if (!known) {
      const found = typeof misses === 'function' ? misses() : misses;
      known = { misses: found, named: found.byName ? new RegExp(`(?:${found.byName})$`, flags) : undefined };
    }
    return known;
  };
  return {
    ...rule,
    validate: (secret) => !get().misses.byValue(secret) && (own === undefined || own(secret)),
    quietAfter: (before: string) => get().named?.test(before) === true,
  };
}
