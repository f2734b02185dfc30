import { ProblemError } from '../check/problems.js';
import type { HttpRequest, HttpResponse, ProviderHttp } from '../http/types.js';
import { oneLine } from '../sanitize.js';
import { fromEpochMillis, jsonObject, malformed, providerMessage, rateLimitFrom, rejected, tryJson, unexpected, valid } from './kit.js';
import type { Example, Provider, TokenFacts, Verdict } from './provider.js';

// Token metadata: vercel.com/docs/rest-api/authentication/get-auth-token-metadata (GET
// /v5/user/tokens/current); user: vercel.com/docs/rest-api/user/get-the-user (GET /v2/user);
// rate-limit headers X-RateLimit-Limit/-Remaining/-Reset (epoch seconds): vercel.com/docs/limits.
// Token formats: vercel.com/changelog/new-token-formats-and-secret-scanning; app tokens:
// vercel.com/docs/sign-in-with-vercel/tokens.
// AI Gateway keys (vck_) are not REST API tokens: they are checked with the gateway's credit
// balance, vercel.com/docs/ai-gateway/observability-and-spend/usage (GET /v1/credits).

const GATEWAY = 'https://ai-gateway.vercel.sh';
const RATE_LIMIT = { limit: 'x-ratelimit-limit', remaining: 'x-ratelimit-remaining', reset: 'x-ratelimit-reset', resetFormat: 'epoch-seconds' } as const;

const KINDS: Array<[string, string]> = [
  ['vcp_', 'personal access token'],
  ['vci_', 'integration token'],
  ['vca_', 'app access token (Sign in with Vercel)'],
];

export const vercel: Provider = {
  id: 'vercel',
  title: 'Vercel',
  ping: '`GET /v5/user/tokens/current`, then `GET /v2/user`; AI Gateway keys `GET ai-gateway.vercel.sh/v1/credits`',
  fields: [{ id: 'token', description: 'an access token (vcp_…, vci_…, vca_… or a legacy 24-character token), or an AI Gateway API key (vck_…)', rotates: true }],
  hosts: ['api.vercel.com', 'ai-gateway.vercel.sh'],
  apiRoot: 'https://api.vercel.com/',
  can: { identity: true, scopes: true, expiry: true, mode: false, verifiesLeaks: true },
  // The legacy unprefixed 24-character form is left out: too plain to be recognized.
  formats: [/^vc[piakr]_[A-Za-z0-9]{56}$/],
  examples: vercelExamples(),

  async check(credential, ctx) {
    const token = credential.token!;
    if (token.startsWith('vcr_')) {
      throw new ProblemError('unexpected-response', 'this is a refresh token (vcr_): only redeeming it would check it, and that rotates it, so it was not sent. Check the vca_ access token it yields');
    }
    if (token.startsWith('vck_')) return checkGatewayKey(ctx.http);
    const res = await ctx.http.send(bearer('v5/user/tokens/current'));
    if (res.status !== 200) return refused(res);
    const meta = jsonObject(res, 'GET /v5/user/tokens/current').token as TokenMetadata | undefined;
    if (typeof meta?.id !== 'string' || !meta.id) throw malformed(res, 'GET /v5/user/tokens/current', 'it has no "token" with an "id"');
    const facts = metadataFacts(token, meta, res);
    const username = await usernameOf(ctx.http);
    if (username) facts.identity = username;
    return valid(facts, res);
  },
};

interface TokenMetadata {
  id?: unknown;
  name?: unknown;
  expiresAt?: unknown;
  scopes?: unknown;
}

/** Kind (from the prefix), scopes, expiry and name of a token the metadata call answered for. */
function metadataFacts(token: string, meta: TokenMetadata, res: HttpResponse): TokenFacts {
  const facts: TokenFacts = { kind: KINDS.find(([prefix]) => token.startsWith(prefix))?.[1] ?? 'access token', rateLimit: rateLimitFrom(res, RATE_LIMIT) };
  const scopes = scopesOf(meta.scopes);
  if (scopes) facts.scopes = scopes;
  const expires = fromEpochMillis(meta.expiresAt);
  if (expires) facts.expiresAt = expires;
  if (typeof meta.name === 'string' && meta.name) facts.notes = [`token name: ${oneLine(meta.name, 100)}`];
  return facts;
}

/** `user`, or `team:<teamId>`, for each scope the token holds. */
function scopesOf(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return (value as Array<{ type?: unknown; teamId?: unknown } | null>).flatMap((scope) => {
    if (scope?.type === 'user') return ['user'];
    if (scope?.type === 'team') return [typeof scope.teamId === 'string' ? `team:${oneLine(scope.teamId, 60)}` : 'team'];
    return [];
  });
}

/** The username of GET /v2/user; undefined when that call does not answer it (the token is proven already). */
async function usernameOf(http: ProviderHttp): Promise<string | undefined> {
  const res = await http.send(bearer('v2/user')).catch((error: unknown) => {
    if (error instanceof ProblemError) return undefined;
    throw error;
  });
  const user = res?.status === 200 ? (tryJson(res.body) as { user?: { username?: unknown } } | undefined)?.user : undefined;
  return typeof user?.username === 'string' && user.username ? oneLine(user.username, 100) : undefined;
}

/** The AI Gateway's credit balance, which only a working key may read. */
async function checkGatewayKey(http: ProviderHttp): Promise<Verdict> {
  const res = await http.send(bearer(`${GATEWAY}/v1/credits`));
  if (res.status === 401 || res.status === 403) return rejected('invalid', `the Vercel AI Gateway refused the key (HTTP ${res.status})`, res);
  if (res.status !== 200) throw unexpected(res);
  const credits = jsonObject(res, 'GET /v1/credits');
  if (credits.balance === undefined) throw malformed(res, 'GET /v1/credits', 'it has no "balance"');
  const balance = typeof credits.balance === 'string' || typeof credits.balance === 'number' ? [`AI Gateway credit balance: ${oneLine(String(credits.balance), 20)}`] : [];
  return valid({ kind: 'AI Gateway API key', notes: balance }, res);
}

