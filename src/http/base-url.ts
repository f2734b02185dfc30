import { isIP } from 'node:net';

/**
 * Why an API root cannot receive a credential, or undefined when it can: a plain https URL of a
 * named host, with no credentials, query or fragment. Applied to `base-url` and to the runner's
 * GITHUB_API_URL alike. (A name that resolves into a private network is allowed: a GitHub
 * Enterprise Server often lives there, and the config is as trusted as the workflow file.)
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
    return 'must name a host, not an IP address or localhost';
  }
  return undefined;
}

/** `value` as an API root ending in `/` (its path kept, so GHES's /api/v3 stays). */
export function apiRoot(value: string): URL {
  const url = new URL(value);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}
