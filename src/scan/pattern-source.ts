/**
 * Reading a rule's pattern from its source, without running it: what every match must hold (a
 * literal at a fixed distance, literal prefixes, characters it cannot do without), whether it spans
 * lines, where its secret group is. The matcher plans its work from these (see matcher.ts).
 */

/** At most this many prefixes read from one pattern (`[pr]k_(?:live|test)_` gives 4). */
const MAX_PREFIXES = 32;

/**
 * The longest literal (2 characters or more) that every match of `source` holds at one fixed
 * distance from its start: the pattern starts with elements of one width each
 * (`(?<![\w-])[0-9a-f]{32}-us…`: assertions, characters, classes with `{n}`, groups of those)
 * before it. Undefined when there is none.
 */
export function fixedLiteral(source: string, flags = ''): { literal: string; offset: number } | undefined {
  // A code point may be two code units under `u`/`v`: widths are not fixed there.
  if (/[uv]/.test(flags) || hasAlternation(source, 0, source.length)) return undefined;
  let best: { literal: string; offset: number } | undefined;
  let run = '';
  let runStart = 0;
  let offset = 0;
  const flush = () => {
    if (run.length >= 2 && (!best || run.length > best.literal.length)) best = { literal: run, offset: runStart };
    run = '';
  };
  const literal = (char: string) => {
    if (run === '') runStart = offset;
    run += char;
    offset++;
  };
  /** Walks [i, end); false where an element of varying width (or one not read) ends the walk. */
  const walk = (from: number, end: number): boolean => {
    let i = from;
    while (i < end) {
      const ch = source[i]!;
      if (ch === '^' || ch === '$') {
        flush();
        i++;
        continue;
      }
      if (ch === '(') {
        const close = groupEnd(source, i);
        flush();
        if (/^\(\?<?[=!]/.test(source.slice(i, i + 4))) {
          i = close + 1; // a lookaround: no width
          continue;
        }
        let inner = i + 1;
        if (source.startsWith('?:', inner)) inner += 2;
        else if (source.startsWith('?<', inner)) inner = source.indexOf('>', inner) + 1;
        else if (source[inner] === '?') return false; // modifiers: not read
        const q = readQuantifier(source, close + 1);
        if (q.end !== close + 1 || hasAlternation(source, inner, close) || !walk(inner, close)) return false;
        flush();
        i = close + 1;
        continue;
      }
      let char: string | undefined;
      let next: number;
      if (ch === '[') {
        next = classEnd(source, i) + 1;
      } else if (ch === '.') {
        next = i + 1;
      } else if (ch === '\\') {
        const e = source[i + 1] ?? '';
        next = i + 2;
        if (e === 'b' || e === 'B') {
          flush();
          i = next;
          continue;
        }
        const hex = /^(?:x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4}))/.exec(source.slice(i + 1));
        if (hex) {
          char = String.fromCharCode(parseInt(hex[1] ?? hex[2]!, 16));
          next = i + 1 + hex[0].length;
        } else if ('dDwWsS'.includes(e)) {
          // a class of one character
        } else if (/[A-Za-z0-9]/.test(e)) {
          const control = ({ n: '\n', r: '\r', t: '\t', f: '\f', v: '\v' } as Record<string, string>)[e];
          if (control === undefined) return false; // a back reference, \p{…}, \c…: not read
          char = control;
        } else {
          char = e;
        }
      } else if ('*+?{|)'.includes(ch)) {
        return false;
      } else {
        char = ch;
        next = i + 1;
      }
      const q = readQuantifier(source, next);
      if (q.min !== q.max || !Number.isFinite(q.max)) return false;
      if (char !== undefined && q.end === next) {
        literal(char);
      } else {
        flush();
        offset += q.min;
      }
      i = q.end;
    }
    return true;
  };
  walk(0, source.length);
  flush();
  return best;
}

/** Does source[from, to) hold a `|` outside groups and classes? */
export function hasAlternation(source: string, from: number, to: number): boolean {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (ch === '[') i = classEnd(source, i);
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) return true;
  }
  return false;
}

