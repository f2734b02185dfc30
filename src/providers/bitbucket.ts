import { ProblemError } from '../check/problems.js';
import type { HttpResponse } from '../http/types.js';
import { oneLine } from '../sanitize.js';
import { API_TOKEN, checksumHint } from './atlassian.js';
import { impliedScopes, jsonObject, malformed, providerMessage, rateLimitFrom, rejected, tryJson, unexpected, valid } from './kit.js';
import type { Purpose, Provider, TokenFacts, Verdict } from './provider.js';

// GET /2.0/user: developer.atlassian.com/cloud/bitbucket/rest/api-group-users/ ("Get current user").
// Credentials: developer.atlassian.com/cloud/bitbucket/rest/intro/#authentication — access tokens
// (repository, project, workspace) as Bearer, API tokens as Basic with the Atlassian account email,
// app passwords as Basic with the Bitbucket username (support.atlassian.com/bitbucket-cloud/docs/
// app-passwords/: no longer usable from 2026-06-09). An access token is no user: /2.0/user answers it
// 403 with its `x-credential-type` and `x-oauth-scopes` headers (trufflesecurity/trufflehog
// pkg/analyzer/analyzers/bitbucket, avivsinai/bitbucket-cli GetTokenInfo). Scopes:
// developer.atlassian.com/cloud/bitbucket/bitbucket-cloud-rest-api-scopes/ and
// support.atlassian.com/bitbucket-cloud/docs/app-password-permissions/. Token shapes (ATBB…,
// ATCTT… ending in the CRC-32 of the rest as 8 hex digits): checked on public samples.
//
// Formats: app passwords and access tokens only. An API token (ATATT…) is the Atlassian account's,
// for every product: its format is the atlassian provider's, and a found one cannot be verified by
// either (it needs the account's email); configured here with the email as username, it is checked
// here. An access token's ATCTT… shape is also that of Atlassian organization admin API keys
// (trufflesecurity/trufflehog pkg/detectors/atlassian/v2), which Bitbucket does not know: a found
// one that Bitbucket refuses is therefore left unverified, not called inactive.

const APP_PASSWORD = /^ATBB[A-Za-z0-9]{24}[0-9A-F]{8}$/;
const ACCESS_TOKEN = /^ATCTT3[A-Za-z0-9_-]{100,400}=[0-9A-F]{8}$/;

const KINDS: Record<string, string> = {
  repo_access_token: 'repository access token',
  project_access_token: 'project access token',
  workspace_access_token: 'workspace access token',
  api_token: 'API token',
  app_password: 'app password',
};

/** What the scopes page says one scope includes ("This scope implies repository", "Read access (repository) … is also granted"). */
const IMPLIED: Record<string, string[]> = { 'repository:write': ['repository'], project: ['repository'] };

/** Recorded GET /2.0/user (a sample response kept in logonlabs' idpx OAuth2ClientForBitbucket.cs), names replaced. */
const USER = {
  username: 'example-dev',
  display_name: 'Example Developer',
  has_2fa_enabled: null,
  links: { self: { href: 'https://api.bitbucket.org/2.0/users/%7B768f8c62-7f2a-4914-bf33-3f412fc1d3a4%7D' } },
  nickname: 'Example Developer',
  account_id: '5c65cab48bcc9e016aeece31',
  created_on: '2019-02-19T10:36:46.361566-08:00',
  is_staff: false,
  account_status: 'active',
  type: 'user',
  uuid: '{768f8c62-7f2a-4914-bf33-3f412fc1d3a4}',
};
const SCOPE_REFUSAL = 'Your credentials lack one or more required privilege scopes.';
/** Real-shaped fakes whose checksums hold. */
const FAKE_API_TOKEN = `ATATT3xFfGF0${'x'.repeat(171)}=EE0DB28D`;
const FAKE_ACCESS_TOKEN = `ATCTT3xFfGN0${'x'.repeat(171)}=A083DB15`;
const FAKE_APP_PASSWORD = `ATBB${'x'.repeat(24)}8F5DD7EB`;

