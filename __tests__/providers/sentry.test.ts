// Sentry through the whole engine: where each kind of token is sent (sentry.io, a self-hosted
// base-url, the Sentry an organization token names), scope nesting for require-scopes, the
// rate-limit headers and the failure paths. Answers: docs.sentry.io and getsentry/sentry, cited in src/providers/sentry.ts.
import { describe, expect, it } from 'vitest';
import { runEngine, tokenSpec } from '../helpers/engine.js';
import { useMockAgent } from '../helpers/mock-agent.js';
import type { TokenSpec } from '../../src/config/types.js';
import { orgTokenPayload, sentry } from '../../src/providers/sentry.js';

const mock = useMockAgent();
const USER_TOKEN = `sntryu_${'5e'.repeat(32)}`;
const orgToken = (url: string) => `sntrys_${Buffer.from(JSON.stringify({ iat: 1_700_000_000.5, url, region_url: url.replace('//', '//de.'), org: 'acme' })).toString('base64')}_${'Z'.repeat(43)}`;
const SAAS_ORG_TOKEN = orgToken('https://sentry.io');
const SELF_HOSTED_ORG_TOKEN = orgToken('https://sentry.example.com');

/** GET /api/0/ on one origin, answering for the given bearer tokens; records who was asked what. */
function index(origin: string, tokens: Record<string, object>, headers: Record<string, string> = {}) {
  const seen: string[] = [];
  mock()
    .get(origin)
    .intercept({ path: /^\/api\/0\/$/, method: 'GET' })
    .reply((req) => {
      const auth = String((req.headers as Record<string, string>).authorization ?? '');
      seen.push(`${origin}${req.path}`);
      const body = tokens[auth.replace(/^Bearer /, '')];
      return { statusCode: body ? 200 : 401, data: JSON.stringify(body ?? { detail: 'Invalid token' }), responseOptions: { headers: { 'content-type': 'application/json', ...headers } } };
    })
    .persist();
  return seen;
}

async function run(token: string, overrides: Partial<TokenSpec> = {}, timeoutMs?: number) {
  const spec = tokenSpec('sentry', { token: 'SENTRY_AUTH_TOKEN' }, overrides);
  return (await runEngine([spec], { SENTRY_AUTH_TOKEN: token }, mock(), { timeoutMs })).token;
}

const USER = { username: 'jane@example.com', email: 'jane@example.com' };

describe('sentry', () => {
  it('reads scopes and the user, and counts a broad scope as the narrower ones it includes', async () => {
    const headers = { 'x-sentry-rate-limit-limit': '40', 'x-sentry-rate-limit-remaining': '39', 'x-sentry-rate-limit-reset': '1900000000' };
    index('https://sentry.io', { [USER_TOKEN]: { auth: { scopes: ['org:admin', 'project:releases'] }, user: USER } }, headers);
    const token = await run(USER_TOKEN, { requireScopes: ['org:read', 'project:releases'] });
    expect(token).toMatchObject({ status: 'ok', identity: 'jane@example.com', kind: 'user auth token', scopes: ['org:admin', 'project:releases'] });
    expect(token.rateLimit).toEqual({ limit: 40, remaining: 39, resetAt: new Date(1_900_000_000_000).toISOString() });
    expect([...sentry.expandScopes!(['member:write'])].sort()).toEqual(['member:invite', 'member:read', 'member:write']);
  });

  it('reports a scope the token lacks', async () => {
    index('https://sentry.io', { [USER_TOKEN]: { auth: { scopes: ['project:read'] }, user: USER } });
    const token = await run(USER_TOKEN, { requireScopes: ['project:write'] });
    expect(token.problems).toMatchObject([{ code: 'insufficient-scope' }]);
  });

  it('asks sentry.io for a SaaS organization token whatever its region, and names its organization', async () => {
    const seen = index('https://sentry.io', { [SAAS_ORG_TOKEN]: { auth: { scopes: ['org:ci'] }, user: null } });
    const token = await run(SAAS_ORG_TOKEN, { expectIdentity: 'acme' });
    expect(seen).toEqual(['https://sentry.io/api/0/']);
    expect(token).toMatchObject({ status: 'ok', identity: 'acme', kind: 'organization auth token', host: 'sentry.io' });
  });

  it('checks tokens of a self-hosted Sentry at its base-url, organization tokens included', async () => {
    const seen = index('https://sentry.example.com', { [USER_TOKEN]: { auth: { scopes: [] }, user: USER }, [SELF_HOSTED_ORG_TOKEN]: { auth: { scopes: ['org:ci'] }, user: null } });
    expect(await run(USER_TOKEN, { baseUrl: 'https://sentry.example.com/api/0' })).toMatchObject({ status: 'ok', host: 'sentry.example.com' });
    expect(await run(SELF_HOSTED_ORG_TOKEN, { baseUrl: 'https://sentry.example.com/api/0' })).toMatchObject({ status: 'ok', identity: 'acme' });
    expect(seen).toEqual(['https://sentry.example.com/api/0/', 'https://sentry.example.com/api/0/']);
  });

  it('never sends an organization token to a Sentry other than the one that issued it', async () => {
    const saas = index('https://sentry.io', {});
    const token = await run(SELF_HOSTED_ORG_TOKEN);
    expect(saas).toEqual([]);
    expect(token.host).toBeUndefined();
    expect(token.problems).toMatchObject([{ code: 'unexpected-response', message: expect.stringMatching(/issued by sentry\.example\.com.*not sent/) }]);
  });

  it('reads the payload of an organization token offline, and nothing from other shapes', () => {
    expect(orgTokenPayload(SAAS_ORG_TOKEN)).toMatchObject({ url: 'https://sentry.io', region_url: 'https://de.sentry.io', org: 'acme' });
    expect(orgTokenPayload(USER_TOKEN)).toBeUndefined();
    expect(orgTokenPayload('sntrys_bm90IGpzb24=_abc')).toBeUndefined();
    const known = (token: string) => sentry.formats!.some((format) => format.test(token));
    expect([SAAS_ORG_TOKEN, USER_TOKEN].map(known)).toEqual([true, true]);
    // An unprefixed token has the shape of any SHA-256 digest: not a format.
    expect(['sntrys_bm90IGpzb24=_abc', `sntryu_${'5E'.repeat(32)}`, 'ab'.repeat(32)].map(known)).toEqual([false, false, false]);
  });

  it('turns a throttle and a server error into unknown', async () => {
    mock().get('https://sentry.io').intercept({ path: '/api/0/', method: 'GET' }).reply(429, '', { headers: { 'retry-after': '0' } }).times(3);
    expect((await run(USER_TOKEN)).problems).toMatchObject([{ code: 'rate-limited' }]);
    mock().get('https://sentry.io').intercept({ path: '/api/0/', method: 'GET' }).reply(502, 'Bad Gateway');
    expect((await run(USER_TOKEN, {}, 100)).problems).toMatchObject([{ code: 'unexpected-response', message: expect.stringContaining('502') }]);
  });

  it('says so when an HTML page answers instead of Sentry', async () => {
    mock().get('https://sentry.io').intercept({ path: '/api/0/', method: 'GET' }).reply(200, '<html>portal</html>', { headers: { 'content-type': 'text/html' } });
    const token = await run(USER_TOKEN);
    expect(token.problems).toMatchObject([{ code: 'unexpected-response', message: expect.stringContaining('not a JSON object') }]);
  });
});
