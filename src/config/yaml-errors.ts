import { Parser, type YAMLError } from 'yaml';
import { keyShown } from './echo.js';

/** A YAML mistake in plain words, at the offset of the mistake itself (not where the parser gave up). */
export interface SyntaxProblem {
  offset: number;
  message: string;
}

/** After this many, the rest of a file's YAML errors are mostly echoes of the first ones. */
export const MAX_SYNTAX_PROBLEMS = 20;
const MAX_EXPLAINED = 200;

/**
 * The `yaml` library's errors and warnings as plain words that say what to write instead, one per
 * line, in the order of the file. The library's own messages are never passed on: some of them
 * quote the text (a pasted token, a terminal escape); the words here never quote the file.
 */
export function syntaxProblems(errors: readonly YAMLError[], text: string, lineStarts: readonly number[]): SyntaxProblem[] {
  const source = new Source(text, lineStarts);
  const byLine = new Map<number, SyntaxProblem>();
  // Lines already explained: an error the parser reports on one of them is an echo of that mistake
  // (a missing "-" makes the next lines look too deeply indented), and so is the line it points to.
  const explained = new Set<number>();
  // A deeply nested file gives thousands of errors at one place: explaining the first ones is enough.
  for (const error of errors.slice(0, MAX_EXPLAINED)) {
    const problem = explain(error, source);
    const raw = source.lineOf(Math.max(error.pos[0], 0));
    const line = source.lineOf(problem.offset);
    if (!explained.has(raw) && !explained.has(line)) byLine.set(line, problem);
    explained.add(raw).add(line);
  }
  const problems = [...byLine.values()].sort((a, b) => a.offset - b.offset);
  if (problems.length <= MAX_SYNTAX_PROBLEMS) return problems;
  const rest = problems.length - MAX_SYNTAX_PROBLEMS;
  return [
    ...problems.slice(0, MAX_SYNTAX_PROBLEMS),
    { offset: problems[MAX_SYNTAX_PROBLEMS]!.offset, message: `${rest} more YAML error${rest === 1 ? '' : 's'} from this line on (not listed): fix the ones above first, they often cause the rest` },
  ];
}

const spaces = (n: number) => `${n} space${n === 1 ? '' : 's'}`;
const indentBy = (n: number) => (n === 0 ? 'start it in the first column' : `indent it by ${spaces(n)}`);
const GENERIC = 'YAML cannot read this line: check its quotes, brackets, colons and indentation (spaces only)';

