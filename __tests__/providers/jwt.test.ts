// A JWT checked through the whole engine: offline without jwks-url (no request at all), and with
// one — the key set fetched from its host only, without the token — the signature verified with
// keys generated here, forged and unsigned tokens refused, and the time, issuer and audience claims.
import { SignJWT, type JWTPayload } from 'jose';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runEngine, tokenSpec } from '../helpers/engine.js';
import { useMockAgent } from '../helpers/mock-agent.js';
import type { TokenSpec } from '../../src/config/types.js';
import { jwt } from '../../src/providers/jwt.js';
import { targetFor } from '../../src/run/target.js';

const mock = useMockAgent();
const KEYS = 'https://login.example.com';
const JWKS_URL = `${KEYS}/.well-known/jwks.json`;
const now = () => Math.floor(Date.now() / 1000);

const issuerKey = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const attackerKey = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const otherKey = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const publicJwk = (pair: { publicKey: KeyObject }, kid?: string) => ({ ...pair.publicKey.export({ format: 'jwk' }), alg: 'ES256', use: 'sig', ...(kid ? { kid } : {}) });

function sign(claims: JWTPayload, key: KeyObject = issuerKey.privateKey, kid: string | null = 'k1'): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'ES256', typ: 'JWT', ...(kid ? { kid } : {}) }).sign(key);
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const CLAIMS = { iss: 'https://login.example.com/', sub: 'svc-deploy', aud: ['api://orders', 'api://billing'], scp: ['orders.read', 'orders.write'] };

/** The JWK Set endpoint; records what each request carried. */
function jwks(keys: object[], status = 200): Array<{ path: string; headers: Record<string, string> }> {
  const seen: Array<{ path: string; headers: Record<string, string> }> = [];
  mock().get(KEYS).intercept({ path: '/.well-known/jwks.json', method: 'GET' }).reply((req) => {
    seen.push({ path: req.path, headers: req.headers as Record<string, string> });
    return { statusCode: status, data: JSON.stringify({ keys }), responseOptions: { headers: { 'content-type': 'application/json' } } };
  });
  return seen;
}

/** The whole engine over one token; it must appear nowhere in the result. */
async function run(token: string, settings: Record<string, unknown> = {}, overrides: Partial<TokenSpec> = {}) {
  const { token: result } = await runEngine([tokenSpec('jwt', { token: 'DEPLOY_JWT' }, { settings, ...overrides })], { DEPLOY_JWT: token }, mock());
  return result;
}

describe('jwt without jwks-url: offline', () => {
  it('reads identity, scopes, expiry, issuer and audience, sends nothing, and says the signature was not verified', async () => {
    const exp = now() + 30 * 86_400;
    const token = await run(await sign({ ...CLAIMS, exp }), { issuer: 'https://login.example.com/', audience: 'api://orders' }, { requireScopes: ['orders.read'] });
    expect(token).toMatchObject({
      status: 'ok',
      kind: 'JWT (ES256)',
      identity: 'svc-deploy',
      scopes: ['orders.read', 'orders.write'],
      expiresAt: new Date(exp * 1000).toISOString(),
      notes: ['issuer: https://login.example.com/', 'audience: api://orders, api://billing', expect.stringContaining('signature NOT verified')],
    });
    expect(token.host, 'no request went out').toBeUndefined();
    expect(targetFor(jwt, { purpose: 'preflight', env: {}, settings: {} }).hosts).toEqual([]);
  });

  it('takes scopes from scope (space-separated), and a token without exp as never expiring', async () => {
    const token = await run(await sign({ sub: 'svc', scope: 'read:orders write:orders' }));
    expect(token).toMatchObject({ status: 'ok', scopes: ['read:orders', 'write:orders'], expiresAt: null });
  });

  it('refuses an expired token, one not yet valid, and one for another issuer or audience', async () => {
    const expired = await run(await sign({ ...CLAIMS, exp: now() - 3600 }));
    expect(expired.problems).toMatchObject([{ code: 'expired', message: expect.stringMatching(/^expired at \d{4}-/) }]);
    const early = await run(await sign({ ...CLAIMS, nbf: now() + 3600 }));
    expect(early.problems).toMatchObject([{ code: 'invalid', message: expect.stringMatching(/^is not valid before \d{4}-/) }]);
    const issuer = await run(await sign(CLAIMS), { issuer: 'https://sts.example.org/' });
    expect(issuer.problems).toMatchObject([{ code: 'invalid', message: 'was issued by "https://login.example.com/", expected "https://sts.example.org/"' }]);
    const audience = await run(await sign(CLAIMS), { audience: 'api://payments' });
    expect(audience.problems).toMatchObject([{ code: 'invalid', message: 'is for audience "api://orders", "api://billing", expected "api://payments"' }]);
  });

  it('accepts an nbf a few seconds ahead (clock skew)', async () => {
    const token = await run(await sign({ ...CLAIMS, nbf: now() + 5 }));
    expect(token.status).toBe('ok');
  });

  it('refuses a value that is not a JWT, without quoting it', async () => {
    const token = await run('SENTINELopaqueTOKEN0123456789');
    expect(token.problems).toMatchObject([{ code: 'invalid', message: expect.stringContaining('is not a JWT: expected three base64url parts') }]);
    const garbled = await run('eyJhbGciOiJSUzI1NiJ9.not-json-at-all.c2lnbmF0dXJl');
    expect(garbled.problems).toMatchObject([{ code: 'invalid', message: expect.stringContaining('payload is not a base64url-encoded JSON claims set') }]);
  });
});

