// The workflow's Octokit: retries and rate limits as configured, never a hang.
import { describe, expect, it } from 'vitest';
import { gitHubClient, MAX_RATE_LIMIT_WAIT_S } from '../../src/action/github-api.js';
import { useMockAgent } from '../helpers/mock-agent.js';

const mock = useMockAgent();
const API = 'https://api.github.com';
const client = async () => await gitHubClient({ token: 'ghs_test0000000000000000000000000000000', dispatcher: mock(), retryBaseMs: 1 });

describe('gitHubClient', () => {
  it('retries a 5xx twice, then gives up with GitHub\'s status', async () => {
    let calls = 0;
    mock().get(API).intercept({ path: '/repos/acme/app', method: 'GET' }).reply(() => (calls++, { statusCode: 502, data: '{"message":"Bad Gateway"}' })).persist();
    await expect((await client()).rest.repos.get({ owner: 'acme', repo: 'app' })).rejects.toMatchObject({ status: 502 });
    expect(calls).toBe(3);
  });

  it('does not retry a 404', async () => {
    let calls = 0;
    mock().get(API).intercept({ path: '/repos/acme/app', method: 'GET' }).reply(() => (calls++, { statusCode: 404, data: '{"message":"Not Found"}' })).persist();
    await expect((await client()).rest.repos.get({ owner: 'acme', repo: 'app' })).rejects.toMatchObject({ status: 404 });
    expect(calls).toBe(1);
  });

  it('a secondary rate limit with a short Retry-After is waited for once', async () => {
    let calls = 0;
    mock().get(API).intercept({ path: '/repos/acme/app', method: 'GET' }).reply(() =>
      calls++ === 0
        ? { statusCode: 403, data: '{"message":"You have exceeded a secondary rate limit"}', responseOptions: { headers: { 'retry-after': '1', 'content-type': 'application/json' } } }
        : { statusCode: 200, data: '{"id":1}', responseOptions: { headers: { 'content-type': 'application/json' } } },
    ).persist();
    const started = Date.now();
    await expect((await client()).rest.repos.get({ owner: 'acme', repo: 'app' })).resolves.toMatchObject({ data: { id: 1 } });
    expect(calls).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it(`a rate limit that resets more than ${MAX_RATE_LIMIT_WAIT_S} s away is not waited for: the call fails at once`, async () => {
    let calls = 0;
    const reset = String(Math.floor(Date.now() / 1000) + 3600);
    mock().get(API).intercept({ path: '/repos/acme/app', method: 'GET' }).reply(() => (calls++, { statusCode: 403, data: '{"message":"API rate limit exceeded"}', responseOptions: { headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset, 'content-type': 'application/json' } } })).persist();
    const started = Date.now();
    await expect((await client()).rest.repos.get({ owner: 'acme', repo: 'app' })).rejects.toMatchObject({ status: 403 });
    expect(calls).toBe(1);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