function explain(error: YAMLError, src: Source): SyntaxProblem {
  const offset = Math.min(Math.max(error.pos[0], 0), src.text.length);
  const at = (message: string, where = offset) => ({ offset: where, message });
  const message = error.message;
  // A tab among the leading blanks (after spaces, which YAML does not always call a tab indent)
  // is the mistake whatever else the parser makes of the line.
  if (['BAD_INDENT', 'MISSING_CHAR', 'BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY', 'TAB_AS_INDENT'].includes(error.code)) {
    const tab = src.leadingTab(src.lineOf(offset));
    if (tab !== undefined) return at(TAB, tab);
  }
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return at(TAB);
    case 'DUPLICATE_KEY':
      return duplicateKey(offset, src);
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      if (/^A block sequence/.test(message)) return listItemAmongKeys(offset, src);
      if (/flow/.test(message)) return at(FLOW, offset);
      return implicitKey(error, offset, src);
    case 'MISSING_CHAR':
      if (/^Missing closing/.test(message)) return unclosedQuote(offset, src, message.includes("'") ? "'" : '"');
      if (/must end with a/.test(message)) return unclosedFlow(offset, src);
      if (/^Sequence item without|^Implicit map keys need/.test(message)) return alignment(offset, src, /^Implicit/.test(message));
      if (/^Missing space after :/.test(message)) return at('inside { }, write a space after ":" (key: value)');
      if (/^Missing ,/.test(message)) return at(FLOW);
      if (/^Comments must be separated/.test(message)) return at('a comment needs a space before "#": write value # comment (or put the value in quotes if "#" is part of it)');
      if (/^Tags and anchors must be separated/.test(message)) return at('an &anchor or !tag needs a space after it, before the value');
      if (/^Missing directives-end/.test(message)) {
        return at('a line starting with "%" is a YAML directive and must be followed by a line "---": add that line, or remove the "%" line (put a value that starts with "%" in quotes)', src.directiveBefore(offset));
      }
      if (/^Block collection cannot start on same line/.test(message)) return at('a list or mapping cannot start on the "---" line: start it on the next line');
      if (/^Block scalars with more-indented leading empty lines/.test(message)) {
        return at('the blank lines that open this "|" or ">" block hold more spaces than its text is indented: remove the spaces on those blank lines, or give the indentation after the indicator (|2)');
      }
      if (/^Missing newline after block sequence props/.test(message)) return at('an &anchor or !tag cannot stand before the "- " of a list item: write "- " first, then the anchor or tag (- &name …)');
      return at('something is missing here: check the quotes, brackets, commas and colons of this line');
    case 'BAD_INDENT':
      if (/in block collection must be sufficiently indented/.test(message)) return unclosedFlow(offset, src);
      if (/^All (mapping|sequence) items must start at the same column/.test(message)) return alignment(offset, src, false);
      if (/^Flow end indicator/.test(message)) return at('the closing bracket of a list or mapping written on several lines must be indented more than its key: indent it, or put it at the end of the last item\'s line');
      if (/[Bb]lock scalar/.test(message)) return at(BLOCK_SCALAR);
      return at('the indentation of this line does not fit the lines above it: indent with spaces, the keys of one mapping in one column, and the "- " items of one list too');
    case 'BAD_SCALAR_START': {
      const char = src.text[offset] ?? '';
      const shown = /^[@`%,[\]{}#&*!|>'"?:-]$/.test(char) ? `"${char}"` : 'this character';
      return at(`a value cannot start with ${shown} unless it is quoted: put the whole value in single quotes ('…')`);
    }
    case 'BAD_DQ_ESCAPE':
      return at('in double quotes a backslash starts an escape (\\n, \\t, \\", \\\\), and this one is not valid: write \\\\ for a backslash, or use single quotes, in which a backslash is an ordinary character');
    case 'UNEXPECTED_TOKEN':
      return unexpected(message, offset, src);
    case 'BLOCK_IN_FLOW':
      return at(FLOW);
    case 'MULTIPLE_DOCS':
      return at('the file holds a second YAML document (after a "---" or "..." line): the config is one document; remove that line and merge what follows it into the rest', src.documentMarkerBefore(offset));
    case 'MULTIPLE_ANCHORS':
      return at('a value can have only one &anchor: remove the extra one');
    case 'MULTIPLE_TAGS':
      return at('a value can have only one !tag: remove the extra one');
    case 'ALIAS_PROPS': {
      // The parser points at the alias; the mistake is the &anchor or !tag before it.
      const before = /([&!]\S*)\s+$/.exec(src.text.slice(src.lineStart(src.lineOf(offset)), offset));
      return at('an alias (*name) cannot have an &anchor or !tag of its own: remove it', before ? offset - before[0].length : offset);
    }
    case 'BAD_ALIAS':
      if (/ending in :/.test(message)) return at('an &anchor or *alias name cannot end with ":": put a space between the name and the ":"');
      return at(`"${/^Anchor/.test(message) ? '&' : '*'}" must be followed by a name (${/^Anchor/.test(message) ? '&name' : '*name'}); if it is part of the value, put the whole value in quotes`);
    case 'BAD_PROP_ORDER':
      return at('an &anchor or !tag must come after the "- " or "? " indicator, not before it');
    case 'BAD_DIRECTIVE':
      return at('unknown or invalid "%" directive: the config needs none; remove the line (or put a value that starts with "%" in quotes)');
    case 'TAG_RESOLVE_FAILED':
    case 'BAD_COLLECTION_TYPE':
      return at('this !tag is unknown or does not fit its value: the config needs no tags; remove it');
    case 'NON_STRING_KEY':
      return at('a key must be a plain name, not a list or a mapping: write name: value');
    case 'KEY_OVER_1024_CHARS':
      return at('this key is longer than 1024 characters: a key is a short name followed by ":"; put a long value after its key');
    case 'RESOURCE_EXHAUSTION':
      return at('lists or mappings are nested too deeply here to be read: the config needs only a few levels');
    default:
      return at(GENERIC);
  }
}

const TAB = 'a tab indents this line, and YAML indents with spaces only: replace the tab with spaces';

const BLOCK_SCALAR = 'the text of a "|" or ">" block must be indented more than its key, every line at least as much as its first line, with spaces';

const FLOW =
  'inside [ ] and { }, items are separated by commas and a key is followed by ": " (e.g. [repo, read:org], { bearer: "${token}" }); a "- " list or an indented mapping cannot stand inside them';

/** `key: value: more` on one line, or a line indented so deep that it continues the value above. */
function implicitKey(error: YAMLError, offset: number, src: Source): SyntaxProblem {
  const line = src.lineOf(offset);
  const before = src.text.slice(src.lineStart(line), offset);
  const rest = src.text.slice(offset, src.lineEnd(line));
  if (/^["']/.test(rest) && error.code === 'MULTILINE_IMPLICIT_KEY') {
    return { offset, message: 'a quoted key must end on the line where it starts: close the quote before the ":"' };
  }
  // `- item` after the keys of a mapping.
  if (/^-( |$)/.test(rest) && before.trim() === '') return listItemAmongKeys(offset, src);
  // `key: echo "a: b"`: a ": " inside the value.
  const colon = /:(?=[ \t]|$)/.exec(rest.slice(1));
  if (colon && !/^["']/.test(rest)) {
    return {
      offset: offset + 1 + colon.index,
      message:
        'YAML reads ": " (a colon and a space) as the end of a key, and this value holds one: if it is part of the value, put the whole value in single quotes (key: \'echo "a: b"\'); if it starts another key, put that key on a line of its own',
    };
  }
  if (/:\s*$/.test(before)) {
    // `key: value` followed by a line indented deeper than `key`: that line continues the value.
    const keyColumn = src.layout(line).content;
    const key = before.slice(keyColumn).replace(/:\s*$/, '');
    const named = keyShown(key) ? `"${key}"` : 'the key';
    for (let next = src.nextContent(line); next >= 0; next = src.nextContent(next)) {
      if (!/:(?=[ \t]|$)/.test(src.lineText(next))) continue;
      const indent = src.layout(next).indent;
      return {
        offset: src.lineStart(next) + indent,
        message: `this line is indented by ${spaces(indent)}, more than ${named} on line ${line + 1} (${keyColumn}), so YAML reads it as part of that key's value: ${indentBy(keyColumn)}, like the other keys of that mapping`,
      };
    }
  }
  // `name` alone on a line, then `provider: github`: the key has no colon.
  const end = src.contentEnd(line);
  return {
    offset: end,
    message: 'this line has no ":" after its key, so YAML reads it together with the next line as one key: write key: value, with a colon and a space',
  };
}

