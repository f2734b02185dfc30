import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { isMap, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { configSchema } from './schema.js';
import { checkEntries, looksLikeToken, TOKEN_ADVICE, type RawEntry } from './semantics.js';
import type { TokenSpec } from './types.js';

export interface ConfigIssue {
  /** Where: `file:line:col`, or `input tokens:line:col`. */
  where: string;
  file?: string;
  line?: number;
  key: string;
  message: string;
}

export class ConfigError extends Error {
  constructor(readonly issues: ConfigIssue[]) {
    super(issues.map((i) => `${i.where}: ${i.key ? `${i.key}: ` : ''}${i.message}`).join('\n'));
    this.name = 'ConfigError';
  }
}

export interface LoadRequest {
  /** Config file path, relative to `cwd` or absolute. */
  path: string;
  /** The path was chosen by the user, so a missing file is an error rather than "no config". */
  pathExplicit: boolean;
  /** The action's `tokens` input: a YAML list of token entries. */
  inlineTokens?: string;
  cwd: string;
  /** Used when neither the token nor the file's `defaults` set it. */
  expiryWarningDays: number;
}

export interface LoadedConfig {
  tokens: TokenSpec[];
  /** The config file that was read, relative to cwd; absent when there was none. */
  file?: string;
}

type Validate = (data: unknown) => boolean | Promise<unknown>;
let validators: { file: Validate; tokenList: Validate } | undefined;

/** Compiled on first use. `validateSchema: false` halves the start-up cost; a test checks the schema itself. */
function compiled() {
  if (validators) return validators;
  // verbose: errors carry their schema, which lists the keys allowed where an unknown one stands.
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, validateSchema: false });
  ajv.addSchema(configSchema(), 'config');
  validators = { file: ajv.getSchema('config')!, tokenList: ajv.compile({ $ref: 'config#/definitions/tokens' }) };
  return validators;
}

export async function loadConfig(request: LoadRequest): Promise<LoadedConfig> {
  const absolute = path.resolve(request.cwd, request.path);
  const display = path.relative(request.cwd, absolute).split(path.sep).join('/') || request.path;
  const text = await readFile(absolute, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' && !request.pathExplicit) return undefined;
    const why = error.code === 'ENOENT' ? 'no such file' : error.message;
    throw new ConfigError([{ where: display, file: display, key: '', message: `cannot read the config file: ${why}` }]);
  });

  const issues: ConfigIssue[] = [];
  const entries: RawEntry[] = [];
  let defaults: Record<string, unknown> = {};
  let file: string | undefined;

  if (text !== undefined) {
    file = display;
    const parsed = parseYaml(text, { label: display, file: display }, compiled().file, issues);
    if (parsed && typeof parsed.value === 'object' && parsed.value !== null) {
      const value = parsed.value as { defaults?: Record<string, unknown>; tokens?: unknown };
      defaults = value.defaults ?? {};
      if (Array.isArray(value.tokens)) {
        value.tokens.forEach((entry, i) => entries.push(rawEntry(entry, i, parsed, ['tokens', i])));
      }
    }
  }

  if (request.inlineTokens?.trim()) {
    const parsed = parseYaml(request.inlineTokens, { label: 'input tokens' }, compiled().tokenList, issues);
    if (parsed && Array.isArray(parsed.value)) {
      parsed.value.forEach((entry, i) => entries.push(rawEntry(entry, i, parsed, [i])));
    }
  }

  const expiryWarningDays = typeof defaults['expiry-warning-days'] === 'number' ? defaults['expiry-warning-days'] : request.expiryWarningDays;
  const maxLatencyMs = typeof defaults['max-latency-ms'] === 'number' ? defaults['max-latency-ms'] : undefined;
  const tokens = checkEntries(entries, { expiryWarningDays, maxLatencyMs }, issues);
  if (issues.length > 0) throw new ConfigError(issues);
  return { tokens, file };
}

function rawEntry(value: unknown, index: number, parsed: Parsed, keyPath: Array<string | number>): RawEntry {
  return { value, key: `tokens[${index}]`, place: (sub) => parsed.place(sub ? [...keyPath, sub] : keyPath) };
}

export interface Place {
  where: string;
  file?: string;
  line?: number;
}

interface Parsed {
  value: unknown;
  place(keyPath: Array<string | number>): Place;
}

