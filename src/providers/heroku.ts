import { dataProvider } from './declarative.js';

// The account: GET /account with the version 3 Accept header (devcenter.heroku.com/articles/
// platform-api-reference#account-info; the `account` example of heroku/platform-api schema.json).
// Rate limits: the RateLimit-Remaining header (devcenter.heroku.com/articles/platform-api-reference
// #rate-limits). Errors are `{ id, message }`; a 401 is `unauthorized`. Never POST /apps, which
// creates an app. Scopes and expiry of OAuth authorizations are not read: only by listing every
// authorization of the account, tokens included.

/** The `account` example of heroku/platform-api schema.json (definitions.account), trimmed. */
const ACCOUNT = {
  allow_tracking: true,
  beta: false,
  created_at: '2012-01-01T12:00:00Z',
  email: 'username@example.com',
  federated: false,
  id: '01234567-89ab-cdef-0123-456789abcdef',
  identity_provider: null,
  last_login: '2012-01-01T12:00:00Z',
  name: 'Tina Edmonds',
  sms_number: '+1 ***-***-1234',
  suspended_at: null,
  delinquent_at: null,
  two_factor_authentication: false,
  updated_at: '2012-01-01T12:00:00Z',
  verified: false,
};

export const heroku = dataProvider({
  id: 'heroku',
  title: 'Heroku',
  ping: '`GET /account`',
  fields: [{ id: 'token', description: 'an API key or OAuth token (HRKU-…, as `heroku auth:token` prints it)', rotates: true }],
  hosts: ['api.heroku.com'],
  apiRoot: 'https://api.heroku.com/',
  can: { identity: true, scopes: false, expiry: false, mode: false, verifiesLeaks: true },
  // gitleaks heroku-api-key-v2; legacy UUID keys are left out: too plain to be recognized.
  formats: [/^HRKU-AA[0-9A-Za-z_-]{58}$/],
  http: {
    request: { url: 'https://api.heroku.com/account', auth: { bearer: '${token}' }, headers: { accept: 'application/vnd.heroku+json; version=3' } },
    expect: { status: 200, json: { '$.id': { exists: true }, '$.email': { exists: true } } },
    outcomes: [
      { when: { status: 401 }, result: 'invalid', message: 'Heroku refused the token (401 unauthorized): it is unknown, revoked or expired (Heroku does not say which)' },
      // A 403 (two-factor required, a suspended account …) says something of the account, not that the token is unknown.
      { when: { status: 403 }, result: 'unexpected' },
    ],
    extract: {
      kind: 'API key or OAuth token',
      identity: '$.email',
      notes: [
        { label: 'name', from: '$.name' },
        { label: 'account suspended at', from: '$.suspended_at' },
        { label: 'account delinquent since', from: '$.delinquent_at' },
      ],
    },
    ratelimit: { remaining: 'ratelimit-remaining' },
  },
  examples: [
    {
      name: 'a working token',
      source: 'heroku/platform-api schema.json (definitions.account examples, trimmed); RateLimit-Remaining as the Platform API reference describes it',
      response: { status: 200, headers: { 'ratelimit-remaining': '4499' }, body: ACCOUNT },
      verdict: { outcome: 'valid', facts: { identity: 'username@example.com', notes: ['name: Tina Edmonds'], rateLimit: { remaining: 4499 } } },
    },
    {
      name: 'a suspended account is noted',
      source: 'heroku/platform-api schema.json (definitions.account.suspended_at example)',
      response: { status: 200, body: { ...ACCOUNT, suspended_at: '2012-01-01T12:00:00Z' } },
      verdict: { outcome: 'valid', facts: { notes: ['name: Tina Edmonds', 'account suspended at: 2012-01-01T12:00:00Z'] } },
    },
    {
      name: 'an unknown, revoked or expired token',
      source: 'the 401 Heroku answers bad credentials with, as recorded in a public client spec ({"id":"unauthorized","message":"Invalid credentials provided."})',
      response: { status: 401, body: { id: 'unauthorized', message: 'Invalid credentials provided.' } },
      verdict: { outcome: 'rejected', code: 'invalid' },
    },
    {
      name: 'a 403 is not a verdict on the token',
      source: 'hand-written after the Platform API errors ({ id, message }, id "forbidden")',
      response: { status: 403, body: { id: 'forbidden', message: 'You do not have access to this resource.' } },
      verdict: { outcome: 'unknown', code: 'unexpected-response' },
    },
  ],
});
