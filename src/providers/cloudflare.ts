import { ProblemError } from '../check/problems.js';
import type { HttpRequest, HttpResponse, ProviderHttp } from '../http/types.js';
import { oneLine } from '../sanitize.js';
import { stringSetting } from './endpoint-setting.js';
import { malformed, parseDate, rejected, tryJson, unexpected, valid } from './kit.js';
import type { Example, Provider, RateLimit, TokenFacts, Verdict } from './provider.js';

// Verify a token: developers.cloudflare.com/api/resources/user/subresources/tokens/methods/verify
// and …/accounts/subresources/tokens/methods/verify (account API tokens answer 401 on the user one:
// cloudflare/cloudflare-docs#29486, benvinegar/counterscale#268). Token formats:
// developers.cloudflare.com/fundamentals/api/get-started/token-formats. Rate-limit headers:
// developers.cloudflare.com/fundamentals/api/reference/limits. A token's permissions
// (GET …/tokens/{id}) are readable only by a token holding "API Tokens Read".

const ACCOUNT_ID = /^[0-9a-f]{32}$/;
/** Errors of a refused credential: invalid token (1000, 9109), malformed Authorization header (6003, 6111), wrong scheme (10000), unknown key or email (9103). */
const REFUSED = new Set([1000, 9103, 9106, 9107, 9109, 6003, 6102, 6103, 6111, 10000]);
const MALFORMED_HEADER = new Set([6003, 6111]);

type Where = { user: true } | { account: string; name?: string };

export const cloudflare: Provider = {
  id: 'cloudflare',
  title: 'Cloudflare',
  ping: '`GET /user/tokens/verify` (or `/accounts/{id}/tokens/verify`), then the token\'s own details when it may read them; a Global API Key: `GET /user`',
  fields: [
    { id: 'token', description: 'a user or account API token (cfut_…, cfat_…, or a legacy 40-character token), or a Global API Key', rotates: true },
    { id: 'email', description: "the account's email address: only with a Global API Key (cfk_…)", identifier: true, optional: true },
  ],
  hosts: ['api.cloudflare.com'],
  apiRoot: 'https://api.cloudflare.com/client/v4/',
  can: { identity: true, scopes: true, expiry: true, mode: false, verifiesLeaks: true },
  settings: {
    properties: {
      'account-id': {
        type: 'string',
        pattern: '^[0-9a-f]{32}$',
        description: 'The account an account API token belongs to (32 hex characters). Without it, an account token finds its account with GET /accounts.',
      },
    },
  },
  // Legacy unprefixed tokens (40 characters) and Global API Keys (37 hex) are left out: too plain to recognize.
  formats: [/^cf(?:ut|at|k)_[A-Za-z0-9]{40}[0-9a-f]{8}$/],
  examples: cloudflareExamples(),

  async check(credential, ctx) {
    const token = credential.token!;
    if (credential.email) return checkGlobalKey(ctx.http);
    if (/^cfk_|^[0-9a-f]{37}$/.test(token)) {
      throw new ProblemError('unexpected-response', 'this is shaped like a Global API Key, which Cloudflare checks together with its account email: add `email` to the secret. It was not sent');
    }
    const accountId = stringSetting(ctx.settings, 'account-id');
    // It becomes a path segment: held to its shape here too, in case the config was not validated.
    if (accountId !== undefined && !ACCOUNT_ID.test(accountId)) throw new ProblemError('unexpected-response', 'account-id must be 32 hex characters; the token was not sent');
    const refusals: Refusal[] = [];
    for (const place of placesFor(token, accountId)) {
      const verdict = await verifyAt(place, ctx.http);
      if ('refused' in verdict) refusals.push(verdict);
      else return verdict;
    }
    const why = refusals.map((r) => r.refused).join('; ');
    return rejected('invalid', `Cloudflare refused the token (${why})${accountId ? '; check that account-id names the account that owns it' : ''}`, refusals.at(-1)!.res);
  },
};