export const bitbucket: Provider = {
  id: 'bitbucket',
  title: 'Bitbucket Cloud',
  ping: '`GET /2.0/user`',
  fields: [
    { id: 'token', description: 'an access token (ATCTT…, sent as Bearer), or the Atlassian API token (ATATT…) or app password of the username part', rotates: true },
    { id: 'username', description: 'for an API token the Atlassian account email, for an app password the Bitbucket username (HTTP Basic)', identifier: true, optional: true },
  ],
  hosts: ['api.bitbucket.org'],
  apiRoot: 'https://api.bitbucket.org/',
  can: { identity: true, scopes: true, expiry: false, mode: false, verifiesLeaks: true },
  formats: [APP_PASSWORD, ACCESS_TOKEN],

  async check(credential, ctx) {
    const token = credential.token!;
    const basic = credential.username !== undefined;
    // Sent as Bearer, these would be refused whatever they are worth: they need their username.
    if (!basic && (APP_PASSWORD.test(token) || API_TOKEN.test(token))) {
      const what = APP_PASSWORD.test(token) ? 'an app password, which needs its Bitbucket username' : 'an API token, which needs its Atlassian account email';
      throw new ProblemError(ctx.purpose === 'leak' ? 'unexpected-response' : 'missing-secret', `the token is ${what} (the username part of secret); it was not sent`);
    }
    const res = await ctx.http.send({
      url: '2.0/user',
      auth: basic ? { basic: { username: '${username}', password: '${token}' } } : { bearer: '${token}' },
      headers: { accept: 'application/json' },
    });
    if (res.status === 200) return fromUser(res, credential.username);
    if (res.status === 401) return refused(token, basic, res, ctx.purpose);
    if (res.status === 403) return forbidden(res);
    throw unexpected(res);
  },

  expandScopes: impliedScopes(IMPLIED),

  examples: [
    {
      name: 'an API token with the Atlassian account email',
      source: 'GET /2.0/user as recorded in logonlabs idpx OAuth2ClientForBitbucket.cs (sample response, names replaced); x-oauth-scopes and x-credential-type as trufflehog reads them (pkg/analyzer/analyzers/bitbucket)',
      credential: { username: 'dev@example.com', token: FAKE_API_TOKEN },
      responses: [{ path: '/2.0/user', status: 200, headers: { 'x-oauth-scopes': 'read:user:bitbucket, read:repository:bitbucket', 'x-credential-type': 'api_token' }, body: USER }],
      verdict: { outcome: 'valid', facts: { identity: 'example-dev', kind: 'API token', scopes: ['read:user:bitbucket', 'read:repository:bitbucket'] } },
    },
    {
      name: 'a repository access token, which is no user',
      source: 'avivsinai/bitbucket-cli GetTokenInfo ("For access tokens (Bearer auth) it returns 403, but the headers still contain scope and credential type data"); body as Bitbucket words a scope refusal; headers hand-assembled',
      responses: [
        {
          path: '/2.0/user',
          status: 403,
          headers: { 'x-credential-type': 'repo_access_token', 'x-oauth-scopes': 'pullrequest, repository' },
          body: { type: 'error', error: { message: SCOPE_REFUSAL } },
        },
      ],
      verdict: { outcome: 'valid', facts: { kind: 'repository access token', scopes: ['pullrequest', 'repository'] } },
    },
    {
      name: 'an API token without the scope to read its user',
      source: 'Bitbucket 403 body as recorded in public client tests ({"type":"error","error":{"message":"Your credentials lack one or more required privilege scopes.","detail":{"granted":[…],"required":[…]}}})',
      credential: { username: 'dev@example.com', token: FAKE_API_TOKEN },
      responses: [
        {
          path: '/2.0/user',
          status: 403,
          body: { type: 'error', error: { message: SCOPE_REFUSAL, detail: { granted: ['read:repository:bitbucket'], required: ['read:user:bitbucket'] } } },
        },
      ],
      verdict: { outcome: 'valid', facts: { scopes: ['read:repository:bitbucket'] } },
    },
    {
      name: 'a refused access token',
      source: 'Bitbucket 401 body as quoted in community.developer.atlassian.com "API Tokens at Account Level Not Working"',
      responses: [{ path: '/2.0/user', status: 401, body: { type: 'error', error: { message: 'Token is invalid, expired, or not supported for this endpoint.' } } }],
      verdict: { outcome: 'rejected', code: 'invalid' },
    },
    {
      name: 'a refused username and password',
      source: 'support.atlassian.com KB "Getting 401 HTTP error when using Bitbucket Cloud API" (WWW-Authenticate: Basic realm="Bitbucket.org HTTP"); empty body hand-written',
      credential: { username: 'example-dev', token: FAKE_APP_PASSWORD },
      responses: [{ path: '/2.0/user', status: 401, headers: { 'www-authenticate': 'Basic realm="Bitbucket.org HTTP"', 'content-type': 'text/plain' }, body: '' }],
      verdict: { outcome: 'rejected', code: 'invalid' },
    },
    {
      name: 'a found access token that Bitbucket refuses: it may be an Atlassian organization admin API key',
      source: 'the 401 body above; the shared ATCTT… shape per trufflesecurity/trufflehog pkg/detectors/atlassian/v2 (admin API keys verified at api.atlassian.com)',
      purpose: 'leak',
      credential: { token: FAKE_ACCESS_TOKEN },
      responses: [{ path: '/2.0/user', status: 401, body: { type: 'error', error: { message: 'Token is invalid, expired, or not supported for this endpoint.' } } }],
      verdict: { outcome: 'unknown', code: 'unexpected-response' },
    },
    {
      name: 'a 403 that names no credential',
      source: 'hand-written: a refusal without the credential headers or the scope message proves nothing about the token',
      responses: [{ path: '/2.0/user', status: 403, headers: { 'content-type': 'text/html' }, body: '<html>Forbidden</html>' }],
      verdict: { outcome: 'unknown', code: 'unexpected-response' },
    },
  ],
};

