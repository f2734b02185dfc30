import { ProblemError, type ProblemCode } from '../check/problems.js';
import type { HttpResponse } from '../http/types.js';
import { oneLine } from '../sanitize.js';
import type { RateLimit, RejectionCode, TokenFacts, Verdict } from './provider.js';

// Helpers every provider shares: verdict and problem builders, JSON with a clear error, header,
// date and rate-limit parsing that refuse what they cannot read instead of guessing.

export function valid(facts: TokenFacts, res: HttpResponse): Verdict {
  return { outcome: 'valid', facts, latencyMs: res.latencyMs };
}

export function rejected(code: RejectionCode, message: string, res: HttpResponse): Verdict {
  return { outcome: 'rejected', code, message, latencyMs: res.latencyMs };
}

/** An answer that says nothing certain about the credential. */
export function problemFrom(code: ProblemCode, message: string): ProblemError {
  return new ProblemError(code, message);
}

export function malformed(res: HttpResponse, what: string, why: string): ProblemError {
  return new ProblemError('unexpected-response', `${res.host} answered HTTP ${res.status} to ${what}, but ${why}`);
}

/** "api.x.com answered HTTP 404: Not Found" — the provider's own words, made one safe line. */
export function unexpected(res: HttpResponse, extra = ''): ProblemError {
  const said = providerMessage(res);
  return new ProblemError('unexpected-response', `${res.host} answered HTTP ${res.status}${said ? `: ${said}` : ''}${extra}`);
}

/** The body as a JSON object, or a clear `unexpected-response`. */
export function jsonObject(res: HttpResponse, what: string): Record<string, unknown> {
  const value = tryJson(res.body);
  if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  throw malformed(res, what, 'its body is not a JSON object');
}

export function tryJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The human message of an error body (`message`, `error.message`, `error_description`, `error`), one safe line. */
export function providerMessage(res: HttpResponse, max = 200): string {
  const body = tryJson(res.body) as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object') return '';
  const error = body.error as Record<string, unknown> | string | undefined;
  const candidates = [body.message, typeof error === 'object' && error ? error.message : undefined, body.error_description, typeof error === 'string' ? error : undefined];
  const text = candidates.find((c): c is string => typeof c === 'string' && c.trim() !== '');
  return text ? oneLine(text, max) : '';
}

/**
 * A value at a JSONPath-like path: `$.a.b`, `$.a[0].b`, `$.a[*].b` (collects), `$['odd key']`.
 * Undefined when any step is missing.
 */
export function jsonPath(value: unknown, path: string): unknown {
  const steps = parsePath(path);
  if (!steps) return undefined;
  let current: unknown[] = [value];
  let many = false;
  for (const step of steps) {
    const next: unknown[] = [];
    for (const item of current) {
      if (step === '*') {
        if (Array.isArray(item)) next.push(...item);
        many = true;
      } else if (typeof step === 'number') {
        if (Array.isArray(item) && step < item.length) next.push(item[step]);
      } else if (item && typeof item === 'object' && !Array.isArray(item) && Object.hasOwn(item, step)) {
        next.push((item as Record<string, unknown>)[step]);
      }
    }
    current = next;
  }
  return many ? current : current[0];
}

export function parsePath(path: string): Array<string | number> | undefined {
  if (!path.startsWith('$')) return undefined;
  const steps: Array<string | number> = [];
  const re = /\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[\*\]|\.\*|\['([^']*)'\]|\["([^"]*)"\]/y;
  re.lastIndex = 1;
  while (re.lastIndex < path.length) {
    const m = re.exec(path);
    if (!m) return undefined;
    if (m[1] !== undefined) steps.push(m[1]);
    else if (m[2] !== undefined) steps.push(Number(m[2]));
    else if (m[3] !== undefined || m[4] !== undefined) steps.push((m[3] ?? m[4])!);
    else steps.push('*');
  }
  return steps;
}

const MAX_TIME = Date.UTC(9999, 11, 31, 23, 59, 59);

/** A real date between 1970 and 9999, or undefined. */
function realDate(ms: number): Date | undefined {
  return Number.isFinite(ms) && ms >= 0 && ms <= MAX_TIME ? new Date(ms) : undefined;
}

