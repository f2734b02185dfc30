// Response shapes from GitHub's REST docs:
// - GET /user: https://docs.github.com/en/rest/users/users#get-the-authenticated-user
// - GET /installation/repositories: https://docs.github.com/en/rest/apps/installations#list-repositories-accessible-to-the-app-installation
// - Rate-limit headers: https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api
// - X-OAuth-Scopes: https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps
// - GitHub-Authentication-Token-Expiration: both forms as GitHub sends them, `2024-06-01 00:00:00 UTC` and
//   `2027-03-31 00:00:00 +0900` (trufflesecurity/trufflehog pkg/analyzer/analyzers/github/common/github.go parses both)
import { base62Crc32 } from '../../src/providers/checksum.js';

export const USER = {
  login: 'octocat',
  id: 1,
  node_id: 'MDQ6VXNlcjE=',
  type: 'User',
  site_admin: false,
  name: 'monalisa octocat',
  html_url: 'https://github.com/octocat',
};

export const BAD_CREDENTIALS = {
  message: 'Bad credentials',
  documentation_url: 'https://docs.github.com/rest',
  status: '401',
};

export const NOT_ACCESSIBLE = {
  message: 'Resource not accessible by integration',
  documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
  status: '403',
};

export const INSTALLATION_REPOSITORIES = {
  total_count: 2,
  repository_selection: 'selected',
  repositories: [{ id: 1296269, name: 'Hello-World', full_name: 'acme/Hello-World', owner: { login: 'acme', type: 'Organization' } }],
};

export function rateHeaders(remaining = 4999, limit = 5000): Record<string, string> {
  return {
    'x-ratelimit-limit': String(limit),
    'x-ratelimit-remaining': String(remaining),
    'x-ratelimit-used': String(limit - remaining),
    'x-ratelimit-reset': '1798761600',
    'x-ratelimit-resource': 'core',
  };
}

/** A checksum-valid token of the given prefix whose random part starts with `marker`. */
export function githubToken(prefix: string, marker = 'SENTINEL'): string {
  const random = (marker + 'abcdefghijklmnopqrstuvwxyz0123456789').slice(0, 30);
  return `${prefix}${random}${base62Crc32(random)}`;
}
