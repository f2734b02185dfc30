import { ProblemError } from '../check/problems.js';
import type { HttpResponse } from '../http/types.js';
import { oneLine } from '../sanitize.js';
import { impliedScopes, jsonObject, malformed, rateLimitFrom, rejected, tryJson, valid } from './kit.js';
import type { CheckContext, Provider, TokenFacts, Verdict } from './provider.js';

// GET /api/0/: docs.sentry.io/api/users/retrieve-the-current-credentials/ (the token's scopes and its
// user; user is null for organization tokens). Its code: getsentry/sentry
// src/sentry/api/endpoints/index.py, a control-silo endpoint (tests/sentry/api/endpoints/test_index.py
// runs it as @control_silo_test): it answers on sentry.io, not on the us./de. region hosts, which
// 404 control-silo endpoints (src/sentry/api/base.py, EndpointSiloLimit).
// Refusals: src/sentry/api/authentication.py (401 {"detail": "Invalid token" | "Token expired" |
// "Invalid org token" | …}). Token shapes: src/sentry/types/token.py, src/sentry/models/apitoken.py,
// src/sentry/utils/security/orgauthtoken_token.py. Scope nesting: src/sentry/conf/server.py
// (SENTRY_SCOPE_HIERARCHY_MAPPING). Rate limits: docs.sentry.io/api/ratelimits (reset in epoch seconds).
// Older unprefixed tokens (64 hex) are no format: every SHA-256 digest has that shape. A found token
// is asked of sentry.io only (an organization token, of the Sentry its payload names): a 401 for one
// that names no issuer leaves it unverified, as a self-hosted Sentry's tokens are known only there.

/** Sentry SaaS: the control silo (sentry.io) and the region hosts, all of one service. */
const SAAS_HOSTS = ['sentry.io', 'us.sentry.io', 'de.sentry.io'];
const SAAS_INDEX = 'https://sentry.io/api/0/';
const RATE_LIMIT = { limit: 'x-sentry-rate-limit-limit', remaining: 'x-sentry-rate-limit-remaining', reset: 'x-sentry-rate-limit-reset', resetFormat: 'epoch-seconds' } as const;
const isSaas = (host: string) => host === 'sentry.io' || host.endsWith('.sentry.io');

const KINDS: Array<[RegExp, string]> = [
  [/^sntrys_/, 'organization auth token'],
  [/^sntryu_/, 'user auth token'],
  [/^sntrya_/, 'user application token'],
  [/^sntryi_/, 'integration token'],
];

/** What each scope includes (SENTRY_SCOPE_HIERARCHY_MAPPING). */
const IMPLIED: Record<string, string[]> = {
  'org:write': ['org:read'],
  'org:admin': ['org:read', 'org:write', 'org:integrations'],
  'member:invite': ['member:read'],
  'member:write': ['member:read', 'member:invite'],
  'member:admin': ['member:read', 'member:invite', 'member:write'],
  'team:write': ['team:read'],
  'team:admin': ['team:read', 'team:write'],
  'project:write': ['project:read'],
  'project:admin': ['project:read', 'project:write'],
  'event:write': ['event:read'],
  'event:admin': ['event:read', 'event:write'],
  'alerts:write': ['alerts:read'],
};

/** The offline part of an organization token: `sntrys_<base64 JSON>_<secret>`. */
export interface OrgTokenPayload {
  url?: unknown;
  region_url?: unknown;
  org?: unknown;
}

export function orgTokenPayload(token: string): OrgTokenPayload | undefined {
  const encoded = /^sntrys_([A-Za-z0-9+/]+={0,2})_[A-Za-z0-9+/]+$/.exec(token)?.[1];
  const payload = encoded === undefined ? undefined : tryJson(Buffer.from(encoded, 'base64').toString('utf8'));
  return payload && typeof payload === 'object' && !Array.isArray(payload) ? (payload as OrgTokenPayload) : undefined;
}

/**
 * Where an organization token is asked: the Sentry that issued it (its `url`), so that a token of a
 * self-hosted Sentry never goes to sentry.io; a SaaS one goes to sentry.io whatever its region.
 */
