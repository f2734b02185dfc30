// GitLab beyond its example answers: self-managed base-url, scope nesting, expiry, the job token's
// header, the 401 dialect read from WWW-Authenticate, routable-token checksums, a found token that
// gitlab.com does not know left unverified, the fallback for GitLab before 15.5, and the failure
// paths. Bodies: see src/providers/gitlab.ts.
import { describe, expect, it } from 'vitest';
import { runEngine, tokenSpec } from '../helpers/engine.js';
import { useMockAgent } from '../helpers/mock-agent.js';
import type { TokenSpec } from '../../src/config/types.js';
import { HttpClient } from '../../src/http/client.js';
import { gitlab, routableChecksumHolds } from '../../src/providers/gitlab.js';
import type { Purpose, Verdict } from '../../src/providers/provider.js';
import { targetFor } from '../../src/run/target.js';

const mock = useMockAgent();
const GITLAB = 'https://gitlab.com';
const SELF = '/api/v4/personal_access_tokens/self';
const PAT = `glpat-${'Ab3_'.repeat(5)}`;
const RECORD = { id: 7, name: 'ci', revoked: false, created_at: '2026-01-02T10:00:00.000Z', scopes: ['read_api'], active: true, user_id: 42, expires_at: '2026-03-10' };
const json = { headers: { 'content-type': 'application/json' } };

function ping(token: string, purpose: Purpose = 'preflight'): Promise<Verdict> {
  const http = new HttpClient({ dispatcher: mock(), timeoutMs: 2_000, random: () => 0, maxAttempts: 1 });
  const target = targetFor(gitlab, { purpose, env: {} });
  const session = http.session({ base: target.base, hosts: target.hosts, credential: { token }, throttling: target.throttling });
  return gitlab.check({ token }, { http: session, env: target.env, purpose, settings: {} }).catch((error: { code: string; message: string }) => ({
    outcome: 'unknown' as const,
    code: error.code as never,
    message: error.message,
  }));
}

const spec = (overrides: Partial<TokenSpec> = {}) => tokenSpec('gitlab', { token: 'GL_TOKEN' }, overrides);

async function run(entry: TokenSpec, token = PAT) {
  return (await runEngine([entry], { GL_TOKEN: token }, mock(), { now: () => new Date('2026-03-01T00:00:00Z') })).token;
}

