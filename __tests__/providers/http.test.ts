// The generic `http` provider, as a user writes it in the config: loaded by the real loader and
// run by the real engine against a MockAgent. The same declarative form carries the built-in data
// providers (see examples.test.ts), so this exercises that form from the user's side.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useMockAgent } from '../helpers/mock-agent.js';
import { loadConfig } from '../../src/config/load.js';
import { runPreflight } from '../../src/run/run.js';

const mock = useMockAgent();
const NOW = new Date('2026-11-23T12:00:00Z');
const TOKEN = 'SENTINELhttpTOKEN0123456789abcdef';
const API = 'https://api.example.com';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tp-http-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(config: string, env: Record<string, string> = { API_TOKEN: TOKEN }) {
  writeFileSync(path.join(dir, 'tp.yml'), config);
  const { tokens } = await loadConfig({ path: 'tp.yml', pathExplicit: true, cwd: dir, expiryWarningDays: 14 });
  const masked: string[] = [];
  const result = await runPreflight(
    { tokens, timeoutMs: 2_000, concurrency: 4, context: { surface: 'cli' } },
    { env, mask: (v) => masked.push(v), dispatcher: mock(), now: () => NOW },
  );
  expect(JSON.stringify(result), 'the token appears in the result').not.toContain(TOKEN);
  return { result, token: result.tokens[0]!, masked };
}

const yaml = (...lines: string[]) => `${lines.join('\n')}\n`;
const json = { headers: { 'content-type': 'application/json' } };

describe('http provider: GET with a bearer token, expect and extract', () => {
  const config = yaml(
    'tokens:',
    '  - name: internal-api',
    '    provider: http',
    '    secret: API_TOKEN',
    '    require-scopes: [read]',
    '    request:',
    '      url: https://api.example.com/v1/me',
    '      headers: { Authorization: "Bearer ${token}" }',
    '    expect:',
    '      status: 200',
    '      json: { "$.active": true }',
    '    extract:',
    '      identity: $.user.login',
    '      scopes: { from: "header:x-scopes", split: "," }',
    '      expires: { from: $.expires_at, format: date }',
  );

  it('reads identity, scopes and expiry where the config says', async () => {
    mock().get(API).intercept({ path: '/v1/me', method: 'GET', headers: { authorization: `Bearer ${TOKEN}` } })
      .reply(200, { active: true, user: { login: 'svc-deploy' }, expires_at: '2026-11-30T00:00:00Z' }, { headers: { 'content-type': 'application/json', 'x-scopes': 'read, write' } });
    const { token } = await run(config);
    expect(token).toMatchObject({ status: 'warn', identity: 'svc-deploy', scopes: ['read', 'write'], expiresAt: '2026-11-30T00:00:00.000Z', host: 'api.example.com' });
    expect(token.problems.map((p) => p.code)).toEqual(['expiring-soon']);
  });

  it('says which part of expect an answer missed', async () => {
    mock().get(API).intercept({ path: '/v1/me', method: 'GET' }).reply(200, { active: false }, json);
    const { token } = await run(config);
    expect(token.problems).toMatchObject([{ code: 'unexpected-response', message: 'api.example.com answered HTTP 200, which does not meet expect ($.active is false, expected true)' }]);
  });

  it('calls a 401 invalid, quoting the provider', async () => {
    mock().get(API).intercept({ path: '/v1/me', method: 'GET' }).reply(401, { error: 'invalid_token' }, json);
    const { token } = await run(config);
    expect(token.problems).toMatchObject([{ code: 'invalid', message: 'api.example.com refused the credential (HTTP 401): invalid_token' }]);
  });

  it('never follows a redirect, and does not call a captive portal valid', async () => {
    mock().get(API).intercept({ path: '/v1/me', method: 'GET' }).reply(302, '', { headers: { location: 'https://login.example.net/' } });
    const first = await run(config);
    expect(first.token.problems).toMatchObject([{ code: 'unexpected-response', message: expect.stringContaining('a redirect to login.example.net') }]);
    mock().get(API).intercept({ path: '/v1/me', method: 'GET' }).reply(200, '<html>portal</html>');
    const second = await run(config);
    expect(second.token.problems).toMatchObject([{ code: 'unexpected-response', message: expect.stringContaining('the body is not JSON') }]);
  });
});

