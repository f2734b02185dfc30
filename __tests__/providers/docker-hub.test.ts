// Docker Hub beyond its examples (src/providers/docker-hub.ts): the minted registry token is masked
// and used only for the rate-limit HEAD, whose failure leaves a proven credential valid.
import { describe, expect, it } from 'vitest';
import { runEngine, tokenSpec } from '../helpers/engine.js';
import { useMockAgent } from '../helpers/mock-agent.js';
import { HttpClient } from '../../src/http/client.js';
import { dockerHub } from '../../src/providers/docker-hub.js';
import type { Verdict } from '../../src/providers/provider.js';
import { targetFor } from '../../src/run/target.js';

const mock = useMockAgent();
const json = { headers: { 'content-type': 'application/json' } };
const CREDENTIAL = { username: 'docker-test', token: 'dckr_pat_EXAMPLEexampleEXAMPLE012345' };
const GRANT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIifQ.SENTINELgrantSIGNATURE';
const TOKEN_PATH = '/token?service=registry.docker.io&scope=repository%3Aratelimitpreview%2Ftest%3Apull';
const MANIFEST = '/v2/ratelimitpreview/test/manifests/latest';

async function ping(secrets: string[] = []): Promise<Verdict> {
  const http = new HttpClient({ dispatcher: mock(), timeoutMs: 2_000, random: () => 0, maxAttempts: 1, onSecret: (v) => secrets.push(v) });
  const target = targetFor(dockerHub, { purpose: 'preflight', env: {} });
  const session = http.session({ base: target.base, hosts: target.hosts, credential: CREDENTIAL, throttling: target.throttling });
  return dockerHub.check(CREDENTIAL, { http: session, env: {}, purpose: 'preflight', settings: {} });
}

function grants() {
  const basic = `Basic ${Buffer.from(`${CREDENTIAL.username}:${CREDENTIAL.token}`).toString('base64')}`;
  mock().get('https://auth.docker.io').intercept({ path: TOKEN_PATH, method: 'GET', headers: { authorization: basic } }).reply(200, { token: GRANT, expires_in: 300 }, json);
}

describe('docker-hub', () => {
  it('masks the registry token it is given and sends it, not the access token, to the registry', async () => {
    grants();
    mock().get('https://registry-1.docker.io').intercept({ path: MANIFEST, method: 'HEAD', headers: { authorization: `Bearer ${GRANT}` } })
      .reply(200, '', { headers: { 'ratelimit-limit': '200;w=21600', 'ratelimit-remaining': '199;w=21600' } });
    const secrets: string[] = [];
    const verdict = await ping(secrets);
    expect(verdict).toMatchObject({ outcome: 'valid', facts: { rateLimit: { limit: 200, remaining: 199 } } });
    expect(secrets).toContain(GRANT);
    mock().assertNoPendingInterceptors();
  });

  it('keeps a proven credential valid when the rate-limit HEAD is throttled, and says why the limit is unknown', async () => {
    grants();
    mock().get('https://registry-1.docker.io').intercept({ path: MANIFEST, method: 'HEAD' }).reply(429, '', { headers: { 'retry-after': '0' } });
    const verdict = await ping();
    expect(verdict).toMatchObject({ outcome: 'valid', facts: { notes: [expect.stringMatching(/^pull rate limit not read: .*429/)] } });
    expect(verdict.outcome === 'valid' && verdict.facts.rateLimit).toBeUndefined();
  });

  it('ignores rate-limit headers it cannot read', async () => {
    grants();
    mock().get('https://registry-1.docker.io').intercept({ path: MANIFEST, method: 'HEAD' }).reply(200, '', { headers: { 'ratelimit-limit': 'lots' } });
    const verdict = await ping();
    expect(verdict.outcome === 'valid' && verdict.facts).toEqual({ kind: 'personal access token' });
  });

  it("quotes the token service's own words when it refuses", async () => {
    mock().get('https://auth.docker.io').intercept({ path: TOKEN_PATH, method: 'GET' }).reply(401, { details: 'incorrect username or password' }, json);
    await expect(ping()).resolves.toMatchObject({ outcome: 'rejected', code: 'invalid', message: expect.stringContaining('(incorrect username or password)') });
  });
});

describe('docker-hub through the whole engine', () => {
  it('masks both parts, the Basic header and the minted registry token, and shows none of them', async () => {
    grants();
    mock().get('https://registry-1.docker.io').intercept({ path: MANIFEST, method: 'HEAD' }).reply(200, '', { headers: { 'ratelimit-limit': '100;w=21600', 'ratelimit-remaining': '99;w=21600' } });
    const spec = tokenSpec('docker-hub', { username: 'DOCKERHUB_USERNAME', token: 'DOCKERHUB_TOKEN' });
    const env = { DOCKERHUB_USERNAME: CREDENTIAL.username, DOCKERHUB_TOKEN: CREDENTIAL.token };
    const { token, masked } = await runEngine([spec], env, mock(), { secrets: [CREDENTIAL.token, GRANT] });
    expect(token).toMatchObject({ status: 'ok', kind: 'personal access token', rateLimit: { limit: 100, remaining: 99 }, host: 'auth.docker.io, registry-1.docker.io' });
    expect(masked).toEqual(expect.arrayContaining([CREDENTIAL.username, CREDENTIAL.token, Buffer.from(`${CREDENTIAL.username}:${CREDENTIAL.token}`).toString('base64'), GRANT]));
  });
});
