// The sticky comment and the check run, against GitHub's REST API answered by a MockAgent. Every
// request the action makes is checked against GitHub's own API description (github-openapi.ts),
// and so is every answer faked here.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MockInterceptor } from 'undici/types/mock-interceptor.js';
import { problem } from '../../src/check/problems.js';
import type { Finding, RunResult } from '../../src/run/result.js';
import { documentedExample, requestProblems, responseProblems } from '../helpers/github-openapi.js';
import { useMockAgent } from '../helpers/mock-agent.js';

vi.mock('@actions/core', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@actions/core')>()),
  info: vi.fn(),
  notice: vi.fn(),
  warning: vi.fn(),
}));
const core = await import('@actions/core');
const { publishToGitHub } = await import('../../src/action/github-publish.js');
const { COMMENT_MARKER } = await import('../../src/report/comment.js');

const mock = useMockAgent();
const API = 'https://api.github.com';
const TOKEN = 'ghs_workflowTokenOfThisRun000000000000';
const HEAD = 'ffac537e6cbbf934b08745a378932722df287a53';
const COMMENTS = '/repos/acme/app/issues/7/comments';

beforeEach(() => vi.clearAllMocks());

interface Sent {
  method: string;
  path: string;
  body: unknown;
}

/** Answers `method path` with `status` and `body`, recording what was sent; both sides checked against GitHub's description. */
function github(method: string, pathOrPattern: string, status: number, body: unknown, sent: Sent[], times = 1): void {
  mock()
    .get(API)
    .intercept({ method, path: (p: string) => p.split('?')[0] === pathOrPattern })
    .reply((request: MockInterceptor.MockResponseCallbackOptions) => {
      const parsed = request.body ? (JSON.parse(String(request.body)) as unknown) : undefined;
      sent.push({ method, path: request.path, body: parsed });
      expect(requestProblems(method, request.path, parsed)).toEqual([]);
      expect(String((request.headers as Record<string, string>).authorization)).toBe(`token ${TOKEN}`);
      return { statusCode: status, data: JSON.stringify(body), responseOptions: { headers: { 'content-type': 'application/json' } } };
    })
    .times(times);
  if (status < 300) expect(responseProblems(method, pathOrPattern, status, body), `the faked ${method} ${pathOrPattern} answer`).toEqual([]);
}

function eventFile(event: unknown): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tp-event-'));
  const file = path.join(dir, 'event.json');
  writeFileSync(file, JSON.stringify(event));
  return file;
}

const PR_EVENT = { number: 7, pull_request: { number: 7, head: { sha: HEAD, repo: { full_name: 'acme/app' } }, base: { sha: 'a'.repeat(40) } }, repository: { full_name: 'acme/app' } };
const env = (event: unknown = PR_EVENT, name = 'pull_request') => ({
  GITHUB_REPOSITORY: 'acme/app',
  GITHUB_EVENT_NAME: name,
  GITHUB_EVENT_PATH: eventFile(event),
  GITHUB_SHA: 'c'.repeat(40),
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_RUN_ID: '42',
});

function finding(i: number, overrides: Partial<Finding> = {}): Finding {
  return { rule: 'github-pat', provider: 'github', file: `src/f${i}.ts`, line: i + 1, column: 5, fingerprint: `github-pat:src/f${i}.ts:${String(i).padStart(12, '0')}`, verification: 'unverified', verificationReason: 'verification off', severity: 'error', redacted: 'ghp_…', ...overrides };
}

function result(findings: Finding[], verdict: RunResult['verdict'] = findings.length ? 'fail' : 'pass'): RunResult {
  return { verdict, problems: [], tokens: [], findings, scan: { mode: 'diff', source: 'pull request #7', commit: HEAD, files: 3, addedLines: 9, suppressed: 0, excluded: 0, notScanned: [] }, startedAt: '2026-11-30T08:00:00.000Z', durationMs: 10 };
}

