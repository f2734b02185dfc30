import type { ErrorObject } from 'ajv';
import { findProvider, PROVIDERS } from '../providers/registry.js';
import { keyShown, mightBeSecret, showKey, showValue, tokenAdvice } from './echo.js';
import { oneLine } from '../sanitize.js';

export type KeyPath = Array<string | number>;

/** A schema error in plain words, before it is given its place in the file. */
export interface SchemaProblem {
  /** Path of the value the problem is about, in the validated data. */
  keyPath: KeyPath;
  /** Set when the problem is about a key of the map at `keyPath` rather than its value. */
  keyOf?: string;
  /** The key path shown to the user (`tokens[0].provider`), safe to print. */
  key: string;
  message: string;
}

interface Context {
  /** The validated data. */
  root: unknown;
  /** Prepended to key paths when shown: `['tokens']` for the `tokens` input, which is the list itself. */
  displayPrefix: KeyPath;
}

/**
 * Ajv's errors as one plain problem per key: the expected type in words with an example for the key
 * at hand, the form or range a value must have, the keys allowed where an unknown one stands.
 * Values and keys the user wrote are shown only when shaped like short identifiers (`showValue`,
 * `showKey`): an unknown key or a misplaced value may be a pasted token or a workflow command.
 */
export function schemaProblems(errors: readonly ErrorObject[], context: Context): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of mergeRequired(resolveAnyOf(relevant(errors)))) {
    const problem = describe(error, context);
    // One problem per key: a value of the wrong type fails its pattern, enum and range too.
    const id = `${problem.key}\u0000${problem.keyOf ?? ''}`;
    if (seen.has(id)) continue;
    seen.add(id);
    problems.push(problem);
  }
  return problems;
}

/**
 * `if` only says its `then` failed (the real error is reported too); errors inside `propertyNames`
 * are reported once, by the propertyNames error itself.
 */
function relevant(errors: readonly ErrorObject[]): ErrorObject[] {
  return errors.filter((error) => error.keyword !== 'if' && (error as { propertyName?: string }).propertyName === undefined);
}

/**
 * An `anyOf` fails with the errors of every branch. When exactly the branches for the value's type
 * remain (a number where a status or a list of them goes), that branch's errors are the ones that
 * say what is wrong; otherwise the anyOf error alone says which forms are allowed.
 */
function resolveAnyOf(errors: ErrorObject[]): ErrorObject[] {
  let list = errors;
  const anyOfs = list.filter((error) => error.keyword === 'anyOf').sort((a, b) => b.schemaPath.length - a.schemaPath.length);
  for (const anyOf of anyOfs) {
    const prefix = `${anyOf.schemaPath}/`;
    const inside = list.filter((error) => error.schemaPath.startsWith(prefix));
    const branches = new Map<number, ErrorObject[]>();
    for (const error of inside) {
      const index = Number(error.schemaPath.slice(prefix.length).split('/')[0]);
      branches.set(index, [...(branches.get(index) ?? []), error]);
    }
    const fitting = [...branches.values()]
      .filter((branch) => !branch.some((error) => error.keyword === 'type' && error.instancePath === anyOf.instancePath))
      .sort((a, b) => a.length - b.length);
    const replacement = fitting.length > 0 ? fitting[0]! : [anyOf];
    const at = list.indexOf(anyOf);
    const rest = list.filter((error) => error !== anyOf && !inside.includes(error));
    // Keep the place of the group in the list: problems keep the order of the schema.
    const before = list.slice(0, at).filter((error) => rest.includes(error)).length;
    list = [...rest.slice(0, before), ...replacement, ...rest.slice(before)];
  }
  return list;
}

/** All `required` errors of one object as one. */
function mergeRequired(errors: ErrorObject[]): ErrorObject[] {
  const merged: ErrorObject[] = [];
  const byPath = new Map<string, ErrorObject>();
  for (const error of errors) {
    if (error.keyword !== 'required') {
      merged.push(error);
      continue;
    }
    const id = `${error.instancePath}\u0000${error.schemaPath}`;
    const first = byPath.get(id);
    const missing = String((error.params as { missingProperty?: unknown }).missingProperty);
    if (first) (first.params as { missing: string[] }).missing.push(missing);
    else {
      const copy = { ...error, params: { ...error.params, missing: [missing] } };
      byPath.set(id, copy);
      merged.push(copy);
    }
  }
  return merged;
}

