import { describe, expect, it } from 'vitest';
import { useMockAgent } from '../helpers/mock-agent.js';
import { ProblemError } from '../../src/check/problems.js';
import { HttpClient, type HttpClientOptions } from '../../src/http/client.js';

const ORIGIN = 'https://api.example.com';
const mock = useMockAgent();

function client(options: Partial<HttpClientOptions> = {}) {
  return new HttpClient({ dispatcher: mock(), timeoutMs: 5_000, concurrency: 4, random: () => 0, ...options });
}

async function failure(promise: Promise<unknown>): Promise<ProblemError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProblemError);
  return error as ProblemError;
}

const url = (path: string) => new URL(path, ORIGIN);

describe('HttpClient', () => {
  it('returns the body, lower-cased headers, latency and attempt count of a good answer', async () => {
    mock().get(ORIGIN).intercept({ path: '/me', method: 'GET', headers: { authorization: 'Bearer t' } })
      .reply(200, '{"ok":true}', { headers: { 'X-Thing': 'yes' } });
    const res = await client().get(url('/me'), { authorization: 'Bearer t' });
    expect(res.status).toBe(200);
    expect(res.body).toBe('{"ok":true}');
    expect(res.headers['x-thing']).toBe('yes');
    expect(res.attempts).toBe(1);
    expect(res.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('sends its User-Agent', async () => {
    mock().get(ORIGIN).intercept({ path: '/me', method: 'GET', headers: { 'user-agent': 'token-preflight/test' } }).reply(200, '');
    await expect(client({ userAgent: 'token-preflight/test' }).get(url('/me'), {})).resolves.toMatchObject({ status: 200 });
  });

  it('passes 4xx answers to the provider to interpret, without retrying', async () => {
    mock().get(ORIGIN).intercept({ path: '/me', method: 'GET' }).reply(401, '{"message":"Bad credentials"}');
    const res = await client().get(url('/me'), {});
    expect(res.status).toBe(401);
    expect(res.attempts).toBe(1);
  });

  it('retries a 5xx and returns the answer that follows', async () => {
    const pool = mock().get(ORIGIN);
    pool.intercept({ path: '/me', method: 'GET' }).reply(502, 'bad gateway');
    pool.intercept({ path: '/me', method: 'GET' }).reply(200, 'fine');
    const res = await client().get(url('/me'), {});
    expect(res.body).toBe('fine');
    expect(res.attempts).toBe(2);
  });

  it('gives up after three 5xx answers with unexpected-response', async () => {
    mock().get(ORIGIN).intercept({ path: '/me', method: 'GET' }).reply(503, 'down').times(3);
    const error = await failure(client().get(url('/me'), {}));
    expect(error.code).toBe('unexpected-response');
    expect(error.message).toBe('api.example.com answered HTTP 503 (3 attempts)');
  });

  it('honours Retry-After on 429 and then succeeds', async () => {
    const pool = mock().get(ORIGIN);
    pool.intercept({ path: '/me', method: 'GET' }).reply(429, '', { headers: { 'retry-after': '0' } });
    pool.intercept({ path: '/me', method: 'GET' }).reply(200, 'ok');
    const res = await client().get(url('/me'), {});
    expect(res.status).toBe(200);
    expect(res.attempts).toBe(2);
  });

  it('reports rate-limited at once when Retry-After is longer than the time budget', async () => {
    mock().get(ORIGIN).intercept({ path: '/me', method: 'GET' }).reply(429, '', { headers: { 'retry-after': '120' } });
    const started = Date.now();
    const error = await failure(client({ timeoutMs: 2_000 }).get(url('/me'), {}));
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(error.code).toBe('rate-limited');
    expect(error.message).toMatch(/asks to wait 120 s, longer than the 2 s time-out \(1 attempt\)/);
  });

  it('reports rate-limited when throttling outlasts the retries', async () => {
    mock().get(ORIGIN).intercept({ path: '/me', method: 'GET' }).reply(429, '').times(3);
    const error = await failure(client().get(url('/me'), {}));
    expect(error.code).toBe('rate-limited');
    expect(error.message).toContain('(3 attempts)');
  });

  it("treats a provider's own throttling signal like a 429", async () => {
    const pool = mock().get(ORIGIN);
    pool.intercept({ path: '/me', method: 'GET' }).reply(403, '', { headers: { 'x-ratelimit-remaining': '0', 'retry-after': '0' } });
    pool.intercept({ path: '/me', method: 'GET' }).reply(200, 'ok');
    const throttled = (r: { status: number; headers: Record<string, string> }) => r.status === 403 && r.headers['x-ratelimit-remaining'] === '0';
    const res = await client().get(url('/me'), {}, { isThrottled: throttled });
    expect(res.attempts).toBe(2);
  });

  it('retries network errors, then reports unreachable', async () => {
    mock().get(ORIGIN).intercept({ path: '/me', method: 'GET' }).replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })).times(3);
    const error = await failure(client().get(url('/me'), {}));
    expect(error.code).toBe('unreachable');
    expect(error.message).toMatch(/could not reach api\.example\.com: .*\(3 attempts\)/);
  });

  it('does not retry an untrusted certificate, and says how to trust a TLS-inspecting proxy', async () => {
    const pool = mock().get(ORIGIN);
    pool.intercept({ path: '/me', method: 'GET' }).replyWithError(Object.assign(new Error('self-signed'), { code: 'SELF_SIGNED_CERT_IN_CHAIN' }));
    const error = await failure(client().get(url('/me'), {}));
    expect(error.code).toBe('unreachable');
    expect(error.message).toContain('NODE_EXTRA_CA_CERTS');
  });

  it('stops at the time-out, retries included', async () => {
    mock().get(ORIGIN).intercept({ path: '/me', method: 'GET' }).reply(200, 'late').delay(3_000);
    const started = Date.now();
    const error = await failure(client({ timeoutMs: 300 }).get(url('/me'), {}));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(error.code).toBe('unreachable');
    expect(error.message).toBe('api.example.com did not answer within 0.3 s');
  });

  it('never follows a redirect: one request, and the answer names where it pointed', async () => {
    mock().get(ORIGIN).intercept({ path: '/me', method: 'GET' }).reply(302, '', { headers: { location: 'https://evil.example.net/steal?x=1' } });
    // If the client followed the redirect, MockAgent would throw for the unknown origin instead.
    const error = await failure(client().get(url('/me'), { authorization: 'Bearer t' }));
    expect(error.code).toBe('unexpected-response');
    expect(error.message).toContain('HTTP 302, a redirect to evil.example.net');
    expect(error.message).not.toContain('steal');
    mock().assertNoPendingInterceptors();
  });

  it('refuses a response body over the size cap', async () => {
    mock().get(ORIGIN).intercept({ path: '/me', method: 'GET' }).reply(200, 'x'.repeat(2048));
    const error = await failure(client({ maxBodyBytes: 1024 }).get(url('/me'), {}));
    expect(error.code).toBe('unexpected-response');
    expect(error.message).toContain('larger than 1024 bytes');
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    const pool = mock().get(ORIGIN);
    pool.intercept({ path: /\/n\/\d+/, method: 'GET' }).reply(200, 'ok').delay(40).times(9);
    const http = client({ concurrency: 3 });
    const started = Date.now();
    await Promise.all(Array.from({ length: 9 }, (_, i) => http.get(url(`/n/${i}`), {})));
    const elapsed = Date.now() - started;
    // Three waves of 40 ms: at least 120 ms; all nine at once would take ~40 ms.
    expect(elapsed).toBeGreaterThanOrEqual(115);
  });
});

