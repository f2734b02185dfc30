// Anthropic through the provider's own check: the key travels in x-api-key (never Authorization)
// with anthropic-version; the organization is a bonus that a failure cannot turn into a verdict;
// rate-limit headers are read where sent. Answer shapes: docs.claude.com/en/api/errors and the
// platform.claude.com response examples (see src/providers/anthropic.ts).
import { describe, expect, it } from 'vitest';
import { useMockAgent } from '../helpers/mock-agent.js';
import { HttpClient } from '../../src/http/client.js';
import { anthropic } from '../../src/providers/anthropic.js';

const mock = useMockAgent();
const KEY = `sk-ant-api03-${'SENTINELanthropic'.repeat(5)}abcdefghAA`;
const MODELS = { data: [{ id: 'claude-sonnet-4-20250514', type: 'model' }], has_more: true, first_id: 'claude-sonnet-4-20250514', last_id: 'claude-sonnet-4-20250514' };

function check() {
  const http = new HttpClient({ dispatcher: mock(), timeoutMs: 2_000, maxAttempts: 1, random: () => 0 });
  const session = http.session({ base: new URL('https://api.anthropic.com/'), hosts: ['api.anthropic.com'], credential: { token: KEY } });
  return anthropic.check({ token: KEY }, { http: session, env: {}, purpose: 'preflight', settings: {} });
}

function answer(path: string, status: number, body: object, headers: Record<string, string> = {}) {
  const seen: Array<Record<string, string>> = [];
  mock().get('https://api.anthropic.com').intercept({ path, method: 'GET' }).reply((req) => {
    seen.push(req.headers as Record<string, string>);
    return { statusCode: status, data: JSON.stringify(body), responseOptions: { headers: { 'content-type': 'application/json', ...headers } } };
  });
  return seen;
}

describe('anthropic', () => {
  it('sends the key in x-api-key with anthropic-version, and reads the request rate limit', async () => {
    const seen = answer('/v1/models?limit=1', 200, MODELS, {
      'anthropic-ratelimit-requests-limit': '50',
      'anthropic-ratelimit-requests-remaining': '49',
      'anthropic-ratelimit-requests-reset': '2026-06-01T00:00:10Z',
    });
    answer('/v1/organizations/me', 200, { id: '12345678-1234-5678-1234-567812345678', name: 'Acme', type: 'organization' });
    const verdict = await check();
    expect(seen[0]).toMatchObject({ 'x-api-key': KEY, 'anthropic-version': '2023-06-01' });
    expect(seen[0]!.authorization).toBeUndefined();
    expect(verdict).toMatchObject({ outcome: 'valid', facts: { identity: 'Acme', rateLimit: { limit: 50, remaining: 49, resetAt: '2026-06-01T00:00:10.000Z' } } });
  });

  it('keeps a working key valid when its organization cannot be read (throttled or failing)', async () => {
    answer('/v1/models?limit=1', 200, MODELS);
    answer('/v1/organizations/me', 529, { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } });
    const verdict = await check();
    expect(verdict).toMatchObject({ outcome: 'valid', facts: { kind: 'API key' } });
    expect(verdict.outcome === 'valid' && verdict.facts.identity).toBeUndefined();
  });

  it('reports an overloaded API as unknown, never as a refusal', async () => {
    answer('/v1/models?limit=1', 529, { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } });
    await expect(check()).rejects.toMatchObject({ code: 'unexpected-response' });
  });

  it('names the error type of a refusal', async () => {
    answer('/v1/models?limit=1', 401, { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } });
    expect(await check()).toMatchObject({ outcome: 'rejected', code: 'invalid', message: 'Anthropic refused the key (HTTP 401 authentication_error: invalid x-api-key)' });
  });
});