/** 403 `invalidToken: true` (Vercel's answer to an unknown, revoked or expired token) or 401: refused; any other 403 is not. */
function refused(res: HttpResponse): Verdict {
  const error = (tryJson(res.body) as { error?: { invalidToken?: unknown } } | undefined)?.error;
  if (res.status === 401 || (res.status === 403 && error?.invalidToken === true)) {
    const said = providerMessage(res, 120);
    return rejected('invalid', `Vercel refused the token as invalid (HTTP ${res.status}${said ? `: ${said}` : ''}): unknown, revoked or expired — Vercel does not say which`, res);
  }
  throw unexpected(res);
}

function bearer(url: string): HttpRequest {
  return { url, auth: { bearer: '${token}' }, headers: { accept: 'application/json' } };
}

/**
 * The token metadata of Vercel's REST reference (vercel.com/docs/rest-api/reference/endpoints/
 * authentication/get-auth-token-metadata, its example response with the scope's placeholders
 * filled in), the user of GET /v2/user (vercel.com/docs/rest-api/user/get-the-user, its schema's
 * required fields, values hand-written) and the 403 Vercel sends an invalid token, as quoted verbatim in public
 * CI logs (`{"error":{"code":"forbidden","message":"Not authorized","invalidToken":true}}`).
 */
function vercelExamples(): Example[] {
  const token = { id: '5d9f2ebd38ddca62e5d51e9c1704c72530bdc8bfdd41e782a6687c48399e8391', name: 'ci deploys', type: 'oauth2-token', activeAt: 1632816536002, createdAt: 1632816536002, origin: 'github', expiresAt: 1893456000000 };
  const user = { user: { id: 'AEIIDYVk59zbFF2Sxfyxxmua', email: 'me@example.com', name: 'John Doe', username: 'jdoe', defaultTeamId: null } };
  const rate = { 'x-ratelimit-limit': '500', 'x-ratelimit-remaining': '499', 'x-ratelimit-reset': '1893456000' };
  const invalid = { error: { code: 'forbidden', message: 'Not authorized', invalidToken: true } };
  const docs = 'vercel.com/docs/rest-api/reference/endpoints/authentication/get-auth-token-metadata (example response)';
  return [
    {
      name: 'a token scoped to a team, with an expiry',
      source: `${docs}; GET /v2/user after vercel.com/docs/rest-api/user/get-the-user (values hand-written); X-RateLimit headers hand-written`,
      responses: [
        { path: '/v5/user/tokens/current', status: 200, headers: rate, body: { token: { ...token, scopes: [{ type: 'team', teamId: 'team_LLHUOMOoDlqOp8wPE4kFo9pE', origin: 'saml', createdAt: 1632816536002 }] } } },
        { path: '/v2/user', status: 200, body: user },
      ],
      verdict: {
        outcome: 'valid',
        facts: { identity: 'jdoe', scopes: ['team:team_LLHUOMOoDlqOp8wPE4kFo9pE'], expiresAt: new Date(1893456000000), notes: ['token name: ci deploys'], rateLimit: { limit: 500, remaining: 499 } },
      },
    },
    {
      name: 'a personal access token the user endpoint does not answer',
      source: `${docs}; the 403 of GET /v2/user is hand-written (the token is proven by the first answer)`,
      credential: { token: `vcp_${'a1B2c3D4'.repeat(7)}` },
      responses: [
        { path: '/v5/user/tokens/current', status: 200, body: { token: { ...token, scopes: [{ type: 'user', origin: 'email', createdAt: 1632816536002 }] } } },
        { path: '/v2/user', status: 403, body: { error: { code: 'forbidden', message: 'Not authorized' } } },
      ],
      verdict: { outcome: 'valid', facts: { kind: 'personal access token', scopes: ['user'] } },
    },
    {
      name: 'an invalid, revoked or expired token',
      source: 'the 403 invalidToken answer of api.vercel.com, as quoted verbatim in public CI logs',
      responses: [{ path: '/v5/user/tokens/current', status: 403, body: invalid }],
      verdict: { outcome: 'rejected', code: 'invalid' },
    },
    {
      name: 'a 403 that does not say the token is invalid (SAML enforcement)',
      source: 'hand-written, after the `saml` flag of Vercel\'s forbidden errors: a refusal of access is not a verdict on the token',
      responses: [{ path: '/v5/user/tokens/current', status: 403, body: { error: { code: 'forbidden', message: 'You must re-authenticate with SAML', saml: true } } }],
      verdict: { outcome: 'unknown', code: 'unexpected-response' },
    },
    {
      name: 'an AI Gateway key, checked against its credit balance',
      source: 'vercel.com/docs/ai-gateway/observability-and-spend/usage (GET /v1/credits, sample response)',
      credential: { token: `vck_${'a1B2c3D4'.repeat(7)}` },
      responses: [{ path: '/v1/credits', origin: GATEWAY, status: 200, body: { balance: '95.50', total_used: '4.50' } }],
      verdict: { outcome: 'valid', facts: { kind: 'AI Gateway API key', notes: ['AI Gateway credit balance: 95.50'] } },
    },
    {
      name: 'a refresh token is not sent',
      source: 'vercel.com/docs/sign-in-with-vercel/tokens (refresh tokens rotate on use)',
      credential: { token: `vcr_${'a1B2c3D4'.repeat(7)}` },
      responses: [],
      verdict: { outcome: 'unknown', code: 'unexpected-response' },
    },
  ];
}
