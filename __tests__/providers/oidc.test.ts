// OpenID Connect UserInfo through the whole engine: the access token as a Bearer token to the
// UserInfo host only, the claims of a JSON or signed-JWT answer, and RFC 6750's Bearer errors.
import { SignJWT } from 'jose';
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runEngine, tokenSpec } from '../helpers/engine.js';
import { useMockAgent } from '../helpers/mock-agent.js';
import type { TokenSpec } from '../../src/config/types.js';
import { oidc } from '../../src/providers/oidc.js';
import { targetFor } from '../../src/run/target.js';

const mock = useMockAgent();
const OP = 'https://id.example.com';
const TOKEN = 'SENTINELoidcACCESStoken0123456789ab';

const spec = (overrides: Partial<TokenSpec> = {}) => tokenSpec('oidc', { token: 'OIDC_TOKEN' }, { settings: { 'userinfo-url': `${OP}/connect/userinfo` }, ...overrides });

function userinfo(status: number, body: string | object, headers: Record<string, string> = {}): string[] {
  const seen: string[] = [];
  mock().get(OP).intercept({ path: '/connect/userinfo', method: 'GET' }).reply((req) => {
    seen.push(String((req.headers as Record<string, string>).authorization));
    return { statusCode: status, data: typeof body === 'string' ? body : JSON.stringify(body), responseOptions: { headers: { 'content-type': 'application/json', ...headers } } };
  });
  return seen;
}

const run = (tokens: TokenSpec[] = [spec()]) => runEngine(tokens, { OIDC_TOKEN: TOKEN }, mock());

describe('oidc', () => {
  it('sends the token as a Bearer token to the UserInfo host only, and names the subject', async () => {
    const seen = userinfo(200, { sub: '248289761001', preferred_username: 'j.doe', email: 'janedoe@example.com' });
    const { token, masked } = await run([spec({ expectIdentity: '248289761001' })]);
    expect(seen).toEqual([`Bearer ${TOKEN}`]);
    expect(masked).toContain(TOKEN);
    expect(token).toMatchObject({ status: 'ok', host: 'id.example.com', identity: '248289761001', notes: ['username: j.doe', 'email: janedoe@example.com'] });
    expect(targetFor(oidc, { purpose: 'preflight', env: {}, settings: spec().settings }).hosts).toEqual(['id.example.com']);
  });

  it('reads the claims of a signed UserInfo answer (application/jwt)', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const body = await new SignJWT({ email: 'svc@example.com' }).setProtectedHeader({ alg: 'ES256' }).setSubject('svc-42').sign(privateKey);
    userinfo(200, body, { 'content-type': 'application/jwt' });
    const { token } = await run();
    expect(token).toMatchObject({ status: 'ok', identity: 'svc-42', notes: ['email: svc@example.com'] });
  });

  it('reads expired and revoked from the Bearer challenge, and calls any other 401 invalid', async () => {
    userinfo(401, '', { 'www-authenticate': 'Bearer realm="example", error="invalid_token", error_description="The access token expired"' });
    expect((await run()).token.problems).toMatchObject([{ code: 'expired', message: 'id.example.com refused the access token (HTTP 401, invalid_token): The access token expired' }]);
    userinfo(401, { error: 'invalid_token', error_description: 'Token was revoked' });
    expect((await run()).token.problems).toMatchObject([{ code: 'revoked' }]);
    userinfo(401, '', { 'www-authenticate': 'Bearer realm="example"' });
    expect((await run()).token.problems).toMatchObject([{ code: 'invalid', message: 'id.example.com refused the access token (HTTP 401)' }]);
  });

  it('does not call a token without the openid scope valid or invalid', async () => {
    userinfo(403, '', { 'www-authenticate': 'Bearer error="insufficient_scope", scope="openid"' });
    const { token } = await run();
    expect(token.problems).toMatchObject([{ code: 'unexpected-response', message: expect.stringContaining('insufficient_scope (needs openid)') }]);
  });

  it('refuses a UserInfo URL that would carry the token anywhere but the header', () => {
    const problems = oidc.settingsProblems!({ 'userinfo-url': `${OP}/userinfo?access_token=\${token}` }, ['token'], (n) => n);
    expect(problems).toMatchObject([['userinfo-url', expect.stringContaining('without ${…}')]]);
  });
});
