import { crc32 } from 'node:zlib';
import { ProblemError } from '../check/problems.js';
import type { Auth, HttpRequest, HttpResponse } from '../http/types.js';
import { oneLine } from '../sanitize.js';
import { fromEpochSeconds, impliedScopes, jsonObject, malformed, parseDate, rateLimitFrom, rejected, tryJson, unexpected, valid } from './kit.js';
import type { CheckContext, Provider, TokenFacts, Verdict } from './provider.js';

// Token record: docs.gitlab.com/api/personal_access_tokens/ ("Self-inform", GitLab 15.5+; any scope may
// read itself: gitlabhq/gitlabhq lib/api/personal_access_tokens/self_information.rb). Entity fields:
// lib/api/entities/personal_access_token.rb (expires_at a date only, "expires ... at midnight UTC":
// docs.gitlab.com/user/profile/personal_access_tokens/). Job token: docs.gitlab.com/api/jobs/
// ("Get job token's job", GET /job with JOB-TOKEN). Refusals: lib/api/api_guard.rb (rack-oauth2
// invalid_token / insufficient_scope bodies and WWW-Authenticate), insufficient_granular_scope for
// fine-grained tokens. Rate limits: RateLimit-* headers, RateLimit-Reset in epoch seconds
// (gitlab-org/gitlab#217312 quoting the GitLab.com docs). Prefixes: docs.gitlab.com/security/tokens/
// ("Token prefixes"); routable token layout and CRC: lib/authn/token_field/generator/routable_token.rb.
// A found token is asked of gitlab.com only: a bare 401 there leaves it unverified, as a token of a
// self-managed GitLab is known only there (revoked, expired or a broken checksum still settle it).

const LEGACY_PAT = /^glpat-[0-9A-Za-z_-]{20}$/;
/** `glpat-<base64url payload>.<2 version>.<2 payload length><7 CRC>`, and the earlier form without the version. */
const ROUTABLE_PAT = /^glpat-[0-9A-Za-z_-]{27,300}\.(?:[0-9a-z]{2}\.)?[0-9a-z]{9}$/;
const JOB_TOKENS = [/^glcbt-[0-9A-Za-z]{1,5}_[0-9A-Za-z_-]{20}$/, /^glcbt-eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+$/];

const PRIVATE_TOKEN: Auth = { header: { name: 'PRIVATE-TOKEN', value: '${token}' } };
const JOB_TOKEN: Auth = { header: { name: 'JOB-TOKEN', value: '${token}' } };
const RATE_LIMIT = { limit: 'ratelimit-limit', remaining: 'ratelimit-remaining', reset: 'ratelimit-reset', resetFormat: 'epoch-seconds' } as const;

/** The record is the same for all three; only the user they act for tells them apart. */
const ACCESS_TOKEN = 'personal, project or group access token';
/** Scopes that may read GET /user, where the username is. */
const READS_USER = new Set(['api', 'read_api', 'read_user']);

/** What each scope's documentation says it grants of the others (docs.gitlab.com/user/profile/personal_access_tokens/#personal-access-token-scopes). */
const IMPLIED: Record<string, string[]> = {
  api: ['read_api', 'read_user', 'read_repository', 'write_repository', 'read_registry', 'write_registry'],
  read_api: ['read_user'],
  write_repository: ['read_repository'],
  write_registry: ['read_registry'],
  write_virtual_registry: ['read_virtual_registry'],
};

/** The token record as python-gitlab's tests record it (tests/unit/objects/test_personal_access_tokens.py, `content`). */
const TOKEN_RECORD = { id: 1, name: 'Test Token', revoked: false, created_at: '2020-07-23T14:31:47.729Z', scopes: ['api'], active: true, user_id: 1, expires_at: null };
/** GET /user as python-gitlab's tests record it (tests/unit/test_gitlab.py, resp_get_user). */
const USER = { id: 1, username: 'username', web_url: 'http://localhost/username' };
/** The GitLab.com rate-limit headers as its docs showed them (quoted in gitlab-org/gitlab#217312). */
const RATE_HEADERS = {
  'ratelimit-limit': '600',
  'ratelimit-observed': '6',
  'ratelimit-remaining': '594',
  'ratelimit-reset': '1563325137',
  'ratelimit-resettime': 'Wed, 17 Jul 2019 00:58:57 GMT',
};
const SELF = '/api/v4/personal_access_tokens/self';
const API_GUARD = 'gitlabhq/gitlabhq lib/api/api_guard.rb (oauth2_bearer_token_error_handler)';
const REVOKED = 'Token was revoked. You have to re-authorize from the user.';
const EXPIRED = 'Token is expired. You can either do re-authorization or token refresh.';
const JOB_TOKEN_VALUE = `glcbt-64_${'x'.repeat(20)}`;

