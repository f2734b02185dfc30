import { ProblemError } from '../check/problems.js';
import { oneLine } from '../sanitize.js';
import type { SettingsTarget } from './provider.js';
import { credentialUrlProblem } from './url-setting.js';

// The one URL setting of the generic OAuth providers (introspection-url, userinfo-url, jwks-url):
// unlike the `http` provider's request URL it is never a template — the credential travels in
// the form or a header, so a `${…}` in the URL could only move it somewhere it must not go.

export const HTTPS_URL = { type: 'string', pattern: '^https://' } as const;

/** Why this URL setting cannot be used, or undefined. */
export function endpointProblem(value: string): string | undefined {
  if (value.includes('${')) return 'must be a plain URL, without ${…}: the credential is placed by the provider, never in the URL';
  // credentialUrlProblem's advice (`${…}` in the request) is for the http provider; here there is none.
  if (/^https:\/\/[^/?#]*@/.test(value)) return 'must not contain credentials (user:password@): the provider sends its credential parts itself';
  return credentialUrlProblem(value);
}

/** `[key, message]` when the setting is a string that cannot be used. */
export function endpointProblems(settings: Readonly<Record<string, unknown>>, key: string): Array<[string, string]> {
  const value = settings[key];
  const problem = typeof value === 'string' ? endpointProblem(value) : undefined;
  return problem ? [[key, problem]] : [];
}

/** The URL's host as the only one the session may reach; none when the setting is absent or unusable. */
export function endpointTarget(value: unknown): SettingsTarget {
  if (typeof value !== 'string' || endpointProblem(value)) return { hosts: [] };
  const url = new URL(value);
  return { hosts: [url.host], base: `${url.origin}/` };
}

/** The setting as the check uses it: refused again here, in case the config was not validated. */
export function endpointUrl(settings: Readonly<Record<string, unknown>>, key: string): string {
  const value = settings[key];
  if (typeof value !== 'string') throw new ProblemError('unexpected-response', `${key} is not set; the credential was not sent`);
  const problem = endpointProblem(value);
  if (problem) throw new ProblemError('unexpected-response', `${key} ${problem}; the credential was not sent`);
  return value;
}

/** A string setting, or undefined. */
export function stringSetting(settings: Readonly<Record<string, unknown>>, key: string): string | undefined {
  const value = settings[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A claim or field from a provider's answer, made one safe line; undefined unless a non-empty string. */
export function text(value: unknown, max = 200): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? oneLine(value, max) : undefined;
}

/** `aud`: one string or a list of strings (RFC 7519 §4.1.3, RFC 7662 §2.2). */
export function audiences(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((a): a is string => typeof a === 'string' && a !== '');
}

/** Scopes as a space-separated string (RFC 7662 §2.2, RFC 9068 `scope`) or a list (`scp`, `roles`); undefined when neither. */
export function scopeList(value: unknown): string[] | undefined {
  const list: unknown[] | undefined = typeof value === 'string' ? value.split(' ') : Array.isArray(value) ? value : undefined;
  return list?.flatMap((scope) => text(scope, 100) ?? []);
}

/** The `issuer: …` and `audience: …` notes of a token's claims or introspection answer. */
export function issuerNotes(claims: Record<string, unknown>): string[] {
  const issuer = text(claims.iss);
  const aud = audiences(claims.aud).flatMap((a) => text(a) ?? []);
  return [...(issuer ? [`issuer: ${issuer}`] : []), ...(aud.length ? [`audience: ${aud.join(', ')}`] : [])];
}
