import { describe, expect, it } from 'vitest';
import { useMockAgent } from '../helpers/mock-agent.js';
import type { TokenSpec } from '../../src/config/types.js';
import { runPreflight, type RunRequest } from '../../src/run/run.js';
import type { RunContext } from '../../src/check/missing-secret.js';
import { BAD_CREDENTIALS, githubToken, rateHeaders, USER } from '../providers/github-fixtures.js';

const API = 'https://api.github.com';
const NOW = new Date('2026-11-23T12:00:00Z');
const mock = useMockAgent();

function spec(name: string, overrides: Partial<TokenSpec> = {}): TokenSpec {
  const secret = { token: `${name.toUpperCase().replace(/-/g, '_')}_TOKEN` };
  return { name, provider: 'github', secret, optional: false, expiryWarningDays: 14, rejectInvalid: false, settings: {}, source: { file: '.github/token-preflight.yml', line: 3 }, ...overrides };
}

async function run(tokens: TokenSpec[], env: Record<string, string>, context: RunContext = { surface: 'action' }, masked: string[] = []) {
  const request: RunRequest = { tokens, timeoutMs: 2_000, concurrency: 4, context };
  return runPreflight(request, { env, mask: (v) => masked.push(v), dispatcher: mock(), now: () => NOW });
}

/** Answers GET /user per bearer token, like GitHub does. */
function githubAnswers(byToken: Record<string, { status: number; body: object; headers?: Record<string, string> }>) {
  mock().get(API).intercept({ path: '/user', method: 'GET' }).reply((req) => {
    const auth = String((req.headers as Record<string, string>).authorization ?? '');
    const answer = byToken[auth.replace(/^Bearer /, '')] ?? { status: 401, body: BAD_CREDENTIALS };
    return { statusCode: answer.status, data: JSON.stringify(answer.body), responseOptions: { headers: { 'content-type': 'application/json', ...answer.headers } } };
  }).persist();
}