interface TokenRecord {
  name?: unknown;
  revoked?: unknown;
  active?: unknown;
  scopes?: unknown;
  user_id?: unknown;
  expires_at?: unknown;
}

export const gitlab: Provider = {
  id: 'gitlab',
  title: 'GitLab (gitlab.com, self-managed)',
  ping: '`GET /api/v4/personal_access_tokens/self`, then `GET /api/v4/user`; CI job tokens `GET /api/v4/job`',
  fields: [{ id: 'token', description: 'a personal, project or group access token (glpat-…) or a CI/CD job token (glcbt-…)', rotates: true }],
  hosts: ['gitlab.com'],
  apiRoot: 'https://gitlab.com/api/v4/',
  selfHosted: { example: 'https://gitlab.example.com/api/v4' },
  can: { identity: true, scopes: true, expiry: true, mode: false, verifiesLeaks: true },
  formats: [LEGACY_PAT, ROUTABLE_PAT, ...JOB_TOKENS],

  check(credential, ctx) {
    return credential.token!.startsWith('glcbt-') ? checkJobToken(ctx) : checkAccessToken(credential.token!, ctx);
  },

  throttling: {
    retryDelayMs: (res, now) => {
      const reset = fromEpochSeconds(res.headers['ratelimit-reset']);
      return reset ? Math.max(0, reset.getTime() - now) : undefined;
    },
  },

  expandScopes: impliedScopes(IMPLIED),

  examples: [
    {
      name: 'a personal access token with the api scope, and its user',
      source: 'python-gitlab tests/unit/objects/test_personal_access_tokens.py (resp_get_personal_access_token_self) and tests/unit/test_gitlab.py (resp_get_user); rate-limit headers from the GitLab.com docs quoted in gitlab-org/gitlab#217312',
      responses: [
        { path: SELF, status: 200, headers: RATE_HEADERS, body: TOKEN_RECORD },
        { path: '/api/v4/user', status: 200, body: USER },
      ],
      verdict: {
        outcome: 'valid',
        facts: { identity: 'username', kind: 'personal access token', scopes: ['api'], expiresAt: null, rateLimit: { limit: 600, remaining: 594, resetAt: '2019-07-17T00:58:57.000Z' } },
      },
    },
    {
      name: 'a token that may not read its user, expiring on a date',
      source: 'docs.gitlab.com/api/personal_access_tokens/ ("Rotate a personal access token" example response, its token left out), scopes changed to read_repository by hand',
      responses: [
        {
          path: SELF,
          status: 200,
          body: { id: 42, name: 'Rotated Token', revoked: false, created_at: '2023-08-01T15:00:00.000Z', description: 'Test Token description', scopes: ['read_repository'], user_id: 1337, last_used_at: null, active: true, expires_at: '2023-08-15' },
        },
      ],
      verdict: { outcome: 'valid', facts: { scopes: ['read_repository'], expiresAt: new Date('2023-08-15T00:00:00Z'), notes: ['token name: Rotated Token', 'acts for user id 1337'] } },
    },
    {
      name: 'a revoked token',
      source: `${API_GUARD}; the same body recorded by public GitLab clients (e.g. a "GitLab TokenID Revoked Error" check)`,
      responses: [
        {
          path: SELF,
          status: 401,
          headers: { 'www-authenticate': `Bearer realm="Protected by OAuth 2.0", error="invalid_token", error_description="${REVOKED}"` },
          body: { error: 'invalid_token', error_description: REVOKED },
        },
      ],
      verdict: { outcome: 'rejected', code: 'revoked' },
    },
    {
      name: 'an expired token',
      source: API_GUARD,
      responses: [{ path: SELF, status: 401, body: { error: 'invalid_token', error_description: EXPIRED } }],
      verdict: { outcome: 'rejected', code: 'expired' },
    },
    {
      name: 'a token GitLab does not know',
      source: 'Grape unauthorized! in gitlabhq/gitlabhq lib/api/helpers.rb; body as recorded by public GitLab clients',
      responses: [{ path: SELF, status: 401, body: { message: '401 Unauthorized' } }],
      verdict: { outcome: 'rejected', code: 'invalid' },
    },
    {
      name: 'a found token that gitlab.com does not know: it may be a self-managed GitLab\'s',
      source: 'the Grape unauthorized! body above; a found token is checked on gitlab.com only (src/run/target.ts)',
      purpose: 'leak',
      responses: [{ path: SELF, status: 401, body: { message: '401 Unauthorized' } }],
      verdict: { outcome: 'unknown', code: 'unexpected-response' },
    },
    {
      name: 'a fine-grained token without the permission to read itself',
      source: 'gitlabhq/gitlabhq spec of API::APIGuard (GranularPermissionsError answers 403 insufficient_granular_scope); body hand-written',
      responses: [{ path: SELF, status: 403, body: { error: 'insufficient_granular_scope', error_description: 'Access denied: Your Personal Access Token lacks the required permissions.' } }],
      verdict: { outcome: 'valid', facts: { kind: 'fine-grained personal access token' } },
    },
    {
      name: 'a token of a blocked account',
      source: 'gitlabhq/gitlabhq lib/api/api_guard.rb (forbidden!(api_access_denied_message)) with lib/gitlab/auth/user_access_denied_reason.rb; body assembled by hand as Grape renders forbidden!',
      responses: [{ path: SELF, status: 403, body: { message: '403 Forbidden - Your account has been blocked.' } }],
      verdict: { outcome: 'rejected', code: 'invalid' },
    },
    {
      name: 'a CI/CD job token while its job runs',
      source: 'docs.gitlab.com/api/jobs/ ("Get job token\'s job" example response, trimmed)',
      credential: { token: JOB_TOKEN_VALUE },
      responses: [
        {
          path: '/api/v4/job',
          status: 200,
          body: {
            id: 8,
            name: 'rubocop',
            pipeline: { id: 6, project_id: 1, ref: 'main', sha: '0ff3ae198f8601a285adcf5c0fff204ee6fba5fd', status: 'pending' },
            ref: 'main',
            stage: 'test',
            status: 'failed',
            web_url: 'https://example.com/foo/bar/-/jobs/8',
            user: { id: 1, name: 'Administrator', username: 'root', state: 'active' },
          },
        },
      ],
      verdict: { outcome: 'valid', facts: { kind: 'CI/CD job token', identity: 'root', ephemeral: true, notes: ['job 8 (rubocop)', 'job page: https://example.com/foo/bar/-/jobs/8'] } },
    },
    {
      name: 'a CI/CD job token whose job has ended',
      source: 'docs.gitlab.com/api/jobs/ (GET /job: 401 Unauthorized); body hand-written as Grape renders unauthorized!',
      credential: { token: JOB_TOKEN_VALUE },
      responses: [{ path: '/api/v4/job', status: 401, body: { message: '401 Unauthorized' } }],
      verdict: { outcome: 'rejected', code: 'invalid' },
    },
  ],
};