/** Where a token is verified: the prefix says who owns a new one; a legacy one is tried as both, its account first when account-id is set. */
function placesFor(token: string, accountId: string | undefined): Where[] {
  const account: Where = { account: accountId ?? '' };
  if (token.startsWith('cfut_')) return [{ user: true }];
  if (token.startsWith('cfat_')) return [account];
  return accountId ? [account, { user: true }] : [{ user: true }, account];
}

/** Why the token was refused at one place (to try the next), with the answer that said so. */
interface Refusal {
  refused: string;
  res: HttpResponse;
}

/** The verify answer at one place: a verdict, or a refusal. */
async function verifyAt(place: Where, http: ProviderHttp): Promise<Verdict | Refusal> {
  let where = place;
  if ('account' in where && !where.account) {
    const found = await findAccount(http);
    if ('refused' in found) return found;
    where = found;
  }
  const path = 'user' in where ? 'user/tokens/verify' : `accounts/${where.account}/tokens/verify`;
  const res = await http.send(bearer(path));
  if (res.status !== 200) return { refused: refusal(res, 'user' in where ? 'as a user token' : 'as an account token'), res };
  const result = envelope(res, `GET /${path}`) as { id?: unknown; status?: unknown; expires_on?: unknown; not_before?: unknown };
  if (typeof result.id !== 'string' || typeof result.status !== 'string') throw malformed(res, `GET /${path}`, 'it has no token "id" and "status"');
  const expires = typeof result.expires_on === 'string' ? parseDate(result.expires_on) : undefined;
  if (result.status === 'disabled') return rejected('revoked', 'Cloudflare says the token is disabled (status "disabled")', res);
  if (result.status === 'expired') return rejected('expired', `Cloudflare says the token has expired${expires ? ` (on ${expires.toISOString()})` : ''}`, res);
  if (result.status !== 'active') throw unexpected(res, ` (token status "${oneLine(result.status, 30)}")`);

  const facts: TokenFacts = { kind: 'user' in where ? 'user API token' : 'account API token', identity: result.id, rateLimit: rateLimitOf(res) };
  if (expires) facts.expiresAt = expires;
  const notes: string[] = [];
  if ('account' in where) notes.push(`account: ${where.name ? `${oneLine(where.name, 80)} (${where.account})` : where.account}`);
  const notBefore = typeof result.not_before === 'string' ? parseDate(result.not_before) : undefined;
  if (notBefore && notBefore.getTime() > Date.now()) notes.push(`not valid before ${notBefore.toISOString()}`);
  if (ACCOUNT_ID.test(result.id)) {
    const details = await tokenDetails(http, 'user' in where ? `user/tokens/${result.id}` : `accounts/${where.account}/tokens/${result.id}`);
    if (details?.name) notes.push(`token name: ${details.name}`);
    if (details?.scopes) facts.scopes = details.scopes;
  }
  if (notes.length) facts.notes = notes;
  return valid(facts, res);
}

/** An account API token's account, when account-id is not set: the one GET /accounts lists. */
async function findAccount(http: ProviderHttp): Promise<Where | Refusal> {
  const res = await http.send(bearer('accounts?per_page=5'));
  if (res.status !== 200) return { refused: refusal(res, 'as an account token'), res };
  const accounts = envelope(res, 'GET /accounts');
  const first = Array.isArray(accounts) ? (accounts[0] as { id?: unknown; name?: unknown } | undefined) : undefined;
  if (typeof first?.id !== 'string' || !ACCOUNT_ID.test(first.id)) {
    throw new ProblemError('unexpected-response', 'Cloudflare accepted the token but lists no account it could belong to; set account-id to the account that owns it');
  }
  return { account: first.id, name: typeof first.name === 'string' ? first.name : undefined };
}

