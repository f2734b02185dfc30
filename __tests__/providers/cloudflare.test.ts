// Cloudflare beyond its examples (src/providers/cloudflare.ts): which verify endpoint a token goes
// to, the Global API Key's headers, a failed permissions look-up, the refusal messages, a throttle
// and a server error.
import { describe, expect, it } from 'vitest';
import { useMockAgent } from '../helpers/mock-agent.js';
import { HttpClient } from '../../src/http/client.js';
import { cloudflare, rateLimitOf } from '../../src/providers/cloudflare.js';
import type { Credential, Verdict } from '../../src/providers/provider.js';
import { targetFor } from '../../src/run/target.js';

const API = 'https://api.cloudflare.com';
const ID = 'ed17574386854bf78a67040be0a770b0';
const ACCOUNT = '01a7362d577a6c3019a474fd6f485823';
const LEGACY = 'SENTINELlegacyTOKEN0123456789abcdefghij';
const USER_TOKEN = `cfut_${'A1b2C3d4E5'.repeat(4)}0123abcd`;
const mock = useMockAgent();

const json = { headers: { 'content-type': 'application/json' } };
const ok = (result: object) => ({ success: true, errors: [], messages: [], result });
const INVALID = { success: false, errors: [{ code: 1000, message: 'Invalid API Token' }], messages: [], result: null };
const ACTIVE = ok({ id: ID, status: 'active' });

function ping(credential: Credential, settings: Record<string, unknown> = {}): Promise<Verdict> {
  const http = new HttpClient({ dispatcher: mock(), timeoutMs: 2_000, random: () => 0, maxAttempts: 1 });
  const target = targetFor(cloudflare, { purpose: 'preflight', env: {}, settings });
  const session = http.session({ base: target.base, hosts: target.hosts, credential, throttling: target.throttling });
  return cloudflare.check(credential, { http: session, env: {}, purpose: 'preflight', settings });
}

describe('cloudflare: where a token is verified', () => {
  it('with account-id, asks the account endpoint first and falls back to the user one for a legacy token', async () => {
    const pool = mock().get(API);
    pool.intercept({ path: `/client/v4/accounts/${ACCOUNT}/tokens/verify`, method: 'GET' }).reply(401, INVALID, json);
    pool.intercept({ path: '/client/v4/user/tokens/verify', method: 'GET' }).reply(200, ACTIVE, json);
    pool.intercept({ path: `/client/v4/user/tokens/${ID}`, method: 'GET' }).reply(403, {}, json);
    const verdict = await ping({ token: LEGACY }, { 'account-id': ACCOUNT });
    expect(verdict).toMatchObject({ outcome: 'valid', facts: { kind: 'user API token', identity: ID } });
    mock().assertNoPendingInterceptors();
  });

  it('sends an account token (cfat_) with account-id straight to its account, and never to the user endpoint', async () => {
    const pool = mock().get(API);
    pool.intercept({ path: `/client/v4/accounts/${ACCOUNT}/tokens/verify`, method: 'GET' }).reply(401, INVALID, json);
    const verdict = await ping({ token: `cfat_${'A1b2C3d4E5'.repeat(4)}0123abcd` }, { 'account-id': ACCOUNT });
    expect(verdict).toMatchObject({ outcome: 'rejected', code: 'invalid', message: expect.stringContaining('account-id names the account that owns it') });
  });

  it('calls a user token (cfut_) refused once invalid, without trying the account endpoint', async () => {
    mock().get(API).intercept({ path: '/client/v4/user/tokens/verify', method: 'GET' }).reply(401, INVALID, json);
    const verdict = await ping({ token: USER_TOKEN });
    expect(verdict).toMatchObject({ outcome: 'rejected', code: 'invalid', message: 'Cloudflare refused the token (as a user token: 1000 Invalid API Token)' });
  });

  it('says a malformed Authorization header may be a Global API Key sent as a token', async () => {
    const body = { success: false, errors: [{ code: 6003, message: 'Invalid request headers', error_chain: [{ code: 6111, message: 'Invalid format for Authorization header' }] }], messages: [], result: null };
    mock().get(API).intercept({ path: '/client/v4/user/tokens/verify', method: 'GET' }).reply(400, body, json);
    const verdict = await ping({ token: USER_TOKEN });
    expect(verdict.outcome === 'rejected' && verdict.message).toMatch(/Global API Keys need `email`/);
  });

  it('does not call a 403 without a refusal code a refusal', async () => {
    mock().get(API).intercept({ path: '/client/v4/user/tokens/verify', method: 'GET' }).reply(403, { success: false, errors: [{ code: 7003, message: 'No route for the URI' }] }, json);
    await expect(ping({ token: USER_TOKEN })).rejects.toMatchObject({ code: 'unexpected-response', message: expect.stringContaining('403') });
  });

  it('leaves the permissions unknown when their look-up is throttled, and keeps the token valid', async () => {
    const pool = mock().get(API);
    pool.intercept({ path: '/client/v4/user/tokens/verify', method: 'GET' }).reply(200, ACTIVE, json);
    pool.intercept({ path: `/client/v4/user/tokens/${ID}`, method: 'GET' }).reply(429, { success: false, errors: [{ code: 971, message: 'Please wait and consider throttling your request speed' }] }, json);
    const verdict = await ping({ token: USER_TOKEN });
    expect(verdict).toMatchObject({ outcome: 'valid' });
    expect(verdict.outcome === 'valid' && verdict.facts.scopes).toBeUndefined();
  });

  it('notes a token that is not valid yet (not_before in the future)', async () => {
    const pool = mock().get(API);
    pool.intercept({ path: '/client/v4/user/tokens/verify', method: 'GET' }).reply(200, ok({ id: ID, status: 'active', not_before: '2999-01-01T00:00:00Z' }), json);
    pool.intercept({ path: `/client/v4/user/tokens/${ID}`, method: 'GET' }).reply(403, {}, json);
    const verdict = await ping({ token: USER_TOKEN });
    expect(verdict.outcome === 'valid' && verdict.facts.notes).toEqual(['not valid before 2999-01-01T00:00:00.000Z']);
  });

  it('refuses an account that GET /accounts does not list, and says to set account-id', async () => {
    mock().get(API).intercept({ path: '/client/v4/accounts?per_page=5', method: 'GET' }).reply(200, ok([]), json);
    await expect(ping({ token: `cfat_${'A1b2C3d4E5'.repeat(4)}0123abcd` })).rejects.toMatchObject({ code: 'unexpected-response', message: expect.stringContaining('set account-id') });
  });
});