async function checkAccessToken(token: string, ctx: CheckContext): Promise<Verdict> {
  const res = await ctx.http.send(get('personal_access_tokens/self', PRIVATE_TOKEN));
  if (res.status === 200) return fromTokenRecord(res, ctx);
  if (res.status === 401) return refused(token, res, ctx);
  if (res.status === 403) return forbidden(res);
  // GitLab before 15.5 has no `self`: the user the token acts for still proves it works.
  if (res.status === 400 || res.status === 404) return checkOlderGitlab(token, res, ctx);
  throw unexpected(res);
}

async function fromTokenRecord(res: HttpResponse, ctx: CheckContext): Promise<Verdict> {
  const record = jsonObject(res, 'GET /personal_access_tokens/self') as TokenRecord;
  if (!Array.isArray(record.scopes) || typeof record.user_id !== 'number') {
    throw malformed(res, 'GET /personal_access_tokens/self', 'it has no "scopes" and "user_id"');
  }
  if (record.revoked === true) return rejected('revoked', 'GitLab lists the token as revoked', res);
  if (record.active === false) return rejected('expired', 'GitLab lists the token as inactive: it has expired', res);
  const scopes = record.scopes.filter((s): s is string => typeof s === 'string').map((s) => oneLine(s, 100));
  // A fine-grained token's one legacy scope is `granular`: its permissions are not scopes.
  const granular = scopes.includes('granular');
  const facts: TokenFacts = {
    kind: granular ? 'fine-grained personal access token' : ACCESS_TOKEN,
    rateLimit: rateLimitFrom(res, RATE_LIMIT),
    notes: typeof record.name === 'string' ? [`token name: ${oneLine(record.name, 100)}`] : [],
  };
  const expiresAt = expiryOf(record.expires_at, res);
  if (expiresAt !== undefined) facts.expiresAt = expiresAt;
  if (!granular) facts.scopes = scopes;
  const username = scopes.some((s) => READS_USER.has(s)) || granular ? await usernameOf(ctx) : undefined;
  if (username) {
    facts.identity = username;
    if (!granular) facts.kind = kindOf(username);
  } else {
    facts.notes!.push(`acts for user id ${record.user_id}`);
  }
  return valid(facts, res);
}

