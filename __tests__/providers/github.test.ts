import { describe, expect, it } from 'vitest';
import { useMockAgent } from '../helpers/mock-agent.js';
import { ProblemError } from '../../src/check/problems.js';
import { HttpClient } from '../../src/http/client.js';
import { github, githubTokenKind, parseExpiration } from '../../src/providers/github.js';
import type { Purpose, Verdict } from '../../src/providers/provider.js';
import { targetFor } from '../../src/run/target.js';
import { BAD_CREDENTIALS, githubToken, INSTALLATION_REPOSITORIES, NOT_ACCESSIBLE, rateHeaders, USER } from './github-fixtures.js';

const API = 'https://api.github.com';
const mock = useMockAgent();

/** One check of a GitHub token, as the engine makes it: its target, a session, the provider's check. */
function ping(token: string, env: Record<string, string> = {}, baseUrl?: string, purpose: Purpose = 'preflight'): Promise<Verdict> {
  const http = new HttpClient({ dispatcher: mock(), timeoutMs: 2_000, random: () => 0 });
  const target = targetFor(github, { purpose, baseUrl, env });
  const session = http.session({ base: target.base, hosts: target.hosts, credential: { token }, throttling: target.throttling });
  return github.check({ token }, { http: session, env: target.env, purpose, settings: {} });
}

const json = (headers: Record<string, string> = {}) => ({ headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });

function valid(p: Verdict) {
  if (p.outcome !== 'valid') throw new Error(`expected a valid ping, got ${JSON.stringify(p)}`);
  return p.facts;
}