/**
 * Does the pattern match a line break by name — `\n` or `\r` outside a character class or in one
 * that is not negated? (`[^\n]` and `\s` do not make a rule multi-line.)
 */
export function namesLineBreak(source: string): boolean {
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

/** The source of the named group `secret` (balanced parentheses), else the whole source. */
export function secretSource(source: string): string {
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

export function readQuantifier(source: string, i: number): { min: number; max: number; end: number } {
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
export function classEnd(source: string, i: number): number {
  for (let j = i + 1; j < source.length; j++) {
    if (source[j] === '\\') j++;
    else if (source[j] === ']') return j;
  }
  return source.length;
}

/** The `)` that closes the group opened at `i`. */
export function groupEnd(source: string, i: number): number {
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

/**
 * ASCII characters other than letters and digits that every match of `source` holds: the literal
 * ones of its top-level sequence, and of the groups in it that are neither optional nor a choice of
 * alternatives, each required at least once. A line without one of them holds no match: the pattern
 * need not run there (a URL rule on the many lines with `://` and no `@`). Letters and digits are
 * left out, so `i` changes nothing; lookarounds are passed over. Nothing under `v`.
 */
export function requiredCharacters(source: string, flags = ''): string[] {
  // Under `v`, classes nest (`[[a-z]--[aeiou]]`): their ends are not read here.
  if (flags.includes('v')) return [];
  const found = new Set<string>();
  const walk = (from: number, end: number): void => {
    if (hasAlternation(source, from, end)) return;
    let i = from;
    while (i < end) {
      const ch = source[i]!;
      if (ch === '(') {
        const close = groupEnd(source, i);
        const quantifier = readQuantifier(source, close + 1);
        if (!/^\(\?<?[=!]/.test(source.slice(i, i + 4)) && quantifier.min >= 1) {
          let inner = i + 1;
          if (source.startsWith('?:', inner)) inner += 2;
          else if (source.startsWith('?<', inner)) inner = source.indexOf('>', inner) + 1;
          else if (source[inner] === '?') inner = -1; // modifiers: not read
          if (inner > 0) walk(inner, close);
        }
        i = quantifier.end;
        continue;
      }
      let char: string | undefined;
      let next = i + 1;
      if (ch === '[') {
        next = classEnd(source, i) + 1;
      } else if (ch === '\\') {
        const escaped = source[i + 1] ?? '';
        const hex = /^(?:x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4}))/.exec(source.slice(i + 1));
        if (hex) {
          char = String.fromCharCode(parseInt(hex[1] ?? hex[2]!, 16));
          next = i + 1 + hex[0].length;
        } else if (escaped === 'k' && source[i + 2] === '<') {
          next = source.indexOf('>', i) + 1; // a backreference
        } else if ('dDwWsSbBnrtfv0'.includes(escaped)) {
          next = i + 2; // a class, an assertion, a control character: nothing literal
        } else if (/[pPu]/.test(escaped) && source[i + 2] === '{') {
          next = source.indexOf('}', i) + 1;
        } else if (/[1-9]/.test(escaped)) {
          next = i + 2;
          while (/[0-9]/.test(source[next] ?? '')) next++; // a numbered backreference
        } else if (/[A-Za-z0-9]/.test(escaped)) {
          return; // a form this reader does not know: nothing more is claimed
        } else {
          char = escaped;
          next = i + 2;
        }
      } else if (ch === '.' || ch === '^' || ch === '$') {
        // no literal
      } else if ('*+?{|)'.includes(ch)) {
        return; // not an element's start: a form this reader does not know, so nothing more is claimed
      } else {
        char = ch;
      }
      const quantifier = readQuantifier(source, next);
      if (char !== undefined && quantifier.min >= 1 && /^[\x21-\x7e]$/.test(char) && !/[A-Za-z0-9]/.test(char)) found.add(char);
      i = quantifier.end;
    }
  };
  walk(0, source.length);
  return [...found];
}
