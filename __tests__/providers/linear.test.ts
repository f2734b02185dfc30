// Linear through the whole engine: the API key in Authorization as it is (no Bearer), the viewer
// query, errors inside a 200, and the rate limit's reset in epoch milliseconds.
// Shapes: linear.app/developers/graphql, /rate-limiting (see src/providers/linear.ts).
import { describe, expect, it } from 'vitest';
import { runEngine, tokenSpec } from '../helpers/engine.js';
import { useMockAgent } from '../helpers/mock-agent.js';

const mock = useMockAgent();
const KEY = `lin_api_SENTINEL${'x'.repeat(32)}`;

function linear(status: number, body: object, headers: Record<string, string> = {}) {
  const seen: Array<{ headers: Record<string, string>; body: string }> = [];
  mock().get('https://api.linear.app').intercept({ path: '/graphql', method: 'POST' }).reply((req) => {
    seen.push({ headers: req.headers as Record<string, string>, body: String(req.body) });
    return { statusCode: status, data: JSON.stringify(body), responseOptions: { headers: { 'content-type': 'application/json', ...headers } } };
  });
  return seen;
}

async function run() {
  return (await runEngine([tokenSpec('linear', { token: 'LINEAR_API_KEY' })], { LINEAR_API_KEY: KEY }, mock())).token;
}

describe('linear', () => {
  it('sends the key without Bearer and asks only for the viewer', async () => {
    const seen = linear(200, { data: { viewer: { id: 'u1', name: 'Ada', email: 'ada@example.com' } } }, {
      'x-ratelimit-requests-limit': '2500',
      'x-ratelimit-requests-remaining': '2499',
      'x-ratelimit-requests-reset': '1767225600000',
    });
    const token = await run();
    expect(seen[0]!.headers).toMatchObject({ authorization: KEY, 'content-type': 'application/json' });
    expect(JSON.parse(seen[0]!.body)).toEqual({ query: '{ viewer { id name email } }' });
    expect(token).toMatchObject({ status: 'ok', identity: 'ada@example.com', rateLimit: { limit: 2500, remaining: 2499, resetAt: '2026-01-01T00:00:00.000Z' } });
  });

  it('refuses a key whose 200 answer carries an authentication error', async () => {
    linear(200, { data: null, errors: [{ message: 'Authentication required, not authenticated', extensions: { type: 'authentication error', code: 'AUTHENTICATION_ERROR' } }] });
    const token = await run();
    expect(token.problems).toMatchObject([{ code: 'invalid' }]);
  });
});
