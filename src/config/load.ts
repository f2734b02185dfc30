import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { oneLine, safeLine } from '../sanitize.js';
import { findProvider } from '../providers/registry.js';
import { configSchema } from './schema.js';
import { mintSpecs } from './mint.js';
import { mightBeSecret, showValue, tokenAdvice } from './echo.js';
import { closest, schemaProblems, type KeyPath } from './schema-errors.js';
import { checkEntries, type RawEntry } from './semantics.js';
import { syntaxProblems } from './yaml-errors.js';
import type { ConfigIssue, LoadedConfig, Place, ScanConfig } from './types.js';

export type { ConfigIssue, LoadedConfig } from './types.js';

/**
 * How many copies of anchored values the `*aliases` of one file may make (the `yaml` library's
 * `maxAliasCount`, counting the aliases inside an aliased value too): far more than a config needs,
 * far fewer than a "billion laughs" file expands to.
 */
export const MAX_ALIAS_COUNT = 100;

export class ConfigError extends Error {
  constructor(readonly issues: ConfigIssue[]) {
    // Each issue on one line that cannot be a workflow command, whatever a file name holds.
    super(issues.map((i) => safeLine(`${i.where}: ${i.key ? `${i.key}: ` : ''}${i.message}`, 2_000)).join('\n'));
    this.name = 'ConfigError';
  }
}

export interface LoadRequest {
  /** Config file path, relative to `cwd` or absolute. */
  path: string;
  /**
   * The file's text when it was read elsewhere (from the base branch on pull_request_target);
   * `null`: there is no such file there.
   */
  text?: string | null;
  /** The path was chosen by the user, so a missing file is an error rather than "no config". */
  pathExplicit: boolean;
  /** The action's `tokens` input: a YAML list of token entries. */
  inlineTokens?: string;
  cwd: string;
  /** Used when neither the token nor the file's `defaults` set it. */
  expiryWarningDays: number;
  /**
   * The leak scan's rule ids, loaded when a `scan.disable-rules` entry needs checking: one not
   * among them is an error (a typo would silently scan).
   */
  knownRules?: readonly string[] | (() => Promise<readonly string[]>);
}

type Validate = (data: unknown) => boolean | Promise<unknown>;
type Validators = { file: Validate; tokenList: Validate };
const validators = new Map<string, Validators>();

/**
 * Compiled on first use. `validateSchema: false` halves the start-up cost; a test checks the schema
 * itself. Only the rules of the providers the config names are compiled — with 36 providers, all of
 * them were most of the start-up — and their own keys (the http provider's request, expect, …) are
 * the costliest part of those.
 */
function compiled(providers: readonly string[]): Validators {
  const kind = providers.join(',');
  const cached = validators.get(kind);
  if (cached) return cached;
  // verbose: errors carry their schema, which lists the keys allowed where an unknown one stands.
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, validateSchema: false });
  ajv.addSchema(configSchema({ settings: providers, only: providers }), 'config');
  const made = { file: ajv.getSchema('config')!, tokenList: ajv.compile({ $ref: 'config#/definitions/tokens' }) };
  validators.set(kind, made);
  return made;
}

/** The validator for a document: with the rules and own keys of each provider its tokens name. */
function validatorFor(which: keyof Validators): (value: unknown) => Validate {
  return (value) => {
    const tokens = Array.isArray(value) ? value : (value as { tokens?: unknown } | null)?.tokens;
    const named = Array.isArray(tokens) ? tokens.map((t: { provider?: unknown } | null) => t?.provider) : [];
    const known = named.filter((id): id is string => typeof id === 'string' && findProvider(id) !== undefined);
    return compiled([...new Set(known)].sort())[which];
  };
}