describe('http provider: POST with form and JSON bodies, Basic auth, outcome rules', () => {
  // RFC 7662 token introspection: the token in a form body, the client authenticated with Basic.
  const introspection = yaml(
    'tokens:',
    '  - name: introspected',
    '    provider: http',
    '    secret: { token: API_TOKEN, client-id: CLIENT_ID, client-secret: CLIENT_SECRET }',
    '    request:',
    '      method: POST',
    '      url: https://auth.example.com/oauth/introspect',
    '      form: { token: "${token}", token_type_hint: access_token }',
    '      auth: { basic: { username: "${client-id}", password: "${client-secret}" } }',
    '    outcomes:',
    '      - when: { status: 200, json: { "$.active": false } }',
    '        result: invalid',
    '        message: the authorization server says the token is not active',
    '    expect: { status: 200, json: { "$.active": true } }',
    '    extract:',
    '      identity: $.sub',
    '      scopes: { from: $.scope, split: " " }',
    '      expires: { from: $.exp, format: epoch-seconds }',
  );
  const env = { API_TOKEN: TOKEN, CLIENT_ID: 'preflight-client', CLIENT_SECRET: 'SENTINELclientSECRET42' };

  it('sends the token in the form and the client credentials as Basic, and reads the answer', async () => {
    const seen: Array<{ body: string; auth: string }> = [];
    mock().get('https://auth.example.com').intercept({ path: '/oauth/introspect', method: 'POST' }).reply((req) => {
      seen.push({ body: String(req.body), auth: String((req.headers as Record<string, string>).authorization) });
      return { statusCode: 200, data: JSON.stringify({ active: true, sub: 'svc', scope: 'orders:read orders:write', exp: 1_800_000_000 }), responseOptions: json };
    });
    const { token, masked } = await run(introspection, env);
    expect(seen[0]!.body).toBe(`token=${TOKEN}&token_type_hint=access_token`);
    const basic = Buffer.from('preflight-client:SENTINELclientSECRET42').toString('base64');
    expect(seen[0]!.auth).toBe(`Basic ${basic}`);
    expect(masked).toEqual(expect.arrayContaining([TOKEN, 'SENTINELclientSECRET42', basic]));
    expect(token).toMatchObject({ status: 'ok', identity: 'svc', scopes: ['orders:read', 'orders:write'], expiresAt: '2027-01-15T08:00:00.000Z' });
  });

  it('form-urlencodes the Basic pair when the config says encode: form (RFC 6749 §2.3.1), and masks that form too', async () => {
    const seen: string[] = [];
    mock().get('https://auth.example.com').intercept({ path: '/oauth/introspect', method: 'POST' }).reply((req) => {
      seen.push(String((req.headers as Record<string, string>).authorization));
      return { statusCode: 200, data: JSON.stringify({ active: true, sub: 'svc' }), responseOptions: json };
    });
    const encoded = introspection.replace('password: "${client-secret}" }', 'password: "${client-secret}", encode: form }');
    const { masked } = await run(encoded, { ...env, CLIENT_SECRET: 'SENTINEL+sec/ret=42' });
    const basic = Buffer.from('preflight-client:SENTINEL%2Bsec%2Fret%3D42').toString('base64');
    expect(seen).toEqual([`Basic ${basic}`]);
    expect(masked).toEqual(expect.arrayContaining(['SENTINEL%2Bsec%2Fret%3D42', basic]));
  });

  it('maps the provider dialect: 200 with active:false is invalid, with the rule message', async () => {
    mock().get('https://auth.example.com').intercept({ path: '/oauth/introspect', method: 'POST' }).reply(200, { active: false }, json);
    const { token } = await run(introspection, env);
    expect(token.problems).toMatchObject([{ code: 'invalid', message: 'the authorization server says the token is not active' }]);
  });

  it('sends a JSON body with the credential in it', async () => {
    let body = '';
    mock().get(API).intercept({ path: '/graphql', method: 'POST' }).reply((req) => {
      body = String(req.body);
      return { statusCode: 200, data: JSON.stringify({ data: { viewer: { name: 'bot' } } }), responseOptions: json };
    });
    const { token } = await run(yaml(
      'tokens:',
      '  - name: graph',
      '    provider: http',
      '    secret: API_TOKEN',
      '    request:',
      '      method: POST',
      '      url: https://api.example.com/graphql',
      '      json: { query: "{ viewer { name } }", key: "${token}" }',
      '    expect: { status: 200, json: { "$.data.viewer.name": { exists: true } } }',
      '    extract: { identity: $.data.viewer.name }',
    ));
    expect(JSON.parse(body)).toEqual({ query: '{ viewer { name } }', key: TOKEN });
    expect(token).toMatchObject({ status: 'ok', identity: 'bot' });
  });
});