describe('gitlab', () => {
  it('checks a self-managed instance at base-url only, names a project bot, and warns of a date-only expiry', async () => {
    const host = mock().get('https://gitlab.example.com');
    host.intercept({ path: SELF, method: 'GET', headers: { 'private-token': PAT } }).reply(200, RECORD, json);
    host.intercept({ path: '/api/v4/user', method: 'GET', headers: { 'private-token': PAT } }).reply(200, { id: 42, username: 'project_5_bot_3f2a' }, json);
    const token = await run(spec({ baseUrl: 'https://gitlab.example.com/api/v4', requireScopes: ['read_user'] }));
    expect(token).toMatchObject({ host: 'gitlab.example.com', identity: 'project_5_bot_3f2a', kind: 'project access token', scopes: ['read_api'], expiresAt: '2026-03-10T00:00:00.000Z' });
    // read_api includes read_user; the token expires 9 days after "now".
    expect(token.problems.map((p) => p.code)).toEqual(['expiring-soon']);
  });

  it('expands documented scope nesting, and no more', () => {
    const api = gitlab.expandScopes!(['api']);
    expect([...api]).toEqual(expect.arrayContaining(['api', 'read_api', 'read_user', 'read_repository', 'write_repository', 'read_registry', 'write_registry']));
    expect(api.has('sudo')).toBe(false);
    expect([...gitlab.expandScopes!(['write_repository'])]).toEqual(['write_repository', 'read_repository']);
    expect(gitlab.expandScopes!(['read_repository']).has('write_repository')).toBe(false);
  });

  it('reports a missing scope, without asking for the user when no scope may read it', async () => {
    mock().get(GITLAB).intercept({ path: SELF, method: 'GET' }).reply(200, { ...RECORD, scopes: ['read_repository'], expires_at: null }, json);
    const token = await run(spec({ requireScopes: ['read_api'] }));
    expect(token).toMatchObject({ expiresAt: null, notes: ['token name: ci', 'acts for user id 42'] });
    expect(token.problems).toMatchObject([{ code: 'insufficient-scope' }]);
  });

  it('reads revoked and expired from the WWW-Authenticate challenge when the body is not JSON', async () => {
    const challenge = (d: string) => ({ headers: { 'www-authenticate': `Bearer realm="Protected by OAuth 2.0", error="invalid_token", error_description="${d}"` } });
    mock().get(GITLAB).intercept({ path: SELF, method: 'GET' }).reply(401, 'Unauthorized', challenge('Token was revoked. You have to re-authorize from the user.'));
    expect(await ping(PAT)).toMatchObject({ outcome: 'rejected', code: 'revoked' });
    mock().get(GITLAB).intercept({ path: SELF, method: 'GET' }).reply(401, 'Unauthorized', challenge('Token is expired. You can either do re-authorization or token refresh.'));
    expect(await ping(PAT)).toMatchObject({ outcome: 'rejected', code: 'expired' });
  });

  it('calls a record that says revoked or inactive what it says', async () => {
    mock().get(GITLAB).intercept({ path: SELF, method: 'GET' }).reply(200, { ...RECORD, active: false }, json);
    expect(await ping(PAT)).toMatchObject({ outcome: 'rejected', code: 'expired' });
    mock().get(GITLAB).intercept({ path: SELF, method: 'GET' }).reply(200, { ...RECORD, revoked: true, active: false }, json);
    expect(await ping(PAT)).toMatchObject({ outcome: 'rejected', code: 'revoked' });
  });

  it('checks routable tokens against their CRC (the routable-tokens design document example)', () => {
    expect(routableChecksumHolds('bzoxd_Rb5_cHeWe1JH56wr2FCBA.0r1pum4t4')).toBe(true);
    expect(routableChecksumHolds('bzoxd_Rb5_cHeWe1JH56wr2FCBA.0r1pum4t5')).toBe(false);
  });

  it('says a refused routable token fails its checksum, and calls a found one refused only then', async () => {
    const broken = `glpat-${'a'.repeat(27)}.01.0r0000000`;
    mock().get(GITLAB).intercept({ path: SELF, method: 'GET' }).reply(401, { message: '401 Unauthorized' }, json).times(3);
    const preflight = await ping(broken);
    expect(preflight.outcome === 'rejected' && preflight.message).toMatch(/checksum does not match/);
    // A broken token works nowhere; an intact one gitlab.com does not know may be a self-managed GitLab's.
    expect(await ping(broken, 'leak')).toMatchObject({ outcome: 'rejected', code: 'invalid' });
    expect(await ping(PAT, 'leak')).toMatchObject({ outcome: 'unknown', code: 'unexpected-response', message: expect.stringContaining('self-managed GitLab') });
  });

  it('leaves a found job token that gitlab.com refuses unverified, and calls a configured one refused', async () => {
    const job = `glcbt-64_${'Zz9'.repeat(6)}ab`;
    mock().get(GITLAB).intercept({ path: '/api/v4/job', method: 'GET' }).reply(401, { message: '401 Unauthorized' }, json).times(2);
    expect(await ping(job, 'leak')).toMatchObject({ outcome: 'unknown', code: 'unexpected-response' });
    expect(await ping(job)).toMatchObject({ outcome: 'rejected', code: 'invalid' });
  });

  it('cannot tell when the account demands DPoP proofs', async () => {
    mock().get(GITLAB).intercept({ path: SELF, method: 'GET' }).reply(401, { error: 'dpop_error', error_description: 'DPoP validation error: missing header' }, json);
    expect(await ping(PAT)).toMatchObject({ outcome: 'unknown', code: 'unexpected-response' });
  });

  it('calls insufficient_scope valid with unknown scopes, so require-scopes cannot pass', async () => {
    mock().get(GITLAB).intercept({ path: SELF, method: 'GET' }).reply(403, { error: 'insufficient_scope', error_description: 'The request requires higher privileges than provided by the access token.', scope: 'api read_user' }, json);
    const token = await run(spec({ requireScopes: ['api'] }));
    expect(token.scopes).toBeUndefined();
    expect(token.problems).toMatchObject([{ code: 'scopes-unknown' }]);
  });

  it('falls back to GET /user on a GitLab without personal_access_tokens/self', async () => {
    mock().get(GITLAB).intercept({ path: SELF, method: 'GET' }).reply(404, { message: '404 Not Found' }, json);
    mock().get(GITLAB).intercept({ path: '/api/v4/user', method: 'GET' }).reply(200, { id: 3, username: 'alice' }, json);
    expect(await ping(PAT)).toMatchObject({ outcome: 'valid', facts: { identity: 'alice', notes: [expect.stringContaining('GitLab before 15.5')] } });
    mock().get(GITLAB).intercept({ path: SELF, method: 'GET' }).reply(404, '<html>Not Found</html>');
    mock().get(GITLAB).intercept({ path: '/api/v4/user', method: 'GET' }).reply(404, '<html>Not Found</html>');
    const lost = await ping(PAT);
    expect(lost).toMatchObject({ outcome: 'unknown', code: 'unexpected-response' });
    expect(lost.outcome === 'unknown' && lost.message).toMatch(/ending in \/api\/v4/);
  });

  it('stays valid, unnamed, when the second call for the user fails', async () => {
    mock().get(GITLAB).intercept({ path: SELF, method: 'GET' }).reply(200, RECORD, json);
    mock().get(GITLAB).intercept({ path: '/api/v4/user', method: 'GET' }).reply(503, 'Service Unavailable');
    const result = await ping(PAT);
    expect(result).toMatchObject({ outcome: 'valid', facts: { scopes: ['read_api'], notes: ['token name: ci', 'acts for user id 42'] } });
    expect(result.outcome === 'valid' && result.facts.identity).toBeUndefined();
  });

  it('sends a job token as JOB-TOKEN to GET /job, never as PRIVATE-TOKEN', async () => {
    const job = `glcbt-64_${'Zz9'.repeat(6)}ab`;
    mock().get(GITLAB).intercept({ path: '/api/v4/job', method: 'GET', headers: (h) => h['job-token'] === job && h['private-token'] === undefined })
      .reply(200, { id: 8, name: 'build', user: { username: 'root' } }, json);
    expect(await ping(job)).toMatchObject({ outcome: 'valid', facts: { kind: 'CI/CD job token', identity: 'root', ephemeral: true } });
  });

  it('turns throttling, server errors and redirects into unknown, and waits for RateLimit-Reset', async () => {
    mock().get(GITLAB).intercept({ path: SELF, method: 'GET' }).reply(429, 'Retry later', { headers: { 'retry-after': '0' } });
    expect(await ping(PAT)).toMatchObject({ outcome: 'unknown', code: 'rate-limited' });
    mock().get(GITLAB).intercept({ path: SELF, method: 'GET' }).reply(502, 'Bad Gateway');
    expect(await ping(PAT)).toMatchObject({ outcome: 'unknown', code: 'unexpected-response' });
    mock().get(GITLAB).intercept({ path: SELF, method: 'GET' }).reply(302, '', { headers: { location: 'https://gitlab.com/users/sign_in' } });
    expect(await ping(PAT)).toMatchObject({ outcome: 'unknown', code: 'unexpected-response' });
    const wait = gitlab.throttling!.retryDelayMs!({ status: 429, headers: { 'ratelimit-reset': '1700000060' }, body: '', latencyMs: 1, attempts: 1, host: 'gitlab.com' }, 1_700_000_000_000);
    expect(wait).toBe(60_000);
  });
});
