// `mint:` end to end below the runner: a GitHub App installation token (the app JWT verified with
// jose against the app's public key, every request checked against GitHub's API description) and
// OAuth 2.0 client credentials (RFC 6749 §4.4, RFC 7009), then checked, exported, and revoked by
// the post step — also when revoking fails.
import { generateKeyPairSync } from 'node:crypto';
import { importSPKI, jwtVerify } from 'jose';
import { fetch as undiciFetch } from 'undici';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MintSpec } from '../../src/mint/types.js';
import { documentedExample, requestProblems, responseProblems } from '../helpers/github-openapi.js';
import { useMockAgent } from '../helpers/mock-agent.js';

vi.mock('@actions/core', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@actions/core')>()),
  setSecret: vi.fn(),
  exportVariable: vi.fn(),
  saveState: vi.fn(),
  info: vi.fn(),
  warning: vi.fn(),
}));
const core = await import('@actions/core');
const { mintTokens, revokeMinted, MINTED_STATE } = await import('../../src/action/mint.js');
const { runPreflight } = await import('../../src/run/run.js');

const mock = useMockAgent();
beforeEach(() => vi.clearAllMocks());

const API = 'https://api.github.com';
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
const MINTED = 'ghs_16C7e42F292c6912E7710c838347Ae178B4a';
const APP_SPEC: MintSpec = { provider: 'github-app', name: 'deploy-app', export: 'DEPLOY_TOKEN', source: { file: 'tp.yml', line: 3 }, appIdVariable: 'APP_ID', privateKeyVariable: 'APP_KEY', repositories: ['webapp'], permissions: { contents: 'read' } };
const OAUTH_SPEC: MintSpec = { provider: 'oauth2', name: 'qa-api', export: 'QA_TOKEN', source: { file: 'tp.yml', line: 9 }, tokenUrl: 'https://auth.example.com/oauth/token', clientIdVariable: 'QA_ID', clientSecretVariable: 'QA_SECRET', authMethod: 'client_secret_basic', scope: 'read:orders', revocationUrl: 'https://auth.example.com/oauth/revoke' };
const ENV = { GITHUB_REPOSITORY: 'acme/webapp', APP_ID: '12345', APP_KEY: privateKey, QA_ID: 'qa-client', QA_SECRET: 'qa-secret-value-0123456789' };
const fetch = ((url: string, init: Parameters<typeof undiciFetch>[1]) => undiciFetch(url, { ...init, dispatcher: mock() })) as unknown as typeof globalThis.fetch;
const deps = (env: Record<string, string> = ENV) => ({ env, dispatcher: mock(), timeoutMs: 2_000, expiryWarningDays: 14, fetch, now: () => new Date('2026-11-30T08:00:00Z') });

/** GitHub's side of minting: the installation lookup (app JWT), then the token (app JWT). */
function fakeApp(seen: Array<{ path: string; body: unknown; auth: string }>, installation: { status: number } = { status: 200 }) {
  const pool = mock().get(API);
  pool.intercept({ path: '/repos/acme/webapp/installation', method: 'GET' }).reply((req) => {
    seen.push({ path: req.path, body: undefined, auth: String((req.headers as Record<string, string>).authorization) });
    expect(requestProblems('GET', req.path)).toEqual([]);
    if (installation.status !== 200) return { statusCode: installation.status, data: JSON.stringify({ message: 'Not Found' }), responseOptions: { headers: { 'content-type': 'application/json' } } };
    const body = { ...documentedExample('GET', '/repos/acme/webapp/installation', 200), id: 42 };
    expect(responseProblems('GET', '/repos/acme/webapp/installation', 200, body)).toEqual([]);
    return { statusCode: 200, data: JSON.stringify(body), responseOptions: { headers: { 'content-type': 'application/json' } } };
  });
  pool.intercept({ path: '/app/installations/42/access_tokens', method: 'POST' }).reply((req) => {
    const body = JSON.parse(String(req.body)) as unknown;
    seen.push({ path: req.path, body, auth: String((req.headers as Record<string, string>).authorization) });
    expect(requestProblems('POST', req.path, body)).toEqual([]);
    const documented = documentedExample('POST', '/app/installations/42/access_tokens', 201) as { repositories: Array<Record<string, unknown>> };
    const answer = { ...documented, token: MINTED, expires_at: '2026-11-30T09:00:00Z', permissions: { contents: 'read' }, repository_selection: 'selected', repositories: [{ ...documented.repositories[0], name: 'webapp', full_name: 'acme/webapp' }] };
    expect(responseProblems('POST', req.path, 201, answer)).toEqual([]);
    return { statusCode: 201, data: JSON.stringify(answer), responseOptions: { headers: { 'content-type': 'application/json' } } };
  });
}

