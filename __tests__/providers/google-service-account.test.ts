// Google service-account key files: the JWT grant signed with the file's own key (made fresh here and
// verified with jose as Google would), posted to oauth2.googleapis.com only, what Google's refusals
// mean, and key files that are refused before anything is sent.
import { generateKeyPairSync } from 'node:crypto';
import { importSPKI, jwtVerify, decodeProtectedHeader } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { runEngine, tokenSpec } from '../helpers/engine.js';
import { useMockAgent } from '../helpers/mock-agent.js';
import type { TokenSpec } from '../../src/config/types.js';
import { HttpClient } from '../../src/http/client.js';
import { googleServiceAccount } from '../../src/providers/google-service-account.js';
import type { Verdict } from '../../src/providers/provider.js';
import { targetFor } from '../../src/run/target.js';

const mock = useMockAgent();
const TOKEN_URL = 'https://oauth2.googleapis.com/token';
const ACCESS_TOKEN = 'ya29.c.SENTINELaccessTOKENqwertyuiopzxcv';

let keys: { privateKey: string; publicKey: string };
beforeAll(() => {
  keys = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
});

function keyFile(overrides: Record<string, unknown> = {}): string {
  const file = {
    type: 'service_account',
    project_id: 'acme-prod',
    private_key_id: 'abcdef0123456789abcdef0123456789abcdef01',
    private_key: keys.privateKey,
    client_email: 'deployer@acme-prod.iam.gserviceaccount.com',
    client_id: '109876543210987654321',
    auth_uri: 'https://accounts.google.com/o/oauth2/auth',
    token_uri: TOKEN_URL,
    universe_domain: 'googleapis.com',
    ...overrides,
  };
  return JSON.stringify(file, null, 2);
}

async function check(key: string): Promise<{ verdict: Verdict; secrets: string[]; contacted: ReadonlySet<string> }> {
  const secrets: string[] = [];
  const http = new HttpClient({ dispatcher: mock(), timeoutMs: 2_000, random: () => 0, maxAttempts: 1, onSecret: (v) => secrets.push(v) });
  const target = targetFor(googleServiceAccount, { purpose: 'preflight', env: {} });
  const session = http.session({ base: target.base, hosts: target.hosts, credential: { key }, throttling: target.throttling });
  const verdict = await googleServiceAccount
    .check({ key }, { http: session, env: {}, purpose: 'preflight', settings: {} })
    .catch((error: { code: string; message: string }) => ({ outcome: 'unknown' as const, code: error.code as never, message: error.message }));
  expect(JSON.stringify(verdict)).not.toContain('PRIVATE KEY');
  return { verdict, secrets, contacted: session.contacted };
}

/** Answers the token endpoint once, recording the form it was sent. */
function tokenEndpoint(status: number, body: object) {
  const forms: URLSearchParams[] = [];
  mock()
    .get('https://oauth2.googleapis.com')
    .intercept({ path: '/token', method: 'POST' })
    .reply((req) => {
      forms.push(new URLSearchParams(String(req.body)));
      return { statusCode: status, data: JSON.stringify(body), responseOptions: { headers: { 'content-type': 'application/json' } } };
    });
  return forms;
}

describe('google-service-account: the grant', () => {
  it('signs a JWT grant with the key file that Google can verify with the public key, and keeps it and the token secret', async () => {
    const forms = tokenEndpoint(200, { access_token: ACCESS_TOKEN, expires_in: 3599, token_type: 'Bearer' });
    const { verdict, secrets } = await check(keyFile());
    expect(verdict).toMatchObject({
      outcome: 'valid',
      facts: { kind: 'service account key', identity: 'deployer@acme-prod.iam.gserviceaccount.com', mode: 'acme-prod', notes: ['key id: abcdef0123456789abcdef0123456789abcdef01'] },
    });
    const form = forms[0]!;
    expect(form.get('grant_type')).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
    const assertion = form.get('assertion')!;
    const { payload, protectedHeader } = await jwtVerify(assertion, await importSPKI(keys.publicKey, 'RS256'), { issuer: 'deployer@acme-prod.iam.gserviceaccount.com', audience: TOKEN_URL });
    expect(protectedHeader).toEqual({ alg: 'RS256', typ: 'JWT', kid: 'abcdef0123456789abcdef0123456789abcdef01' });
    expect(payload.scope).toBe('https://www.googleapis.com/auth/cloud-platform.read-only');
    expect(payload.exp! - payload.iat!).toBe(3600);
    expect(Math.abs(payload.iat! - Date.now() / 1000)).toBeLessThan(60);
    // Both are masked the moment they exist.
    expect(secrets).toEqual(expect.arrayContaining([assertion, ACCESS_TOKEN]));
    expect(JSON.stringify(verdict)).not.toContain(ACCESS_TOKEN);
  });

  it('takes the token_uri of older key files, but still sends the grant to oauth2.googleapis.com with its audience', async () => {
    const forms = tokenEndpoint(200, { access_token: ACCESS_TOKEN, expires_in: 3599, token_type: 'Bearer' });
    const { verdict } = await check(keyFile({ token_uri: 'https://accounts.google.com/o/oauth2/token', private_key_id: undefined, project_id: undefined }));
    expect(verdict).toMatchObject({ outcome: 'valid' });
    expect(verdict.outcome === 'valid' && verdict.facts.mode).toBeUndefined();
    expect(decodeProtectedHeader(forms[0]!.get('assertion')!).kid).toBeUndefined();
  });

  it('never signs for, nor sends to, another token endpoint or universe', async () => {
    for (const overrides of [{ token_uri: 'https://evil.example.com/token' }, { universe_domain: 'apis-tpc.example' }]) {
      const { verdict, secrets, contacted } = await check(keyFile(overrides));
      expect(verdict).toMatchObject({ outcome: 'unknown', code: 'unexpected-response', message: expect.stringMatching(/^the key file was not used: its (token_uri|universe_domain) is "(https:\/\/evil\.example\.com\/token|apis-tpc\.example)", not /) });
      expect(contacted.size).toBe(0);
      expect(secrets).toEqual([]);
    }
  });
});

