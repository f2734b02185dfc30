import { describe, expect, it } from 'vitest';
import { useMockAgent } from '../helpers/mock-agent.js';
import { HttpClient } from '../../src/http/client.js';
import { Limiter } from '../../src/http/limiter.js';
import type { Lookup } from '../../src/http/address.js';
import { verifyFound, type FoundSecret } from '../../src/run/verify-found.js';
import { BAD_CREDENTIALS, githubToken, USER } from '../providers/github-fixtures.js';

const mock = useMockAgent();

/** DNS as the tests need it: api.github.com is public; a nip.io-style name points into the runner's network. */
const DNS: Record<string, string> = { 'api.github.com': '140.82.112.6', 'metadata.nip.io': '169.254.169.254', 'gitlab.internal.example': '10.0.0.9' };
const resolve: Lookup = (host, _options, callback) =>
  DNS[host] ? callback(null, [{ address: DNS[host]!, family: 4 }]) : callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }), []);

function deps(overrides: { allowedHosts?: string[]; maxVerifications?: number } = {}) {
  const protectedValues: string[] = [];
  return {
    protectedValues,
    deps: {
      http: new HttpClient({ dispatcher: mock(), timeoutMs: 1_000, random: () => 0 }),
      limiter: new Limiter(4),
      allowedHosts: overrides.allowedHosts ?? [],
      maxVerifications: overrides.maxVerifications ?? 10,
      protect: (value: string) => protectedValues.push(value),
      resolve,
    },
  };
}

const found = (token: string, extra: Partial<FoundSecret> = {}): FoundSecret => ({ fingerprint: `fp-${token.slice(-6)}`, provider: 'github', credential: { token }, ...extra });

describe('verifyFound: the same check as a configured token, with purpose leak', () => {
  it('live, with the blast radius; inactive when refused; once per fingerprint', async () => {
    const live = githubToken('ghp_', 'LIVE');
    const dead = githubToken('ghp_', 'DEAD');
    let calls = 0;
    mock().get('https://api.github.com').intercept({ path: '/user', method: 'GET' }).reply((req) => {
      calls++;
      const ok = String((req.headers as Record<string, string>).authorization) === `Bearer ${live}`;
      return ok
        ? { statusCode: 200, data: JSON.stringify(USER), responseOptions: { headers: { 'x-oauth-scopes': 'repo, admin:org' } } }
        : { statusCode: 401, data: JSON.stringify(BAD_CREDENTIALS) };
    }).persist();
    const { deps: d, protectedValues } = deps();
    const results = await verifyFound([found(live), found(live), found(dead)], d);
    expect(calls).toBe(2);
    expect(results.get(`fp-${live.slice(-6)}`)).toEqual({ verification: 'live', identity: 'octocat', scopes: ['repo', 'admin:org'] });
    expect(results.get(`fp-${dead.slice(-6)}`)).toMatchObject({ verification: 'inactive' });
    expect(protectedValues).toEqual(expect.arrayContaining([live, dead]));
  });

  it('never follows the runner to GHES: GITHUB_API_URL is not used for found secrets', async () => {
    // The runner points GitHub calls at a GHES host; a found secret must still go to api.github.com only.
    mock().get('https://ghe.example.com').intercept({ path: '/api/v3/user', method: 'GET' }).reply(200, USER).persist();
    mock().get('https://api.github.com').intercept({ path: '/user', method: 'GET' }).reply(401, BAD_CREDENTIALS);
    const saved = process.env.GITHUB_API_URL;
    process.env.GITHUB_API_URL = 'https://ghe.example.com/api/v3';
    try {
      const results = await verifyFound([found(githubToken('ghp_'))], deps().deps);
      expect([...results.values()][0]).toMatchObject({ verification: 'inactive' });
    } finally {
      if (saved === undefined) delete process.env.GITHUB_API_URL;
      else process.env.GITHUB_API_URL = saved;
    }
  });

  it('refuses a host from the scanned text unless allowed-hosts lists it', async () => {
    const { deps: d } = deps();
    const results = await verifyFound([found(githubToken('ghp_'), { host: 'collector.evil.example' })], d);
    expect([...results.values()][0]).toEqual({ verification: 'unverified', reason: 'host not allowed: collector.evil.example is not in allowed-hosts' });
  });

  it("a provider's built-in host is not resolved first: behind a proxy the runner may not resolve public names at all", async () => {
    mock().get('https://api.github.com').intercept({ path: '/user', method: 'GET' }).reply(200, USER, { headers: { 'content-type': 'application/json' } });
    const noDns: Lookup = (host, _options, callback) => callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }), []);
    const results = await verifyFound([found(githubToken('ghp_'))], { ...deps().deps, resolve: noDns });
    expect([...results.values()][0]).toMatchObject({ verification: 'live', identity: 'octocat' });
  });

  it('caps the verifications of a run', async () => {
    mock().get('https://api.github.com').intercept({ path: '/user', method: 'GET' }).reply(401, BAD_CREDENTIALS).persist();
    const { deps: d } = deps({ maxVerifications: 2 });
    const tokens = ['A1', 'B2', 'C3', 'D4'].map((m) => found(githubToken('ghp_', m)));
    const results = [...(await verifyFound(tokens, d)).values()];
    expect(results.filter((r) => r.verification === 'inactive')).toHaveLength(2);
    expect(results.filter((r) => r.reason === 'verification cap reached (2 per run)')).toHaveLength(2);
  });

  it('a provider without a verifier leaves the finding unverified, saying why', async () => {
    const results = await verifyFound([{ fingerprint: 'x', provider: 'http', credential: { token: 'whatever-value' } }], deps().deps);
    expect(results.get('x')).toEqual({ verification: 'unverified', reason: 'no verifier for http' });
  });
});
