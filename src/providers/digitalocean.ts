import { ProblemError } from '../check/problems.js';
import { dataProvider, type DataProvider } from './declarative.js';

// The account: GET /v2/account (digitalocean/openapi specification/resources/account/account_get.yml:
// custom-scoped tokens need `account:read`); errors `{ id, message }` (specification/shared/
// responses/*.yml); ratelimit-limit/-remaining/-reset (epoch seconds) in specification/shared/
// headers.yml. Scopes and expiry of a token are not exposed by the API. Formats: dop_v1_ (personal
// access token), doo_v1_ (OAuth access token), dor_v1_ (OAuth refresh token), each with 64 hex.

/** The `account` model's examples (specification/resources/account/models/account.yml). */
const ACCOUNT = {
  droplet_limit: 25,
  floating_ip_limit: 5,
  email: 'sammy@digitalocean.com',
  name: 'Sammy the Shark',
  uuid: 'b6fr89dbf6d9156cace5f3c78dc9851d957381ef',
  email_verified: true,
  status: 'active',
  status_message: ' ',
  team: { uuid: '5df3e3004a17e242b7c20ca6c9fc25b701a47ece', name: 'My Team' },
};
const RATE = { 'ratelimit-limit': '5000', 'ratelimit-remaining': '4816', 'ratelimit-reset': '1444931833' };
const SPEC = 'digitalocean/openapi specification';

const accountCheck = dataProvider({
  id: 'digitalocean',
  title: 'DigitalOcean',
  ping: '`GET /v2/account`',
  fields: [{ id: 'token', description: 'a personal access token (dop_v1_…) or OAuth access token (doo_v1_…)', rotates: true }],
  hosts: ['api.digitalocean.com'],
  apiRoot: 'https://api.digitalocean.com/',
  can: { identity: true, scopes: false, expiry: false, mode: false, verifiesLeaks: true },
  formats: [/^do[opr]_v1_[0-9a-f]{64}$/],
  http: {
    request: { url: 'https://api.digitalocean.com/v2/account', auth: { bearer: '${token}' }, headers: { accept: 'application/json' } },
    expect: { status: 200, json: { '$.account.uuid': { exists: true } } },
    outcomes: [
      { when: { status: 200, json: { '$.account.status': 'locked' } }, result: 'invalid', message: 'DigitalOcean says the account is locked' },
      { when: { status: 200, json: { '$.account.status': 'warning', '$.account.uuid': { exists: true } } }, result: 'valid', note: 'DigitalOcean flags the account (status "warning")' },
      { when: { status: 401 }, result: 'invalid', message: 'DigitalOcean refused the token (401 unauthorized): it is unknown, revoked or expired (DigitalOcean does not say which)' },
      // The documented 403: an authenticated token without the scope the call needs (account:read).
      { when: { status: 403, json: { '$.id': ['forbidden', 'Forbidden'] } }, result: 'valid', note: 'a custom-scoped token without account:read: DigitalOcean accepts it, but it cannot read the account' },
      { when: { status: 403 }, result: 'unexpected' },
    ],
    extract: { kind: 'personal access or OAuth token', identity: '$.account.email', notes: [{ label: 'team', from: '$.account.team.name' }] },
    ratelimit: { limit: 'ratelimit-limit', remaining: 'ratelimit-remaining', reset: 'ratelimit-reset', format: 'epoch-seconds' },
  },
  examples: [
    {
      name: 'a working token in a team context',
      source: `${SPEC}/resources/account/models/account.yml (examples) and shared/headers.yml (ratelimit-* examples)`,
      credential: { token: `dop_v1_${'0123456789abcdef'.repeat(4)}` },
      response: { status: 200, headers: RATE, body: { account: ACCOUNT } },
      verdict: { outcome: 'valid', facts: { kind: 'personal access token', identity: 'sammy@digitalocean.com', notes: ['team: My Team'], rateLimit: { limit: 5000, remaining: 4816, resetAt: '2015-10-15T17:57:13.000Z' } } },
    },
    {
      name: 'a locked account',
      source: `${SPEC}/resources/account/models/account.yml (status: active, warning or locked)`,
      response: { status: 200, body: { account: { ...ACCOUNT, status: 'locked', status_message: 'Your account has been locked.' } } },
      verdict: { outcome: 'rejected', code: 'invalid' },
    },
    {
      name: 'a custom-scoped token without account:read',
      source: `${SPEC}/shared/responses/forbidden.yml (example) and resources/account/account_get.yml (scope account:read)`,
      credential: { token: `doo_v1_${'0123456789abcdef'.repeat(4)}` },
      response: { status: 403, headers: RATE, body: { id: 'forbidden', message: 'You do not have permission to perform this action.' } },
      verdict: { outcome: 'valid', facts: { kind: 'OAuth access token', notes: ['a custom-scoped token without account:read: DigitalOcean accepts it, but it cannot read the account'] } },
    },
    {
      name: 'an unknown, revoked or expired token',
      source: `${SPEC}/shared/responses/unauthorized.yml (example)`,
      response: { status: 401, headers: RATE, body: { id: 'unauthorized', message: 'Unable to authenticate you.' } },
      verdict: { outcome: 'rejected', code: 'invalid' },
    },
    {
      name: 'the API rate limit exceeded',
      source: `${SPEC}/shared/responses/too_many_requests.yml (example)`,
      response: { status: 429, headers: { ...RATE, 'ratelimit-remaining': '0' }, body: { id: 'too_many_requests', message: 'API rate limit exceeded.' } },
      verdict: { outcome: 'unknown', code: 'rate-limited' },
    },
    {
      name: 'a 403 page that is not the API answering',
      source: 'hand-written: an HTML 403 (a proxy, a firewall) is not a verdict on the token',
      response: { status: 403, headers: { 'content-type': 'text/html' }, body: '<html>Access denied</html>' },
      verdict: { outcome: 'unknown', code: 'unexpected-response' },
    },
    {
      name: 'a refresh token is not sent',
      source: 'docs.digitalocean.com/reference/api/oauth-api (a refresh token is redeemed by the refresh grant, which replaces it)',
      credential: { token: `dor_v1_${'0123456789abcdef'.repeat(4)}` },
      responses: [],
      verdict: { outcome: 'unknown', code: 'unexpected-response' },
    },
  ],
});

const KINDS: Array<[string, string]> = [
  ['dop_v1_', 'personal access token'],
  ['doo_v1_', 'OAuth access token'],
];

/** The data check, except that a refresh token is never sent, and the kind is read from the prefix. */
export const digitalocean: DataProvider = {
  ...accountCheck,
  async check(credential, ctx) {
    const token = credential.token!;
    if (token.startsWith('dor_v1_')) {
      throw new ProblemError('unexpected-response', 'this is an OAuth refresh token (dor_v1_): only the refresh grant would check it, and that replaces it, so it was not sent. Check the doo_v1_ access token it yields');
    }
    const verdict = await accountCheck.check(credential, ctx);
    const kind = KINDS.find(([prefix]) => token.startsWith(prefix))?.[1];
    return verdict.outcome === 'valid' && kind ? { ...verdict, facts: { ...verdict.facts, kind } } : verdict;
  },
};