describe('cloudflare: answers that are no verdict', () => {
  it('turns a throttle and a server error on verify into unknown', async () => {
    const verify = () => mock().get(API).intercept({ path: '/client/v4/user/tokens/verify', method: 'GET' });
    verify().reply(429, { success: false, errors: [{ code: 10000, message: 'Rate limited' }] }, { headers: { ...json.headers, 'retry-after': '0' } });
    await expect(ping({ token: USER_TOKEN })).rejects.toMatchObject({ code: 'rate-limited' });
    verify().reply(500, { success: false, errors: [{ code: 10000, message: 'Internal error' }] }, json);
    await expect(ping({ token: USER_TOKEN })).rejects.toMatchObject({ code: 'unexpected-response' });
  });
});

describe('cloudflare: Global API Key', () => {
  const KEY = `cfk_${'A1b2C3d4E5'.repeat(4)}0123abcd`;

  it('sends the key and email as X-Auth-Key and X-Auth-Email, never as a Bearer token', async () => {
    mock()
      .get(API)
      .intercept({ path: '/client/v4/user', method: 'GET', headers: (h) => h['x-auth-key'] === KEY && h['x-auth-email'] === 'ops@example.com' && !h.authorization })
      .reply(200, ok({ id: '7c5dae5552338874e5053f2534d2767a', email: 'ops@example.com' }), json);
    const verdict = await ping({ token: KEY, email: 'ops@example.com' });
    expect(verdict).toMatchObject({ outcome: 'valid', facts: { kind: 'Global API Key', identity: '7c5dae5552338874e5053f2534d2767a' } });
  });

  it('calls an unknown key or email (9103) invalid', async () => {
    mock().get(API).intercept({ path: '/client/v4/user', method: 'GET' }).reply(400, { success: false, errors: [{ code: 9103, message: 'Unknown X-Auth-Key or X-Auth-Email' }] }, json);
    await expect(ping({ token: KEY, email: 'ops@example.com' })).resolves.toMatchObject({ outcome: 'rejected', code: 'invalid', message: expect.stringContaining('9103') });
  });

  it('does not send a legacy 37-hex Global API Key without its email', async () => {
    await expect(ping({ token: 'a'.repeat(37) })).rejects.toMatchObject({ message: expect.stringContaining('add `email` to the secret') });
  });
});

describe('cloudflare: rate-limit headers', () => {
  const res = (headers: Record<string, string>) => ({ status: 200, headers, body: '', latencyMs: 0, attempts: 1, host: 'api.cloudflare.com' });

  it('reads the remaining quota, its reset and the policy quota', () => {
    expect(rateLimitOf(res({ ratelimit: '"default";r=50;t=30', 'ratelimit-policy': '"burst";q=100;w=60' }), 0)).toEqual({ limit: 100, remaining: 50, resetAt: '1970-01-01T00:00:30.000Z' });
  });

  it('is absent without the headers, and ignores what it cannot read', () => {
    expect(rateLimitOf(res({}))).toBeUndefined();
    expect(rateLimitOf(res({ ratelimit: 'soon' }))).toBeUndefined();
  });
});

describe('cloudflare: account-id', () => {
  it('is never put in a path unless it is 32 hex characters', async () => {
    await expect(ping({ token: LEGACY }, { 'account-id': '../../user' })).rejects.toMatchObject({ message: 'account-id must be 32 hex characters; the token was not sent' });
  });
});