export async function loadConfig(request: LoadRequest): Promise<LoadedConfig> {
  const absolute = path.resolve(request.cwd, request.path);
  const display = path.relative(request.cwd, absolute).split(path.sep).join('/') || request.path;
  // The path as a label in messages: one line, no control characters (the file name stays exact in `file`).
  const label = oneLine(display, 300) || '(config file)';
  const text =
    request.text !== undefined
      ? absentIfAllowed(request.text, request, display, label)
      : await readFile(absolute, 'utf8').catch((error: NodeJS.ErrnoException) => absentIfAllowed(error.code === 'ENOENT' ? null : error, request, display, label));

  const issues: ConfigIssue[] = [];
  const entries: RawEntry[] = [];
  let defaults: Record<string, unknown> = {};
  let allowedHosts: string[] = [];
  const scan: ScanConfig = { exclude: [], disableRules: [] };
  let mintEntries: { entries: unknown[]; parsed: Parsed } | undefined;
  let file: string | undefined;

  if (text !== undefined) {
    file = display;
    const parsed = parseYaml(text, { label, file: display }, validatorFor('file'), issues);
    if (parsed && typeof parsed.value === 'object' && parsed.value !== null && !Array.isArray(parsed.value)) {
      const value = parsed.value as { defaults?: unknown; tokens?: unknown; 'allowed-hosts'?: unknown; scan?: { exclude?: unknown; 'disable-rules'?: unknown }; mint?: unknown };
      if (Array.isArray(value.mint)) mintEntries = { entries: value.mint, parsed };
      if (value.defaults && typeof value.defaults === 'object' && !Array.isArray(value.defaults)) defaults = value.defaults as Record<string, unknown>;
      if (Array.isArray(value['allowed-hosts'])) allowedHosts = value['allowed-hosts'].map((h) => String(h).toLowerCase());
      if (Array.isArray(value.scan?.exclude)) scan.exclude = value.scan.exclude.filter((g): g is string => typeof g === 'string');
      const disabled = value.scan?.['disable-rules'];
      if (Array.isArray(disabled)) {
        scan.disableRules = disabled.filter((id): id is string => typeof id === 'string');
        const known = typeof request.knownRules === 'function' ? await request.knownRules() : request.knownRules;
        if (known) unknownRules(scan.disableRules, known, parsed, issues);
      }
      if (Array.isArray(value.tokens)) {
        value.tokens.forEach((entry, i) => entries.push(rawEntry(entry, i, parsed, ['tokens', i])));
      }
    }
  }

  if (request.inlineTokens?.trim()) {
    const parsed = parseYaml(request.inlineTokens, { label: 'input tokens' }, validatorFor('tokenList'), issues);
    if (parsed && Array.isArray(parsed.value)) {
      parsed.value.forEach((entry, i) => entries.push(rawEntry(entry, i, parsed, [i])));
    }
  }

  const expiryWarningDays = typeof defaults['expiry-warning-days'] === 'number' ? defaults['expiry-warning-days'] : request.expiryWarningDays;
  const maxLatencyMs = typeof defaults['max-latency-ms'] === 'number' ? defaults['max-latency-ms'] : undefined;
  const maxLifetimeDays = typeof defaults['max-lifetime-days'] === 'number' ? defaults['max-lifetime-days'] : undefined;
  pastedScopes(entries, issues);
  const tokens = checkEntries(entries, { expiryWarningDays, maxLatencyMs, maxLifetimeDays }, issues);
  const mint = mintEntries ? mintSpecs(mintEntries.entries, (keyPath) => mintEntries!.parsed.place(keyPath), new Set(tokens.map((t) => t.name)), issues) : [];
  if (issues.length > 0) throw new ConfigError(inFileOrder(oncePerKey(issues)));
  return { tokens, allowedHosts, scan, mint, file };
}

/** No file: fine at the default path (nothing configured), an error at a path the user chose. */
function absentIfAllowed(text: string | null | NodeJS.ErrnoException, request: LoadRequest, display: string, label: string): string | undefined {
  if (typeof text === 'string') return text;
  if (text === null && !request.pathExplicit) return undefined;
  const why = text === null ? 'no such file' : oneLine(text.message, 300);
  throw new ConfigError([{ where: label, file: display, key: '', message: `cannot read the config file: ${why}` }]);
}

function rawEntry(value: unknown, index: number, parsed: Parsed, keyPath: KeyPath): RawEntry {
  // `request.url`: a key inside a key.
  return { value, key: `tokens[${index}]`, place: (sub) => parsed.place(sub ? [...keyPath, ...sub.split('.')] : keyPath) };
}

/**
 * A scope list holding a token: scopes are printed in every report, so one pasted there would be
 * published with each run.
 */
function pastedScopes(entries: RawEntry[], issues: ConfigIssue[]): void {
  for (const entry of entries) {
    if (!entry.value || typeof entry.value !== 'object') continue;
    for (const key of ['require-scopes', 'allow-scopes'] as const) {
      const list = (entry.value as Record<string, unknown>)[key];
      if (!Array.isArray(list)) continue;
      list.forEach((scope, i) => {
        if (typeof scope === 'string' && mightBeSecret(scope)) {
          issues.push({ ...entry.place(`${key}.${i}`), key: `${entry.key}.${key}[${i}]`, message: `holds what looks like a token value (not shown): ${tokenAdvice(key)}` });
        }
      });
    }
  }
}

function unknownRules(ids: readonly string[], known: readonly string[], parsed: Parsed, issues: ConfigIssue[]): void {
  ids.forEach((id, i) => {
    if (known.includes(id)) return;
    const hint = closest(id, [...known]);
    issues.push({
      ...parsed.place(['scan', 'disable-rules', i]),
      key: `scan.disable-rules[${i}]`,
      message: `no rule is called ${showValue(id)}${hint ? `; did you mean "${hint}"?` : ''} (\`token-preflight rules\` lists them)`,
    });
  });
}

