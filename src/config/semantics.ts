import { isIP } from 'node:net';
import { findProvider, PROVIDERS } from '../providers/registry.js';
import type { ConfigIssue, Place } from './load.js';
import type { TokenSpec } from './types.js';

export interface RawEntry {
  value: unknown;
  /** `tokens[3]` */
  key: string;
  /** Where the entry, or one of its keys, stands. */
  place(subKey?: string): Place;
}

interface Defaults {
  expiryWarningDays: number;
  maxLatencyMs?: number;
}

/** The checks a schema cannot express; returns the token specs of the entries that are sound. */
export function checkEntries(entries: RawEntry[], defaults: Defaults, issues: ConfigIssue[]): TokenSpec[] {
  const specs: TokenSpec[] = [];
  const seen = new Map<string, Place>();
  for (const entry of entries) {
    if (!entry.value || typeof entry.value !== 'object' || Array.isArray(entry.value)) continue;
    const raw = entry.value as Record<string, unknown>;
    const issue = (subKey: string, message: string) => issues.push({ ...entry.place(subKey), key: `${entry.key}.${subKey}`, message });
    const before = issues.length;

    const name = raw.name;
    if (typeof name === 'string') {
      const first = seen.get(name);
      if (first) issue('name', `duplicate token name "${name}" (first declared at ${first.where}); names must be unique`);
      else seen.set(name, entry.place('name'));
    }
    for (const key of ['name', 'secret', 'previous-secret', 'environment', 'expect-identity'] as const) {
      if (typeof raw[key] === 'string' && looksLikeToken(raw[key])) issue(key, `holds what looks like a token value (not shown): ${TOKEN_ADVICE}`);
    }
    if (typeof raw.secret === 'string' && raw.secret === raw['previous-secret']) {
      issue('previous-secret', 'names the same variable as "secret"; it must name the variable holding the token this one replaced');
    }
    const provider = typeof raw.provider === 'string' ? findProvider(raw.provider) : undefined;
    if (provider) {
      const unsupported = (key: string, what: string) => issue(key, `the ${provider.id} provider cannot tell a token's ${what}, so "${key}" cannot be checked; remove it`);
      if (raw['expect-identity'] !== undefined && !provider.can.identity) unsupported('expect-identity', 'identity');
      if (raw['expect-mode'] !== undefined && !provider.can.mode) unsupported('expect-mode', 'test or live mode');
      for (const key of ['require-scopes', 'allow-scopes']) if (raw[key] !== undefined && !provider.can.scopes) unsupported(key, 'scopes');
    }
    if (typeof raw['base-url'] === 'string') {
      const problem = baseUrlProblem(raw['base-url']);
      if (problem) issue('base-url', problem);
    }

    if (issues.length > before || typeof name !== 'string' || !provider || typeof raw.secret !== 'string') continue;
    const place = entry.place();
    specs.push({
      name,
      provider: provider.id,
      secret: raw.secret,
      environment: raw.environment as string | undefined,
      requireScopes: raw['require-scopes'] as string[] | undefined,
      allowScopes: raw['allow-scopes'] as string[] | undefined,
      expectIdentity: raw['expect-identity'] as string | undefined,
      expectMode: raw['expect-mode'] as 'test' | 'live' | undefined,
      previousSecret: raw['previous-secret'] as string | undefined,
      optional: raw.optional === true,
      baseUrl: raw['base-url'] as string | undefined,
      expiryWarningDays: (raw['expiry-warning-days'] as number | undefined) ?? defaults.expiryWarningDays,
      maxLatencyMs: (raw['max-latency-ms'] as number | undefined) ?? defaults.maxLatencyMs,
      source: { file: place.file, line: place.line },
    });
  }
  return specs;
}

export const TOKEN_ADVICE =
  'never write tokens into the config. If it is a real token, revoke it now (it is in the repository history), ' +
  'store the new one as a secret, and write the name of its environment variable under "secret"';

export function looksLikeToken(value: string): boolean {
  if (PROVIDERS.some((provider) => provider.looksLikeToken?.(value))) return true;
  // Long, mixed-case and with digits: random-looking, unlike a variable name such as RELEASE_BOT_TOKEN.
  return value.length >= 32 && /[a-z]/.test(value) && /[A-Z]/.test(value) && /\d/.test(value);
}

/**
 * A base-url receives the token, so it must be a plain https URL of a named host: no credentials,
 * no query, and not an address inside the runner's own network (SSRF on self-hosted runners).
 */
export function baseUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a URL; write the API root, e.g. https://ghe.example.com/api/v3';
  }
  if (url.protocol !== 'https:') return 'must use https: the token would otherwise cross the network in clear text';
  if (url.username || url.password) return 'must not contain credentials';
  if (url.search || url.hash) return 'must not contain a query or fragment';
  // `localhost.` (trailing dot) is localhost too.
  const host = url.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || isIP(host) !== 0) {
    return 'must name a host, not an IP address or localhost, so a token is never sent into the runner\'s own network by a config change';
  }
  return undefined;
}