describe('runPreflight', () => {
  it('checks every token and judges its facts against the config', async () => {
    const good = githubToken('ghp_', 'GOOD');
    const narrow = githubToken('ghp_', 'NARROW');
    githubAnswers({
      [good]: { status: 200, body: USER, headers: { 'x-oauth-scopes': 'repo, read:org', ...rateHeaders(4990) } },
      [narrow]: { status: 200, body: { ...USER, login: 'someone-else' }, headers: { 'x-oauth-scopes': 'read:org, admin:org', 'github-authentication-token-expiration': '2026-11-30 00:00:00 UTC' } },
    });
    const result = await run(
      [
        spec('release-bot', { requireScopes: ['repo'], allowScopes: ['repo', 'read:org'], expectIdentity: 'OctoCat' }),
        spec('narrow', { requireScopes: ['repo'], allowScopes: ['read:org'], expectIdentity: 'octocat' }),
      ],
      { RELEASE_BOT_TOKEN: good, NARROW_TOKEN: narrow },
    );
    const [ok, bad] = result.tokens;
    expect(ok).toMatchObject({ name: 'release-bot', status: 'ok', problems: [], identity: 'octocat', scopes: ['repo', 'read:org'], expiresAt: null, host: 'api.github.com', rateLimit: { remaining: 4990 } });
    expect(bad!.status).toBe('fail');
    expect(bad!.problems.map((p) => p.code)).toEqual(['expiring-soon', 'insufficient-scope', 'excess-scope', 'identity-mismatch']);
    expect(bad).toMatchObject({ missingScopes: ['repo'], extraScopes: ['admin:org'], expiresAt: '2026-11-30T00:00:00.000Z' });
    expect(result.verdict).toBe('fail');
  });

  it('turns a refused token into `invalid` and keeps checking the others', async () => {
    const good = githubToken('ghp_', 'GOOD');
    githubAnswers({ [good]: { status: 200, body: USER } });
    const result = await run([spec('dead'), spec('alive')], { DEAD_TOKEN: githubToken('ghp_', 'DEAD'), ALIVE_TOKEN: good });
    expect(result.tokens.map((t) => [t.name, t.status, t.problems.map((p) => p.code)])).toEqual([
      ['dead', 'fail', ['invalid']],
      ['alive', 'ok', []],
    ]);
  });

  it('reports an unreachable provider as `unreachable`', async () => {
    mock().get(API).intercept({ path: '/user', method: 'GET' }).replyWithError(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' })).times(3);
    const result = await run([spec('a')], { A_TOKEN: githubToken('ghp_') });
    expect(result.tokens[0]!.problems).toMatchObject([{ code: 'unreachable', severity: 'error', message: expect.stringContaining('ENOTFOUND') }]);
  });

  it('masks every secret before the first provider call', async () => {
    const a = githubToken('ghp_', 'AAAA');
    const b = githubToken('ghp_', 'BBBB');
    const old = githubToken('ghp_', 'OLD');
    const masked: string[] = [];
    const maskedAtFirstCall: string[][] = [];
    mock().get(API).intercept({ path: '/user', method: 'GET' }).reply(() => {
      maskedAtFirstCall.push([...masked]);
      return { statusCode: 401, data: JSON.stringify(BAD_CREDENTIALS) };
    }).persist();
    await run([spec('a'), spec('b', { previousSecret: { token: 'OLD_TOKEN' } })], { A_TOKEN: a, B_TOKEN: `${b}\n`, OLD_TOKEN: old }, { surface: 'action' }, masked);
    expect(maskedAtFirstCall[0]).toEqual(expect.arrayContaining([a, b, old]));
  });

  it('redacts a token a provider echoes back in its answer', async () => {
    const token = githubToken('ghp_', 'ECHO');
    mock().get(API).intercept({ path: '/user', method: 'GET' }).reply(404, { message: `No user for ${token}` });
    const result = await run([spec('echo')], { ECHO_TOKEN: token });
    const text = JSON.stringify(result);
    expect(text).not.toContain(token);
    expect(result.tokens[0]!.problems[0]!.message).toBe('api.github.com answered HTTP 404: No user for ***');
  });

  describe('missing secrets', () => {
    it('fails a missing secret with how to pass it', async () => {
      const result = await run([spec('deploy')], {});
      expect(result.tokens[0]).toMatchObject({ status: 'fail', problems: [{ code: 'missing-secret', message: expect.stringContaining('${{ secrets.DEPLOY_TOKEN }}') }] });
      expect(result.verdict).toBe('fail');
    });

    it('skips an optional token whose secret is absent', async () => {
      const result = await run([spec('deploy', { optional: true })], {});
      expect(result.tokens[0]).toMatchObject({ status: 'skipped', problems: [] });
      expect(result.verdict).toBe('pass');
    });

    it('skips, with the reason, on a pull request from a fork', async () => {
      const result = await run([spec('deploy')], {}, { surface: 'action', forkPullRequest: { headRepository: 'octo/fork' } });
      expect(result.tokens[0]).toMatchObject({ status: 'skipped', skipReason: expect.stringContaining('fork octo/fork') });
    });

    it('treats a whitespace-only secret as missing', async () => {
      const result = await run([spec('deploy')], { DEPLOY_TOKEN: ' \n' });
      expect(result.tokens[0]!.problems[0]!.code).toBe('missing-secret');
    });
  });

  describe('previous-secret (rotation)', () => {
    it('flags a replaced token that still works', async () => {
      const current = githubToken('ghp_', 'NEW');
      const previous = githubToken('ghp_', 'OLD');
      githubAnswers({ [current]: { status: 200, body: USER }, [previous]: { status: 200, body: USER } });
      const result = await run([spec('bot', { previousSecret: { token: 'OLD_BOT_TOKEN' } })], { BOT_TOKEN: current, OLD_BOT_TOKEN: previous });
      expect(result.tokens[0]).toMatchObject({ status: 'fail', previous: 'accepted' });
      expect(result.tokens[0]!.problems).toMatchObject([{ code: 'previous-still-valid', message: expect.stringContaining('OLD_BOT_TOKEN is still accepted as "octocat"') }]);
    });

    it('is satisfied when the provider refuses the replaced token', async () => {
      const current = githubToken('ghp_', 'NEW');
      githubAnswers({ [current]: { status: 200, body: USER } });
      const result = await run([spec('bot', { previousSecret: { token: 'OLD_BOT_TOKEN' } })], { BOT_TOKEN: current, OLD_BOT_TOKEN: githubToken('ghp_', 'OLD') });
      expect(result.tokens[0]).toMatchObject({ status: 'ok', previous: 'rejected', problems: [] });
    });

    it('says so when the previous secret is not passed', async () => {
      const current = githubToken('ghp_', 'NEW');
      githubAnswers({ [current]: { status: 200, body: USER } });
      const result = await run([spec('bot', { previousSecret: { token: 'OLD_BOT_TOKEN' } })], { BOT_TOKEN: current });
      expect(result.tokens[0]!.problems).toMatchObject([{ code: 'missing-secret', message: expect.stringContaining('previous-secret OLD_BOT_TOKEN is not set') }]);
    });
  });

  describe('reused-across-environments', () => {
    it('flags every token whose value serves another environment, by hash', async () => {
      const shared = githubToken('ghp_', 'SHARED');
      githubAnswers({ [shared]: { status: 200, body: USER } });
      const result = await run(
        [spec('staging', { environment: 'staging' }), spec('production', { environment: 'production' }), spec('tooling')],
        { STAGING_TOKEN: shared, PRODUCTION_TOKEN: shared, TOOLING_TOKEN: shared },
      );
      const codes = Object.fromEntries(result.tokens.map((t) => [t.name, t.problems.map((p) => p.code)]));
      expect(codes).toEqual({ staging: ['reused-across-environments'], production: ['reused-across-environments'], tooling: [] });
      expect(result.tokens[0]!.problems[0]!.message).toContain('"production" (production)');
    });

    it('allows one value for several tokens of the same environment', async () => {
      const shared = githubToken('ghp_', 'SHARED');
      githubAnswers({ [shared]: { status: 200, body: USER } });
      const result = await run([spec('a', { environment: 'prod' }), spec('b', { environment: 'prod' })], { A_TOKEN: shared, B_TOKEN: shared });
      expect(result.tokens.every((t) => t.status === 'ok')).toBe(true);
    });
  });

  it('flags a slow answer against max-latency-ms', async () => {
    const token = githubToken('ghp_');
    mock().get(API).intercept({ path: '/user', method: 'GET' }).reply(200, USER).delay(60);
    const result = await run([spec('slowpoke', { maxLatencyMs: 10 })], { SLOWPOKE_TOKEN: token });
    expect(result.tokens[0]!.problems.map((p) => p.code)).toEqual(['slow']);
    expect(result.tokens[0]!.latencyMs).toBeGreaterThanOrEqual(50);
    expect(result.verdict).toBe('warn');
  });

  describe('max-lifetime-days', () => {
    it('flags a token that never expires, and one that expires further ahead than the policy', async () => {
      const forever = githubToken('ghp_', 'FOREVER');
      const far = githubToken('ghp_', 'FAR');
      const near = githubToken('ghp_', 'NEAR');
      githubAnswers({
        [forever]: { status: 200, body: USER },
        [far]: { status: 200, body: USER, headers: { 'github-authentication-token-expiration': '2027-11-30 00:00:00 UTC' } },
        [near]: { status: 200, body: USER, headers: { 'github-authentication-token-expiration': '2027-01-30 00:00:00 UTC' } },
      });
      const result = await run(
        [spec('forever', { maxLifetimeDays: 90 }), spec('far', { maxLifetimeDays: 90 }), spec('near', { maxLifetimeDays: 90 }), spec('unchecked')],
        { FOREVER_TOKEN: forever, FAR_TOKEN: far, NEAR_TOKEN: near, UNCHECKED_TOKEN: forever },
      );
      const [neverExpires, farAhead, within, noPolicy] = result.tokens;
      expect(neverExpires).toMatchObject({ status: 'warn', problems: [{ code: 'long-lived', severity: 'warning' }] });
      expect(neverExpires!.problems[0]!.message).toMatch(/^never expires; the policy allows at most 90 days \(max-lifetime-days\)/);
      expect(farAhead!.problems.map((p) => p.code)).toEqual(['long-lived']);
      expect(farAhead!.problems[0]!.message).toMatch(/^expires 2027-11-30, 372 days ahead; the policy allows at most 90 days/);
      expect(within).toMatchObject({ status: 'ok', problems: [] });
      expect(noPolicy).toMatchObject({ status: 'ok', problems: [] });
      expect(result.verdict).toBe('warn');
    });

    it('notes, rather than flags, a token whose expiry GitHub does not tell', async () => {
      const token = githubToken('ghu_', 'USER');
      githubAnswers({ [token]: { status: 200, body: USER } });
      const result = await run([spec('app-user', { maxLifetimeDays: 90 }), spec('other')], { APP_USER_TOKEN: token, OTHER_TOKEN: token });
      const [withPolicy, without] = result.tokens;
      expect(withPolicy).toMatchObject({ status: 'ok', problems: [] });
      expect(withPolicy!.expiresAt).toBeUndefined();
      expect(withPolicy!.notes).toEqual([expect.stringContaining('its lifetime could not be checked against max-lifetime-days 90')]);
      expect(without!.notes).toBeUndefined();
    });
  });

  it('sends each token only to the host its provider resolves', async () => {
    const token = githubToken('ghp_');
    mock().get('https://ghe.example.com').intercept({ path: '/api/v3/user', method: 'GET' }).reply(200, USER);
    const result = await run([spec('ghes', { baseUrl: 'https://ghe.example.com/api/v3' })], { GHES_TOKEN: token, GITHUB_API_URL: 'https://api.github.com' });
    expect(result.tokens[0]).toMatchObject({ status: 'ok', host: 'ghe.example.com' });
  });
});

describe('tokens that cannot be sent', () => {
  it('calls a token with a line break inside invalid without sending it', async () => {
    const token = `${githubToken('ghp_')}\nsecond-line`;
    const result = await run([spec('multi')], { MULTI_TOKEN: token });
    expect(result.tokens[0]).toMatchObject({ status: 'fail', problems: [{ code: 'invalid', message: expect.stringContaining('it was not sent') }] });
    mock().assertNoPendingInterceptors();
    expect(JSON.stringify(result)).not.toContain('second-line');
  });
});

describe('bounds: concurrency and the per-token watchdog', () => {
  it('keeps at most `concurrency` checks in flight', async () => {
    let inFlight = 0;
    let most = 0;
    mock().get(API).intercept({ path: '/user', method: 'GET' }).reply(async () => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 40));
      inFlight--;
      return { statusCode: 200, data: JSON.stringify(USER) };
    }).persist();
    const tokens = Array.from({ length: 9 }, (_, i) => spec(`t${i}`));
    const env = Object.fromEntries(tokens.map((t, i) => [t.secret.token!, githubToken('ghp_', `T${i}`)]));
    const started = Date.now();
    const result = await runPreflight({ tokens, timeoutMs: 2_000, concurrency: 3, context: { surface: 'action' } }, { env, mask: () => {}, dispatcher: mock(), now: () => NOW });
    expect(result.tokens.every((t) => t.status === 'ok')).toBe(true);
    expect(most).toBe(3);
    // Three waves of 40 ms: all nine at once would take ~40 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(115);
  });

  it('abandons a check that never settles, reports it, and keeps the other tokens', async () => {
    const { github } = await import('../../src/providers/github.js');
    const good = githubToken('ghp_', 'GOOD');
    githubAnswers({ [good]: { status: 200, body: USER } });
    const original = github.check;
    (github as { check: typeof original }).check = (credential, ctx) => (credential.token === good ? original(credential, ctx) : new Promise(() => {}));
    try {
      const started = Date.now();
      const result = await runPreflight(
        { tokens: [spec('stuck'), spec('fine')], timeoutMs: 100, concurrency: 2, context: { surface: 'action' } },
        { env: { STUCK_TOKEN: githubToken('ghp_', 'STUCK'), FINE_TOKEN: good }, mask: () => {}, dispatcher: mock(), now: () => NOW },
      );
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(result.tokens.map((t) => [t.name, t.status])).toEqual([['stuck', 'fail'], ['fine', 'ok']]);
      expect(result.tokens[0]!.problems).toMatchObject([{ code: 'unreachable', message: expect.stringContaining('did not finish within 1.4 s') }]);
    } finally {
      (github as { check: typeof original }).check = original;
    }
  });
});