/** `null`: never expires; a date: expires at midnight UTC that day; absent: not said. */
function expiryOf(value: unknown, res: HttpResponse): Date | null | undefined {
  if (value === null || value === undefined) return value;
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? parseDate(value) : undefined;
  if (!date) throw malformed(res, 'GET /personal_access_tokens/self', '"expires_at" is not a date');
  return date;
}

/** The username of GET /user, or undefined when this token may not read it: the token is proven valid already. */
async function usernameOf(ctx: CheckContext): Promise<string | undefined> {
  const res = await ctx.http.send(get('user', PRIVATE_TOKEN)).catch((error: unknown) => {
    if (error instanceof ProblemError) return undefined;
    throw error;
  });
  const user = res?.status === 200 ? (tryJson(res.body) as { username?: unknown } | undefined) : undefined;
  return typeof user?.username === 'string' && user.username ? oneLine(user.username, 100) : undefined;
}

/** Project and group access tokens act for bot users named `project_<id>_bot…` and `group_<id>_bot…`. */
function kindOf(username: string): string {
  if (/^project_\d+_bot/.test(username)) return 'project access token';
  if (/^group_\d+_bot/.test(username)) return 'group access token';
  return 'personal access token';
}

function refused(token: string, res: HttpResponse, ctx: CheckContext): Verdict {
  const { error, description } = oauthError(res);
  if (error === 'dpop_error') {
    throw new ProblemError('unexpected-response', `${res.host} requires a DPoP proof with this account's tokens, which token-preflight cannot sign: it cannot tell whether the token works`);
  }
  if (/revoked/i.test(description)) return rejected('revoked', `GitLab says the token was revoked: ${description}`, res);
  if (/expired/i.test(description)) return rejected('expired', `GitLab says the token has expired: ${description}`, res);
  if (ROUTABLE_PAT.test(token) && !routableChecksumHolds(token)) {
    return rejected('invalid', 'GitLab refused the token (HTTP 401), and its checksum does not match either, so it was probably truncated or mistyped when the secret was saved', res);
  }
  if (ctx.purpose === 'leak') throw unknownElsewhere(res);
  const message = description ? `GitLab refused the token: ${description}` : `GitLab refused the token (HTTP 401): ${res.host} does not know it`;
  return rejected('invalid', message, res);
}

/** A found token that gitlab.com does not know may be a self-managed GitLab's, which was not asked. */
function unknownElsewhere(res: HttpResponse): ProblemError {
  return new ProblemError('unexpected-response', `${res.host} does not know the token (HTTP 401), but a token of a self-managed GitLab is known only there, and was not checked there`);
}