async function verifiedAppJwt(authorization: string) {
  const jwt = authorization.replace(/^bearer /i, '');
  const { payload } = await jwtVerify(jwt, await importSPKI(publicKey, 'RS256'));
  return payload;
}

describe('mint: a GitHub App installation token', () => {
  it('is minted with a JWT signed by the app key, narrowed as asked, masked, exported and kept for the post step', async () => {
    const seen: Array<{ path: string; body: unknown; auth: string }> = [];
    fakeApp(seen);
    const minted = await mintTokens([APP_SPEC], deps());
    expect(minted.rows[0]!.failure).toBeUndefined();
    expect(seen.map((s) => s.path)).toEqual(['/repos/acme/webapp/installation', '/app/installations/42/access_tokens']);
    for (const s of seen) expect((await verifiedAppJwt(s.auth)).iss).toBe('12345');
    expect(seen[1]!.body).toEqual({ repositories: ['webapp'], permissions: { contents: 'read' } });
    expect(core.setSecret).toHaveBeenCalledWith(MINTED);
    // The private key is masked line by line before anything is sent.
    expect(vi.mocked(core.setSecret).mock.calls.map(([v]) => v)).toEqual(expect.arrayContaining(privateKey.split('\n').filter((l) => l.length >= 8)));
    expect(core.exportVariable).toHaveBeenCalledWith('DEPLOY_TOKEN', MINTED);
    expect(core.saveState).toHaveBeenCalledWith(MINTED_STATE, JSON.stringify([{ name: 'deploy-app', provider: 'github-app', token: MINTED, apiUrl: 'https://api.github.com' }]));
    expect(minted.rows[0]).toMatchObject({ name: 'deploy-app', provider: 'github-app', spec: { provider: 'github', secret: { token: 'DEPLOY_TOKEN' } }, notes: ['minted from GitHub App 12345', 'repositories: webapp', 'permissions: contents:read', 'exported as DEPLOY_TOKEN', 'revoked at the end of the job'] });
    expect(minted.exported).toEqual({ DEPLOY_TOKEN: MINTED });
  });

  it('then the engine checks it like any GitHub token: its row, named after the entry', async () => {
    fakeApp([]);
    const minted = await mintTokens([APP_SPEC], deps());
    mock().get(API).intercept({ path: '/installation/repositories?per_page=1', method: 'GET' }).reply(200, { total_count: 1, repositories: [{ full_name: 'acme/webapp', owner: { login: 'acme' } }] }, { headers: { 'content-type': 'application/json', 'github-authentication-token-expiration': '2026-11-30 09:00:00 UTC' } });
    const result = await runPreflight({ tokens: [], minted: minted.rows, timeoutMs: 2_000, concurrency: 2, context: { surface: 'action' } }, { env: { ...ENV, ...minted.exported }, mask: () => {}, dispatcher: mock(), now: () => new Date('2026-11-30T08:00:00Z') });
    expect(result.tokens).toEqual([expect.objectContaining({ name: 'deploy-app', provider: 'github-app', status: 'ok', notes: expect.arrayContaining(['revoked at the end of the job']) })]);
    expect(JSON.stringify(result)).not.toContain(MINTED);
  });

  it('an app not installed on the repository: a failing row that says so, nothing exported, the run goes on', async () => {
    fakeApp([], { status: 404 });
    const minted = await mintTokens([APP_SPEC], deps());
    expect(minted.rows[0]!.failure).toMatchObject({ code: 'invalid', message: expect.stringMatching(/^could not mint: GitHub answered 404.*is the app installed on that repository\?$/) });
    expect(core.exportVariable).not.toHaveBeenCalled();
    expect(core.saveState).not.toHaveBeenCalled();
  });

  it('a private key variable that is empty: missing-secret, nothing sent', async () => {
    const minted = await mintTokens([APP_SPEC], deps({ ...ENV, APP_KEY: '' }));
    expect(minted.rows[0]!.failure).toMatchObject({ code: 'missing-secret', message: 'could not mint: APP_KEY is unset or empty: mint entry deploy-app needs it' });
  });
});