describe('http provider: reject-invalid', () => {
  const config = yaml(
    'tokens:',
    '  - name: checked',
    '    provider: http',
    '    secret: API_TOKEN',
    '    reject-invalid: true',
    '    request: { url: "https://api.example.com/me", auth: { bearer: "${token}" } }',
  );

  it('passes when a corrupted copy is refused', async () => {
    const sent: string[] = [];
    mock().get(API).intercept({ path: '/me', method: 'GET' }).reply((req) => {
      const auth = String((req.headers as Record<string, string>).authorization);
      sent.push(auth);
      return { statusCode: auth === `Bearer ${TOKEN}` ? 200 : 401, data: '{}' };
    }).times(2);
    const { token, masked } = await run(config);
    expect(token).toMatchObject({ status: 'ok', problems: [] });
    expect(sent).toHaveLength(2);
    const corrupted = sent[1]!.replace('Bearer ', '');
    expect(corrupted).not.toBe(TOKEN);
    expect(corrupted).toHaveLength(TOKEN.length);
    expect(masked, 'the corrupted copy is masked too: it is mostly the real token').toContain(corrupted);
  });

  it('sends no corrupted copy when the credential itself is refused', async () => {
    mock().get(API).intercept({ path: '/me', method: 'GET' }).reply(401, '{}');
    const { token } = await run(config);
    expect(token.problems.map((p) => p.code)).toEqual(['invalid']);
    mock().assertNoPendingInterceptors();
  });

  it('is accepts-invalid when anything is accepted (a stub, a misrouted proxy)', async () => {
    mock().get(API).intercept({ path: '/me', method: 'GET' }).reply(200, '{}').times(2);
    const { token } = await run(config);
    expect(token.problems.map((p) => p.code)).toEqual(['accepts-invalid']);
    expect(token.status).toBe('fail');
  });
});

describe('http provider: config mistakes caught before anything is sent', () => {
  it.each([
    ['a credential in the host name', 'url: "https://${token}.example.com/me"', /must name its host literally/],
    ['a request that never sends the credential', 'url: https://api.example.com/me', /never sends the credential/],
    ['a template naming no part of the secret', 'url: https://api.example.com/me, headers: { X-Key: "${api-key}" }', /names \$\{api-key\}, which is not a part of "secret"/],
    ['credentials in the URL', 'url: "https://user:pw@api.example.com/me?t=${token}"', /must not contain credentials/],
    ['an IP address', 'url: "https://10.0.0.7/me?t=${token}"', /not an IP address/],
  ])('%s', async (_, request, message) => {
    writeFileSync(path.join(dir, 'tp.yml'), yaml('tokens:', '  - name: x', '    provider: http', '    secret: API_TOKEN', `    request: { ${request} }`));
    const error = await loadConfig({ path: 'tp.yml', pathExplicit: true, cwd: dir, expiryWarningDays: 14 }).catch((e: Error) => e);
    expect((error as Error).message).toMatch(message);
  });
});
