import { dataProvider } from './declarative.js';

// The current user: GET /api/v1/user (open-api.netlify.com, operation getCurrentUser; its `user`
// definition in netlify/open-api swagger.yml). Rate limits and the X-RateLimit-* headers (reset in
// epoch seconds): docs.netlify.com/api-and-cli-guides/api-guides/get-started-with-api/#rate-limiting.
// Personal access tokens act with the whole account (no scopes) and their expiry is not readable.

/** A user with the fields of netlify/open-api swagger.yml `definitions.user`; values hand-written. */
const USER = {
  id: '5a1b2c3d4e5f60718293a4b5',
  uid: 'ujfkd7',
  full_name: 'Jane Smith',
  avatar_url: 'https://avatars.example.com/jane.png',
  email: 'jane@example.com',
  affiliate_id: '',
  site_count: 3,
  created_at: '2021-04-01T12:00:00.000Z',
  last_login: '2026-11-01T08:30:00.000Z',
  login_providers: ['github', 'email'],
  onboarding_progress: { slides: 'completed' },
};

export const netlify = dataProvider({
  id: 'netlify',
  title: 'Netlify',
  ping: '`GET /api/v1/user`',
  fields: [{ id: 'token', description: 'a personal access token (nfp_…) or OAuth access token', rotates: true }],
  hosts: ['api.netlify.com'],
  apiRoot: 'https://api.netlify.com/',
  can: { identity: true, scopes: false, expiry: false, mode: false, verifiesLeaks: true },
  // Body lengths as scanners read them: 36 (trufflehog netlify v2) or 40 (docker/portcullis rules.go).
  // Legacy unprefixed tokens are left out: too plain to be recognized.
  formats: [/^nfp_[A-Za-z0-9_]{36}(?:[A-Za-z0-9_]{4})?$/],
  http: {
    request: { url: 'https://api.netlify.com/api/v1/user', auth: { bearer: '${token}' }, headers: { accept: 'application/json' } },
    expect: { status: 200, json: { '$.id': { exists: true } } },
    outcomes: [
      { when: { status: 401 }, result: 'invalid', message: 'Netlify refused the token (401): it is unknown, revoked or expired (Netlify does not say which)' },
      // Netlify answers a bad token with 401; a 403 (a firewall, a blocked account) is not a verdict on the token.
      { when: { status: 403 }, result: 'unexpected' },
    ],
    extract: { kind: 'access token', identity: '$.email', notes: [{ label: 'name', from: '$.full_name' }] },
    ratelimit: { limit: 'x-ratelimit-limit', remaining: 'x-ratelimit-remaining', reset: 'x-ratelimit-reset', format: 'epoch-seconds' },
  },
  examples: [
    {
      name: 'a working token',
      source: 'fields of netlify/open-api swagger.yml definitions.user (values hand-written); X-RateLimit headers as Netlify\'s API guide shows them (limit 500, reset in epoch seconds)',
      response: { status: 200, headers: { 'x-ratelimit-limit': '500', 'x-ratelimit-remaining': '499', 'x-ratelimit-reset': '1893456000' }, body: USER },
      verdict: { outcome: 'valid', facts: { identity: 'jane@example.com', notes: ['name: Jane Smith'], rateLimit: { limit: 500, remaining: 499, resetAt: '2030-01-01T00:00:00.000Z' } } },
    },
    {
      name: 'an unknown, revoked or expired token',
      source: 'hand-written body after netlify/open-api swagger.yml definitions.error ({ code, message })',
      response: { status: 401, body: { code: 401, message: 'Access Denied: your token is invalid' } },
      verdict: { outcome: 'rejected', code: 'invalid' },
    },
    {
      name: 'a 401 with an empty body',
      source: 'netlify/cli#622 (a 401 whose body is empty: "Unexpected end of JSON input")',
      response: { status: 401, body: '' },
      verdict: { outcome: 'rejected', code: 'invalid' },
    },
    {
      name: 'a 403 is not a verdict on the token',
      source: 'hand-written: an HTML 403 of a firewall in front of the API',
      response: { status: 403, headers: { 'content-type': 'text/html' }, body: '<html>Access denied</html>' },
      verdict: { outcome: 'unknown', code: 'unexpected-response' },
    },
  ],
});
