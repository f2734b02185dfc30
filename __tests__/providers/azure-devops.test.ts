// Azure DevOps beyond its example answers: the organization setting decides the URL (and, absent,
// that nothing is sent), the PAT travels as Basic ":PAT" with the redirect suppressed, the identity
// falls back to the display name, the failure paths and the PAT formats. Bodies: see src/providers/azure-devops.ts.
import { describe, expect, it } from 'vitest';
import { useMockAgent } from '../helpers/mock-agent.js';
import { ProblemError } from '../../src/check/problems.js';
import { HttpClient } from '../../src/http/client.js';
import { azureDevops } from '../../src/providers/azure-devops.js';
import type { Purpose, Verdict } from '../../src/providers/provider.js';
import { targetFor } from '../../src/run/target.js';

const mock = useMockAgent();
const ORIGIN = 'https://dev.azure.com';
const PAT = `${'a1B2c3D4'.repeat(9)}qrstAZDOwxyz`;
const json = { headers: { 'content-type': 'application/json; charset=utf-8' } };

function ping(settings: Record<string, unknown>, purpose: Purpose = 'preflight'): Promise<Verdict> {
  const http = new HttpClient({ dispatcher: mock(), timeoutMs: 2_000, random: () => 0, maxAttempts: 1 });
  const target = targetFor(azureDevops, { purpose, env: {}, settings });
  const session = http.session({ base: target.base, hosts: target.hosts, credential: { token: PAT }, throttling: target.throttling });
  return azureDevops.check({ token: PAT }, { http: session, env: target.env, purpose, settings });
}

describe('azure-devops', () => {
  it('asks the organization for its connection data with Basic ":PAT" and the sign-in redirect suppressed', async () => {
    const basic = `Basic ${Buffer.from(`:${PAT}`).toString('base64')}`;
    mock().get(ORIGIN).intercept({ path: '/fabrikam/_apis/connectionData', method: 'GET', headers: { authorization: basic, 'x-tfs-fedauthredirect': 'Suppress' } })
      .reply(200, { authenticatedUser: { id: 'u1', providerDisplayName: 'Dev One', properties: {} } }, { headers: { ...json.headers, 'x-ratelimit-limit': '200', 'x-ratelimit-remaining': '150', 'x-ratelimit-reset': '1700000000' } });
    // Without the Account property, the display name names the identity.
    expect(await ping({ organization: 'fabrikam' })).toMatchObject({
      outcome: 'valid',
      facts: { identity: 'Dev One', rateLimit: { limit: 200, remaining: 150, resetAt: '2023-11-14T22:13:20.000Z' } },
    });
  });

  it('sends nothing without an organization, and refuses one that is not a name', async () => {
    expect(azureDevops.fromSettings!({})).toEqual({ hosts: [] });
    // No interceptor: a request would fail as unreachable, not as this.
    await expect(ping({}, 'leak')).rejects.toThrow(/names no organization, and a PAT is checked against its organization; it was not sent/);
    expect(() => azureDevops.fromSettings!({ organization: 'evil.example/x' })).toThrow(ProblemError);
    expect(() => azureDevops.fromSettings!({ organization: '-fabrikam' })).toThrow(/not an Azure DevOps organization name/);
  });

  it('turns throttling, server errors and a redirect to sign-in into unknown', async () => {
    const connectionData = () => mock().get(ORIGIN).intercept({ path: '/fabrikam/_apis/connectionData', method: 'GET' });
    connectionData().reply(429, { message: 'TF400733: The request has been canceled: Request was blocked due to exceeding usage of resource.' }, { headers: { ...json.headers, 'retry-after': '0' } });
    await expect(ping({ organization: 'fabrikam' })).rejects.toMatchObject({ code: 'rate-limited' });
    connectionData().reply(503, 'Service Unavailable');
    await expect(ping({ organization: 'fabrikam' })).rejects.toMatchObject({ code: 'unexpected-response' });
    connectionData().reply(302, '', { headers: { location: 'https://spsprodweu5.vssps.visualstudio.com/_signin?realm=dev.azure.com' } });
    await expect(ping({ organization: 'fabrikam' })).rejects.toMatchObject({ code: 'unexpected-response' });
  });

  it('recognizes both PAT shapes, but not a run of 52 letters', () => {
    const known = (value: string) => azureDevops.formats!.some((format) => format.test(value));
    expect([PAT, `${'abcdefgh'.repeat(6)}xyz2`].map(known)).toEqual([true, true]);
    expect([`${'abcdefgh'.repeat(6)}wxyz`, `${'abcdefgh'.repeat(6)}xyz1`].map(known)).toEqual([false, false]);
  });
});