const BOT = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };
const HUMAN = { login: 'mallory', id: 7, type: 'User' };
/** An issue comment as `GET …/issues/{n}/comments` lists it (https://docs.github.com/en/rest/issues/comments). */
function comment(id: number, user: typeof BOT, body: string) {
  return {
    id, node_id: `IC_${id}`, url: `${API}/repos/acme/app/issues/comments/${id}`, html_url: `https://github.com/acme/app/pull/7#issuecomment-${id}`, body,
    user: { ...user, node_id: 'U', avatar_url: '', gravatar_id: '', url: '', html_url: '', followers_url: '', following_url: '', gists_url: '', starred_url: '', subscriptions_url: '', organizations_url: '', repos_url: '', events_url: '', received_events_url: '', site_admin: false },
    created_at: '2026-11-29T00:00:00Z', updated_at: '2026-11-29T00:00:00Z', issue_url: `${API}/repos/acme/app/issues/7`, author_association: 'NONE',
  };
}
const FORBIDDEN_USER = { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user', status: '403' };

const publish = (r: RunResult, inputs: { comment?: 'auto' | 'always' | 'never'; checkRun?: 'auto' | 'always' | 'never' } = {}, e = env()) =>
  publishToGitHub({ result: r, inputs: { githubToken: TOKEN, comment: inputs.comment ?? 'auto', checkRun: inputs.checkRun ?? 'never' }, env: e, stepFails: r.verdict === 'fail', testing: { dispatcher: mock(), retryBaseMs: 1, throttle: false } });

describe('the sticky pull-request comment', () => {
  it('is created on a failing pull request, marker first, with a link to each finding at the head commit', async () => {
    const sent: Sent[] = [];
    github('GET', '/user', 403, FORBIDDEN_USER, sent);
    github('GET', COMMENTS, 200, [comment(1, HUMAN, 'LGTM')], sent);
    github('POST', COMMENTS, 201, comment(99, BOT, 'x'), sent);
    await publish(result([finding(1)]));
    const body = String((sent.at(-1)!.body as { body: string }).body);
    expect(body.startsWith(COMMENT_MARKER)).toBe(true);
    expect(body).toContain(`(https://github.com/acme/app/blob/${HEAD}/src/f1.ts#L2)`);
    expect(core.info).toHaveBeenCalledWith('token-preflight: sticky comment created');
  });

  it('is edited in place on the next run: only the same account’s comment, never another user’s holding the marker', async () => {
    const sent: Sent[] = [];
    github('GET', '/user', 403, FORBIDDEN_USER, sent);
    github('GET', COMMENTS, 200, [comment(5, HUMAN, `${COMMENT_MARKER}\nforged by a user`), comment(6, BOT, `${COMMENT_MARKER}\nfailing before`)], sent);
    github('PATCH', '/repos/acme/app/issues/comments/6', 200, comment(6, BOT, 'x'), sent);
    await publish(result([]));
    expect(sent.map((s) => `${s.method} ${s.path.split('?')[0]}`)).toEqual(['GET /user', `GET ${COMMENTS}`, 'PATCH /repos/acme/app/issues/comments/6']);
    expect(String((sent[2]!.body as { body: string }).body)).toContain('All clear — every token is healthy and no secrets were found** (fixed since the last run)');
  });

  it('with a personal token, matches that user’s login only', async () => {
    const sent: Sent[] = [];
    github('GET', '/user', 200, { ...documentedExample('GET', '/user', 200), login: 'release-bot' }, sent);
    github('GET', COMMENTS, 200, [comment(6, BOT, `${COMMENT_MARKER}\nsomeone else's`), comment(8, { login: 'release-bot', id: 9, type: 'User' }, `${COMMENT_MARKER}\nmine`)], sent);
    github('PATCH', '/repos/acme/app/issues/comments/8', 200, comment(8, BOT, 'x'), sent);
    await publish(result([finding(1)]));
    expect(sent.at(-1)!.path).toBe('/repos/acme/app/issues/comments/8');
  });

  it('reads every page of comments to find it', async () => {
    const sent: Sent[] = [];
    github('GET', '/user', 403, FORBIDDEN_USER, sent);
    mock().get(API).intercept({ method: 'GET', path: `${COMMENTS}?per_page=100` }).reply(200, Array.from({ length: 100 }, (_, i) => comment(100 + i, HUMAN, 'chatter')), { headers: { 'content-type': 'application/json', link: `<${API}${COMMENTS}?per_page=100&page=2>; rel="next"` } });
    mock().get(API).intercept({ method: 'GET', path: `${COMMENTS}?per_page=100&page=2` }).reply(200, [comment(300, BOT, `${COMMENT_MARKER}\nold`)], { headers: { 'content-type': 'application/json' } });
    github('PATCH', '/repos/acme/app/issues/comments/300', 200, comment(300, BOT, 'x'), sent);
    await publish(result([finding(1)]));
    expect(sent.at(-1)!.method).toBe('PATCH');
  });

  it('is not created for a clean pull request that never had one, unless comment: always', async () => {
    const sent: Sent[] = [];
    github('GET', '/user', 403, FORBIDDEN_USER, sent, 2);
    github('GET', COMMENTS, 200, [], sent, 2);
    await publish(result([]));
    expect(sent.map((s) => s.method)).toEqual(['GET', 'GET']);
    github('POST', COMMENTS, 201, comment(99, BOT, 'x'), sent);
    await publish(result([]), { comment: 'always' });
    expect(String((sent.at(-1)!.body as { body: string }).body)).toContain('All clear');
  });

  it('a fork’s pull request (read-only token): no call at all, and a notice that says why', async () => {
    const fork = { ...PR_EVENT, pull_request: { ...PR_EVENT.pull_request, head: { sha: HEAD, repo: { full_name: 'mallory/app' } } } };
    await publish(result([finding(1)]), {}, env(fork));
    expect(core.notice).toHaveBeenCalledWith('token-preflight: no sticky comment: a pull request from a fork (mallory/app) gets a read-only token; the results are in the job summary.');
  });

  it.each([
    [403, { message: 'Resource not accessible by integration' }, /GitHub answered 403.*Resource not accessible by integration.*permissions: pull-requests: write/],
    [404, { message: 'Not Found' }, /GitHub answered 404, not found/],
    [422, { message: 'Validation Failed' }, /GitHub answered 422 \(Validation Failed\)/],
    [502, { message: 'Bad Gateway' }, /GitHub answered 502, a failure on GitHub's side/],
  ])('a %i from GitHub degrades to a notice, and nothing throws', async (status, body, said) => {
    const sent: Sent[] = [];
    github('GET', '/user', 403, FORBIDDEN_USER, sent);
    github('GET', COMMENTS, 200, [], sent);
    github('POST', COMMENTS, status, body, sent, status >= 500 ? 3 : 1);
    await expect(publish(result([finding(1)]))).resolves.toBeUndefined();
    expect(core.notice).toHaveBeenCalledWith(expect.stringMatching(said));
    expect(vi.mocked(core.notice).mock.calls[0]![0]).not.toContain(TOKEN);
    if (status >= 500) expect(sent.filter((s) => s.method === 'POST')).toHaveLength(3);
  });

  it('comment: always warns instead, and says when a run is not for a pull request', async () => {
    await publish(result([finding(1)]), { comment: 'always' }, env({ after: HEAD }, 'push'));
    expect(core.warning).toHaveBeenCalledWith('token-preflight: no sticky comment: this run is not for a pull request.');
  });
});

describe('the check run', () => {
  it('auto: more annotations than a step shows → one check run with all of them, 50 a request, on the head commit', async () => {
    const sent: Sent[] = [];
    const checkRun = { id: 4, head_sha: HEAD, node_id: 'CR', external_id: '', url: '', html_url: 'https://github.com/acme/app/runs/4', details_url: '', status: 'completed', conclusion: 'failure', started_at: null, completed_at: null, output: { title: '', summary: '', text: null, annotations_count: 0, annotations_url: '' }, name: 'token-preflight', check_suite: null, app: null, pull_requests: [] };
    github('POST', '/repos/acme/app/check-runs', 201, checkRun, sent);
    github('PATCH', '/repos/acme/app/check-runs/4', 200, checkRun, sent, 2);
    const findings = Array.from({ length: 120 }, (_, i) => finding(i, i === 7 ? { verification: 'live', identity: 'octocat' } : {}));
    await publish(result(findings), { comment: 'never', checkRun: 'auto' });
    expect(sent.map((s) => `${s.method} ${s.path}`)).toEqual(['POST /repos/acme/app/check-runs', 'PATCH /repos/acme/app/check-runs/4', 'PATCH /repos/acme/app/check-runs/4']);
    const created = sent[0]!.body as { head_sha: string; conclusion: string; name: string; output: { annotations: Array<Record<string, unknown>>; summary: string } };
    expect(created).toMatchObject({ name: 'token-preflight', head_sha: HEAD, status: 'completed', conclusion: 'failure' });
    const batches = sent.map((s) => (s.body as { output: { annotations: unknown[] } }).output.annotations.length);
    expect(batches).toEqual([50, 50, 20]);
    // The live finding first; each at its exact line and column.
    expect(created.output.annotations[0]).toMatchObject({ path: 'src/f7.ts', start_line: 8, end_line: 8, start_column: 5, end_column: 5, annotation_level: 'failure', title: 'token-preflight: github-pat (LIVE)' });
    expect(created.output.summary.length).toBeLessThanOrEqual(65_535);
  });

  it('auto: what fits on the step makes no check run', async () => {
    await publish(result([finding(1), finding(2)]), { comment: 'never', checkRun: 'auto' });
    expect(core.notice).not.toHaveBeenCalled();
  });

  it('a token that may not write checks: a notice naming the permission', async () => {
    const sent: Sent[] = [];
    github('POST', '/repos/acme/app/check-runs', 403, { message: 'Resource not accessible by integration' }, sent);
    await publish(result(Array.from({ length: 30 }, (_, i) => finding(i))), { comment: 'never', checkRun: 'auto' });
    expect(core.notice).toHaveBeenCalledWith(expect.stringMatching(/^token-preflight: the check run was skipped: GitHub answered 403.*permissions: checks: write`, so only the first 10 errors and 10 warnings are annotated/));
  });

  it('run problems without a file stay in the summary; the rest go', async () => {
    const sent: Sent[] = [];
    const checkRun = { id: 5, head_sha: HEAD, node_id: 'CR', external_id: '', url: '', html_url: '', details_url: '', status: 'completed', conclusion: 'neutral', started_at: null, completed_at: null, output: { title: '', summary: '', text: null, annotations_count: 0, annotations_url: '' }, name: 'token-preflight', check_suite: null, app: null, pull_requests: [] };
    github('POST', '/repos/acme/app/check-runs', 201, checkRun, sent);
    const r = { ...result([finding(1, { verification: 'inactive', severity: 'warning' })], 'warn'), problems: [problem('scan-incomplete', 'x')] };
    await publish(r, { comment: 'never', checkRun: 'always' });
    expect((sent[0]!.body as { conclusion: string; output: { annotations: unknown[] } })).toMatchObject({ conclusion: 'neutral', output: { annotations: [expect.objectContaining({ annotation_level: 'warning', path: 'src/f1.ts' })] } });
  });
});