function describe(error: ErrorObject, context: Context): SchemaProblem {
  const keyPath = pathOf(error.instancePath, context.root);
  const key = displayKey([...context.displayPrefix, ...keyPath]);
  const last = keyPath[keyPath.length - 1];
  const params = error.params as Record<string, unknown>;
  const data: unknown = error.data;
  const parent = (error.parentSchema ?? {}) as { properties?: Record<string, unknown>; minimum?: number; maximum?: number };
  const problem = (message: string): SchemaProblem => ({ keyPath, key, message });
  const inSecret = keyPath.includes('secret') || keyPath.includes('previous-secret');
  const secretKey = keyPath.includes('previous-secret') ? 'previous-secret' : 'secret';
  switch (error.keyword) {
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      const allowed = Object.keys(parent.properties ?? {});
      if (mightBeSecret(extra)) {
        return { keyPath, keyOf: extra, key, message: `holds a key that looks like a token (not shown): ${tokenAdvice(inSecret ? secretKey : 'secret')}` };
      }
      const hint = closest(extra, allowed);
      const list = allowed.length ? `; allowed here: ${allowed.join(', ')}` : '';
      if (!keyShown(extra)) return { keyPath, keyOf: extra, key: displayKey([...context.displayPrefix, ...keyPath, extra]), message: `unknown key (not shown: it is not shaped like a key)${list}` };
      return { keyPath, keyOf: extra, key: displayKey([...context.displayPrefix, ...keyPath, extra]), message: `unknown key${hint ? ` (did you mean "${hint}"?)` : ''}${list}` };
    }
    case 'false schema': {
      const provider = providerAt(context.root, keyPath);
      return problem(`the ${provider ?? 'chosen'} provider does not take "${String(last)}"${notTakenBecause(provider, String(last))}; remove it`);
    }
    case 'propertyNames': {
      const part = String(params.propertyName);
      const shownKey = displayKey([...context.displayPrefix, ...keyPath, part]);
      if (mightBeSecret(part)) {
        return { keyPath, keyOf: part, key, message: `holds a key that looks like a token (not shown): ${tokenAdvice(inSecret ? secretKey : 'secret')}` };
      }
      if (last === 'json') {
        return { keyPath, keyOf: part, key: shownKey, message: 'keys under json must be JSON paths that start with "$" (e.g. $.active: true)' };
      }
      if (!inSecret) return { keyPath, keyOf: part, key: shownKey, message: 'is not an allowed key here' };
      const id = providerAt(context.root, keyPath);
      const provider = findProvider(id ?? '');
      const parts = provider && !provider.anyFields ? provider.fields.map((f) => f.id) : [];
      const hint = keyShown(part) ? closest(part, parts) : undefined;
      const known = parts.length ? `; the ${id} credential's parts: ${parts.join(', ')}` : '; write parts in lower case with "-", e.g. access-key-id';
      return { keyPath, keyOf: part, key: shownKey, message: `unknown credential part${hint ? ` (did you mean "${hint}"?)` : ''}${known}` };
    }
    case 'required': {
      const missing = ((params.missing as string[] | undefined) ?? [String(params.missingProperty)]).map((m) => `"${m}"`);
      const list = missing.length === 1 ? missing[0]! : `${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]}`;
      const s = missing.length === 1 ? '' : 's';
      if (last === 'secret') return problem(`misses the credential part${s} ${list}; ${secretExample(providerAt(context.root, keyPath))}`);
      return problem(`missing required key${s} ${list}`);
    }
    case 'type': {
      if (last === 'secret' || last === 'previous-secret') return problem(secretExample(providerAt(context.root, keyPath)));
      const expected = Array.isArray(params.type) ? (params.type as string[]) : String(params.type).split(',');
      return problem(typeMessage(expected, data, keyPath, context.displayPrefix));
    }
    case 'anyOf': {
      const forms = (Array.isArray(error.schema) ? (error.schema as Array<{ type?: string | string[] }>) : []).flatMap((branch) => branch.type ?? []);
      const words = [...new Set(forms.map((type) => TYPE_WORDS[type] ?? type))];
      const example = exampleFor(keyPath);
      return problem(`must be ${words.length ? orList(words) : 'one of the forms the JSON Schema allows here'}, not ${what(data)}${example ? ` (e.g. ${example})` : ''}`);
    }
    case 'minProperties':
      if (last === 'secret' || last === 'previous-secret') return problem(`is an empty map; ${secretExample(providerAt(context.root, keyPath))}`);
      return problem(`must not be empty: write ${parent.properties ? `one of ${orList(Object.keys(parent.properties))}` : 'at least one key'}${exampleSuffix(keyPath)}`);
    case 'maxProperties': {
      const limit = Number(params.limit);
      const keys = parent.properties ? `: ${orList(Object.keys(parent.properties))}` : '';
      return problem(`may hold only ${limit === 1 ? 'one key' : `${limit} keys`}${keys}`);
    }
    case 'minItems': {
      const limit = Number(params.limit);
      return problem(`must list at least ${limit} item${limit === 1 ? '' : 's'}${exampleSuffix(keyPath)}`);
    }
    case 'minLength': {
      const limit = Number(params.limit);
      if (limit <= 1) return problem(`must not be empty: write a value${exampleSuffix(keyPath)}, or remove the key`);
      return problem(`must be at least ${limit} characters long`);
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const range =
        typeof parent.minimum === 'number' && typeof parent.maximum === 'number'
          ? `from ${parent.minimum} to ${parent.maximum}`
          : error.keyword === 'minimum'
            ? `${String(params.limit)} or more`
            : error.keyword === 'maximum'
              ? `${String(params.limit)} or less`
              : `${error.keyword === 'exclusiveMinimum' ? 'more' : 'less'} than ${String(params.limit)}`;
      return problem(`must be ${range}${exampleSuffix(keyPath)}`);
    }
    case 'const':
      return problem(`must be ${JSON.stringify(params.allowedValue)}`);
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      if (typeof data === 'string' && mightBeSecret(data)) return problem(`holds what looks like a token (not shown): ${tokenAdvice(String(last))}`);
      if (last === 'provider') {
        const hint = typeof data === 'string' && keyShown(data) ? closest(data, allowed) : undefined;
        return problem(`unknown provider ${showValue(data)}${hint ? ` (did you mean "${hint}"?)` : ''}; known providers: ${allowed.join(', ')}`);
      }
      return problem(`must be one of: ${allowed.join(', ')}`);
    }
    case 'pattern':
      return problem(patternMessage(keyPath, String(params.pattern), data, context.root, (error.parentSchema as { description?: unknown } | undefined)?.description));
    default:
      return problem(`does not have the expected form (see the JSON Schema: ${error.keyword})`);
  }
}

