import { baseUrlProblem } from '../http/base-url.js';

/**
 * Why a URL from the config cannot receive a credential, or undefined: https, a host named
 * literally (a credential in a host name would reach DNS servers), no user:password, and the same
 * rules as `base-url`. For the generic providers' request, introspection, userinfo and JWKS URLs.
 */
export function credentialUrlProblem(value: string): string | undefined {
  const origin = /^https:\/\/[^/?#]*/.exec(value)?.[0] ?? '';
  if (origin.includes('${')) return 'must name its host literally: a credential in the host name would be sent to DNS servers';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a URL; write e.g. https://api.example.com/v1/me';
  }
  if (url.username || url.password) return 'must not contain credentials: put them in the request with ${…}';
  return baseUrlProblem(`${url.origin}/`);
}

/** The host of a URL the schema and `credentialUrlProblem` accepted. */
export function hostOf(value: string): string {
  return new URL(value).host;
}