/** `- item` where a key is expected: among the keys of a mapping, or not aligned with its list. */
function listItemAmongKeys(offset: number, src: Source): SyntaxProblem {
  const line = src.lineOf(offset);
  const { indent } = src.layout(line);
  const start = src.lineStart(line) + indent;
  const item = src.itemAbove(line, indent);
  if (item && indent < item.dash) {
    return {
      offset: start,
      message: `this "-" is in column ${indent + 1}, but the "-" of the item on line ${item.line + 1} is in column ${item.dash + 1}: the items of one list start in the same column; ${indentBy(item.dash)}`,
    };
  }
  return {
    offset: start,
    message: 'a "- " list item cannot stand among the keys of a mapping: write the key the list belongs to on the line before, ending in ":" (e.g. require-scopes:), and indent the "- " lines under it',
  };
}

/** A line whose indentation fits neither the list items nor the mapping keys around it. */
function alignment(offset: number, src: Source, noColon: boolean): SyntaxProblem {
  const line = src.lineOf(offset);
  const { indent, dashes } = src.layout(line);
  const start = src.lineStart(line) + indent;
  const item = src.itemAbove(line, indent);
  if (item && dashes.length > 0 && indent !== item.dash) {
    return {
      offset: start,
      message: `this "-" is in column ${indent + 1}, but the "-" of the item on line ${item.line + 1} is in column ${item.dash + 1}: the items of one list start in the same column; ${indentBy(item.dash)}`,
    };
  }
  if (src.inBlockScalar(line, indent)) {
    return { offset: start, message: BLOCK_SCALAR };
  }
  if (item && dashes.length === 0 && indent === item.dash) {
    return {
      offset: start,
      message: `this line stands in the column of the "- " items above (line ${item.line + 1}) but does not start with "-": to start a new item, write "- " before it; to add it to the item above, indent it by ${spaces(item.content)}, like that item's first key`,
    };
  }
  if (item && dashes.length === 0 && indent > item.dash && indent < item.content) {
    return {
      offset: start,
      message: `this line is indented by ${spaces(indent)}, between the "-" (${item.dash}) and the first key (${item.content}) of the item on line ${item.line + 1}: indent it by ${spaces(item.content)} to add it to that item, or write "- " at ${spaces(item.dash)} to start a new item`,
    };
  }
  if (noColon) {
    return {
      offset: start,
      message: 'this line has no ":" after its key: write key: value, with a colon and a space; if the line continues the value above it, put that whole value in quotes',
    };
  }
  const previous = src.prevContent(line);
  const above = previous >= 0 ? ` (line ${previous + 1} is indented by ${spaces(src.layout(previous).indent)})` : '';
  return {
    offset: start,
    message: `this line is indented by ${spaces(indent)}, which lines up with no mapping above it${above}: the keys of one mapping start in the same column; indent it like the keys it belongs with`,
  };
}