describe('what the report says of each token', () => {
  it('shows a host only where a request actually went', async () => {
    const result = await run([spec('absent'), spec('short')], { SHORT_TOKEN: 'abc' });
    expect(result.tokens.map((t) => t.host)).toEqual([undefined, undefined]);
  });

  it('warns of a ghu_ token kept in a secret: it dies within 8 hours', async () => {
    const token = githubToken('ghu_');
    githubAnswers({ [token]: { status: 200, body: USER, headers: { 'github-authentication-token-expiration': '2026-11-23 20:00:00 UTC' } } });
    const result = await run([spec('app-user')], { APP_USER_TOKEN: token });
    expect(result.tokens[0]!.problems).toMatchObject([{ code: 'expiring-soon', message: expect.stringContaining('in 8 hours') }]);
  });

  it('warns (never passes) when nothing was configured, naming the likely cause', async () => {
    const result = await runPreflight(
      { tokens: [], timeoutMs: 1_000, concurrency: 1, context: { surface: 'action' }, configSearch: { path: '.github/token-preflight.yml', found: false, nearMisses: ['.github/token-preflight.yaml'], alternative: 'the `tokens` input' } },
      { env: {}, mask: () => {}, dispatcher: mock() },
    );
    expect(result.verdict).toBe('warn');
    expect(result.problems).toMatchObject([{ code: 'nothing-checked', message: expect.stringContaining('.github/token-preflight.yaml') }]);
  });
});