/** One issue per key (the first: the schema's, before the checks that build on it). */
function oncePerKey(issues: ConfigIssue[]): ConfigIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    // Keys that are not shown all read "(key not shown)": each of them is its own issue.
    if (!issue.key || issue.key.includes('(key not shown)')) return true;
    const id = `${issue.file ?? ''}\u0000${issue.where.replace(/:\d+:\d+$/, '')}\u0000${issue.key}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** The file's issues by line and column, then the `tokens` input's. */
function inFileOrder(issues: ConfigIssue[]): ConfigIssue[] {
  const column = (issue: ConfigIssue) => Number(/:(\d+)$/.exec(issue.where)?.[1] ?? 0);
  const rank = (issue: ConfigIssue) => (issue.file !== undefined ? 0 : 1);
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => rank(a.issue) - rank(b.issue) || (a.issue.line ?? 0) - (b.issue.line ?? 0) || column(a.issue) - column(b.issue) || a.i - b.i)
    .map(({ issue }) => issue);
}

interface Parsed {
  value: unknown;
  place(keyPath: KeyPath): Place;
}

function parseYaml(text: string, origin: { label: string; file?: string }, validatorOf: (value: unknown) => Validate, issues: ConfigIssue[]): Parsed | undefined {
  const lineCounter = new LineCounter();
  // prettyErrors off: its code frame would quote the file, and a pasted token with it. stringKeys:
  // a list or a mapping used as a key is an error, not a key made of its text. logLevel: the library
  // must not print warnings of its own (they quote the file) on stderr.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, stringKeys: true, logLevel: 'error' });
  const at = (offset: number | undefined): Place => {
    if (offset === undefined) return { where: origin.label, file: origin.file };
    const { line, col } = lineCounter.linePos(offset);
    return { where: `${origin.label}:${line}:${col}`, file: origin.file, line };
  };
  const yamlErrors = [...doc.errors, ...doc.warnings];
  if (yamlErrors.length > 0) {
    for (const problem of syntaxProblems(yamlErrors, text, lineCounter.lineStarts)) {
      issues.push({ ...at(problem.offset), key: '', message: `not valid YAML: ${problem.message}` });
    }
    return undefined;
  }
  const aliases = aliasProblem(doc);
  if (aliases) {
    issues.push({ ...at(aliases.offset), key: '', message: `not valid YAML: ${aliases.message}` });
    return undefined;
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? (origin.file ? {} : []);
  } catch {
    // Every alias has its anchor (checked above): what is left is the alias limit.
    issues.push({
      ...at(firstAlias(doc)),
      key: '',
      message: `not valid YAML: too many aliases (the *aliases expand past the limit of ${MAX_ALIAS_COUNT} copies of anchored values, as a "billion laughs" file does): write the values out instead of using aliases`,
    });
    return undefined;
  }
  const place = (keyPath: KeyPath) => at(nodeAt(doc, keyPath)?.range?.[0]);
  const validate = validatorOf(value);
  if (!validate(value)) {
    const errors = (validate as unknown as { errors: ErrorObject[] }).errors ?? [];
    for (const problem of schemaProblems(errors, { root: value, displayPrefix: origin.file ? [] : ['tokens'] })) {
      const node = problem.keyOf !== undefined ? (keyNode(doc, problem.keyPath, problem.keyOf) ?? nodeAt(doc, problem.keyPath)) : nodeAt(doc, problem.keyPath);
      issues.push({ ...at(node?.range?.[0]), key: problem.key, message: problem.message });
    }
  }
  return { value, place };
}

/** An alias whose anchor is not defined before it; found in one pass, in the order `yaml` resolves them. */
function aliasProblem(doc: Document): { offset: number | undefined; message: string } | undefined {
  const anchors = new Set<string>();
  let unresolved: Node | undefined;
  visit(doc, {
    Node(_, node) {
      if (isAlias(node)) {
        if (!anchors.has(node.source)) {
          unresolved = node;
          return visit.BREAK;
        }
      } else if (node.anchor) anchors.add(node.anchor);
      return undefined;
    },
  });
  if (!unresolved) return undefined;
  // The alias's name is not quoted: it may be a pasted token.
  return { offset: unresolved.range?.[0], message: 'an alias (*…) refers to no anchor (&…) defined before it: define the anchor first (key: &name value), or write the value instead of the alias' };
}

function firstAlias(doc: Document): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Alias(_, node) {
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  return offset;
}

/** The node at `keyPath`, or the nearest of its parents that is in the document. */
function nodeAt(doc: Document, keyPath: KeyPath): Node | undefined {
  let node = (doc.contents ?? undefined) as Node | undefined;
  for (const part of keyPath) {
    const next = childOf(doc, node, part);
    if (!next) break;
    node = next;
  }
  return node;
}

function childOf(doc: Document, parent: Node | undefined, part: string | number): Node | undefined {
  const node = isAlias(parent) ? (parent.resolve(doc) as Node | undefined) : parent;
  if (isSeq(node)) return /^\d+$/.test(String(part)) ? ((node.items[Number(part)] ?? undefined) as Node | undefined) : undefined;
  if (isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(part));
    return ((pair?.value ?? pair?.key) ?? undefined) as Node | undefined;
  }
  return undefined;
}

function keyNode(doc: Document, keyPath: KeyPath, key: string): Node | undefined {
  const parent = nodeAt(doc, keyPath);
  const map = isAlias(parent) ? parent.resolve(doc) : parent;
  if (!isMap(map)) return undefined;
  const pair = map.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
  return (pair?.key ?? undefined) as Node | undefined;
}
