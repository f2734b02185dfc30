// OAuth 2.0 token introspection (RFC 7662) through the whole engine: the token in the form, the
// client authenticated with Basic (RFC 6749 §2.3.1, form-encoded first) or in the form, sent to
// the introspection host only; the §2.2 answers, and a refused client told apart from a bad token.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEngine, tokenSpec } from '../helpers/engine.js';
import { useMockAgent } from '../helpers/mock-agent.js';
import { loadConfig } from '../../src/config/load.js';
import type { TokenSpec } from '../../src/config/types.js';
import { oauth2 } from '../../src/providers/oauth2.js';
import { targetFor } from '../../src/run/target.js';

const mock = useMockAgent();
const AS = 'https://auth.example.com';
const TOKEN = 'SENTINELoauthTOKEN0123456789abcdef';
const OLD_TOKEN = 'SENTINELoldOAUTHtoken0123456789abc';
const CLIENT_ID = 'preflight-client';
const SECRET = 'SENTINELclientSECRET42xyz';
const ENV = { TOKEN, CLIENT_ID, CLIENT_SECRET: SECRET };
const json = { headers: { 'content-type': 'application/json' } };

const spec = (settings: Record<string, unknown> = {}, overrides: Partial<TokenSpec> = {}) =>
  tokenSpec('oauth2', { token: 'TOKEN', 'client-id': 'CLIENT_ID', 'client-secret': 'CLIENT_SECRET' }, { settings: { 'introspection-url': `${AS}/oauth2/introspect`, ...settings }, ...overrides });

interface Seen {
  form: URLSearchParams;
  authorization?: string;
}

/** The introspection endpoint: answers by the token in the form. */
function introspection(answers: Record<string, { status: number; body: object; headers?: Record<string, string> }>): Seen[] {
  const seen: Seen[] = [];
  mock().get(AS).intercept({ path: '/oauth2/introspect', method: 'POST' }).reply((req) => {
    const form = new URLSearchParams(String(req.body));
    seen.push({ form, authorization: (req.headers as Record<string, string>).authorization });
    const answer = answers[form.get('token') ?? ''] ?? { status: 200, body: { active: false } };
    return { statusCode: answer.status, data: JSON.stringify(answer.body), responseOptions: { headers: { ...json.headers, ...answer.headers } } };
  }).persist();
  return seen;
}

/** The whole engine; the client id is an identifier, so only the token and secrets must stay hidden. */
const run = (tokens: TokenSpec[], env: Record<string, string> = ENV) => runEngine(tokens, env, mock(), { secrets: [TOKEN, OLD_TOKEN, env.CLIENT_SECRET!] });

const ACTIVE = { active: true, sub: 'svc-orders', client_id: CLIENT_ID, scope: 'orders:read orders:write', exp: 4102444800, iss: 'https://auth.example.com/', token_type: 'Bearer' };

