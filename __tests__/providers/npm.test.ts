// npm beyond its examples (src/providers/npm.ts): what a 401 says about the token, a registry of
// one's own (base-url), answers that are not a verdict.
import { describe, expect, it } from 'vitest';
import { useMockAgent } from '../helpers/mock-agent.js';
import { HttpClient } from '../../src/http/client.js';
import { base62Crc32 } from '../../src/providers/checksum.js';
import { npm } from '../../src/providers/npm.js';
import type { Verdict } from '../../src/providers/provider.js';
import { targetFor } from '../../src/run/target.js';

const mock = useMockAgent();
const json = { headers: { 'content-type': 'application/json' } };
const RANDOM = 'EXAMPLEnpmTOKEN0123456789abcde';
const TOKEN = `npm_${RANDOM}${base62Crc32(RANDOM)}`;

function ping(token: string, baseUrl?: string): Promise<Verdict> {
  const http = new HttpClient({ dispatcher: mock(), timeoutMs: 2_000, random: () => 0, maxAttempts: 1 });
  const target = targetFor(npm, { purpose: 'preflight', baseUrl, env: {} });
  const session = http.session({ base: target.base, hosts: target.hosts, credential: { token }, throttling: target.throttling });
  return npm.check({ token }, { http: session, env: {}, purpose: 'preflight', settings: {} });
}

const refusedWith = async (token: string) => {
  mock().get('https://registry.npmjs.org').intercept({ path: '/-/whoami', method: 'GET' }).reply(401, {}, json);
  const verdict = await ping(token);
  expect(verdict).toMatchObject({ outcome: 'rejected', code: 'invalid' });
  return verdict.outcome === 'rejected' ? verdict.message : '';
};

describe('npm', () => {
  it('sends the token as a Bearer to GET /-/whoami', async () => {
    mock().get('https://registry.npmjs.org').intercept({ path: '/-/whoami', method: 'GET', headers: { authorization: `Bearer ${TOKEN}` } }).reply(200, { username: 'npm-user' }, json);
    await expect(ping(TOKEN)).resolves.toMatchObject({ outcome: 'valid', facts: { identity: 'npm-user' } });
  });

  it('says nothing of the checksum when it holds', async () => {
    expect(await refusedWith(TOKEN)).not.toMatch(/checksum/);
  });

  it('adds that the checksum fails when it does (truncated or mistyped), but still asks npm', async () => {
    expect(await refusedWith(`${TOKEN.slice(0, -1)}${TOKEN.endsWith('x') ? 'y' : 'x'}`)).toMatch(/checksum does not match/);
  });

  it('reminds that classic (UUID) tokens were all revoked', async () => {
    expect(await refusedWith('0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d')).toMatch(/revoked every classic token on 2025-12-09/);
  });

  it('asks a registry of your own at its base-url, keeping its path', async () => {
    mock().get('https://npm.example.com').intercept({ path: '/api/npm/remote/-/whoami', method: 'GET' }).reply(200, { username: 'ci' }, json);
    await expect(ping(TOKEN, 'https://npm.example.com/api/npm/remote/')).resolves.toMatchObject({ outcome: 'valid', facts: { identity: 'ci' } });
  });

  it('turns a throttle and a server error into unknown', async () => {
    const whoami = () => mock().get('https://registry.npmjs.org').intercept({ path: '/-/whoami', method: 'GET' });
    whoami().reply(429, { error: 'Too Many Requests' }, { headers: { ...json.headers, 'retry-after': '0' } });
    await expect(ping(TOKEN)).rejects.toMatchObject({ code: 'rate-limited' });
    whoami().reply(503, 'Service Unavailable');
    await expect(ping(TOKEN)).rejects.toMatchObject({ code: 'unexpected-response' });
  });

  it("calls a 403 unknown, with the registry's words, not a refusal", async () => {
    mock().get('https://registry.npmjs.org').intercept({ path: '/-/whoami', method: 'GET' }).reply(403, { error: 'IP address not allowed' }, json);
    await expect(ping(TOKEN)).rejects.toMatchObject({ code: 'unexpected-response', message: 'registry.npmjs.org answered HTTP 403: IP address not allowed' });
  });
});