describe('mint: OAuth 2.0 client credentials', () => {
  function fakeTokenEndpoint(seen: Array<{ auth: string; form: URLSearchParams }>, answer: { status: number; body: unknown } = { status: 200, body: { access_token: 'qa-access-token-SENTINEL-0001', token_type: 'Bearer', expires_in: 3600, scope: 'read:orders' } }) {
    mock().get('https://auth.example.com').intercept({ path: '/oauth/token', method: 'POST' }).reply((req) => {
      seen.push({ auth: String((req.headers as Record<string, string>).authorization), form: new URLSearchParams(String(req.body)) });
      return { statusCode: answer.status, data: JSON.stringify(answer.body), responseOptions: { headers: { 'content-type': 'application/json' } } };
    });
  }

  it('asks with HTTP Basic (RFC 6749 §2.3.1) and the scope, reports expiry and scopes from the answer', async () => {
    const seen: Array<{ auth: string; form: URLSearchParams }> = [];
    fakeTokenEndpoint(seen);
    const minted = await mintTokens([OAUTH_SPEC], deps());
    expect(seen[0]!.auth).toBe(`Basic ${Buffer.from('qa-client:qa-secret-value-0123456789').toString('base64')}`);
    expect(Object.fromEntries(seen[0]!.form)).toEqual({ grant_type: 'client_credentials', scope: 'read:orders' });
    expect(minted.rows[0]).toMatchObject({ facts: { ephemeral: true, scopes: ['read:orders'], expiresAt: new Date('2026-11-30T09:00:00Z') } });
    expect(core.exportVariable).toHaveBeenCalledWith('QA_TOKEN', 'qa-access-token-SENTINEL-0001');
    expect(core.setSecret).toHaveBeenCalledWith('qa-access-token-SENTINEL-0001');
    expect(core.setSecret).toHaveBeenCalledWith('qa-secret-value-0123456789');
  });

  it('client_secret_post puts the pair in the form instead', async () => {
    const seen: Array<{ auth: string; form: URLSearchParams }> = [];
    fakeTokenEndpoint(seen);
    await mintTokens([{ ...OAUTH_SPEC, authMethod: 'client_secret_post' }], deps());
    expect(seen[0]!.auth).toBe('undefined');
    expect(seen[0]!.form.get('client_secret')).toBe('qa-secret-value-0123456789');
  });

  it.each([
    [401, { error: 'invalid_client' }, 'invalid', /refused the client credentials: HTTP 401 \(invalid_client\)/],
    [400, { error: 'invalid_scope', error_description: 'read:all is not allowed' }, 'unexpected-response', /HTTP 400 \(invalid_scope: read:all is not allowed\)/],
    [200, { token_type: 'Bearer' }, 'unexpected-response', /without an access_token/],
  ])('a %i answer is a failing row, with the server’s own words', async (status, body, code, message) => {
    fakeTokenEndpoint([], { status, body });
    const minted = await mintTokens([OAUTH_SPEC], deps());
    expect(minted.rows[0]!.failure).toMatchObject({ code, message: expect.stringMatching(message) });
  });

  it('an engine row from the answer alone, when there is no introspection-url', async () => {
    fakeTokenEndpoint([]);
    const minted = await mintTokens([OAUTH_SPEC], deps());
    const result = await runPreflight({ tokens: [], minted: minted.rows, timeoutMs: 2_000, concurrency: 2, context: { surface: 'action' } }, { env: {}, mask: () => {}, dispatcher: mock(), now: () => new Date('2026-11-30T08:00:00Z') });
    expect(result.tokens).toEqual([expect.objectContaining({ name: 'qa-api', provider: 'oauth2', status: 'ok', scopes: ['read:orders'], expiresAt: '2026-11-30T09:00:00.000Z', ephemeral: true })]);
  });
});

