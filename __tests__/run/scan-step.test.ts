// The leak scan inside the engine: what it finds, how each finding is verified, and what that
// does to the run's verdict. GitHub answers in its documented shapes (github-fixtures.ts).
import { describe, expect, it } from 'vitest';
import type { Lookup } from '../../src/http/address.js';
import { runPreflight, type RunRequest } from '../../src/run/run.js';
import type { ScanRequest } from '../../src/run/scan-input.js';
import { tokenSpec } from '../helpers/engine.js';
import { useMockAgent } from '../helpers/mock-agent.js';
import { BAD_CREDENTIALS, githubToken, USER } from '../providers/github-fixtures.js';

const mock = useMockAgent();
/** DNS for the address check before a found secret is sent: api.github.com is public. */
const resolve: Lookup = (host, _options, callback) =>
  host === 'api.github.com' ? callback(null, [{ address: '140.82.112.6', family: 4 }]) : callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }), []);
const LIVE = githubToken('ghp_', 'Zq8Yw3Vx6Ut1Sr4Qp7On0Ml3Kj6Ih9G');
const DEAD = githubToken('ghp_', 'Pm2Nb5Vc8Xz1Lk4Jh7Gf0Ds3Aq6Wr9T');
const CONFIGURED = githubToken('ghp_', 'Hx4Jc7Nv0Bq3Wt6Ye9Ru2Io5Pa8Sd1F');
const OPAQUE = 'n8Vq2Lr5Zt1Xw7Kp4Jm0Hy3Fb6Dc9Gs';

async function* chunks(text: string) {
  yield text;
}

const diff = (file: string, lines: string[]) => [`diff --git a/${file} b/${file}`, `--- a/${file}`, `+++ b/${file}`, `@@ -0,0 +1,${lines.length} @@`, ...lines.map((l) => `+${l}`), ''].join('\n');

function scanRequest(text: string, overrides: Partial<ScanRequest> = {}): ScanRequest {
  return {
    input: { mode: 'diff', what: 'test diff', diff: chunks(text), notScanned: [] },
    exclude: [],
    disableRules: [],
    suppression: { ignore: new Set(), gitleaksIgnore: [] },
    verify: true,
    allowedHosts: [],
    ...overrides,
  };
}

/** GitHub's /user: 200 with scopes for LIVE and CONFIGURED, 401 for anything else; counts calls per token. */
function fakeGitHub() {
  const calls: string[] = [];
  mock().get('https://api.github.com').intercept({ path: '/user', method: 'GET' }).reply((req) => {
    const auth = String((req.headers as Record<string, string>).authorization).replace('Bearer ', '');
    calls.push(auth === LIVE ? 'LIVE' : auth === CONFIGURED ? 'CONFIGURED' : auth === DEAD ? 'DEAD' : 'other');
    return auth === LIVE || auth === CONFIGURED
      ? { statusCode: 200, data: JSON.stringify(USER), responseOptions: { headers: { 'content-type': 'application/json', 'x-oauth-scopes': 'repo, admin:org' } } }
      : { statusCode: 401, data: JSON.stringify(BAD_CREDENTIALS), responseOptions: { headers: { 'content-type': 'application/json' } } };
  }).persist();
  return calls;
}

async function run(request: Partial<RunRequest>, env: Record<string, string> = {}) {
  const masked: string[] = [];
  const result = await runPreflight(
    { tokens: [], timeoutMs: 2_000, concurrency: 2, context: { surface: 'action' }, ...request },
    { env, mask: (v) => masked.push(v), dispatcher: mock(), leakDispatcher: mock(), resolve },
  );
  const text = JSON.stringify(result);
  for (const secret of [LIVE, DEAD, CONFIGURED, OPAQUE]) expect(text, 'a secret leaked into the result').not.toContain(secret);
  return { result, masked };
}

