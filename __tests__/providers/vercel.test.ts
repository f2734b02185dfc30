// Vercel beyond its examples (src/providers/vercel.ts): where each kind of token goes, and a user
// look-up that fails after the token is proven.
import { describe, expect, it } from 'vitest';
import { useMockAgent } from '../helpers/mock-agent.js';
import { HttpClient } from '../../src/http/client.js';
import type { Verdict } from '../../src/providers/provider.js';
import { vercel } from '../../src/providers/vercel.js';
import { targetFor } from '../../src/run/target.js';

const mock = useMockAgent();
const json = { headers: { 'content-type': 'application/json' } };
const API = 'https://api.vercel.com';
const GATEWAY = 'https://ai-gateway.vercel.sh';
const PAT = `vcp_${'a1B2c3D4'.repeat(7)}`;
const META = { token: { id: 'tok_1', name: 'ci', type: 'oauth2-token', activeAt: 1, createdAt: 1 } };

function ping(token: string): Promise<Verdict> {
  const http = new HttpClient({ dispatcher: mock(), timeoutMs: 2_000, random: () => 0, maxAttempts: 1 });
  const target = targetFor(vercel, { purpose: 'leak', env: {} });
  const session = http.session({ base: target.base, hosts: target.hosts, credential: { token }, throttling: target.throttling });
  return vercel.check({ token }, { http: session, env: {}, purpose: 'leak', settings: {} });
}

describe('vercel', () => {
  it('keeps a proven token valid, without identity, when GET /v2/user fails', async () => {
    const pool = mock().get(API);
    pool.intercept({ path: '/v5/user/tokens/current', method: 'GET', headers: { authorization: `Bearer ${PAT}` } }).reply(200, META, json);
    pool.intercept({ path: '/v2/user', method: 'GET' }).reply(500, { error: { code: 'internal_server_error' } }, json);
    const verdict = await ping(PAT);
    expect(verdict).toMatchObject({ outcome: 'valid', facts: { kind: 'personal access token', notes: ['token name: ci'] } });
    expect(verdict.outcome === 'valid' && verdict.facts.identity).toBeUndefined();
    // No scopes field: scopes unknown, not "none"; no expiresAt: expiry unknown, not "never".
    expect(verdict.outcome === 'valid' && [verdict.facts.scopes, verdict.facts.expiresAt]).toEqual([undefined, undefined]);
  });

  it('reads user and team scopes, skipping entries it cannot read', async () => {
    const scopes = [null, { type: 'user', origin: 'email' }, { type: 'team', teamId: 'team_1' }, { type: 'sudo' }];
    const pool = mock().get(API);
    pool.intercept({ path: '/v5/user/tokens/current', method: 'GET' }).reply(200, { token: { ...META.token, scopes } }, json);
    pool.intercept({ path: '/v2/user', method: 'GET' }).reply(200, { user: { username: 'jdoe' } }, json);
    await expect(ping(PAT)).resolves.toMatchObject({ outcome: 'valid', facts: { identity: 'jdoe', scopes: ['user', 'team:team_1'] } });
  });

  it('calls a 401 invalid', async () => {
    mock().get(API).intercept({ path: '/v5/user/tokens/current', method: 'GET' }).reply(401, { error: { code: 'unauthorized', message: 'Missing token' } }, json);
    await expect(ping(PAT)).resolves.toMatchObject({ outcome: 'rejected', code: 'invalid', message: expect.stringContaining('Missing token') });
  });

  it('sends an AI Gateway key to the gateway only, and calls its 401 invalid', async () => {
    mock().get(GATEWAY).intercept({ path: '/v1/credits', method: 'GET' }).reply(401, { error: { message: 'Invalid API key' } }, json);
    await expect(ping(`vck_${'a1B2c3D4'.repeat(7)}`)).resolves.toMatchObject({ outcome: 'rejected', code: 'invalid' });
    mock().assertNoPendingInterceptors();
  });

  it('refuses a gateway answer without a balance', async () => {
    mock().get(GATEWAY).intercept({ path: '/v1/credits', method: 'GET' }).reply(200, {}, json);
    await expect(ping(`vck_${'a1B2c3D4'.repeat(7)}`)).rejects.toMatchObject({ code: 'unexpected-response', message: expect.stringContaining('no "balance"') });
  });

  it('never sends a refresh token', async () => {
    await expect(ping(`vcr_${'a1B2c3D4'.repeat(7)}`)).rejects.toMatchObject({ message: expect.stringContaining('it was not sent') });
  });
});
