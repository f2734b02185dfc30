import { ProblemError } from '../check/problems.js';
import type { Credential, HttpRequest, SignableRequest } from './types.js';

/** A request ready for the wire, and every form in which a secret stands in it. */
export interface ComposedRequest extends SignableRequest {
  /** Encoded and derived forms of the secrets (base64 of `user:pass`, URL-encoded values, …). */
  derivedSecrets: string[];
}

export interface Bindings {
  credential: Credential;
  /** Non-secret values a template may name (a site, an account id from the config, …). */
  vars?: Readonly<Record<string, string>>;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const PLACEHOLDER = /\$\{([A-Za-z][\w-]*)\}/g;
const HEADER_SAFE = /^[\t\x20-\x7e]*$/;

/**
 * Puts the credential where the request says: substitutes `${field}` templates (URL-encoded in the
 * URL, form-encoded in a form, JSON-escaped in JSON), adds the auth header or parameter, and
 * refuses a value that cannot travel where it is placed. The base URL's path is kept.
 */
export function composeRequest(request: HttpRequest, base: URL, bindings: Bindings): ComposedRequest {
  const derived = new Set<string>();
  const secrets = new Set(Object.values(bindings.credential).filter(Boolean));
  const fill = (template: string, encode: (value: string) => string = (v) => v) =>
    template.replace(PLACEHOLDER, (_, name: string) => {
      const value = lookup(name, bindings);
      const encoded = encode(value);
      if (secrets.has(value) && encoded !== value) derived.add(encoded);
      return encoded;
    });

  // Absolute or relative is read from the template: a filled-in value such as a Telegram bot token
  // (`bot123:AA…`) must not turn a path into a URL of another scheme.
  const url = resolveUrl(fill(request.url, encodePathValue), base, SCHEME.test(request.url));
  for (const [name, value] of Object.entries(request.query ?? {})) url.searchParams.append(name, fill(value));
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = headerValue(name, fill(value), bindings);

  const auth = request.auth;
  if (auth && 'bearer' in auth) headers.authorization = headerValue('authorization', `Bearer ${fill(auth.bearer)}`, bindings);
  else if (auth && 'basic' in auth) {
    const encode = auth.basic.encode === 'form' ? formEncode : undefined;
    const pair = `${fill(auth.basic.username, encode)}:${fill(auth.basic.password, encode)}`;
    headerValue('authorization', pair, bindings);
    const encoded = Buffer.from(pair, 'utf8').toString('base64');
    derived.add(encoded);
    headers.authorization = `Basic ${encoded}`;
  } else if (auth && 'header' in auth) headers[auth.header.name.toLowerCase()] = headerValue(auth.header.name, fill(auth.header.value), bindings);
  else if (auth && 'query' in auth) url.searchParams.append(auth.query.name, fill(auth.query.value));

  let body: string | undefined;
  if (request.form) {
    const form = new URLSearchParams();
    for (const [name, value] of Object.entries(request.form)) form.append(name, fill(value));
    body = form.toString();
    headers['content-type'] ??= 'application/x-www-form-urlencoded';
    for (const value of form.values()) if (secrets.has(value)) derived.add(formEncode(value));
  } else if (request.json !== undefined) {
    body = JSON.stringify(mapStrings(request.json, (s) => fill(s)));
    headers['content-type'] ??= 'application/json';
    for (const secret of secrets) {
      const escaped = JSON.stringify(secret).slice(1, -1);
      if (escaped !== secret) derived.add(escaped);
    }
  }
  // The query string as it goes on the wire (URLSearchParams encodes with `+` for spaces).
  for (const value of url.searchParams.values()) {
    if (!secrets.has(value)) continue;
    derived.add(new URLSearchParams({ v: value }).toString().slice(2));
    derived.add(encodeURIComponent(value));
  }
  return { method: request.method ?? 'GET', url, headers, body, derivedSecrets: [...derived].filter((form) => !secrets.has(form)) };
}

/** `path` under `base` (its path kept), or an absolute URL. */
export function resolveUrl(path: string, base: URL, absolute = SCHEME.test(path)): URL {
  if (absolute) return new URL(path);
  const [pathname = '', query] = splitOnce(path, '?');
  const url = new URL(base.href);
  url.pathname = `${base.pathname.replace(/\/+$/, '')}/${pathname.replace(/^\/+/, '')}`;
  url.search = query === undefined ? '' : `?${query}`;
  url.hash = '';
  return url;
}

function lookup(name: string, bindings: Bindings): string {
  const value = bindings.credential[name] ?? bindings.vars?.[name];
  if (value === undefined) throw new ProblemError('unexpected-response', `the request names \${${name}}, which is neither a part of the credential nor a setting`);
  return value;
}

/** A header value must be printable ASCII: a line break would split the request, and non-ASCII is refused by servers. */
function headerValue(name: string, value: string, bindings: Bindings): string {
  if (HEADER_SAFE.test(value)) return value;
  const field = Object.entries(bindings.credential).find(([, secret]) => secret && value.includes(secret))?.[0];
  const what = field ? `the credential's "${field}"` : `the value of header ${name}`;
  throw new ProblemError(
    'invalid',
    `${what} holds line breaks, control or non-ASCII characters (a multi-line or mis-pasted secret?), so it cannot travel in an HTTP header; it was not sent`,
  );
}

/** In a path, a value is one segment: `/` and `?` in it must not change where the request goes. */
/** application/x-www-form-urlencoded, as a form's value is sent. */
function formEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}

/** One path segment: `/`, `?`, `#` and `%` encoded; `:` and `@` kept, as RFC 3986 allows (a Telegram bot token holds a `:`). */
function encodePathValue(value: string): string {
  return encodeURIComponent(value).replace(/%3A/gi, ':').replace(/%40/gi, '@');
}

function mapStrings(value: unknown, map: (s: string) => string): unknown {
  if (typeof value === 'string') return map(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, map));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, map)]));
  return value;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