/** The OAuth error of a refusal: rack-oauth2's JSON body, else its WWW-Authenticate challenge. */
function oauthError(res: HttpResponse): { error?: string; description: string } {
  const body = tryJson(res.body) as { error?: unknown; error_description?: unknown } | undefined;
  const challenge = res.headers['www-authenticate'] ?? '';
  const error = typeof body?.error === 'string' ? body.error : /error="([^"]*)"/.exec(challenge)?.[1];
  const description = typeof body?.error_description === 'string' ? body.error_description : (/error_description="([^"]*)"/.exec(challenge)?.[1] ?? '');
  return { error, description: oneLine(description, 200) };
}

/**
 * A 403 on the token's own record comes after GitLab found the token live (not expired, not
 * revoked): a scope or fine-grained permission it lacks, or an account barred from the API.
 */
function forbidden(res: HttpResponse): Verdict {
  const body = tryJson(res.body) as { error?: unknown; message?: unknown } | undefined;
  const rateLimit = rateLimitFrom(res, RATE_LIMIT);
  if (body?.error === 'insufficient_granular_scope') {
    const note = 'GitLab does not show this fine-grained token its own record (it lacks that permission): its permissions and expiry are unknown';
    return valid({ kind: 'fine-grained personal access token', rateLimit, notes: [note] }, res);
  }
  if (body?.error === 'insufficient_scope') {
    const note = 'GitLab refused this token its own record (insufficient_scope): its scopes and expiry are unknown';
    return valid({ kind: ACCESS_TOKEN, rateLimit, notes: [note] }, res);
  }
  // `403 Forbidden - Your account has been blocked.` and the like: the token cannot be used.
  if (typeof body?.message === 'string' && /^403 Forbidden - /.test(body.message)) {
    return rejected('invalid', `GitLab accepts the token but not its account: ${oneLine(body.message, 200)}`, res);
  }
  throw unexpected(res);
}

async function checkOlderGitlab(token: string, first: HttpResponse, ctx: CheckContext): Promise<Verdict> {
  const res = await ctx.http.send(get('user', PRIVATE_TOKEN));
  if (res.status === 401) return refused(token, res, ctx);
  const user = res.status === 200 ? (tryJson(res.body) as { username?: unknown } | undefined) : undefined;
  if (typeof user?.username !== 'string' || !user.username) {
    throw unexpected(first, first.status === 404 ? ' (is base-url the API root, ending in /api/v4?)' : '');
  }
  const note = `${first.host} has no GET /personal_access_tokens/self (GitLab before 15.5?): the token's scopes and expiry are unknown`;
  return valid({ kind: kindOf(user.username), identity: oneLine(user.username, 100), rateLimit: rateLimitFrom(res, RATE_LIMIT), notes: [note] }, res);
}

/** A CI/CD job token lives while its job runs; GET /job names the job and the user it runs for. */
async function checkJobToken(ctx: CheckContext): Promise<Verdict> {
  const res = await ctx.http.send(get('job', JOB_TOKEN));
  if (res.status === 401 && ctx.purpose === 'leak') throw unknownElsewhere(res);
  if (res.status === 401) return rejected('invalid', 'GitLab refused the CI/CD job token: a job token works only while its job runs', res);
  if (res.status !== 200) throw unexpected(res);
  const job = jsonObject(res, 'GET /job') as { id?: unknown; name?: unknown; user?: { username?: unknown }; web_url?: unknown };
  if (typeof job.id !== 'number') throw malformed(res, 'GET /job', 'it has no job "id"');
  const name = typeof job.name === 'string' ? ` (${oneLine(job.name, 100)})` : '';
  const notes = [`job ${job.id}${name}`];
  if (typeof job.web_url === 'string') notes.push(`job page: ${oneLine(job.web_url, 200)}`);
  const facts: TokenFacts = { kind: 'CI/CD job token', ephemeral: true, rateLimit: rateLimitFrom(res, RATE_LIMIT), notes };
  if (typeof job.user?.username === 'string' && job.user.username) facts.identity = oneLine(job.user.username, 100);
  return valid(facts, res);
}

function get(path: string, auth: Auth): HttpRequest {
  return { url: path, auth, headers: { accept: 'application/json' } };
}

/** Routable tokens end with the CRC-32 of everything before it, in base36, 7 characters. */
export function routableChecksumHolds(token: string): boolean {
  return crc32(token.slice(0, -7)).toString(36).padStart(7, '0') === token.slice(-7);
}