/** The path of an Ajv instancePath in the data: list indexes as numbers, map keys as strings. */
function pathOf(instancePath: string, root: unknown): KeyPath {
  let value = root;
  return instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => {
      const step = Array.isArray(value) ? Number(part) : part;
      value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[step] : undefined;
      return step;
    });
}

/** `tokens[1].require-scopes`, with each key shown only when it is shaped like a key. */
export function displayKey(keyPath: KeyPath): string {
  return keyPath.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? showKey(part) : `.${showKey(part)}`)).join('');
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value)',
  null: 'empty',
};

/** What a value is, in the words of TYPE_WORDS. */
function what(data: unknown): string {
  if (data === null || data === undefined) return 'empty';
  if (Array.isArray(data)) return 'a list';
  switch (typeof data) {
    case 'string':
      return 'text';
    case 'number':
      return Number.isInteger(data) ? 'a whole number' : 'a number with a fraction';
    case 'boolean':
      return 'true or false';
    default:
      return 'a mapping';
  }
}

function orList(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** A value for each key of the config, as written after `key: ` in an example. */
const EXAMPLES: Record<string, string> = {
  version: '1',
  name: 'release-bot',
  provider: 'github',
  secret: 'RELEASE_BOT_TOKEN',
  'previous-secret': 'OLD_RELEASE_BOT_TOKEN',
  environment: 'production',
  'require-scopes': '[repo]',
  'allow-scopes': '[repo, read:org]',
  'expect-identity': 'acme-release-bot',
  'expect-mode': 'live',
  optional: 'true',
  'reject-invalid': 'true',
  'base-url': 'https://ghe.example.com/api/v3',
  'expiry-warning-days': '14',
  'max-latency-ms': '2000',
  'max-lifetime-days': '90',
  'allowed-hosts': '[api.example.com]',
  defaults: '{ expiry-warning-days: 14 }',
  request: '{ url: https://api.example.com/v1/me, auth: { bearer: "${token}" } }',
  url: 'https://api.example.com/v1/me',
  method: 'GET',
  auth: '{ bearer: "${token}" }',
  bearer: '"${token}"',
  basic: '{ username: "${user}", password: "${password}" }',
  username: '"${user}"',
  password: '"${password}"',
  value: '"${token}"',
  headers: '{ Accept: application/json }',
  query: '{ page: "1" }',
  form: '{ scope: read }',
  expect: '{ status: 200 }',
  when: '{ status: 401 }',
  status: '200',
  body: 'ok',
  json: '{ $.active: true }',
  outcomes: '[{ when: { status: 401 }, result: invalid }]',
  result: 'invalid',
  message: 'the key was revoked',
  mode: 'live',
  note: 'read-only key',
  extract: '{ identity: $.login }',
  identity: '$.login',
  kind: 'personal access token',
  scopes: '$.scopes',
  expires: '$.expires_at',
  from: '$.login',
  split: '","',
  notes: '[{ label: plan, from: $.plan }]',
  label: 'plan',
  ratelimit: '{ remaining: x-ratelimit-remaining }',
  limit: 'x-ratelimit-limit',
  remaining: 'x-ratelimit-remaining',
  reset: 'x-ratelimit-reset',
  format: 'date',
  exists: 'true',
};

/** One item of each list of the config, as written after `- `. */
const ITEM_EXAMPLES: Record<string, string> = {
  'require-scopes': 'repo',
  'allow-scopes': 'read:org',
  'allowed-hosts': 'api.example.com',
  status: '200',
  tokens: 'name: release-bot',
  outcomes: 'when: { status: 401 }',
  notes: 'label: plan',
};

/** `optional: true`, `- repo`: an example of the value at `keyPath`, if there is one. */
function exampleFor(keyPath: KeyPath): string | undefined {
  const last = keyPath[keyPath.length - 1];
  if (typeof last === 'number') {
    const list = keyPath[keyPath.length - 2];
    const item = typeof list === 'string' ? ITEM_EXAMPLES[list] : undefined;
    return item ? `- ${item}` : undefined;
  }
  if (typeof last !== 'string' || !Object.hasOwn(EXAMPLES, last)) return undefined;
  return `${last}: ${EXAMPLES[last]}`;
}

function exampleSuffix(keyPath: KeyPath): string {
  const example = exampleFor(keyPath);
  return example ? ` (e.g. ${example})` : '';
}

/** The expected type in words, what was found instead, and what to write. */
function typeMessage(expected: string[], data: unknown, keyPath: KeyPath, displayPrefix: KeyPath): string {
  const last = keyPath[keyPath.length - 1];
  const got = what(data);
  const example = exampleFor(keyPath);
  const isEntry = [...displayPrefix, ...keyPath].length === 2 && typeof last === 'number';
  if (expected.length === 1) {
    switch (expected[0]) {
      case 'boolean':
        return `must be true or false, not ${got}: use \`true\` or \`false\`, without quotes${example ? ` (${example})` : ''}`;
      case 'array':
        if (last === 'tokens' || (keyPath.length === 0 && displayPrefix[0] === 'tokens')) {
          return `must be a list of token entries, not ${got}: start each entry with "- " (e.g. - name: release-bot, then provider: and secret: on the lines below it, indented like name)`;
        }
        return `must be a list, not ${got}: write \`${example ?? `${typeof last === 'string' ? last : 'key'}: [item]`}\`, or put each item on a line of its own that starts with "- "`;
      case 'integer':
      case 'number':
        return `must be ${TYPE_WORDS[expected[0]]} written in digits, without quotes, not ${got}${example ? ` (e.g. ${example})` : ''}`;
      case 'string':
        if (typeof data === 'number' || typeof data === 'boolean') {
          return `must be text, not ${got}: put it in quotes${typeof last === 'string' && keyShown(last) ? ` (${last}: "${String(data)}")` : ''}`;
        }
        return `must be text, not ${got}${example ? ` (e.g. ${example})` : ''}`;
      case 'object':
        if (keyPath.length === 0 && displayPrefix.length === 0) {
          return `the file must be a mapping of keys to values (version: 1, then tokens: with the token entries below it), not ${got}`;
        }
        if (isEntry) {
          return `each token entry must be a mapping of keys to values, not ${got}: write "- name: release-bot", then provider: and secret: on the lines below it, indented like name`;
        }
        return `must be a mapping of keys to values, not ${got}${example ? ` (e.g. ${example})` : ''}`;
    }
  }
  return `must be ${orList(expected.map((type) => TYPE_WORDS[type] ?? type))}, not ${got}${example ? ` (e.g. ${example})` : ''}`;
}

/** The provider named by the token entry that `keyPath` points into. */
function providerAt(root: unknown, keyPath: KeyPath): string | undefined {
  const index = keyPath.findIndex((part) => typeof part === 'number');
  if (index < 0) return undefined;
  let entry = root;
  for (const part of keyPath.slice(0, index + 1)) entry = entry !== null && typeof entry === 'object' ? (entry as Record<string | number, unknown>)[part] : undefined;
  const value = entry !== null && typeof entry === 'object' ? (entry as { provider?: unknown }).provider : undefined;
  return typeof value === 'string' && findProvider(value) ? value : undefined;
}

function notTakenBecause(providerId: string | undefined, key: string): string {
  const provider = findProvider(providerId ?? '');
  if (!provider) return '';
  if (key === 'base-url') return ' (it has no self-hosted form)';
  if (key === 'expect-mode') return ' (its credentials have no modes)';
  if (key === 'require-scopes' || key === 'allow-scopes') return " (it cannot tell a credential's scopes)";
  if (key === 'expect-identity') return ' (it cannot tell whose a credential is)';
  const owners = PROVIDERS.filter((p) => p.settings?.properties[key] !== undefined).map((p) => p.id);
  return owners.length ? ` (it is a key of the ${owners.join(', ')} provider${owners.length === 1 ? '' : 's'})` : '';
}

/** How to write `secret` for a provider: one variable, or a map of its parts. */
export function secretExample(providerId: string | undefined): string {
  const provider = findProvider(providerId ?? '');
  if (!provider || provider.fields.length < 2) return 'write the name of the environment variable that holds the token, e.g. secret: RELEASE_BOT_TOKEN';
  const example = provider.fields
    .filter((field) => !field.optional)
    .map((field) => `${field.id}: ${provider.id.toUpperCase()}_${field.id.toUpperCase().replace(/-/g, '_')}`)
    .join(', ');
  return `the ${provider.id} credential has ${provider.fields.length} parts: write secret: { ${example} } with the names of the variables that hold them`;
}

function patternMessage(keyPath: KeyPath, pattern: string, data: unknown, root: unknown, description?: unknown): string {
  const key = keyPath[keyPath.length - 1];
  const inSecret = keyPath.includes('secret') || keyPath.includes('previous-secret');
  if (inSecret) {
    const message = 'must be the name of an environment variable (letters, digits and "_", not starting with a digit), e.g. RELEASE_BOT_TOKEN — not the token itself';
    if (typeof data === 'string' && mightBeSecret(data)) {
      return `${message}; this looks like a token (not shown): ${tokenAdvice(keyPath.includes('previous-secret') ? 'previous-secret' : 'secret')}`;
    }
    return message;
  }
  if (typeof data === 'string' && mightBeSecret(data)) return `holds what looks like a token (not shown): ${tokenAdvice(typeof key === 'string' ? key : 'secret')}`;
  if (key === 'name' && keyPath.length <= 3 && !keyPath.includes('auth')) return 'must start with a letter or digit and hold only letters, digits, ".", "_" and "-"';
  if (key === 'url') return 'must be an absolute https:// URL: a credential never travels in clear text';
  if (keyPath.includes('allowed-hosts')) return 'must be a host name (api.example.com) or an IP address, without scheme or path';
  if (pattern.includes('header:')) return 'must say where in the answer to read it: a JSON path that starts with "$" (e.g. $.login) or header:name (e.g. header:x-oauth-scopes)';
  if (keyPath.includes('auth') && key === 'name') return 'must be an HTTP header name: letters, digits and "-" (e.g. X-Api-Key)';
  if (key === 'expect-mode') {
    const provider = providerAt(root, keyPath);
    const modes = provider ? findProvider(provider)?.modes : undefined;
    const expected = modes && 'pattern' in modes ? `; write ${modes.description}` : '';
    return `is not a mode ${provider ? `the ${provider} provider has` : 'of the provider'}${expected}`;
  }
  // A provider's own key says what it holds (`shop`: "the shop's domain, acme.myshopify.com").
  return typeof description === 'string' && description ? `does not have the expected form: ${oneLine(description, 200)}` : 'does not have the expected form (see the JSON Schema)';
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
  if (Math.abs(a.length - b.length) > 8) return Infinity;
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