describe('jwt with jwks-url: signature verified', () => {
  const settings = { 'jwks-url': JWKS_URL };

  it('fetches the key set from its host only, without the token, and verifies the signature', async () => {
    const seen = jwks([publicJwk(otherKey, 'k0'), publicJwk(issuerKey, 'k1')]);
    const raw = await sign({ ...CLAIMS, exp: now() + 30 * 86_400 });
    const token = await run(raw, settings);
    expect(token).toMatchObject({ status: 'ok', host: 'login.example.com', identity: 'svc-deploy' });
    expect(token.notes).toContain('signature verified with a key of login.example.com (kid k1)');
    expect(seen).toHaveLength(1);
    expect(seen[0]!.headers.authorization).toBeUndefined();
    expect(JSON.stringify(seen[0])).not.toContain(raw.split('.')[2]);
    expect(targetFor(jwt, { purpose: 'preflight', env: {}, settings }).hosts).toEqual(['login.example.com']);
  });

  it('tries each key when several match (no kid)', async () => {
    jwks([publicJwk(otherKey), publicJwk(issuerKey)]);
    const token = await run(await sign(CLAIMS, issuerKey.privateKey, null), settings);
    expect(token.problems).toEqual([]);
  });

  it('refuses a token signed by another key under the same kid, and altered claims', async () => {
    jwks([publicJwk(issuerKey, 'k1')]);
    const forged = await run(await sign({ ...CLAIMS, exp: now() + 3600 }, attackerKey.privateKey, 'k1'), settings);
    expect(forged.problems).toMatchObject([{ code: 'invalid', message: 'has a signature that no key of login.example.com verifies: forged or altered' }]);

    jwks([publicJwk(issuerKey, 'k1')]);
    const [header, , signature] = (await sign({ ...CLAIMS, exp: now() + 3600 })).split('.');
    const altered = await run(`${header}.${base64url({ ...CLAIMS, sub: 'admin', exp: now() + 3600 })}.${signature}`, settings);
    expect(altered.problems.map((p) => p.code)).toEqual(['invalid']);
  });

  it('refuses a token whose kid the issuer does not publish', async () => {
    jwks([publicJwk(issuerKey, 'k1')]);
    const token = await run(await sign(CLAIMS, attackerKey.privateKey, 'k9'), settings);
    expect(token.problems).toMatchObject([{ code: 'invalid', message: expect.stringContaining('signed by a key login.example.com does not publish (kid k9, ES256)') }]);
  });

  it('checks exp after a good signature: expired, not forged', async () => {
    jwks([publicJwk(issuerKey, 'k1')]);
    const token = await run(await sign({ ...CLAIMS, exp: now() - 60 }), settings);
    expect(token.problems.map((p) => p.code)).toEqual(['expired']);
  });

  it('always refuses alg none, without fetching any key', async () => {
    const unsigned = `${base64url({ alg: 'none' })}.${base64url({ ...CLAIMS, exp: now() + 3600 })}.`;
    const token = await run(unsigned, settings);
    expect(token.problems).toMatchObject([{ code: 'invalid', message: expect.stringContaining('unsigned (alg "none")') }]);
    expect(token.host).toBeUndefined();
    const offline = await run(`${base64url({ alg: 'None' })}.${base64url({ ...CLAIMS, exp: now() + 3600 })}.`);
    expect(offline.problems.map((p) => p.code)).toEqual(['invalid']);
  });

  it('says nothing certain when the key set cannot be had', async () => {
    jwks([], 404);
    const missing = await run(await sign(CLAIMS), settings);
    expect(missing.problems).toMatchObject([{ code: 'unexpected-response', message: expect.stringContaining('the signature was not checked') }]);
    mock().get(KEYS).intercept({ path: '/.well-known/jwks.json', method: 'GET' }).reply(200, '<html>portal</html>');
    const portal = await run(await sign(CLAIMS), settings);
    expect(portal.problems.map((p) => p.code)).toEqual(['unexpected-response']);
  });

  it('refuses a jwks-url that is not a plain https URL', () => {
    const problems = (url: string) => jwt.settingsProblems!({ 'jwks-url': url }, ['token'], (n) => n);
    expect(problems('http://login.example.com/jwks.json')).toMatchObject([['jwks-url', expect.stringContaining('https')]]);
    expect(problems(`${KEYS}/jwks?t=\${token}`)).toMatchObject([['jwks-url', expect.stringContaining('without ${…}')]]);
  });
});