describe('the post step: revocation', () => {
  const state = JSON.stringify([
    { name: 'deploy-app', provider: 'github-app', token: MINTED, apiUrl: 'https://api.github.com' },
    { name: 'qa-api', provider: 'oauth2', token: 'qa-access-token-SENTINEL-0001', revocationUrl: 'https://auth.example.com/oauth/revoke', clientIdVariable: 'QA_ID', clientSecretVariable: 'QA_SECRET', authMethod: 'client_secret_basic' },
  ]);

  it('revokes each minted token: DELETE /installation/token with the token itself, RFC 7009 for OAuth', async () => {
    const seen: string[] = [];
    mock().get(API).intercept({ path: '/installation/token', method: 'DELETE' }).reply((req) => {
      expect(requestProblems('DELETE', req.path)).toEqual([]);
      seen.push(`DELETE ${String((req.headers as Record<string, string>).authorization)}`);
      return { statusCode: 204, data: '' };
    });
    mock().get('https://auth.example.com').intercept({ path: '/oauth/revoke', method: 'POST' }).reply((req) => {
      seen.push(`REVOKE ${new URLSearchParams(String(req.body)).get('token')}`);
      return { statusCode: 200, data: '' };
    });
    await revokeMinted({ env: ENV, dispatcher: mock(), timeoutMs: 2_000, fetch }, state);
    expect(seen).toEqual([`DELETE token ${MINTED}`, 'REVOKE qa-access-token-SENTINEL-0001']);
    expect(core.setSecret).toHaveBeenCalledWith(MINTED);
    expect(core.info).toHaveBeenCalledWith('token-preflight: revoked the minted token deploy-app');
    expect(core.warning).not.toHaveBeenCalled();
  });

  it('a failed revocation is a warning naming the token, and the next one is still revoked', async () => {
    mock().get(API).intercept({ path: '/installation/token', method: 'DELETE' }).reply(401, { message: 'Bad credentials' }, { headers: { 'content-type': 'application/json' } });
    let revoked = false;
    mock().get('https://auth.example.com').intercept({ path: '/oauth/revoke', method: 'POST' }).reply(() => ((revoked = true), { statusCode: 200, data: '' }));
    await revokeMinted({ env: ENV, dispatcher: mock(), timeoutMs: 2_000, fetch }, state);
    expect(core.warning).toHaveBeenCalledWith(expect.stringMatching(/^token-preflight: could not revoke the minted token deploy-app: GitHub answered 401.*It expires on its own/));
    expect(revoked).toBe(true);
    for (const [message] of vi.mocked(core.warning).mock.calls) expect(String(message)).not.toContain(MINTED);
  });

  it('nothing minted: nothing to do; garbled state: a warning, never a failure', async () => {
    await revokeMinted({ env: ENV, dispatcher: mock(), timeoutMs: 2_000 }, '');
    expect(core.warning).not.toHaveBeenCalled();
    await revokeMinted({ env: ENV, dispatcher: mock(), timeoutMs: 2_000 }, '{not json');
    expect(core.warning).toHaveBeenCalledWith(expect.stringContaining('could not be read back'));
  });
});

describe('mint on a run that gets no secrets', () => {
  it("a fork's pull request: the entry is skipped with the reason, not failed", async () => {
    const dir = (await import('node:fs')).mkdtempSync((await import('node:path')).join((await import('node:os')).tmpdir(), 'tp-fork-'));
    const event = (await import('node:path')).join(dir, 'event.json');
    (await import('node:fs')).writeFileSync(event, JSON.stringify({ pull_request: { head: { repo: { full_name: 'mallory/webapp' } } }, repository: { full_name: 'acme/webapp' } }));
    const minted = await mintTokens([APP_SPEC], deps({ GITHUB_REPOSITORY: 'acme/webapp', GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event }));
    expect(minted.rows[0]).toMatchObject({ skipReason: expect.stringContaining('comes from the fork mallory/webapp') });
    expect(minted.rows[0]!.failure).toBeUndefined();
    const result = await runPreflight({ tokens: [], minted: minted.rows, timeoutMs: 2_000, concurrency: 2, context: { surface: 'action' } }, { env: {}, mask: () => {}, dispatcher: mock() });
    expect(result.tokens).toEqual([expect.objectContaining({ name: 'deploy-app', status: 'skipped' })]);
    expect(result.verdict).not.toBe('fail');
  });
});
