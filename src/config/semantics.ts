import { baseUrlProblem } from '../http/base-url.js';
import { findProvider, rotatingField } from '../providers/registry.js';
import type { Provider } from '../providers/provider.js';
import { looksLikeToken, showKey, showValue, tokenAdvice } from './echo.js';
import type { ConfigIssue, Place, TokenSpec } from './types.js';

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
  maxLifetimeDays?: number;
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
    if (typeof name === 'string' && !looksLikeToken(name)) {
      const first = seen.get(name);
      if (first) issue('name', `duplicate token name ${showValue(name)} (first declared at ${first.where}); names must be unique`);
      else seen.set(name, entry.place('name'));
    }
    for (const key of ['name', 'environment', 'expect-identity'] as const) {
      if (typeof raw[key] === 'string' && looksLikeToken(raw[key])) issue(key, `holds what looks like a token value (not shown): ${tokenAdvice(key)}`);
    }
    for (const key of ['secret', 'previous-secret'] as const) {
      if (variables(raw[key]).some(looksLikeToken)) issue(key, `holds what looks like a token value (not shown): ${tokenAdvice(key)}`);
    }
    const provider = typeof raw.provider === 'string' ? findProvider(raw.provider) : undefined;
    const secret = provider ? partsOf(raw.secret, provider) : undefined;
    const previous = provider ? partsOf(raw['previous-secret'], provider) : undefined;
    if (secret && previous) {
      const same = Object.keys(previous).find((part) => previous[part] === secret[part]);
      if (same) issue('previous-secret', `names the same variable as "secret" for the part ${showValue(same)}; it must name the variable holding the value this one replaced`);
    }
    if (typeof raw['base-url'] === 'string') {
      const problem = baseUrlProblem(raw['base-url']);
      if (problem) issue('base-url', problem);
    }
    if (provider?.settingsProblems && secret) {
      for (const [key, message] of provider.settingsProblems(raw, Object.keys(secret), showKey)) issue(key, message);
    }

    if (issues.length > before || typeof name !== 'string' || !provider || !secret) continue;
    const place = entry.place();
    specs.push({
      name,
      provider: provider.id,
      secret,
      previousSecret: previous,
      environment: raw.environment as string | undefined,
      requireScopes: raw['require-scopes'] as string[] | undefined,
      allowScopes: raw['allow-scopes'] as string[] | undefined,
      expectIdentity: raw['expect-identity'] as string | undefined,
      expectMode: raw['expect-mode'] as string | undefined,
      optional: raw.optional === true,
      baseUrl: raw['base-url'] as string | undefined,
      expiryWarningDays: (raw['expiry-warning-days'] as number | undefined) ?? defaults.expiryWarningDays,
      maxLatencyMs: (raw['max-latency-ms'] as number | undefined) ?? defaults.maxLatencyMs,
      maxLifetimeDays: (raw['max-lifetime-days'] as number | undefined) ?? defaults.maxLifetimeDays,
      rejectInvalid: raw['reject-invalid'] === true,
      settings: Object.fromEntries(Object.keys(provider.settings?.properties ?? {}).filter((key) => key in raw).map((key) => [key, raw[key]])),
      source: { file: place.file, line: place.line },
    });
  }
  return specs;
}

/** `secret: VARIABLE` or `secret: { part: VARIABLE }` as a map of part → variable. */
function partsOf(value: unknown, provider: Provider): Record<string, string> | undefined {
  if (typeof value === 'string') return { [rotatingField(provider)]: value };
  if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, string>;
  return undefined;
}

function variables(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object' && !Array.isArray(value)) return Object.values(value).filter((v): v is string => typeof v === 'string');
  return [];
}