function duplicateKey(offset: number, src: Source): SyntaxProblem {
  const line = src.lineOf(offset);
  const key = keyAt(src.text, offset);
  const named = key !== undefined && keyShown(key) ? `"${key}"` : 'this key';
  let first: number | undefined;
  if (key !== undefined) {
    // The same key earlier in the same mapping: a line at this indentation, before a shallower one.
    const column = offset - src.lineStart(line);
    for (let l = src.prevContent(line); l >= 0; l = src.prevContent(l)) {
      const { content, indent } = src.layout(l);
      if (content === column && keyAt(src.text, src.lineStart(l) + content) === key) first = l;
      // A line starting left of the mapping is its first line (`- key: …`) or its parent.
      if (indent < column) break;
    }
  }
  const where = first !== undefined ? ` (first on line ${first + 1})` : '';
  return { offset, message: `${named} is written twice in one mapping${where}: keys must be unique; keep one of them` };
}

/** The plain or quoted key that starts at `offset`, if the line reads `key:`. */
function keyAt(text: string, offset: number): string | undefined {
  const match = /^(?:"([^"\n]*)"|'([^'\n]*)'|([^\s:#][^:\n]*?))[ \t]*:(?=\s|$)/.exec(text.slice(offset, offset + 200));
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

function unclosedQuote(offset: number, src: Source, quote: '"' | "'"): SyntaxProblem {
  const type = quote === '"' ? 'double-quoted-scalar' : 'single-quoted-scalar';
  const start = lastToken(src, offset, (token) => token.type === type)?.offset ?? src.text.lastIndexOf(quote, offset - 1);
  return {
    offset: start >= 0 ? start : offset,
    message: `the ${quote} that starts this value is never closed, so YAML reads the lines after it as part of the value: add the closing ${quote} at the end of the value`,
  };
}