describe('github.ping: personal access tokens and OAuth tokens (GET /user)', () => {
  it('reads identity, scopes, expiry and rate limit of a classic PAT', async () => {
    const token = githubToken('ghp_');
    mock().get(API).intercept({ path: '/user', method: 'GET', headers: { authorization: `Bearer ${token}`, 'x-github-api-version': '2022-11-28' } })
      .reply(200, USER, json({ 'x-oauth-scopes': 'repo, read:org', 'github-authentication-token-expiration': '2026-12-01 00:00:00 UTC', ...rateHeaders(4990) }));
    const facts = valid(await ping(token));
    expect(facts).toMatchObject({
      kind: 'classic personal access token',
      identity: 'octocat',
      scopes: ['repo', 'read:org'],
      rateLimit: { limit: 5000, remaining: 4990, resetAt: '2027-01-01T00:00:00.000Z' },
    });
    expect(facts.expiresAt?.toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });

  it('reads the offset form of the expiration header', async () => {
    const token = githubToken('github_pat_11ABCDEFG');
    mock().get(API).intercept({ path: '/user', method: 'GET' })
      .reply(200, USER, json({ 'github-authentication-token-expiration': '2027-03-31 00:00:00 +0900' }));
    const facts = valid(await ping(token));
    expect(facts.expiresAt?.toISOString()).toBe('2027-03-30T15:00:00.000Z');
    expect(facts.kind).toBe('fine-grained personal access token');
    expect(facts.scopes).toBeUndefined(); // fine-grained tokens do not reveal permissions
  });

  it('says "never expires" for a PAT without the expiration header, but "unknown" for a user access token', async () => {
    mock().get(API).intercept({ path: '/user', method: 'GET' }).reply(200, USER, json({ 'x-oauth-scopes': '' })).times(2);
    const pat = valid(await ping(githubToken('ghp_')));
    expect(pat.expiresAt).toBeNull();
    expect(pat.scopes).toEqual([]);
    const userToken = valid(await ping(githubToken('ghu_')));
    expect(userToken.expiresAt).toBeUndefined();
    // A ghu_ token kept in a secret dies within 8 hours: not "ephemeral", so its expiry is warned about.
    expect(userToken.ephemeral).toBeUndefined();
  });

  it('calls a 401 invalid, saying GitHub does not tell revoked from expired', async () => {
    mock().get(API).intercept({ path: '/user', method: 'GET' }).reply(401, BAD_CREDENTIALS, json());
    const result = await ping(githubToken('ghp_'));
    expect(result).toMatchObject({ outcome: 'rejected', code: 'invalid' });
    expect(result.outcome === 'rejected' && result.message).toMatch(/unknown, revoked or expired/);
    expect(result.outcome === 'rejected' && result.message).not.toMatch(/checksum/);
  });

  it('adds a hint when a rejected token also fails its checksum (truncated or mistyped)', async () => {
    mock().get(API).intercept({ path: '/user', method: 'GET' }).reply(401, BAD_CREDENTIALS, json());
    const result = await ping(`${githubToken('ghp_').slice(0, -1)}x`);
    expect(result.outcome === 'rejected' && result.message).toMatch(/checksum does not match/);
  });

  it('rejects a 200 whose body is not the documented user object', async () => {
    mock().get(API).intercept({ path: '/user', method: 'GET' }).reply(200, '<html>captive portal</html>');
    const error = await ping(githubToken('ghp_')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    expect(error).toMatchObject({ code: 'unexpected-response', message: expect.stringContaining('not a JSON object') });
  });

  it('rejects a user object without a login', async () => {
    mock().get(API).intercept({ path: '/user', method: 'GET' }).reply(200, { id: 1 }, json());
    await expect(ping(githubToken('ghp_'))).rejects.toMatchObject({ code: 'unexpected-response', message: expect.stringContaining('no "login"') });
  });

  it('rejects an expiration header it cannot read instead of guessing', async () => {
    mock().get(API).intercept({ path: '/user', method: 'GET' }).reply(200, USER, json({ 'github-authentication-token-expiration': 'soon' }));
    await expect(ping(githubToken('ghp_'))).rejects.toMatchObject({ code: 'unexpected-response', message: expect.stringContaining('"soon" is not a date') });
  });

  it("reports other statuses with GitHub's message", async () => {
    mock().get(API).intercept({ path: '/user', method: 'GET' }).reply(404, { message: 'Not Found' }, json());
    await expect(ping(githubToken('ghp_'))).rejects.toMatchObject({ code: 'unexpected-response', message: 'api.github.com answered HTTP 404: Not Found' });
  });

  it('treats 403 with no remaining quota as throttling (rate-limited), not as a bad token', async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 3600);
    mock().get(API).intercept({ path: '/user', method: 'GET' })
      .reply(403, { message: 'API rate limit exceeded' }, json({ ...rateHeaders(0), 'x-ratelimit-reset': reset }));
    await expect(ping(githubToken('ghp_'))).rejects.toMatchObject({ code: 'rate-limited' });
  });

  it('treats a secondary rate limit (403, quota left, no Retry-After) as rate-limited, not as an error', async () => {
    // docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits
    const secondary = { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits', status: '403' };
    mock().get(API).intercept({ path: '/user', method: 'GET' }).reply(403, secondary, json(rateHeaders(4000))).times(3);
    await expect(ping(githubToken('ghp_'))).rejects.toMatchObject({ code: 'rate-limited' });
  });

  it('ignores an unusable x-ratelimit-reset instead of failing a valid token', async () => {
    mock().get(API).intercept({ path: '/user', method: 'GET' }).reply(200, USER, json({ ...rateHeaders(4990), 'x-ratelimit-reset': '99999999999999999999' }));
    const facts = valid(await ping(githubToken('ghp_')));
    expect(facts.rateLimit).toEqual({ limit: 5000, remaining: 4990, resetAt: undefined });
  });

  it('notes partial results when SAML SSO has not authorized the token for some organizations', async () => {
    mock().get(API).intercept({ path: '/user', method: 'GET' }).reply(200, USER, json({ 'x-github-sso': 'partial-results; organizations=21955855,20582480' }));
    expect(valid(await ping(githubToken('ghp_'))).notes).toEqual([expect.stringContaining('SAML single sign-on of some organizations')]);
  });

  it('does not fall back to the workflow repository for a found secret (purpose leak)', async () => {
    mock().get(API).intercept({ path: '/installation/repositories?per_page=1', method: 'GET' }).reply(403, NOT_ACCESSIBLE, json());
    await expect(ping(githubToken('ghs_'), { GITHUB_REPOSITORY: 'acme/app' }, undefined, 'leak')).rejects.toMatchObject({ code: 'unexpected-response' });
  });

  it('marks a bot account', async () => {
    mock().get(API).intercept({ path: '/user', method: 'GET' }).reply(200, { ...USER, login: 'acme-bot', type: 'Bot' }, json());
    expect(valid(await ping(githubToken('ghp_'))).notes).toContain('acts as a bot account');
  });
});

describe('github.ping: installation tokens (ghs_, GITHUB_TOKEN)', () => {
  it('asks GET /installation/repositories, never GET /user (which answers 403 for them)', async () => {
    const token = githubToken('ghs_');
    mock().get(API).intercept({ path: '/installation/repositories?per_page=1', method: 'GET', headers: { authorization: `Bearer ${token}` } })
      .reply(200, INSTALLATION_REPOSITORIES, json(rateHeaders(990, 1000)));
    const facts = valid(await ping(token));
    expect(facts).toMatchObject({ identity: 'acme', kind: 'GitHub App installation token', ephemeral: true, notes: ['can access 2 repositories'] });
    expect(facts.scopes).toBeUndefined();
    expect(facts.expiresAt).toBeUndefined();
    mock().assertNoPendingInterceptors();
  });

  it("falls back to the workflow's own repository when the installation listing is refused", async () => {
    const pool = mock().get(API);
    pool.intercept({ path: '/installation/repositories?per_page=1', method: 'GET' }).reply(403, NOT_ACCESSIBLE, json());
    pool.intercept({ path: '/repos/acme/app', method: 'GET' }).reply(200, { full_name: 'acme/app', owner: { login: 'acme' } }, json());
    const facts = valid(await ping(githubToken('ghs_'), { GITHUB_REPOSITORY: 'acme/app' }));
    expect(facts).toMatchObject({ identity: 'acme', notes: ['can read acme/app'] });
  });

  it('says installation tokens expire after an hour when one is refused', async () => {
    mock().get(API).intercept({ path: '/installation/repositories?per_page=1', method: 'GET' }).reply(401, BAD_CREDENTIALS, json());
    const result = await ping(githubToken('ghs_'));
    expect(result).toMatchObject({ outcome: 'rejected', code: 'invalid', message: expect.stringContaining('one hour') });
  });

  it('recognizes an installation token of an unknown format by GitHub\'s 403 on GET /user', async () => {
    const pool = mock().get(API);
    pool.intercept({ path: '/user', method: 'GET' }).reply(403, NOT_ACCESSIBLE, json());
    pool.intercept({ path: '/installation/repositories?per_page=1', method: 'GET' }).reply(200, INSTALLATION_REPOSITORIES, json());
    const facts = valid(await ping('v1.0123456789abcdef0123456789abcdef01234567'));
    expect(facts.kind).toBe('GitHub App installation token');
  });

  it('accepts the 2026 stateless JWT form of ghs_ tokens', () => {
    expect(githubTokenKind('ghs_eyJhbGciOi.eyJzdWIiOi.sig_nature').installation).toBe(true);
  });
});

describe('github base URL (GitHub Enterprise Server, GHE.com)', () => {
  it('defaults to GITHUB_API_URL, keeping its /api/v3 path', async () => {
    mock().get('https://ghe.example.com').intercept({ path: '/api/v3/user', method: 'GET' }).reply(200, USER, json());
    const facts = valid(await ping(githubToken('ghp_'), { GITHUB_API_URL: 'https://ghe.example.com/api/v3' }));
    expect(facts.identity).toBe('octocat');
  });

  it('lets a configured base-url win over GITHUB_API_URL', () => {
    const base = (baseUrl: string | undefined, env: Record<string, string>) => targetFor(github, { purpose: 'preflight', baseUrl, env }).base.href;
    expect(base('https://api.acme.ghe.com', { GITHUB_API_URL: 'https://api.github.com' })).toBe('https://api.acme.ghe.com/');
    expect(base(undefined, {})).toBe('https://api.github.com/');
  });
});

describe('github helpers', () => {
  it.each([
    ['2024-06-01 00:00:00 UTC', '2024-06-01T00:00:00.000Z'],
    ['2027-03-31 00:00:00 +0900', '2027-03-30T15:00:00.000Z'],
    ['2027-03-31 08:30:00 -0130', '2027-03-31T10:00:00.000Z'],
  ])('parses the expiration %s', (header, iso) => {
    expect(parseExpiration(header)?.toISOString()).toBe(iso);
  });

  it.each(['', '2024-06-01', 'tomorrow', '2024-13-45 99:00:00 UTC'])('refuses the expiration %j', (header) => {
    expect(parseExpiration(header)).toBeUndefined();
  });

  it('expands broad scopes into the narrower ones they include', () => {
    const all = github.expandScopes!(['admin:org', 'repo']);
    expect([...all]).toEqual(expect.arrayContaining(['admin:org', 'write:org', 'read:org', 'repo', 'public_repo', 'repo:status']));
    expect(all.has('delete_repo')).toBe(false);
  });

  it.each([
    ['write:discussion', 'read:discussion'],
    ['admin:repo_hook', 'read:repo_hook'],
    ['admin:public_key', 'read:public_key'],
    ['admin:gpg_key', 'read:gpg_key'],
    ['user', 'user:follow'],
    ['project', 'read:project'],
    ['write:packages', 'read:packages'],
    ['admin:enterprise', 'read:enterprise'],
    ['repo', 'security_events'],
  ])('%s includes %s (GitHub\'s scope list)', (broad, narrow) => {
    expect(github.expandScopes!([broad]).has(narrow)).toBe(true);
    expect(github.expandScopes!([narrow]).has(broad)).toBe(false);
  });

  it.each([
    [githubToken('ghp_'), true],
    [githubToken('ghs_'), true],
    ['github_pat_11ABCDEFGHIJKLMNOPQRSTUV_abcdefghijklmnopqrstuvwxyz0123456789', true],
    ['0123456789abcdef0123456789abcdef01234567', true],
    ['RELEASE_BOT_TOKEN', false],
    ['GITHUB_TOKEN', false],
    ['ghp_short', false],
  ])('formats match %s: %s', (value, expected) => {
    expect(github.formats!.some((format) => format.test(value))).toBe(expected);
  });
});