describe('the leak scan in a run', () => {
  it('a live leak is an error with its blast radius; an inactive one a warning; each checked once', async () => {
    const calls = fakeGitHub();
    const { result, masked } = await run({ scan: scanRequest(diff('src/a.ts', [`const a = "${LIVE}";`, `const b = "${DEAD}";`, `const c = "${LIVE}";`])) });
    expect(result.findings.map((f) => [f.line, f.verification, f.severity, f.identity, f.scopes])).toEqual([
      [1, 'live', 'error', 'octocat', ['repo', 'admin:org']],
      [2, 'inactive', 'warning', undefined, undefined],
      [3, 'live', 'error', 'octocat', ['repo', 'admin:org']],
    ]);
    expect(calls.sort()).toEqual(['DEAD', 'LIVE']);
    expect(result.verdict).toBe('fail');
    // Masked before anything could print them, found values included.
    expect(masked).toEqual(expect.arrayContaining([LIVE, DEAD]));
    expect(result.scan).toMatchObject({ mode: 'diff', source: 'test diff', files: 1, addedLines: 3, notScanned: [] });
  });

  it('only inactive leaks: the run warns, it does not fail', async () => {
    fakeGitHub();
    const { result } = await run({ scan: scanRequest(diff('a.ts', [`t = "${DEAD}"`])) });
    expect(result.verdict).toBe('warn');
  });

  it('verify-leaks off: unverified errors, and not one request', async () => {
    const calls = fakeGitHub();
    const { result } = await run({ scan: scanRequest(diff('a.ts', [`t = "${LIVE}"`]), { verify: false }) });
    expect(result.findings).toEqual([expect.objectContaining({ verification: 'unverified', verificationReason: 'verification off', severity: 'error' })]);
    expect(calls).toEqual([]);
    expect(result.verdict).toBe('fail');
  });

  it('a provider that cannot be reached leaves the finding unverified, an error, with the reason', async () => {
    mock().get('https://api.github.com').intercept({ path: '/user', method: 'GET' }).replyWithError(new Error('connect ECONNREFUSED')).persist();
    const { result } = await run({ scan: scanRequest(diff('a.ts', [`t = "${LIVE}"`])) });
    expect(result.findings[0]).toMatchObject({ verification: 'unverified', severity: 'error', verificationReason: expect.stringMatching(/could not verify|unreachable|ECONNREFUSED/i) });
  });

  it("a configured token's own value in the change: configured-secret, named after it, judged by its own check — no second call", async () => {
    const calls = fakeGitHub();
    const tokens = [tokenSpec('github', { token: 'RELEASE_TOKEN' }, { name: 'release-bot' })];
    const { result } = await run({ tokens, scan: scanRequest(diff('ci.env', [`GH=${CONFIGURED}`, `X=${OPAQUE}`])) }, { RELEASE_TOKEN: CONFIGURED });
    expect(result.findings).toEqual([
      expect.objectContaining({ rule: 'configured-secret', token: 'release-bot', provider: 'github', file: 'ci.env', line: 1, column: 4, verification: 'live', identity: 'octocat', redacted: '…' }),
    ]);
    expect(calls).toEqual(['CONFIGURED']);
  });

  it('an opaque configured value (no rule knows its shape) is still found, by its hash', async () => {
    const tokens = [tokenSpec('http', { token: 'INTERNAL' }, { name: 'internal', settings: { request: { url: 'https://api.example.com/me' } } })];
    const { result } = await run({ tokens, checkTokens: false, scan: scanRequest(diff('x.yml', [`key: ${OPAQUE}`])) }, { INTERNAL: OPAQUE });
    expect(result.findings).toEqual([expect.objectContaining({ rule: 'configured-secret', token: 'internal', line: 1, column: 6, verification: 'unverified', verificationReason: 'the value of configured token internal, not checked in this run' })]);
  });

  it('a gap in coverage is the run problem scan-incomplete (a warning); a binary file is not', async () => {
    const gap = { file: 'big.json', reason: 'GitHub sent no patch', incomplete: true };
    const { result } = await run({ scan: scanRequest(diff('a.txt', ['nothing']), { input: { mode: 'diff', what: 'pr', diff: chunks(diff('a.txt', ['x'])), notScanned: [gap, { file: 'logo.png', reason: 'binary' }] } }) });
    expect(result.problems).toEqual([expect.objectContaining({ code: 'scan-incomplete', severity: 'warning', message: 'the leak scan could not read big.json: GitHub sent no patch' })]);
    expect(result.verdict).toBe('warn');
  });

  it('a scan that is off says why, and with no tokens the run is nothing-checked', async () => {
    const { result } = await run({ scan: { off: 'the schedule event adds no lines' }, configSearch: { path: '.github/token-preflight.yml', found: false, nearMisses: [], alternative: 'the `tokens` input' } });
    expect(result.scan).toEqual({ mode: 'off', reason: 'the schedule event adds no lines', files: 0, addedLines: 0, suppressed: 0, excluded: 0, notScanned: [] });
    expect(result.problems.map((p) => p.code)).toEqual(['nothing-checked']);
  });

  it('a scan that ran is something checked, even with no tokens: a clean diff passes', async () => {
    const { result } = await run({ scan: scanRequest(diff('a.txt', ['hello'])), configSearch: { path: '.github/token-preflight.yml', found: false, nearMisses: [], alternative: 'the `tokens` input' } });
    expect(result.problems).toEqual([]);
    expect(result.verdict).toBe('pass');
  });

  it('exclude, disable-rules and suppression reach the scan', async () => {
    fakeGitHub();
    const text = diff('fixtures/a.ts', [`t = "${LIVE}"`]) + diff('b.ts', [`t = "${LIVE}" // token-preflight:allow`]) + diff('c.ts', [`t = "${DEAD}"`]);
    const { result } = await run({ scan: scanRequest(text, { exclude: ['fixtures/**'] }) });
    expect(result.findings.map((f) => f.file)).toEqual(['c.ts']);
    expect(result.scan).toMatchObject({ suppressed: 1, excluded: 1 });
    const off = await run({ scan: scanRequest(text, { disableRules: ['github-pat'] }) });
    expect(off.result.findings).toEqual([]);
  });

  it('revoke-leaks: a live GitHub token found is submitted for revocation; an inactive one and a configured one are not', async () => {
    fakeGitHub();
    const submitted: string[][] = [];
    mock().get('https://api.github.com').intercept({ path: '/credentials/revoke', method: 'POST' }).reply((req) => {
      submitted.push((JSON.parse(String(req.body)) as { credentials: string[] }).credentials);
      return { statusCode: 202, data: '{}', responseOptions: { headers: { 'content-type': 'application/json' } } };
    });
    const tokens = [tokenSpec('github', { token: 'RELEASE_TOKEN' }, { name: 'release-bot' })];
    const text = diff('a.ts', [`a = "${LIVE}"`, `b = "${DEAD}"`, `c = "${CONFIGURED}"`]);
    const { result } = await run({ tokens, scan: scanRequest(text, { revoke: true }) }, { RELEASE_TOKEN: CONFIGURED });
    expect(submitted).toEqual([[LIVE]]);
    expect(result.findings.map((f) => [f.line, f.verification, f.revocation?.status])).toEqual([
      [1, 'live', 'submitted'],
      [2, 'inactive', undefined],
      [3, 'live', undefined],
    ]);
  });
});