describe('oauth2', () => {
  it('posts the token in the form with the client as HTTP Basic, to the introspection host only, and reads the answer', async () => {
    const seen = introspection({ [TOKEN]: { status: 200, body: ACTIVE } });
    const { token, masked } = await run([spec({}, { requireScopes: ['orders:read'] })]);
    expect(seen).toHaveLength(1);
    expect([...seen[0]!.form]).toEqual([['token', TOKEN]]);
    const basic = Buffer.from(`${CLIENT_ID}:${SECRET}`).toString('base64');
    expect(seen[0]!.authorization).toBe(`Basic ${basic}`);
    expect(masked).toEqual(expect.arrayContaining([TOKEN, SECRET, basic]));
    // The token's client is the introspecting one here: its id, a credential part, is masked.
    expect(token).toMatchObject({
      status: 'ok',
      host: 'auth.example.com',
      identity: 'svc-orders',
      scopes: ['orders:read', 'orders:write'],
      expiresAt: '2100-01-01T00:00:00.000Z',
      notes: ['client: ***', 'issuer: https://auth.example.com/', 'token type: Bearer'],
    });
  });

  it('form-encodes the client id and secret before Basic (RFC 6749 §2.3.1), and masks the encoded forms', async () => {
    const secret = 'SENTINEL+secret/with=odd~chars';
    const seen = introspection({ [TOKEN]: { status: 200, body: ACTIVE } });
    const { token, masked } = await run([spec()], { ...ENV, CLIENT_ID: 'client id:1', CLIENT_SECRET: secret });
    const pair = Buffer.from(seen[0]!.authorization!.replace(/^Basic /, ''), 'base64').toString('utf8');
    expect(pair).toBe('client+id%3A1:SENTINEL%2Bsecret%2Fwith%3Dodd%7Echars');
    expect(masked).toEqual(expect.arrayContaining([secret, 'SENTINEL%2Bsecret%2Fwith%3Dodd%7Echars', seen[0]!.authorization!.replace(/^Basic /, '')]));
    expect(token.status).toBe('ok');
  });

  it('authenticates the client in the form with client_secret_post, with the token type hint', async () => {
    const seen = introspection({ [TOKEN]: { status: 200, body: ACTIVE } });
    const { token } = await run([spec({ 'auth-method': 'client_secret_post', 'token-type-hint': 'refresh_token' })]);
    expect(Object.fromEntries(seen[0]!.form)).toEqual({ token: TOKEN, token_type_hint: 'refresh_token', client_id: CLIENT_ID, client_secret: SECRET });
    expect(seen[0]!.authorization).toBeUndefined();
    expect(token.status).toBe('ok');
  });

  it('calls active:false invalid, without claiming to know why', async () => {
    introspection({});
    const { token } = await run([spec()]);
    expect(token.problems).toMatchObject([{ code: 'invalid', message: expect.stringContaining('inactive: expired, revoked or unknown — RFC 7662 does not say which') }]);
  });

  it('calls active:false with an exp in the past expired', async () => {
    introspection({ [TOKEN]: { status: 200, body: { active: false, exp: 1419356238 } } });
    const { token } = await run([spec()]);
    expect(token.problems).toMatchObject([{ code: 'expired', message: expect.stringContaining('2014-12-23T17:37:18.000Z') }]);
  });

  it('tells refused client credentials (401) apart from a bad token', async () => {
    introspection({ [TOKEN]: { status: 401, body: { error: 'invalid_client' }, headers: { 'www-authenticate': 'Basic realm="auth"' } } });
    const { token } = await run([spec()]);
    expect(token.problems).toMatchObject([{ code: 'unexpected-response', message: expect.stringMatching(/refused the client credentials \(HTTP 401: invalid_client\): check client-id and client-secret.*says nothing about the token/) }]);
  });

  it('does not pass an answer without "active", a throttle or a redirect', async () => {
    mock().get(AS).intercept({ path: '/oauth2/introspect', method: 'POST' }).reply(200, { sub: 'svc' }, json);
    expect((await run([spec()])).token.problems).toMatchObject([{ code: 'unexpected-response', message: expect.stringContaining('"active" member') }]);
    mock().get(AS).intercept({ path: '/oauth2/introspect', method: 'POST' }).reply(429, '{}', { headers: { 'retry-after': '120' } });
    expect((await run([spec()])).token.problems.map((p) => p.code)).toEqual(['rate-limited']);
    mock().get(AS).intercept({ path: '/oauth2/introspect', method: 'POST' }).reply(302, '', { headers: { location: 'https://login.example.net/' } });
    expect((await run([spec()])).token.problems).toMatchObject([{ code: 'unexpected-response', message: expect.stringContaining('redirects are not followed') }]);
  });

  it('flags a previous token the server still calls active', async () => {
    introspection({ [TOKEN]: { status: 200, body: ACTIVE }, [OLD_TOKEN]: { status: 200, body: ACTIVE } });
    const { token } = await run([spec({}, { previousSecret: { token: 'OLD_TOKEN' } })], { ...ENV, OLD_TOKEN });
    expect(token).toMatchObject({ status: 'fail', previous: 'accepted' });
  });

  it('sends the credential to the introspection host only, and refuses URLs that could move it', () => {
    expect(targetFor(oauth2, { purpose: 'preflight', env: {}, settings: { 'introspection-url': `${AS}/oauth2/introspect` } }).hosts).toEqual(['auth.example.com']);
    expect(targetFor(oauth2, { purpose: 'leak', env: {} }).hosts).toEqual([]);
    const show = (name: string) => name;
    const problems = (url: string) => oauth2.settingsProblems!({ 'introspection-url': url }, ['token', 'client-id', 'client-secret'], show);
    expect(problems(`${AS}/introspect?t=\${client-secret}`)).toMatchObject([['introspection-url', expect.stringContaining('without ${…}')]]);
    expect(problems('https://user:pw@auth.example.com/introspect')).toMatchObject([['introspection-url', expect.stringMatching(/^must not contain credentials .*: the provider sends its credential parts itself$/)]]);
    expect(problems(`${AS}/introspect`)).toEqual([]);
  });
});

describe('oauth2 in a config file', () => {
  async function load(...lines: string[]) {
    const dir = mkdtempSync(path.join(tmpdir(), 'tp-oauth2-'));
    try {
      const head = ['tokens:', '  - name: api', '    provider: oauth2', '    secret: { token: TOKEN, client-id: CLIENT_ID, client-secret: CLIENT_SECRET }'];
      writeFileSync(path.join(dir, 'tp.yml'), [...head, ...lines.map((l) => `    ${l}`)].join('\n'));
      return await loadConfig({ path: 'tp.yml', pathExplicit: true, cwd: dir, expiryWarningDays: 14 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('takes its settings as keys of the token', async () => {
    const { tokens } = await load('introspection-url: https://auth.example.com/introspect', 'auth-method: client_secret_post', 'token-type-hint: access_token');
    expect(tokens[0]!.settings).toEqual({ 'introspection-url': 'https://auth.example.com/introspect', 'auth-method': 'client_secret_post', 'token-type-hint': 'access_token' });
  });

  it.each([
    ['no introspection-url', [], /introspection-url/],
    ['an http URL', ['introspection-url: http://auth.example.com/introspect'], /introspection-url/],
    ['an unknown auth method', ['introspection-url: https://auth.example.com/introspect', 'auth-method: private_key_jwt'], /auth-method/],
    ['a template in the hint', ['introspection-url: https://auth.example.com/introspect', 'token-type-hint: "${client-secret}"'], /token-type-hint/],
  ])('refuses %s', async (_, lines, message) => {
    const error = await load(...lines).catch((e: Error) => e);
    expect((error as Error).message).toMatch(message);
  });
});
