import { describe, expect, it } from 'vitest';
import { useMockAgent } from '../helpers/mock-agent.js';
import { ProblemError } from '../../src/check/problems.js';
import { HttpClient, redactBody, type HttpClientOptions } from '../../src/http/client.js';
import type { HttpRequest, Throttling } from '../../src/http/types.js';

const ORIGIN = 'https://api.example.com';
const mock = useMockAgent();

function client(options: Partial<HttpClientOptions> = {}) {
  return new HttpClient({ dispatcher: mock(), timeoutMs: 5_000, random: () => 0, ...options });
}

/** One request of a session for api.example.com carrying the credential { token: 't' }. */
function get(http: HttpClient, path: string, request: Partial<HttpRequest> = {}, throttling?: Throttling) {
  const session = http.session({ base: new URL(`${ORIGIN}/`), hosts: ['api.example.com'], credential: { token: 't' }, throttling });
  return session.send({ url: path, ...request });
}

async function failure(promise: Promise<unknown>): Promise<ProblemError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProblemError);
  return error as ProblemError;
}

describe('HttpClient', () => {
  it('returns the body, lower-cased headers, latency and attempt count of a good answer', async () => {
    mock().get(ORIGIN).intercept({ path: '/me', method: 'GET', headers: { authorization: 'Bearer t' } })
      .reply(200, '{"ok":true}', { headers: { 'X-Thing': 'yes' } });
    const res = await get(client(), '/me', { auth: { bearer: '${token}' } });
    expect(res.status).toBe(200);
    expect(res.body).toBe('{"ok":true}');
    expect(res.headers['x-thing']).toBe('yes');
    expect(res.attempts).toBe(1);
    expect(res.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('sends its User-Agent', async () => {
    mock().get(ORIGIN).intercept({ path: '/me', method: 'GET', headers: { 'user-agent': 'token-preflight/test' } }).reply(200, '');
    await expect(get(client({ userAgent: 'token-preflight/test' }), '/me')).resolves.toMatchObject({ status: 200 });
  });

  it('passes 4xx answers to the provider to interpret, without retrying', async () => {
    mock().get(ORIGIN).intercept({ path: '/me', method: 'GET' }).reply(401, '{"message":"Bad credentials"}');
    const res = await get(client(), '/me');
    expect(res.status).toBe(401);
    expect(res.attempts).toBe(1);
  });

  it('retries a 5xx and returns the answer that follows', async () => {
    const pool = mock().get(ORIGIN);
    pool.intercept({ path: '/me', method: 'GET' }).reply(502, 'bad gateway');
    pool.intercept({ path: '/me', method: 'GET' }).reply(200, 'fine');
    const res = await get(client(), '/me');
    expect(res.body).toBe('fine');
    expect(res.attempts).toBe(2);
  });

  it('gives up after three 5xx answers with unexpected-response', async () => {
    mock().get(ORIGIN).intercept({ path: '/me', method: 'GET' }).reply(503, 'down').times(3);
    const error = await failure(get(client(), '/me'));
    expect(error.code).toBe('unexpected-response');
    expect(error.message).toBe('api.example.com answered HTTP 503 (3 attempts)');
  });

  it('honours Retry-After on 429 and then succeeds', async () => {
    const pool = mock().get(ORIGIN);
    pool.intercept({ path: '/me', method: 'GET' }).reply(429, '', { headers: { 'retry-after': '0' } });
    pool.intercept({ path: '/me', method: 'GET' }).reply(200, 'ok');
    const res = await get(client(), '/me');
    expect(res.status).toBe(200);
    expect(res.attempts).toBe(2);
  });

  it('reports rate-limited at once when Retry-After is longer than the time budget', async () => {
    mock().get(ORIGIN).intercept({ path: '/me', method: 'GET' }).reply(429, '', { headers: { 'retry-after': '120' } });
    const started = Date.now();
    const error = await failure(get(client({ timeoutMs: 2_000 }), '/me'));
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(error.code).toBe('rate-limited');
    expect(error.message).toMatch(/asks to wait 120 s, longer than the 2 s time-out \(1 attempt\)/);
  });

  it('reports rate-limited when throttling outlasts the retries', async () => {
    mock().get(ORIGIN).intercept({ path: '/me', method: 'GET' }).reply(429, '').times(3);
    const error = await failure(get(client(), '/me'));
    expect(error.code).toBe('rate-limited');
    expect(error.message).toContain('(3 attempts)');
  });

  it("treats a provider's own throttling signal like a 429", async () => {
    const pool = mock().get(ORIGIN);
    pool.intercept({ path: '/me', method: 'GET' }).reply(403, '', { headers: { 'x-ratelimit-remaining': '0', 'retry-after': '0' } });
    pool.intercept({ path: '/me', method: 'GET' }).reply(200, 'ok');
    const throttled = (r: { status: number; headers: Record<string, string> }) => r.status === 403 && r.headers['x-ratelimit-remaining'] === '0';
    const res = await get(client(), '/me', {}, { isThrottled: throttled });
    expect(res.attempts).toBe(2);
  });

  it('retries network errors, then reports unreachable', async () => {
    mock().get(ORIGIN).intercept({ path: '/me', method: 'GET' }).replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })).times(3);
    const error = await failure(get(client(), '/me'));
    expect(error.code).toBe('unreachable');
    expect(error.message).toMatch(/could not reach api\.example\.com: .*\(3 attempts\)/);
  });

  it('does not retry an untrusted certificate, and says how to trust a TLS-inspecting proxy', async () => {
    const pool = mock().get(ORIGIN);
    pool.intercept({ path: '/me', method: 'GET' }).replyWithError(Object.assign(new Error('self-signed'), { code: 'SELF_SIGNED_CERT_IN_CHAIN' }));
    const error = await failure(get(client(), '/me'));
    expect(error.code).toBe('unreachable');
    expect(error.message).toContain('NODE_EXTRA_CA_CERTS');
  });

  it('stops at the time-out, retries included', async () => {
    mock().get(ORIGIN).intercept({ path: '/me', method: 'GET' }).reply(200, 'late').delay(3_000);
    const started = Date.now();
    const error = await failure(get(client({ timeoutMs: 300 }), '/me'));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(error.code).toBe('unreachable');
    expect(error.message).toBe('api.example.com did not answer within 0.3 s');
  });

  it('never follows a redirect: one request, and the answer names where it pointed', async () => {
    mock().get(ORIGIN).intercept({ path: '/me', method: 'GET' }).reply(302, '', { headers: { location: 'https://evil.example.net/steal?x=1' } });
    // If the client followed the redirect, MockAgent would throw for the unknown origin instead.
    const error = await failure(get(client(), '/me', { auth: { bearer: '${token}' } }));
    expect(error.code).toBe('unexpected-response');
    expect(error.message).toContain('HTTP 302, a redirect to evil.example.net');
    expect(error.message).not.toContain('steal');
    mock().assertNoPendingInterceptors();
  });

  it('refuses a response body over the size cap', async () => {
    mock().get(ORIGIN).intercept({ path: '/me', method: 'GET' }).reply(200, 'x'.repeat(2048));
    const error = await failure(get(client({ maxBodyBytes: 1024 }), '/me'));
    expect(error.code).toBe('unexpected-response');
    expect(error.message).toContain('larger than 1024 bytes');
  });
});