function parseYaml(
  text: string,
  origin: { label: string; file?: string },
  validate: Validate,
  issues: ConfigIssue[],
): Parsed | undefined {
  const lineCounter = new LineCounter();
  // prettyErrors off: its code frame would quote the file, and a pasted token with it.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined): Place => {
    if (offset === undefined) return { where: origin.label, file: origin.file };
    const { line, col } = lineCounter.linePos(offset);
    return { where: `${origin.label}:${line}:${col}`, file: origin.file, line };
  };
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      issues.push({ ...at(error.pos[0]), key: '', message: `not valid YAML: ${error.message.split('\n')[0]}` });
    }
    return undefined;
  }
  let value: unknown;
  try {
    value = doc.toJS() ?? (origin.file ? {} : []);
  } catch {
    // An alias (*name) with no anchor; the error text would quote the name, which may be a pasted token.
    let offset: number | undefined;
    visit(doc, { Alias: (_, alias) => void (offset ??= alias.resolve(doc) ? undefined : alias.range?.[0]) });
    issues.push({ ...at(offset), key: '', message: 'not valid YAML: an alias (*…) refers to no anchor (&…)' });
    return undefined;
  }
  const place = (keyPath: Array<string | number>) => at(nodeAt(doc, keyPath)?.range?.[0]);
  if (!validate(value)) {
    const errors = (validate as unknown as { errors: ErrorObject[] }).errors ?? [];
    for (const error of errors) issues.push(describe(error, doc, at, origin.file ? [] : ['tokens']));
  }
  return { value, place };
}

function nodeAt(doc: Document, keyPath: Array<string | number>): Node | undefined {
  if (keyPath.length === 0) return (doc.contents ?? undefined) as Node | undefined;
  return doc.getIn(keyPath, true) as Node | undefined;
}

function keyNode(doc: Document, keyPath: Array<string | number>, key: string): Node | undefined {
  const map = nodeAt(doc, keyPath);
  if (!isMap(map)) return undefined;
  const pair = map.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
  return (pair?.key ?? undefined) as Node | undefined;
}

function describe(error: ErrorObject, doc: Document, at: (offset: number | undefined) => Place, displayPrefix: Array<string | number>): ConfigIssue {
  const keyPath = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  const key = displayKey([...displayPrefix, ...keyPath]);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
      if (looksLikeToken(extra)) {
        const where = at(keyNode(doc, keyPath, extra)?.range?.[0]);
        return { ...where, key, message: `holds a key that looks like a token (not shown): ${TOKEN_ADVICE}` };
      }
      const hint = closest(extra, allowed);
      return {
        ...at(keyNode(doc, keyPath, extra)?.range?.[0]),
        key: displayKey([...displayPrefix, ...keyPath, extra]),
        message: `unknown key${hint ? ` (did you mean "${hint}"?)` : ''}; allowed here: ${allowed.join(', ')}`,
      };
    }
    case 'required':
      return { ...at(nodeAt(doc, keyPath)?.range?.[0]), key, message: `missing required key "${String(params.missingProperty)}"` };
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const last = keyPath[keyPath.length - 1];
      const value = String(doc.getIn(keyPath));
      if (looksLikeToken(value)) {
        return { ...at(nodeAt(doc, keyPath)?.range?.[0]), key, message: `holds what looks like a token (not shown): ${TOKEN_ADVICE}` };
      }
      if (last === 'provider') {
        const hint = closest(value, allowed);
        return { ...at(nodeAt(doc, keyPath)?.range?.[0]), key, message: `unknown provider "${value}"${hint ? ` (did you mean "${hint}"?)` : ''}; known providers: ${allowed.join(', ')}` };
      }
      return { ...at(nodeAt(doc, keyPath)?.range?.[0]), key, message: `must be one of: ${allowed.join(', ')}` };
    }
    case 'pattern':
      return { ...at(nodeAt(doc, keyPath)?.range?.[0]), key, message: patternMessage(keyPath[keyPath.length - 1]) };
    default:
      return { ...at(nodeAt(doc, keyPath)?.range?.[0]), key, message: error.message ?? 'is not valid' };
  }
}

function patternMessage(key: string | number | undefined): string {
  if (key === 'name') return 'must start with a letter or digit and hold only letters, digits, ".", "_" and "-"';
  return 'must be the name of an environment variable (letters, digits and "_", not starting with a digit), e.g. RELEASE_BOT_TOKEN — not the token itself';
}

export function displayKey(keyPath: Array<string | number>): string {
  return keyPath.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

/** The allowed word nearest to a misspelt one, if it is close enough to be a likely typo. */
export function closest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 4)) + 1;
  for (const candidate of candidates) {
    const d = distance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length]!;
}