describe('HttpClient.forOrigin', () => {
  it('resolves paths against the base URL, keeping its path prefix', async () => {
    mock().get('https://ghe.example.com').intercept({ path: '/api/v3/user', method: 'GET' }).reply(200, 'me');
    const http = client().forOrigin(new URL('https://ghe.example.com/api/v3/'));
    await expect(http.get('user', {})).resolves.toMatchObject({ body: 'me' });
  });

  it('refuses to send anything to another origin', () => {
    const http = client().forOrigin(new URL('https://api.example.com/'));
    expect(() => http.get('https://evil.example.net/user', { authorization: 'Bearer t' })).toThrow(/refused to send a token to evil\.example\.net/);
    expect(() => http.get('//evil.example.net/user', {})).toThrow(ProblemError);
  });
});

describe('HttpClient redaction', () => {
  it('scrubs secrets from the body and headers before any provider code sees them', async () => {
    mock().get(ORIGIN).intercept({ path: '/me', method: 'GET' }).reply(403, '{"message":"token s3cr3t-value is blocked"}', { headers: { 'x-echo': 's3cr3t-value' } });
    const res = await client({ redact: (text) => text.split('s3cr3t-value').join('***') }).get(url('/me'), {});
    expect(res.body).toBe('{"message":"token *** is blocked"}');
    expect(res.headers['x-echo']).toBe('***');
  });
});
