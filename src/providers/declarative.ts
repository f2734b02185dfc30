import { ProblemError } from '../check/problems.js';
import type { Auth, HttpRequest, HttpResponse, ProviderHttp, Throttling } from '../http/types.js';
import { oneLine } from '../sanitize.js';
import { fromEpochMillis, fromEpochSeconds, jsonPath, type ResetFormat, parseDate, providerMessage, rateLimitFrom, rejected, tryJson, valid } from './kit.js';
import type { Example, Provider, TokenFacts, Verdict } from './provider.js';

/**
 * A check that is one HTTP request whose answer maps onto a verdict by status, JSON fields and
 * headers: most providers are this, as data, in the very form users write for the generic `http`
 * provider (docs/contract.md, "The http provider").
 */
export interface HttpCheck {
  /** The request, its credential placed by `auth` or by `${part}` templates (no signer: data cannot sign). */
  request: Omit<HttpRequest, 'auth'> & { auth?: Exclude<Auth, { signer: unknown }> };
  /** The answer of a working credential. */
  expect?: Matcher;
  /** Checked first, in order: the provider's own dialect (Slack's 200 `ok:false`, Twilio's error codes …). */
  outcomes?: OutcomeRule[];
  extract?: Extract;
  ratelimit?: { limit?: string; remaining?: string; reset?: string; format?: ResetFormat };
}

/** JSON values: a scalar to equal, a list of allowed values, or `{ exists: true|false }`. */
export type JsonCondition = string | number | boolean | null | Array<string | number | boolean | null> | { exists: boolean };

export interface Matcher {
  status?: number | number[];
  json?: Record<string, JsonCondition>;
  /** Lower-case header name → exact value (or `{ exists }`). */
  headers?: Record<string, string | { exists: boolean }>;
  /** The body contains this text. */
  body?: string;
}

export type Outcome = 'valid' | 'invalid' | 'revoked' | 'expired' | 'throttled' | 'unexpected';

export interface OutcomeRule {
  when: Matcher;
  result: Outcome;
  /** Shown to the user; the provider's own error message is appended. */
  message?: string;
  /** A fact this answer establishes (Twilio's 403/20008 means test credentials). */
  mode?: string;
  note?: string;
}

/** Where a fact is read: `$.json.path`, or `header:name`. */
export type Source = string | { from: string; split?: string; map?: Record<string, string>; format?: 'date' | 'epoch-seconds' | 'epoch-millis' };

export interface Extract {
  identity?: Source;
  kind?: string;
  scopes?: Source;
  expires?: Source;
  mode?: Source;
  notes?: Array<{ label: string; from: Source }>;
}

/** The throttling signal of a check: any outcome rule whose result is `throttled`, plus its reset header. */
export function throttlingOf(check: HttpCheck): Throttling {
  const rules = (check.outcomes ?? []).filter((rule) => rule.result === 'throttled');
  return {
    isThrottled: rules.length ? (res) => rules.some((rule) => matches(rule.when, res)) : undefined,
    retryDelayMs: check.ratelimit?.reset
      ? (res, now) => {
          const reset = rateLimitFrom(res, { reset: check.ratelimit!.reset, resetFormat: check.ratelimit!.format }, now)?.resetAt;
          return reset ? Math.max(0, Date.parse(reset) - now) : undefined;
        }
      : undefined,
  };
}

/** Sends the check's request and reads the answer. `title` names the provider in messages. */
export async function runHttpCheck(check: HttpCheck, http: ProviderHttp, title: string): Promise<Verdict> {
  const res = await http.send(check.request);
  return judge(check, res, title);
}

export function judge(check: HttpCheck, res: HttpResponse, title: string): Verdict {
  const said = providerMessage(res);
  const withSaid = (text: string) => (said && !text.includes(said) ? `${text}: ${said}` : text);
  for (const rule of check.outcomes ?? []) {
    if (!matches(rule.when, res)) continue;
    const message = withSaid(rule.message ?? defaultMessage(rule.result, title, res));
    switch (rule.result) {
      case 'valid': {
        const facts = factsOf(check, res);
        if (rule.mode !== undefined) facts.mode = rule.mode;
        if (rule.note) facts.notes = [...(facts.notes ?? []), rule.note];
        return valid(facts, res);
      }
      case 'invalid':
      case 'revoked':
      case 'expired':
        return rejected(rule.result, message, res);
      case 'throttled':
        throw new ProblemError('rate-limited', message);
      case 'unexpected':
        throw new ProblemError('unexpected-response', message);
    }
  }
  const expected = check.expect ?? { status: [200, 201, 202, 203, 204] };
  if (matches(expected, res)) return valid(factsOf(check, res), res);
  if (res.status === 401 || res.status === 403) return rejected('invalid', withSaid(defaultMessage('invalid', title, res)), res);
  throw new ProblemError('unexpected-response', withSaid(`${res.host} answered HTTP ${res.status}, which does not meet expect (${mismatch(expected, res)})`));
}

function defaultMessage(result: Outcome, title: string, res: HttpResponse): string {
  switch (result) {
    case 'invalid':
      return `${title} refused the credential (HTTP ${res.status})`;
    case 'revoked':
      return `${title} says the credential was revoked (HTTP ${res.status})`;
    case 'expired':
      return `${title} says the credential has expired (HTTP ${res.status})`;
    case 'throttled':
      return `${res.host} throttled the call (HTTP ${res.status})`;
    default:
      return `${res.host} answered HTTP ${res.status}`;
  }
}