/** Its name and permission groups, when the token may read itself ("API Tokens Read"); nothing otherwise. */
async function tokenDetails(http: ProviderHttp, path: string): Promise<{ name?: string; scopes?: string[] } | undefined> {
  // Validity is settled: a throttled or failed look-up only leaves the permissions unknown.
  const res = await http.send(bearer(path)).catch((error: unknown) => {
    if (error instanceof ProblemError) return undefined;
    throw error;
  });
  if (res?.status !== 200) return undefined;
  const token = (tryJson(res.body) as { result?: { name?: unknown; policies?: unknown } } | undefined)?.result;
  const policies = Array.isArray(token?.policies) ? (token.policies as Array<{ effect?: unknown; permission_groups?: unknown }>) : undefined;
  const groups = policies
    ?.filter((policy) => policy.effect !== 'deny')
    .flatMap((policy) => (Array.isArray(policy.permission_groups) ? (policy.permission_groups as Array<{ name?: unknown }>) : []))
    .map((group) => group.name)
    .filter((name): name is string => typeof name === 'string' && name !== '');
  return {
    name: typeof token?.name === 'string' && token.name ? oneLine(token.name, 100) : undefined,
    scopes: groups ? [...new Set(groups.map((g) => oneLine(g, 100)))] : undefined,
  };
}

/** The Global API Key and its email (X-Auth-Key, X-Auth-Email) against GET /user. */
async function checkGlobalKey(http: ProviderHttp): Promise<Verdict> {
  const res = await http.send({ url: 'user', headers: { 'x-auth-email': '${email}', 'x-auth-key': '${token}' } });
  if (res.status !== 200) {
    const why = refusal(res, 'as a Global API Key with this email');
    return rejected('invalid', `Cloudflare refused the Global API Key (${why})`, res);
  }
  // The user's id: the email is a part of the secret, masked wherever it would show.
  const user = envelope(res, 'GET /user') as { id?: unknown };
  if (typeof user.id !== 'string' || !user.id) throw malformed(res, 'GET /user', 'it has no user "id"');
  return valid({ kind: 'Global API Key', identity: oneLine(user.id, 100), rateLimit: rateLimitOf(res), notes: ['a Global API Key has full access to every account of its user'] }, res);
}

function bearer(url: string): HttpRequest {
  return { url, auth: { bearer: '${token}' }, headers: { accept: 'application/json' } };
}

/** `result` of a `{ success: true, result }` envelope, or a clear unexpected-response. */
function envelope(res: HttpResponse, what: string): unknown {
  const body = tryJson(res.body) as { success?: unknown; result?: unknown } | undefined;
  if (body?.success !== true || body.result === null || typeof body.result !== 'object') throw malformed(res, what, 'it is not a successful Cloudflare answer with a "result"');
  return body.result;
}

/** Why a refusal is one (`as …: Cloudflare's words`); anything that is not a refusal throws. */
function refusal(res: HttpResponse, as: string): string {
  const errors = errorsOf(res);
  const refused = res.status === 401 || ([400, 403].includes(res.status) && errors.some((e) => REFUSED.has(e.code)));
  if (!refused) throw unexpected(res);
  const said = errors.map((e) => `${e.code} ${e.message}`).join(', ') || `HTTP ${res.status}`;
  const hint = errors.some((e) => MALFORMED_HEADER.has(e.code))
    ? ': the Authorization header was not a well-formed API token (a Global API Key sent as a token? Global API Keys need `email` in the secret)'
    : '';
  return `${as}: ${oneLine(said, 160)}${hint}`;
}

function errorsOf(res: HttpResponse): Array<{ code: number; message: string }> {
  const body = tryJson(res.body) as { errors?: unknown } | undefined;
  const list = Array.isArray(body?.errors) ? (body.errors as Array<{ code?: unknown; message?: unknown; error_chain?: unknown }>) : [];
  const all = list.flatMap((e) => [e, ...(Array.isArray(e.error_chain) ? (e.error_chain as typeof list) : [])]);
  return all.filter((e) => typeof e.code === 'number').map((e) => ({ code: e.code as number, message: typeof e.message === 'string' ? e.message : '' }));
}

/**
 * `Ratelimit: "default";r=50;t=30` (remaining, seconds to reset) and `Ratelimit-Policy:
 * "burst";q=100;w=60` (quota, window), as Cloudflare's API documents them.
 */