/** Epoch seconds (as a header or JSON number gives them) → Date; undefined when unusable. */
export function fromEpochSeconds(value: unknown): Date | undefined {
  const n = typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : typeof value === 'number' ? value : NaN;
  return n > 0 ? realDate(n * 1000) : undefined;
}

export function fromEpochMillis(value: unknown): Date | undefined {
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : typeof value === 'number' ? value : NaN;
  return n > 0 ? realDate(n) : undefined;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?\s*(Z|z|UTC|GMT|[+-]\d{2}:?\d{2})?$/;

/**
 * An ISO 8601 / RFC 3339 date-time (or a date, read as midnight UTC), also with a space before the
 * time and `UTC` or `+0900` as the zone. Impossible dates (Feb 30, hour 24, a +25:00 offset) are
 * refused, never rolled over into another date.
 */
export function parseDate(text: string): Date | undefined {
  const m = DATE.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day, hour = 0, minute = 0, second = 0] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((p) => (p === undefined ? undefined : Number(p)));
  if (month! < 1 || month! > 12 || day! < 1 || day! > daysIn(year!, month!)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  let offsetMinutes = 0;
  const zone = m[8];
  if (zone && /^[+-]/.test(zone)) {
    const digits = zone.replace(':', '');
    const oh = Number(digits.slice(1, 3));
    const om = Number(digits.slice(3, 5));
    if (oh > 14 || om > 59) return undefined;
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (oh * 60 + om);
  }
  const ms = Date.UTC(year!, month! - 1, day!, hour, minute, second, Math.round(Number(m[7] ?? 0) * 1000)) - offsetMinutes * 60_000;
  return realDate(ms);
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A whole number from a header; undefined when absent or not a plain non-negative integer. */
export function headerNumber(res: HttpResponse, name: string): number | undefined {
  const value = res.headers[name]?.trim();
  return value !== undefined && /^\d{1,15}$/.test(value) ? Number(value) : undefined;
}

/** How a rate-limit reset header counts: a Unix time in seconds (the default) or milliseconds, seconds from now, an HTTP date. */
export type ResetFormat = 'epoch-seconds' | 'epoch-millis' | 'seconds-left' | 'date';

/** Rate limit from the provider's own header names; unusable values are left out, never fatal. */
export function rateLimitFrom(
  res: HttpResponse,
  names: { limit?: string; remaining?: string; reset?: string; resetFormat?: ResetFormat },
  now = Date.now(),
): RateLimit | undefined {
  const limit = names.limit ? headerNumber(res, names.limit) : undefined;
  const remaining = names.remaining ? headerNumber(res, names.remaining) : undefined;
  let resetAt: Date | undefined;
  const reset = names.reset ? res.headers[names.reset] : undefined;
  if (reset !== undefined) {
    if (names.resetFormat === 'seconds-left') resetAt = /^\d{1,9}$/.test(reset.trim()) ? realDate(now + Number(reset) * 1000) : undefined;
    else if (names.resetFormat === 'date') resetAt = parseDate(reset);
    else if (names.resetFormat === 'epoch-millis') resetAt = fromEpochMillis(reset);
    else resetAt = fromEpochSeconds(reset);
  }
  if (limit === undefined && remaining === undefined && resetAt === undefined) return undefined;
  return { limit, remaining, resetAt: resetAt?.toISOString() };
}

/**
 * `expandScopes` for a provider whose broad scopes include narrower ones (`implied`: scope → the
 * scopes it includes), followed through every level: GitHub's `admin:org` includes `write:org`,
 * which includes `read:org`.
 */
export function impliedScopes(implied: Readonly<Record<string, readonly string[]>>): (scopes: readonly string[]) => Set<string> {
  return (scopes) => {
    const all = new Set<string>();
    const add = (scope: string) => {
      if (all.has(scope)) return;
      all.add(scope);
      (Object.hasOwn(implied, scope) ? implied[scope]! : []).forEach(add);
    };
    scopes.forEach(add);
    return all;
  };
}