describe('google-service-account: what Google answers', () => {
  const cases: Array<[string, number, object, Partial<Verdict>]> = [
    ['a deleted key', 400, { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' }, { outcome: 'rejected', code: 'invalid' }],
    ['a deleted account', 400, { error: 'invalid_grant', error_description: 'Invalid grant: account not found' }, { outcome: 'rejected', code: 'invalid' }],
    ['an account being deleted', 400, { error: 'invalid_grant', error_description: 'The account has been deleted' }, { outcome: 'rejected', code: 'revoked' }],
    ['a deleted client', 401, { error: 'deleted_client', error_description: 'The OAuth client was deleted.' }, { outcome: 'rejected', code: 'revoked' }],
    ['an unknown client', 401, { error: 'invalid_client', error_description: 'The OAuth client was not found.' }, { outcome: 'rejected', code: 'invalid' }],
    ['throttling', 429, { error: 'rate_limit_exceeded' }, { outcome: 'unknown', code: 'rate-limited' as never }],
    ['an outage', 503, { error: 'internal_failure' }, { outcome: 'unknown', code: 'unexpected-response' as never }],
    ['a 200 without a token', 200, { token_type: 'Bearer' }, { outcome: 'unknown', code: 'unexpected-response' as never }],
  ];
  it.each(cases)('%s', async (_, status, body, expected) => {
    tokenEndpoint(status, body);
    const { verdict } = await check(keyFile());
    expect(verdict).toMatchObject(expected);
  });

  it('names the account a refusal is about, in its own words and Google\'s', async () => {
    tokenEndpoint(400, { error: 'invalid_grant', error_description: 'Robot is disabled.' });
    const { verdict } = await check(keyFile());
    expect(verdict).toMatchObject({ message: 'the service account deployer@acme-prod.iam.gserviceaccount.com was deleted or disabled (invalid_grant: Robot is disabled.)' });
  });
});

describe('google-service-account: key files refused before anything is sent', () => {
  const ecKey = () => generateKeyPairSync('ec', { namedCurve: 'P-256', privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey;
  const cases: Array<[string, () => string, string]> = [
    ['text that is not JSON', () => `not json ${'x'.repeat(40)}`, 'not a JSON object'],
    ['a user credential', () => JSON.stringify({ type: 'authorized_user', client_id: 'x', client_secret: 'y', refresh_token: 'z' }), 'of type authorized_user'],
    ['a file without its email', () => keyFile({ client_email: undefined }), 'no client email'],
    ['a file without its key', () => keyFile({ private_key: undefined }), 'no PKCS#8 private key'],
    ['a key that is not RSA', () => keyFile({ private_key: ecKey() }), 'not an RSA key'],
  ];
  it.each(cases)('%s', async (_, text, why) => {
    const { verdict, contacted } = await check(text());
    expect(verdict).toMatchObject({ outcome: 'rejected', code: 'invalid', message: expect.stringContaining(why) });
    expect(contacted.size).toBe(0);
    expect(verdict.outcome === 'rejected' && verdict.message).not.toContain('not json');
  });
});

describe('google-service-account: through the engine', () => {
  const spec = (overrides: Partial<TokenSpec> = {}) => tokenSpec('google-service-account', { key: 'GCP_SA_KEY' }, overrides);
  /** The whole engine over the key file; no line of its private key may appear in the result. */
  function run(tokens: TokenSpec[], file = keyFile()) {
    const privateKey = (JSON.parse(file) as { private_key: string }).private_key;
    return runEngine(tokens, { GCP_SA_KEY: file }, mock(), { secrets: ['PRIVATE KEY', ...privateKey.split('\n').filter((line) => line.length >= 8)] });
  }

  it('masks the private key (as written and line by line), keeps the rest readable, and pins the project with expect-mode', async () => {
    tokenEndpoint(200, { access_token: ACCESS_TOKEN, expires_in: 3599, token_type: 'Bearer' });
    const file = keyFile();
    const { token, masked } = await run([spec({ expectMode: 'acme-staging' })], file);
    expect(token).toMatchObject({ status: 'fail', mode: 'acme-prod', host: 'oauth2.googleapis.com', identity: 'deployer@acme-prod.iam.gserviceaccount.com' });
    expect(token.problems).toMatchObject([{ code: 'wrong-mode', message: expect.stringContaining('acme-staging') }]);
    const privateKey = (JSON.parse(file) as { private_key: string }).private_key;
    // As the file writes it (one line, `\n` escapes), and each line of the PEM.
    expect(masked).toContain(JSON.stringify(privateKey).slice(1, -1));
    for (const line of privateKey.split('\n').filter((l) => l.length >= 8)) expect(masked).toContain(line);
    expect(masked).toContain(ACCESS_TOKEN);
    // Only the private key is secret: the file's other lines are not masked.
    expect(masked.filter((value) => value.includes('client_email') || value.includes('deployer@'))).toEqual([]);
  });

  it('names the account and the key a refusal is about', async () => {
    tokenEndpoint(400, { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' });
    const { token } = await run([spec()]);
    expect(token.problems).toMatchObject([
      {
        code: 'invalid',
        message:
          'Google does not accept the signature of key abcdef0123456789abcdef0123456789abcdef01: it was deleted or disabled, or is not a key of deployer@acme-prod.iam.gserviceaccount.com (invalid_grant: Invalid JWT Signature.)',
      },
    ]);
  });
});