export function rateLimitOf(res: HttpResponse, now = Date.now()): RateLimit | undefined {
  const item = /;\s*r=(\d{1,9})(?:.*?;\s*t=(\d{1,9}))?/.exec(res.headers.ratelimit ?? '');
  const quota = /;\s*q=(\d{1,9})/.exec(res.headers['ratelimit-policy'] ?? '');
  if (!item && !quota) return undefined;
  return {
    limit: quota ? Number(quota[1]) : undefined,
    remaining: item ? Number(item[1]) : undefined,
    resetAt: item?.[2] ? new Date(now + Number(item[2]) * 1000).toISOString() : undefined,
  };
}

/**
 * Answers recorded in Cloudflare's Go SDK tests (cloudflare/cloudflare-go api_token_test.go
 * TestVerifyAPIToken and TestGetAPIToken, accounts_test.go TestListAccounts, user_test.go
 * TestUser_UserDetails) and in favonia/cloudflare-ddns internal/api/cloudflare_test.go
 * (TestNewValid, TestNewInvalid: the 1000 and 6003/6111 refusals).
 */
function cloudflareExamples(): Example[] {
  const API = '/client/v4';
  const ID = 'ed17574386854bf78a67040be0a770b0';
  const ACCOUNT = '01a7362d577a6c3019a474fd6f485823';
  const userToken = `cfut_${'A1b2C3d4E5'.repeat(4)}0123abcd`;
  const accountToken = `cfat_${'A1b2C3d4E5'.repeat(4)}0123abcd`;
  const ok = (result: object) => ({ success: true, errors: [], messages: [], result });
  const verified = ok({ id: ID, status: 'active', not_before: '2018-07-01T05:20:00Z', expires_on: '2030-01-01T00:00:00Z' });
  const details = ok({
    id: ID,
    name: 'readonly token',
    status: 'active',
    policies: [{ id: 'f267e341f3dd4697bd3b9f71dd96247f', effect: 'allow', resources: { 'com.cloudflare.api.account.zone.eb78d65290b24279ba6f44721b3ea3c4': '*' }, permission_groups: [{ id: 'c8fed203ed3043cba015a93ad1616f1f', name: 'Zone Read' }, { id: '82e64a83756745bbbb1c9c2701bf816b', name: 'DNS Read' }] }],
  });
  const noTokensRead = { success: false, errors: [{ code: 9109, message: 'Unauthorized to access requested resource' }], messages: [], result: null };
  const invalid = { success: false, errors: [{ code: 1000, message: 'Invalid API Token' }], messages: [], result: null };
  const rate = { ratelimit: '"default";r=1199;t=300', 'ratelimit-policy': '"default";q=1200;w=300' };
  const sdk = 'cloudflare/cloudflare-go api_token_test.go';
  return [
    {
      name: 'an active token that may read its own permissions',
      source: `${sdk} (TestVerifyAPIToken, with a later expires_on; TestGetAPIToken, trimmed); Ratelimit headers as developers.cloudflare.com/fundamentals/api/reference/limits shows them`,
      responses: [
        { path: `${API}/user/tokens/verify`, status: 200, headers: rate, body: verified },
        { path: `${API}/user/tokens/${ID}`, status: 200, body: details },
      ],
      verdict: { outcome: 'valid', facts: { identity: ID, kind: 'user API token', scopes: ['Zone Read', 'DNS Read'], expiresAt: new Date('2030-01-01T00:00:00Z'), notes: ['token name: readonly token'], rateLimit: { limit: 1200, remaining: 1199 } } },
    },
    {
      name: 'a token without "API Tokens Read": valid, permissions unknown',
      source: 'favonia/cloudflare-ddns internal/api/cloudflare_test.go (TestNewValid); the 403 of the permissions look-up is hand-written (error 9109)',
      credential: { token: userToken },
      responses: [
        { path: `${API}/user/tokens/verify`, status: 200, body: { result: { id: ID, status: 'active' }, success: true, errors: [], messages: [{ code: 10000, message: 'This API Token is valid and active', type: null }] } },
        { path: `${API}/user/tokens/${ID}`, status: 403, body: noTokensRead },
      ],
      verdict: { outcome: 'valid', facts: { identity: ID } },
    },
    {
      name: 'an account token finds its account',
      source: 'cloudflare/cloudflare-go accounts_test.go (TestListAccounts) and api_token_test.go (TestVerifyAPIToken); the 403 of the permissions look-up is hand-written',
      credential: { token: accountToken },
      responses: [
        { path: `${API}/accounts`, status: 200, body: { ...ok([{ id: ACCOUNT, name: 'Cloudflare Demo', settings: { enforce_twofactor: false } }]), result_info: { page: 1, per_page: 20, count: 1, total_count: 1 } } },
        { path: `${API}/accounts/${ACCOUNT}/tokens/verify`, status: 200, body: verified },
        { path: `${API}/accounts/${ACCOUNT}/tokens/${ID}`, status: 403, body: noTokensRead },
      ],
      verdict: { outcome: 'valid', facts: { kind: 'account API token', notes: [`account: Cloudflare Demo (${ACCOUNT})`] } },
    },
    {
      name: 'a disabled token',
      source: 'developers.cloudflare.com/api/resources/user/subresources/tokens/methods/verify (status: active, disabled or expired)',
      credential: { token: userToken },
      responses: [{ path: `${API}/user/tokens/verify`, status: 200, body: ok({ id: ID, status: 'disabled' }) }],
      verdict: { outcome: 'rejected', code: 'revoked' },
    },
    {
      name: 'an expired token',
      source: 'developers.cloudflare.com/api/resources/user/subresources/tokens/methods/verify (status: active, disabled or expired)',
      credential: { token: userToken },
      responses: [{ path: `${API}/user/tokens/verify`, status: 200, body: ok({ id: ID, status: 'expired', expires_on: '2020-01-01T00:00:00Z' }) }],
      verdict: { outcome: 'rejected', code: 'expired' },
    },
    {
      name: 'an invalid legacy token, refused as a user token and as an account token',
      source: 'favonia/cloudflare-ddns internal/api/cloudflare_test.go (TestNewInvalid, "invalid-token")',
      responses: [
        { path: `${API}/user/tokens/verify`, status: 401, body: invalid },
        { path: `${API}/accounts`, status: 401, body: invalid },
      ],
      verdict: { outcome: 'rejected', code: 'invalid' },
    },
    {
      name: 'a malformed Authorization header (error 6003/6111)',
      source: 'favonia/cloudflare-ddns internal/api/cloudflare_test.go (TestNewInvalid, "invalid-format")',
      credential: { token: userToken },
      responses: [
        {
          path: `${API}/user/tokens/verify`,
          status: 401,
          body: { success: false, errors: [{ code: 6003, message: 'Invalid request headers', error_chain: [{ code: 6111, message: 'Invalid format for Authorization header' }] }], messages: [], result: null },
        },
      ],
      verdict: { outcome: 'rejected', code: 'invalid' },
    },
    {
      name: 'a Global API Key with its email',
      source: 'cloudflare/cloudflare-go user_test.go (TestUser_UserDetails, trimmed)',
      credential: { token: `cfk_${'A1b2C3d4E5'.repeat(4)}0123abcd`, email: 'cloudflare@example.com' },
      responses: [{ path: `${API}/user`, status: 200, body: ok({ id: '7c5dae5552338874e5053f2534d2767a', email: 'cloudflare@example.com', first_name: 'Jane', last_name: 'Smith', two_factor_authentication_enabled: true }) }],
      verdict: { outcome: 'valid', facts: { kind: 'Global API Key', identity: '7c5dae5552338874e5053f2534d2767a' } },
    },
    {
      name: 'a Global API Key without its email is not sent',
      source: 'developers.cloudflare.com/fundamentals/api/get-started/keys (a Global API Key goes with X-Auth-Email)',
      credential: { token: `cfk_${'A1b2C3d4E5'.repeat(4)}0123abcd` },
      responses: [],
      verdict: { outcome: 'unknown', code: 'unexpected-response' },
    },
  ];
}