export function matches(matcher: Matcher, res: HttpResponse): boolean {
  return mismatch(matcher, res) === undefined;
}

/** Why an answer does not meet a matcher, in words; undefined when it does. */
export function mismatch(matcher: Matcher, res: HttpResponse): string | undefined {
  if (matcher.status !== undefined) {
    const allowed = Array.isArray(matcher.status) ? matcher.status : [matcher.status];
    if (!allowed.includes(res.status)) return `status ${res.status}, expected ${allowed.join(' or ')}`;
  }
  for (const [name, condition] of Object.entries(matcher.headers ?? {})) {
    const value = res.headers[name.toLowerCase()];
    if (typeof condition === 'object' ? (value !== undefined) !== condition.exists : value !== condition) {
      return `header ${name} ${value === undefined ? 'is absent' : 'differs'}`;
    }
  }
  if (matcher.body !== undefined && !res.body.includes(matcher.body)) return 'the body lacks the expected text';
  if (matcher.json) {
    const body = tryJson(res.body);
    if (body === undefined) return 'the body is not JSON';
    for (const [path, condition] of Object.entries(matcher.json)) {
      const value = jsonPath(body, path);
      if (!meets(value, condition)) return `${path} is ${describeValue(value)}, expected ${describeCondition(condition)}`;
    }
  }
  return undefined;
}

function meets(value: unknown, condition: JsonCondition): boolean {
  if (condition !== null && typeof condition === 'object' && !Array.isArray(condition)) return (value !== undefined && value !== null) === condition.exists;
  if (Array.isArray(condition)) return condition.some((c) => c === value);
  return value === condition;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'absent';
  return oneLine(JSON.stringify(value) ?? String(value), 60);
}

function describeCondition(condition: JsonCondition): string {
  if (condition !== null && typeof condition === 'object' && !Array.isArray(condition)) return condition.exists ? 'present' : 'absent';
  return Array.isArray(condition) ? `one of ${condition.map((c) => JSON.stringify(c)).join(', ')}` : JSON.stringify(condition);
}

function factsOf(check: HttpCheck, res: HttpResponse): TokenFacts {
  const extract = check.extract ?? {};
  const body = tryJson(res.body);
  const read = (source: Source | undefined) => (source === undefined ? undefined : readSource(source, body, res));
  const facts: TokenFacts = {};
  if (extract.kind) facts.kind = extract.kind;
  const identity = read(extract.identity);
  if (typeof identity === 'string' && identity) facts.identity = oneLine(identity, 200);
  const scopes = read(extract.scopes);
  if (Array.isArray(scopes)) facts.scopes = scopes.filter((s): s is string => typeof s === 'string' && s !== '').map((s) => oneLine(s, 100));
  const mode = read(extract.mode);
  if (typeof mode === 'string' && mode) facts.mode = mode;
  if (extract.expires !== undefined) {
    const expires = read(extract.expires);
    // A field that is present and null means "never"; absent means the provider did not say.
    if (expires === null) facts.expiresAt = null;
    else if (expires instanceof Date) facts.expiresAt = expires;
  }
  const notes = (extract.notes ?? []).flatMap(({ label, from }) => {
    const value = read(from);
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? [`${label}: ${oneLine(String(value), 100)}`] : [];
  });
  if (notes.length) facts.notes = notes;
  if (check.ratelimit) {
    const { format, ...names } = check.ratelimit;
    facts.rateLimit = rateLimitFrom(res, { ...names, resetFormat: format });
  }
  return facts;
}

/** A fact from the body or a header, transformed as the source says. */
function readSource(source: Source, body: unknown, res: HttpResponse): unknown {
  const spec = typeof source === 'string' ? { from: source } : source;
  let value: unknown = spec.from.startsWith('header:') ? res.headers[spec.from.slice(7).trim().toLowerCase()] : jsonPath(body, spec.from);
  if (value === undefined) return undefined;
  if (spec.split !== undefined && typeof value === 'string') value = value.split(spec.split).map((s) => s.trim()).filter(Boolean);
  if (spec.map) {
    const key = typeof value === 'string' ? value : JSON.stringify(value);
    value = Object.hasOwn(spec.map, key) ? spec.map[key] : undefined;
  }
  if (spec.format && value !== null) {
    if (spec.format === 'date') value = typeof value === 'string' ? parseDate(value) : undefined;
    else if (spec.format === 'epoch-seconds') value = fromEpochSeconds(value);
    else value = fromEpochMillis(value);
  }
  return value;
}

export interface DataProviderDefinition extends Omit<Provider, 'check' | 'throttling'> {
  http: HttpCheck;
  examples: readonly Example[];
}

export type DataProvider = Provider & { readonly http: HttpCheck; readonly examples: readonly Example[] };

export type { Example };

/** A provider that is one declarative HTTP check. */
export function dataProvider(definition: DataProviderDefinition): DataProvider {
  const name = definition.title.replace(/ \(.*$/, '');
  return {
    ...definition,
    throttling: throttlingOf(definition.http),
    check: (_credential, ctx) => runHttpCheck(definition.http, ctx.http, name),
  };
}