function unclosedFlow(offset: number, src: Source): SyntaxProblem {
  const token = lastToken(src, offset, (t) => t.type === 'flow-collection' && !(t.end ?? []).some((e) => e.source === ']' || e.source === '}'));
  const open = token?.start?.source === '{' ? '{' : '[';
  const close = open === '{' ? '}' : ']';
  const what = open === '{' ? 'mapping' : 'list';
  const example = open === '{' ? 'secret: { account-sid: SID, auth-token: TOKEN }' : 'require-scopes: [repo, read:org]';
  return {
    offset: token ? token.offset : offset,
    message: `the ${what} opened with "${open}" here is not closed: end it with "${close}" (e.g. ${example}); if it spans several lines, indent them more than its key`,
  };
}

function unexpected(message: string, offset: number, src: Source): SyntaxProblem {
  const at = (text: string) => ({ offset, message: text });
  // The file's first line is indented, and this one less: it stands outside the document.
  const line = src.lineOf(offset);
  const first = src.nextContent(-1);
  if (/at node end|in YAML (stream|document)/.test(message) && first >= 0 && first < line && src.layout(line).indent < src.layout(first).indent) {
    const indent = src.layout(first).indent;
    return {
      offset: src.lineStart(line) + src.layout(line).indent,
      message: `this line is indented less than the first line of the file (${spaces(indent)}), so YAML reads it as outside the document: start the first line, and every top-level key, in the first column`,
    };
  }
  if (/^Unexpected , in|^Unexpected empty item/.test(message)) return at('an empty item in [ ] or { } (two commas in a row, or a comma right after the bracket): remove the extra comma');
  if (/^Unexpected flow-(seq|map)-end/.test(message)) {
    const close = src.text[offset] === '}' ? '}' : ']';
    const open = close === '}' ? '{' : '[';
    return at(`a closing "${close}" with no "${open}" before it: remove it, or add the "${open}" where the list or mapping starts`);
  }
  if (/^Unexpected map-value-ind/.test(message)) return at('a ":" with no key before it: write the key before the colon (key: value)');
  if (/^Unexpected block-seq-ind/.test(message)) return at('a "- " list cannot start on the line of its key: put it on the next line, indented more than the key');
  if (/^Block scalar header/.test(message)) return at('after "|" or ">" only an indentation digit and "-" or "+" may follow on the line: start the text on the next line, indented');
  if (/at node end/.test(message)) return at('unexpected text after the value: if it belongs to the value, put the whole value in quotes; otherwise remove it');
  return at(GENERIC);
}

interface CstToken {
  type?: string;
  offset: number;
  source?: string;
  start?: { source?: string };
  end?: Array<{ source?: string }>;
}

/** The last token (by offset) before `offset` that `match` accepts, from the concrete syntax tree. */
function lastToken(src: Source, offset: number, match: (token: CstToken) => boolean): CstToken | undefined {
  let best: CstToken | undefined;
  for (const token of src.tokens()) if (token.offset < offset && match(token) && (!best || token.offset > best.offset)) best = token;
  return best;
}

/** The tokens of the concrete syntax tree, walked with a stack: a deeply nested file must not overflow the call stack. */
function cstTokens(text: string): CstToken[] {
  const tokens: CstToken[] = [];
  const stack: unknown[] = [...new Parser().parse(text)];
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item || typeof item !== 'object') continue;
    if (Array.isArray(item)) {
      for (const child of item as unknown[]) stack.push(child);
      continue;
    }
    const token = item as CstToken;
    if (typeof token.offset === 'number' && typeof token.type === 'string') tokens.push(token);
    for (const [name, child] of Object.entries(item)) if (name !== 'source' && child && typeof child === 'object') stack.push(child);
  }
  return tokens;
}

/** The lines of the text, for working out what a line's indentation means. */
class Source {
  private cst: CstToken[] | undefined;

  constructor(
    readonly text: string,
    private readonly starts: readonly number[],
  ) {}

  tokens(): CstToken[] {
    return (this.cst ??= cstTokens(this.text));
  }