function fromUser(res: HttpResponse, username: string | undefined): Verdict {
  const user = jsonObject(res, 'GET /2.0/user') as { username?: unknown; nickname?: unknown; display_name?: unknown; uuid?: unknown };
  if (typeof user.uuid !== 'string') throw malformed(res, 'GET /2.0/user', 'it has no user "uuid"');
  const facts = factsOf(res);
  // The username part is masked wherever it shows: name the account otherwise then.
  const names = [user.username, user.nickname, user.display_name].filter((n): n is string => typeof n === 'string' && n !== '' && n !== username);
  if (names[0]) facts.identity = oneLine(names[0], 100);
  return valid(facts, res);
}

/** A 403 from Bitbucket comes after it knew the credential: an access token (no user), or a scope it lacks. */
function forbidden(res: HttpResponse): Verdict {
  const body = tryJson(res.body) as { error?: { message?: unknown; detail?: { granted?: unknown } } } | undefined;
  const lacksScope = typeof body?.error?.message === 'string' && body.error.message.includes('lack one or more required privilege scopes');
  if (res.headers['x-credential-type'] === undefined && !lacksScope) throw unexpected(res);
  const facts = factsOf(res);
  const granted = body?.error?.detail?.granted;
  if (!facts.scopes && Array.isArray(granted)) facts.scopes = granted.filter((s): s is string => typeof s === 'string').map((s) => oneLine(s, 100));
  facts.notes = ['it may not read GET /2.0/user, so Bitbucket names no user'];
  return valid(facts, res);
}

function factsOf(res: HttpResponse): TokenFacts {
  const type = res.headers['x-credential-type'];
  const facts: TokenFacts = { rateLimit: rateLimitFrom(res, { limit: 'x-ratelimit-limit' }) };
  if (type) facts.kind = KINDS[type] ?? `credential of type ${oneLine(type, 40)}`;
  const scopes = res.headers['x-oauth-scopes'];
  if (scopes !== undefined) facts.scopes = scopes.split(',').map((s) => oneLine(s, 100)).filter(Boolean);
  return facts;
}

function refused(token: string, basic: boolean, res: HttpResponse, purpose: Purpose): Verdict {
  const said = providerMessage(res);
  const hint = checksumHint(token, [APP_PASSWORD, API_TOKEN, ACCESS_TOKEN]);
  if (purpose === 'leak' && !hint && ACCESS_TOKEN.test(token)) {
    throw new ProblemError('unexpected-response', `Bitbucket refused the token (HTTP 401${said ? `: ${said}` : ''}), but an ATCTT… token may also be an Atlassian organization admin API key, which only api.atlassian.com knows and which was not asked`);
  }
  let message = basic
    ? 'Bitbucket refused the username and token (HTTP 401): with an API token the username is the Atlassian account email, with an app password the Bitbucket username'
    : `Bitbucket refused the token (HTTP 401${said ? `: ${said}` : ''}); it does not say whether it is unknown, revoked or expired`;
  if (APP_PASSWORD.test(token)) message += '; Bitbucket app passwords stopped working on 2026-06-09: replace it with an API token';
  return rejected('invalid', `${message}${hint}`, res);
}