describe('HttpClient sessions: where a credential may go', () => {
  it('joins paths to the base URL, keeping its path prefix even for a path that starts with /', async () => {
    const pool = mock().get('https://ghe.example.com');
    pool.intercept({ path: '/api/v3/user', method: 'GET' }).reply(200, 'me').times(2);
    const http = client().session({ base: new URL('https://ghe.example.com/api/v3/'), hosts: ['ghe.example.com'], credential: { token: 't' } });
    await expect(http.send({ url: 'user' })).resolves.toMatchObject({ body: 'me' });
    await expect(http.send({ url: '/user' })).resolves.toMatchObject({ body: 'me' });
  });

  it('refuses to send anything to another host, or over plain http, and records only hosts it sent to', async () => {
    const http = client().session({ base: new URL('https://api.example.com/'), hosts: ['api.example.com'], credential: { token: 't' } });
    await expect(http.send({ url: 'https://evil.example.net/user', auth: { bearer: '${token}' } })).rejects.toThrow(/refused to send the credential to evil\.example\.net/);
    await expect(http.send({ url: 'http://api.example.com/user' })).rejects.toThrow(/over http/);
    expect([...http.contacted]).toEqual([]);
  });

  it('reads a scheme-relative path as a path on the base host, never as another host', async () => {
    mock().get(ORIGIN).intercept({ path: '/evil.example.net/user', method: 'GET' }).reply(404, '');
    const http = client().session({ base: new URL('https://api.example.com/'), hosts: ['api.example.com'], credential: { token: 't' } });
    await expect(http.send({ url: '//evil.example.net/user' })).resolves.toMatchObject({ status: 404, host: 'api.example.com' });
  });

  it('puts the credential where the request says: bearer, basic, a header, a query parameter, a form', async () => {
    const pool = mock().get(ORIGIN);
    const seen: Array<{ path: string; headers: Record<string, string>; body?: string }> = [];
    pool.intercept({ path: /.*/, method: /.*/ }).reply((req) => {
      seen.push({ path: req.path, headers: req.headers as Record<string, string>, body: typeof req.body === 'string' ? req.body : undefined });
      return { statusCode: 200, data: '' };
    }).persist();
    const derived: string[] = [];
    const http = client({ onSecret: (v) => derived.push(v) }).session({
      base: new URL(`${ORIGIN}/`),
      hosts: ['api.example.com'],
      credential: { 'account-sid': 'AC123', 'auth-token': 'a b/c+d' },
      maxRequests: 5,
    });
    await http.send({ url: 'Accounts/${account-sid}.json', auth: { basic: { username: '${account-sid}', password: '${auth-token}' } } });
    await http.send({ url: 'me', auth: { header: { name: 'X-Api-Key', value: '${auth-token}' } }, method: 'HEAD' });
    await http.send({ url: 'me', auth: { query: { name: 'key', value: '${auth-token}' } } });
    await http.send({ url: 'introspect', method: 'POST', form: { token: '${auth-token}' } });
    await http.send({ url: 'json', method: 'POST', json: { key: '${auth-token}', n: 1 } });
    const basic = Buffer.from('AC123:a b/c+d').toString('base64');
    expect(seen[0]).toMatchObject({ path: '/Accounts/AC123.json', headers: { authorization: `Basic ${basic}` } });
    expect(seen[1]!.headers['x-api-key']).toBe('a b/c+d');
    expect(seen[2]!.path).toBe('/me?key=a+b%2Fc%2Bd');
    expect(seen[3]).toMatchObject({ body: 'token=a+b%2Fc%2Bd', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(JSON.parse(seen[4]!.body!)).toEqual({ key: 'a b/c+d', n: 1 });
    // Every encoded form of the secret is handed over to be masked before it is sent.
    expect(derived).toEqual(expect.arrayContaining([basic, 'a+b%2Fc%2Bd', 'a%20b%2Fc%2Bd']));
  });

  it('keeps a credential placed in the path one segment: it cannot change where the request goes', async () => {
    mock().get(ORIGIN).intercept({ path: '/bot..%2F..%2Fadmin%3Fx%3D1/getMe', method: 'GET' }).reply(200, 'ok');
    const http = client().session({ base: new URL(`${ORIGIN}/`), hosts: ['api.example.com'], credential: { token: '../../admin?x=1' } });
    await expect(http.send({ url: 'bot${token}/getMe' })).resolves.toMatchObject({ status: 200 });
  });

  it('keeps ":" and "@" of a credential in the path (a Telegram bot token), encoding what could leave the segment', async () => {
    const seen: string[] = [];
    mock().get(ORIGIN).intercept({ path: /^\/bot/, method: 'GET' }).reply((req) => {
      seen.push(req.path);
      return { statusCode: 200, data: 'ok' };
    }).persist();
    const derived: string[] = [];
    const send = (token: string) =>
      client({ onSecret: (v) => derived.push(v) }).session({ base: new URL(`${ORIGIN}/`), hosts: ['api.example.com'], credential: { token } }).send({ url: 'bot${token}/getMe' });
    await send('123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw');
    await send('a@b:c/d#e');
    expect(seen).toEqual(['/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/getMe', '/bota@b:c%2Fd%23e/getMe']);
    // Unchanged, the token needs no second mask; encoded, its encoded form is masked.
    expect(derived).toEqual(['a@b:c%2Fd%23e']);
  });

  it('remembers a secret minted during the check: masked before use, then sent where a template names it', async () => {
    const seen: string[] = [];
    mock().get(ORIGIN).intercept({ path: '/me', method: 'GET' }).reply((req) => {
      seen.push(String((req.headers as Record<string, string>).authorization));
      return { statusCode: 200, data: '' };
    });
    const masked: string[] = [];
    const http = client({ onSecret: (v) => masked.push(v) }).session({ base: new URL(`${ORIGIN}/`), hosts: ['api.example.com'], credential: { token: 'refresh-token-value' } });
    http.remember('access-token', 'ya29.minted-access-token');
    expect(masked).toEqual(['ya29.minted-access-token']);
    await http.send({ url: 'me', auth: { bearer: '${access-token}' } });
    expect(seen).toEqual(['Bearer ya29.minted-access-token']);
    // A minted secret never replaces a part of the credential.
    expect(() => http.remember('token', 'other-value-123')).toThrow(/already has a part named token/);
  });

  it('refuses, without sending, a credential that cannot travel in a header (line breaks, non-ASCII)', async () => {
    for (const token of ['abc\r\nX-Injected: 1', 'tök€n-value']) {
      const http = client().session({ base: new URL(`${ORIGIN}/`), hosts: ['api.example.com'], credential: { token } });
      const error = await failure(http.send({ url: 'me', auth: { bearer: '${token}' } }));
      expect(error).toMatchObject({ code: 'invalid', message: expect.stringContaining('cannot travel in an HTTP header; it was not sent') });
      expect(error.message).not.toContain(token);
      expect(http.contacted.size).toBe(0);
    }
  });

  it('caps the requests of one check', async () => {
    mock().get(ORIGIN).intercept({ path: '/me', method: 'GET' }).reply(200, '').persist();
    const http = client().session({ base: new URL(`${ORIGIN}/`), hosts: ['api.example.com'], credential: { token: 't' }, maxRequests: 2 });
    await http.send({ url: 'me' });
    await http.send({ url: 'me' });
    await expect(http.send({ url: 'me' })).rejects.toThrow(/at most 2 requests/);
  });
});

describe('HttpClient redaction', () => {
  it('scrubs secrets from the body and headers before any provider code sees them', async () => {
    mock().get(ORIGIN).intercept({ path: '/me', method: 'GET' }).reply(403, '{"message":"token s3cr3t-value is blocked"}', { headers: { 'x-echo': 's3cr3t-value' } });
    const res = await get(client({ redact: (text) => text.split('s3cr3t-value').join('***') }), '/me');
    expect(res.body).toBe('{"message":"token *** is blocked"}');
    expect(res.headers['x-echo']).toBe('***');
  });

  it('keeps a JSON body JSON: a number the token embeds becomes a string, a secret in a key or an escaped form is caught', async () => {
    const { Redactor } = await import('../../src/run/redact.js');
    const redactor = new Redactor();
    redactor.add('7123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw');
    const scrub = (text: string) => redactor.redact(text);
    // Telegram's getMe: the bot id is the token's first part.
    const telegram = JSON.parse(redactBody('{"ok":true,"result":{"id":7123456789,"is_bot":true,"username":"acme_bot"}}', scrub)) as { result: Record<string, unknown> };
    expect(telegram.result).toEqual({ id: '***', is_bot: true, username: 'acme_bot' });
    // An escaped slash hides the secret from a pass over the text, not from one over the values.
    const escaped = redactBody('{"echo":"7123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw\\/x","7123456789":1}', scrub);
    expect(escaped).not.toMatch(/7123456789|AAHdqTcv/);
    expect(JSON.parse(escaped)).toEqual({ echo: expect.stringContaining('***'), '***': 1 });
    // Not JSON: scrubbed as text; nothing to scrub: the very same text.
    expect(redactBody('<p>7123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw</p>', scrub)).toBe('<p>***</p>');
    expect(redactBody('{"id": 1}', scrub)).toBe('{"id": 1}');
  });
});
