// Atlassian through the whole engine: Basic email:token to the site, then (a 401 there) to the API
// gateway for a scoped token, with the cloud id read without credentials; the CAPTCHA lock-out and
// the rate-limit headers, and which provider a found Atlassian-shaped token maps to. Answers:
// Atlassian docs and the reports cited in src/providers/atlassian.ts.
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runEngine, tokenSpec } from '../helpers/engine.js';
import { useMockAgent } from '../helpers/mock-agent.js';
import { atlassian } from '../../src/providers/atlassian.js';
import { PROVIDERS } from '../../src/providers/registry.js';

const mock = useMockAgent();
const EMAIL = 'mia@example.com';
const TOKEN = `ATATT3${'xFfGF0'.repeat(30)}=0123ABCD`;
const BASIC = `Basic ${Buffer.from(`${EMAIL}:${TOKEN}`).toString('base64')}`;
const CLOUD = '1324a887-45db-1bf4-1e99-ef0ff456d421';
const MIA = { accountId: '5b10a2844c20165700ede21g', accountType: 'atlassian', active: true, displayName: 'Mia Krystof', emailAddress: EMAIL };
const NOT_AUTHENTICATED = 'Client must be authenticated to access this resource.';

async function run(timeoutMs?: number) {
  const spec = tokenSpec('atlassian', { email: 'JIRA_EMAIL', token: 'JIRA_TOKEN' }, { settings: { site: 'acme.atlassian.net' } });
  return (await runEngine([spec], { JIRA_EMAIL: EMAIL, JIRA_TOKEN: TOKEN }, mock(), { timeoutMs })).token;
}

/** Records each request as `origin path authorization`. */
function answer(origin: string, path: string, status: number, body: unknown, headers: Record<string, string> = {}, seen: string[] = []) {
  mock()
    .get(origin)
    .intercept({ path, method: 'GET' })
    .reply((req) => {
      seen.push(`${origin}${req.path} ${(req.headers as Record<string, string>).authorization === BASIC ? 'basic' : 'none'}`);
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      return { statusCode: status, data: text, responseOptions: { headers: { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json', ...headers } } };
    });
  return seen;
}

describe('atlassian', () => {
  it('sends Basic email:token to the site and names the account, with the rate-limit headers', async () => {
    const seen = answer('https://acme.atlassian.net', '/rest/api/3/myself', 200, MIA, { 'x-ratelimit-limit': '100', 'x-ratelimit-remaining': '99', 'x-ratelimit-reset': '2030-01-01T10:00Z' });
    const token = await run();
    expect(seen).toEqual(['https://acme.atlassian.net/rest/api/3/myself basic']);
    expect(token).toMatchObject({ status: 'ok', kind: 'API token', identity: '5b10a2844c20165700ede21g', notes: ['name: Mia Krystof'], rateLimit: { limit: 100, remaining: 99, resetAt: '2030-01-01T10:00:00.000Z' } });
  });

  it('tries a token the site refuses through the API gateway, reading the cloud id without credentials', async () => {
    const seen: string[] = [];
    answer('https://acme.atlassian.net', '/rest/api/3/myself', 401, NOT_AUTHENTICATED, {}, seen);
    answer('https://acme.atlassian.net', '/_edge/tenant_info', 200, { cloudId: CLOUD }, {}, seen);
    answer('https://api.atlassian.com', `/ex/jira/${CLOUD}/rest/api/3/myself`, 200, MIA, {}, seen);
    const token = await run();
    expect(seen).toEqual([
      'https://acme.atlassian.net/rest/api/3/myself basic',
      'https://acme.atlassian.net/_edge/tenant_info none',
      `https://api.atlassian.com/ex/jira/${CLOUD}/rest/api/3/myself basic`,
    ]);
    expect(token).toMatchObject({ status: 'ok', kind: 'scoped API token' });
  });

  it('does not put a cloud id that is not one into the gateway URL', async () => {
    answer('https://acme.atlassian.net', '/rest/api/3/myself', 401, NOT_AUTHENTICATED);
    answer('https://acme.atlassian.net', '/_edge/tenant_info', 200, { cloudId: '../../admin' });
    const token = await run();
    expect(token.problems).toMatchObject([{ code: 'unexpected-response', message: expect.stringContaining('cloud id could not be read') }]);
  });

  it('names the way out of a CAPTCHA lock-out', async () => {
    answer('https://acme.atlassian.net', '/rest/api/3/myself', 403, '', { 'x-seraph-loginreason': 'AUTHENTICATION_DENIED' });
    const token = await run();
    expect(token.problems).toMatchObject([{ code: 'unexpected-response', message: expect.stringContaining('sign in once at https://acme.atlassian.net') }]);
  });

  it('turns a throttle and a server error into unknown', async () => {
    mock().get('https://acme.atlassian.net').intercept({ path: '/rest/api/3/myself', method: 'GET' }).reply(429, '', { headers: { 'retry-after': '0' } }).times(3);
    expect((await run()).problems).toMatchObject([{ code: 'rate-limited' }]);
    mock().get('https://acme.atlassian.net').intercept({ path: '/rest/api/3/myself', method: 'GET' }).reply(503, 'Service Unavailable');
    expect((await run(100)).problems).toMatchObject([{ code: 'unexpected-response', message: expect.stringContaining('503') }]);
  });

  it('says a refused token whose checksum fails was damaged when saved', async () => {
    const refusal = { code: 401, message: 'Unauthorized' };
    answer('https://acme.atlassian.net', '/rest/api/3/myself', 401, NOT_AUTHENTICATED);
    answer('https://acme.atlassian.net', '/_edge/tenant_info', 200, { cloudId: CLOUD });
    answer('https://api.atlassian.com', `/ex/jira/${CLOUD}/rest/api/3/myself`, 401, refusal);
    // TOKEN ends in 0123ABCD, not its CRC-32.
    expect((await run()).problems).toMatchObject([{ code: 'invalid', message: expect.stringContaining('checksum does not match') }]);
  });

  it('sends the token to the site and the gateway only, and nowhere without a site', () => {
    expect(atlassian.fromSettings!({ site: 'acme.atlassian.net' }).hosts).toEqual(['acme.atlassian.net', 'api.atlassian.com']);
    for (const site of ['acme.atlassian.net.evil.example', 'https://acme.atlassian.net', 'jira.acme.com', undefined]) expect(atlassian.fromSettings!({ site }).hosts).toEqual([]);
  });
});

describe('Atlassian-shaped tokens', () => {
  const withChecksum = (body: string) => `${body}${crc32(body).toString(16).toUpperCase().padStart(8, '0')}`;
  const owners = (token: string) => PROVIDERS.filter((p) => p.formats?.some((format) => format.test(token))).map((p) => p.id);

  it('map to one provider each: an account API token to atlassian, which cannot verify it found alone', () => {
    expect(owners(withChecksum(`ATATT3xFfGF0${'Ab_-9z'.repeat(29)}=`))).toEqual(['atlassian']);
    expect(atlassian.can.verifiesLeaks).toBe(false);
    expect(owners(withChecksum(`ATCTT3xFfGN0${'Ab_-9z'.repeat(29)}=`))).toEqual(['bitbucket']);
    expect(owners(withChecksum(`ATBB${'k2Pq'.repeat(6)}`))).toEqual(['bitbucket']);
    expect(owners(`ATATT3xFfGF0${'x'.repeat(20)}=0123ABCD`)).toEqual([]);
  });
});