  lineOf(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  lineStart(line: number): number {
    return this.starts[line] ?? this.text.length;
  }

  lineEnd(line: number): number {
    const next = this.starts[line + 1] ?? this.text.length;
    let end = next;
    while (end > this.lineStart(line) && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  /** Where the line's content ends, before trailing blanks and a comment. */
  contentEnd(line: number): number {
    const text = this.lineText(line).replace(/\s+#.*$/, '').trimEnd();
    return this.lineStart(line) + text.length;
  }

  isContent(line: number): boolean {
    const text = this.lineText(line).trim();
    return text !== '' && !text.startsWith('#');
  }

  prevContent(line: number): number {
    for (let l = line - 1; l >= 0; l--) if (this.isContent(l)) return l;
    return -1;
  }

  nextContent(line: number): number {
    for (let l = line + 1; l < this.starts.length; l++) if (this.isContent(l)) return l;
    return -1;
  }

  /** Leading spaces, the columns of the `- ` indicators that open the line, and where its content starts. */
  layout(line: number): { indent: number; dashes: number[]; content: number } {
    const text = this.lineText(line);
    let column = /^ */.exec(text)![0].length;
    const indent = column;
    const dashes: number[] = [];
    while (text[column] === '-' && (column + 1 === text.length || text[column + 1] === ' ')) {
      dashes.push(column);
      column++;
      while (text[column] === ' ') column++;
    }
    return { indent, dashes, content: column };
  }

  /**
   * The nearest list item above `line` (its `- ` column and its content column), looking back no
   * further than a line indented less than `indent` that is not an item itself.
   */
  itemAbove(line: number, indent: number): { line: number; dash: number; content: number } | undefined {
    for (let l = this.prevContent(line); l >= 0; l = this.prevContent(l)) {
      const layout = this.layout(l);
      if (layout.dashes.length > 0) {
        // The innermost `- ` at or left of this line's indentation, or the outermost one.
        const index = layout.dashes.findLastIndex((dash) => dash <= indent);
        const at = index >= 0 ? index : 0;
        const dash = layout.dashes[at]!;
        const content = layout.dashes[at + 1] ?? layout.content;
        return { line: l, dash, content };
      }
      if (layout.indent < indent) return undefined;
    }
    return undefined;
  }

  /**
   * Whether `line` (indented by `indent`) comes after the text of a `key: |` block, indented less
   * than that text: the block's lines above it are indented deeper, and its header is on the
   * first line above that is indented less than `line`.
   */
  inBlockScalar(line: number, indent: number): boolean {
    const header = (l: number) => /(^|[:\s-])[|>][1-9+-]*[ \t]*(#.*)?$/.test(this.lineText(l));
    let deeper = false;
    for (let l = this.prevContent(line); l >= 0; l = this.prevContent(l)) {
      const layout = this.layout(l);
      // Right under `key: |`, but not deeper than `key`.
      if (!deeper && header(l)) return indent <= layout.content;
      if (layout.indent > indent) {
        deeper = true;
        continue;
      }
      return deeper && layout.indent < indent && header(l);
    }
    return false;
  }

  /** The offset of a tab among the leading blanks of `line`, if there is one. */
  leadingTab(line: number): number | undefined {
    const blanks = /^[ \t]*/.exec(this.lineText(line))![0];
    const tab = blanks.indexOf('\t');
    return tab >= 0 && blanks.length < this.lineText(line).length ? this.lineStart(line) + tab : undefined;
  }

  /** The `%` directive line before `offset`, or `offset` itself. */
  directiveBefore(offset: number): number {
    for (let l = this.lineOf(offset); l >= 0; l--) if (this.lineText(l).startsWith('%')) return this.lineStart(l);
    return offset;
  }

  /** The `---` or `...` line at or before `offset`, or `offset` itself. */
  documentMarkerBefore(offset: number): number {
    for (let l = this.lineOf(offset); l >= 0; l--) if (/^(---|\.\.\.)(\s|$)/.test(this.lineText(l))) return this.lineStart(l);
    return offset;
  }
}