function issuerIndex(payload: OrgTokenPayload | undefined): string | undefined {
  if (typeof payload?.url !== 'string') return undefined;
  let url: URL;
  try {
    url = new URL(payload.url);
  } catch {
    return undefined;
  }
  if (isSaas(url.host)) return SAAS_INDEX;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}/api/0/`;
}

export const sentry: Provider = {
  id: 'sentry',
  title: 'Sentry (sentry.io, self-hosted)',
  ping: '`GET /api/0/`',
  fields: [{ id: 'token', description: 'an auth token (sntrys_ organization, sntryu_ user, or an older unprefixed one)', rotates: true }],
  hosts: SAAS_HOSTS,
  apiRoot: SAAS_INDEX,
  selfHosted: { example: 'https://sentry.example.com/api/0' },
  can: { identity: true, scopes: true, expiry: false, mode: false, verifiesLeaks: true },
  formats: [/^sntry[uai]_[a-f0-9]{64}$/, /^sntrys_eyJ[A-Za-z0-9+/]+={0,2}_[A-Za-z0-9+/]{43}$/],
  throttling: {
    retryDelayMs: (res, now) => {
      const reset = rateLimitFrom(res, RATE_LIMIT, now)?.resetAt;
      return reset ? Math.max(0, Date.parse(reset) - now) : undefined;
    },
  },

  async check(credential, ctx) {
    const token = credential.token!;
    const kind = KINDS.find(([prefix]) => prefix.test(token))?.[1] ?? 'auth token';
    const payload = token.startsWith('sntrys_') ? orgTokenPayload(token) : undefined;
    const org = typeof payload?.org === 'string' ? oneLine(payload.org, 100) : undefined;
    const issuer = issuerIndex(payload);
    const res = await send(ctx, issuer, org);
    if (res.status === 200) return answer(res, kind, org);
    // A found token that names no issuer may be a self-hosted Sentry's, unknown to sentry.io.
    if (res.status === 401) return refused(res, kind, ctx.purpose === 'leak' && issuer === undefined);
    const said = detail(res);
    throw new ProblemError('unexpected-response', `${res.host} answered HTTP ${res.status}${said ? `: ${said}` : ''}`);
  },

  expandScopes: impliedScopes(IMPLIED),

  examples: [
    {
      name: 'a user auth token',
      source: 'docs.sentry.io/api/users/retrieve-the-current-credentials/ (response example, trimmed of the user profile)',
      credential: { token: `sntryu_${'0a'.repeat(32)}` },
      responses: [{ path: '/api/0/', status: 200, body: { version: '0', auth: { scopes: ['org:read', 'project:read'] }, user: { id: '1', name: 'Jane Bloggs', username: 'jane@example.com', email: 'jane@example.com', isActive: true, has2fa: true } } }],
      verdict: { outcome: 'valid', facts: { kind: 'user auth token', identity: 'jane@example.com', scopes: ['org:read', 'project:read'] } },
    },
    {
      name: 'an older unprefixed token, as sentry-cli is answered in its tests',
      source: 'getsentry/sentry-cli tests/integration/info/mod.rs (VALID_RESPONSE for GET /api/0/)',
      credential: { token: 'c0ffee'.repeat(10) + 'c0de' },
      responses: [{ path: '/api/0/', status: 200, body: { user: { username: 'kamil@sentry.io', id: '1337', name: 'Kamil Ogórek', email: 'kamil@sentry.io' }, auth: { scopes: ['project:read', 'project:releases'] } } }],
      verdict: { outcome: 'valid', facts: { kind: 'auth token', identity: 'kamil@sentry.io', scopes: ['project:read', 'project:releases'] } },
    },
    {
      name: 'an organization token of an EU organization, asked on sentry.io',
      source: 'hand-written from docs.sentry.io/api/users/retrieve-the-current-credentials/ ("user is null for … organization auth tokens") and orgauthtoken_token.py (payload url, region_url, org)',
      credential: { token: orgToken({ iat: 1700000000.5, url: 'https://sentry.io', region_url: 'https://de.sentry.io', org: 'acme' }) },
      responses: [{ path: '/api/0/', status: 200, body: { version: '0', auth: { scopes: ['org:ci'] }, user: null } }],
      verdict: { outcome: 'valid', facts: { kind: 'organization auth token', identity: 'acme', scopes: ['org:ci'] } },
    },
    {
      name: 'an unknown or revoked token',
      source: 'getsentry/sentry src/sentry/api/authentication.py (AuthenticationFailed("Invalid token"), sent by Django REST framework as 401 {"detail": …})',
      responses: [{ path: '/api/0/', status: 401, body: { detail: 'Invalid token' } }],
      verdict: { outcome: 'rejected', code: 'invalid' },
    },
    {
      name: 'a found user token that sentry.io does not know: it may be a self-hosted Sentry\'s',
      source: 'getsentry/sentry src/sentry/api/authentication.py (AuthenticationFailed("Invalid token")); a found token is checked on sentry.io only (src/run/target.ts)',
      purpose: 'leak',
      credential: { token: `sntryu_${'0a'.repeat(32)}` },
      responses: [{ path: '/api/0/', status: 401, body: { detail: 'Invalid token' } }],
      verdict: { outcome: 'unknown', code: 'unexpected-response' },
    },
    {
      name: 'a found organization token of sentry.io that sentry.io refuses',
      source: 'getsentry/sentry src/sentry/api/authentication.py (AuthenticationFailed("Invalid org token")); the payload names sentry.io as its issuer',
      purpose: 'leak',
      credential: { token: orgToken({ iat: 1700000000.5, url: 'https://sentry.io', region_url: 'https://us.sentry.io', org: 'acme' }) },
      responses: [{ path: '/api/0/', status: 401, body: { detail: 'Invalid org token' } }],
      verdict: { outcome: 'rejected', code: 'invalid' },
    },
    {
      name: 'an expired token',
      source: 'getsentry/sentry src/sentry/api/authentication.py (AuthenticationFailed("Token expired"))',
      responses: [{ path: '/api/0/', status: 401, body: { detail: 'Token expired' } }],
      verdict: { outcome: 'rejected', code: 'expired' },
    },
    {
      name: 'an answer made without any token (auth is null)',
      source: 'getsentry/sentry tests/sentry/api/endpoints/test_index.py (test_anonymous: 200, auth and user null)',
      responses: [{ path: '/api/0/', status: 200, body: { version: '0', auth: null, user: null } }],
      verdict: { outcome: 'unknown', code: 'unexpected-response' },
    },
    {
      name: 'a found organization token of a self-hosted Sentry is not sent to sentry.io',
      source: 'hand-written: the payload names the Sentry that issued the token (orgauthtoken_token.py)',
      purpose: 'leak',
      credential: { token: orgToken({ iat: 1700000000.5, url: 'https://sentry.example.com', region_url: 'https://sentry.example.com', org: 'acme' }) },
      responses: [],
      verdict: { outcome: 'unknown', code: 'unexpected-response' },
    },
  ],
};

/** A real-shaped organization token around a payload: `sntrys_` + base64 JSON + `_` + 43 characters. */
function orgToken(payload: object): string {
  return `sntrys_${Buffer.from(JSON.stringify(payload)).toString('base64')}_${'Q'.repeat(43)}`;
}

/** GET /api/0/ on the API root, or on the organization token's own Sentry. */
async function send(ctx: CheckContext, index: string | undefined, org: string | undefined): Promise<HttpResponse> {
  const request = { url: index ?? '', auth: { bearer: '${token}' }, headers: { accept: 'application/json' } };
  if (index === undefined) return ctx.http.send(request);
  const host = new URL(index).host;
  try {
    return await ctx.http.send(request);
  } catch (error) {
    // Refused before it left (a host this check may not reach): say whose token it is.
    if (error instanceof ProblemError && !ctx.http.contacted.has(host)) {
      const whose = `this organization token${org ? ` (of ${org})` : ''} was issued by ${host}`;
      throw new ProblemError(error.code, `${whose}, so it is checked there only: ${error.message}; the token was not sent`);
    }
    throw error;
  }
}

function answer(res: HttpResponse, kind: string, org: string | undefined): Verdict {
  const body = jsonObject(res, 'GET /api/0/') as { auth?: { scopes?: unknown } | null; user?: { username?: unknown; email?: unknown } | null };
  // `auth` is null when Sentry authenticated no token (an anonymous request, a proxy that dropped the header).
  if (!body.auth || !Array.isArray(body.auth.scopes)) throw malformed(res, 'GET /api/0/', 'its "auth" is empty: Sentry did not take the request as made with a token');
  const facts: TokenFacts = {
    kind,
    scopes: body.auth.scopes.filter((s): s is string => typeof s === 'string' && s !== ''),
    rateLimit: rateLimitFrom(res, RATE_LIMIT),
  };
  const user = body.user?.username ?? body.user?.email;
  if (typeof user === 'string' && user) facts.identity = oneLine(user, 200);
  else if (org) facts.identity = org;
  return valid(facts, res);
}

function refused(res: HttpResponse, kind: string, maybeSelfHosted: boolean): Verdict {
  const said = detail(res);
  if (/expired/i.test(said)) return rejected('expired', `Sentry says the ${kind} has expired (HTTP 401: ${said})`, res);
  const why = said ? `: ${said}` : '';
  if (maybeSelfHosted) {
    throw new ProblemError('unexpected-response', `${res.host} does not know the ${kind} (HTTP 401${why}), but a token of a self-hosted Sentry is known only there, and was not checked there`);
  }
  return rejected('invalid', `Sentry refused the ${kind} (HTTP 401${why}): it is unknown or revoked, or its user is deactivated`, res);
}

/** Django REST framework's error text: `{"detail": "…"}`. */
function detail(res: HttpResponse): string {
  const value = (tryJson(res.body) as { detail?: unknown } | undefined)?.detail;
  return typeof value === 'string' ? oneLine(value, 200) : '';
}
