// The tracking issue against GitHub's REST API answered by a MockAgent: a small fake repository
// keeps its issues between runs, so the whole life of one issue (open, edit, no-op, close, reopen)
// is played run after run. Every request made and every answer faked is checked against GitHub's
// own API description (github-openapi.ts).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MockInterceptor } from 'undici/types/mock-interceptor.js';
import { problem } from '../../src/check/problems.js';
import type { RunResult, TokenResult } from '../../src/run/result.js';
import { documentedExample, requestProblems, responseProblems } from '../helpers/github-openapi.js';
import { useMockAgent } from '../helpers/mock-agent.js';

vi.mock('@actions/core', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@actions/core')>()),
  info: vi.fn(),
  notice: vi.fn(),
  warning: vi.fn(),
}));
const core = await import('@actions/core');
const { publishTrackingIssue, syncTrackingIssue } = await import('../../src/action/tracking-issue.js');
const { ISSUE_LABEL, parseTrackedState, trackingMarker } = await import('../../src/report/tracking-issue.js');
const { gitHubClient } = await import('../../src/action/github-api.js');

const mock = useMockAgent();
const API = 'https://api.github.com';
const TOKEN = 'ghs_workflowTokenOfThisRun000000000000';
const ISSUES = '/repos/acme/app/issues';
const CONFIG = '.github/token-preflight.yml';
const MARKER = trackingMarker(CONFIG);

beforeEach(() => vi.clearAllMocks());

interface Sent {
  method: string;
  path: string;
  body: unknown;
}

interface StoredIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  stateReason?: 'completed' | 'reopened' | 'not_planned' | null;
  labels: string[];
  pullRequest?: boolean;
  comments: string[];
}

/** An issue as GitHub answers it, from its documented example. */
function issueJson(issue: StoredIssue): Record<string, unknown> {
  // The documented example is a pull request's entry: its `pull_request` goes.
  const example = { ...(documentedExample('GET', ISSUES, 200) as unknown as Array<Record<string, unknown>>)[0]! };
  delete example.pull_request;
  const url = `${API}${ISSUES}/${issue.number}`;
  return {
    ...example,
    id: 1000 + issue.number,
    number: issue.number,
    url,
    html_url: `https://github.com/acme/app/issues/${issue.number}`,
    title: issue.title,
    body: issue.body,
    state: issue.state,
    state_reason: issue.stateReason ?? null,
    closed_at: issue.state === 'closed' ? '2026-11-20T00:00:00Z' : null,
    labels: issue.labels.map((name, i) => ({ id: i + 1, node_id: `LA_${i}`, url: `${API}/repos/acme/app/labels/${name}`, name, description: null, color: 'ededed', default: false })),
    ...(issue.pullRequest && { pull_request: { url: `${API}/repos/acme/app/pulls/${issue.number}`, html_url: `https://github.com/acme/app/pull/${issue.number}`, diff_url: 'https://github.com/acme/app/pull/1.diff', patch_url: 'https://github.com/acme/app/pull/1.patch', merged_at: null } }),
  };
}

/**
 * A repository's issues behind GitHub's issues API: list (with the `labels` and `state` filters,
 * newest first), create (a label is created with the issue unless `refuseLabels` says GitHub
 * refuses or drops it), update, comment. Every request and answer is checked against GitHub's description.
 */
function fakeRepository(issues: StoredIssue[], options: { refuseLabels?: 422 | 'drop' } = {}) {
  const sent: Sent[] = [];
  const problems: string[] = [];
  const answer = (method: string, path: string, status: number, body: unknown) => {
    problems.push(...responseProblems(method, path, status, body));
    return { statusCode: status, data: JSON.stringify(body), responseOptions: { headers: { 'content-type': 'application/json' } } };
  };
  const record = (method: string, request: MockInterceptor.MockResponseCallbackOptions) => {
    const body = request.body ? (JSON.parse(String(request.body)) as Record<string, unknown>) : undefined;
    sent.push({ method, path: request.path, body });
    problems.push(...requestProblems(method, request.path, body));
    if (String((request.headers as Record<string, string>).authorization) !== `token ${TOKEN}`) problems.push('no token');
    return body ?? {};
  };
  const agent = mock().get(API);
  agent.intercept({ method: 'GET', path: (p: string) => p.split('?')[0] === ISSUES }).reply((request) => {
    record('GET', request);
    const query = new URL(request.path, API).searchParams;
    const wanted = query.get('labels')?.split(',') ?? [];
    const state = query.get('state') ?? 'open';
    const listed = issues
      .filter((i) => wanted.every((l) => i.labels.includes(l)) && (state === 'all' || i.state === state))
      .sort((a, b) => b.number - a.number)
      .map(issueJson);
    return answer('GET', ISSUES, 200, listed);
  }).persist();
  agent.intercept({ method: 'POST', path: ISSUES }).reply((request) => {
    const body = record('POST', request) as { title: string; body: string; labels?: string[] };
    if (body.labels?.length && options.refuseLabels === 422) return answer('POST', ISSUES, 422, { message: 'Validation Failed', errors: [{ resource: 'Label', code: 'invalid', field: 'labels' }], documentation_url: 'https://docs.github.com/rest/issues/issues#create-an-issue' });
    const created: StoredIssue = { number: Math.max(0, ...issues.map((i) => i.number)) + 1, title: body.title, body: body.body, state: 'open', labels: options.refuseLabels ? [] : (body.labels ?? []), comments: [] };
    issues.push(created);
    return answer('POST', ISSUES, 201, issueJson(created));
  }).persist();
  agent.intercept({ method: 'PATCH', path: (p: string) => /^\/repos\/acme\/app\/issues\/\d+$/.test(p) }).reply((request) => {
    const body = record('PATCH', request) as { title?: string; body?: string; state?: 'open' | 'closed'; state_reason?: StoredIssue['stateReason'] };
    const issue = issues.find((i) => request.path.endsWith(`/${i.number}`))!;
    Object.assign(issue, { ...(body.title !== undefined && { title: body.title }), ...(body.body !== undefined && { body: body.body }), ...(body.state && { state: body.state, stateReason: body.state_reason }) });
    return answer('PATCH', request.path, 200, issueJson(issue));
  }).persist();
  agent.intercept({ method: 'POST', path: (p: string) => /^\/repos\/acme\/app\/issues\/\d+\/comments$/.test(p) }).reply((request) => {
    const body = record('POST', request) as { body: string };
    const issue = issues.find((i) => request.path === `${ISSUES}/${i.number}/comments`)!;
    issue.comments.push(body.body);
    return answer('POST', request.path, 201, { ...documentedExample('POST', request.path, 201), body: body.body });
  }).persist();
  /** The requests of the last run, as `METHOD /path`, and those since the last call. */
  let seen = 0;
  const calls = () => {
    const now = sent.slice(seen).map((s) => `${s.method} ${s.path.split('?')[0]}`);
    seen = sent.length;
    return now;
  };
  return { sent, problems, calls };
}

function token(name: string, overrides: Partial<TokenResult> = {}): TokenResult {
  return { name, provider: 'github', status: 'ok', problems: [], expiresAt: '2027-06-01T00:00:00Z', source: { file: CONFIG, line: 3 }, ...overrides };
}
const expired = (name: string) => token(name, { status: 'fail', expiresAt: '2026-11-28T00:00:00Z', problems: [problem('expired', 'expired on 2026-11-28')] });
const wrongMode = (name: string) => token(name, { provider: 'stripe', status: 'fail', expiresAt: undefined, problems: [problem('wrong-mode', 'a live-mode key; the config expects test mode')] });
const expiring = (name: string) => token(name, { status: 'warn', expiresAt: '2026-12-08T00:00:00Z', problems: [problem('expiring-soon', 'expires on 2026-12-08 (in 8 days), within the 14-day warning window: rotate it')] });

function result(tokens: TokenResult[]): RunResult {
  const verdict = tokens.some((t) => t.status === 'fail') ? 'fail' : tokens.some((t) => t.status === 'warn') ? 'warn' : 'pass';
  return { verdict, problems: [], tokens, findings: [], startedAt: '2026-11-30T08:00:00.000Z', durationMs: 10 };
}

const env = (event = 'schedule', runId = '42') => ({ GITHUB_REPOSITORY: 'acme/app', GITHUB_EVENT_NAME: event, GITHUB_SERVER_URL: 'https://github.com', GITHUB_RUN_ID: runId });
const run = (r: RunResult, day: string, options: { event?: string; runId?: string; issue?: boolean; configPath?: string; githubToken?: string } = {}) =>
  publishTrackingIssue({
    result: r,
    inputs: { githubToken: options.githubToken ?? TOKEN, issue: options.issue ?? true, expiryWarningDays: 14 },
    env: env(options.event, options.runId),
    configPath: options.configPath ?? CONFIG,
    testing: { dispatcher: mock(), retryBaseMs: 1, throttle: false, now: new Date(`${day}T06:00:00Z`) },
  });

describe('the whole life of a tracking issue', () => {
  it('opens, is edited in place, is left alone when nothing changed, closes with a comment, and reopens rather than duplicating', async () => {
    const issues: StoredIssue[] = [];
    const repo = fakeRepository(issues);

    // Day 1: two failing tokens and one expiring → the issue is opened, labelled, marker first.
    await expect(run(result([expired('release-bot'), wrongMode('payments'), expiring('deployer'), token('ci')]), '2026-11-30', { runId: '1' })).resolves.toBe('opened');
    expect(repo.calls()).toEqual([`GET ${ISSUES}`, `POST ${ISSUES}`]);
    const list = new URL(repo.sent[0]!.path, API).searchParams;
    expect(Object.fromEntries(list)).toMatchObject({ labels: ISSUE_LABEL, state: 'all' });
    expect(issues).toHaveLength(1);
    const [issue] = issues as [StoredIssue];
    expect(issue.labels).toEqual([ISSUE_LABEL]);
    expect(issue.title).toBe(`token-preflight: 2 tokens failing, 1 expiring soon (config ${CONFIG})`);
    expect(issue.body.split('\n')[0]).toBe(MARKER);
    expect(issue.body).toContain('- release-bot: expired since 2026-11-28');
    expect(issue.body).toContain('- payments: new failure (wrong-mode)');
    expect(issue.body).toContain('- deployer: expiring soon (expires 2026-12-08)');
    expect(issue.body).toContain('(https://github.com/acme/app/actions/runs/1)');
    expect(core.info).toHaveBeenCalledWith('token-preflight: tracking issue opened');

    // Day 2, same result from another run: nothing changed → no PATCH, the body keeps the first run's link.
    const before = issue.body;
    await expect(run(result([expired('release-bot'), wrongMode('payments'), expiring('deployer'), token('ci')]), '2026-12-01', { runId: '2' })).resolves.toBe('unchanged');
    expect(repo.calls()).toEqual([`GET ${ISSUES}`]);
    expect(issue.body).toBe(before);

    // Day 3: payments fixed, a new failure → edited in place, with what changed.
    await expect(run(result([expired('release-bot'), token('payments', { provider: 'stripe' }), expiring('deployer'), wrongMode('ci')]), '2026-12-02', { runId: '3' })).resolves.toBe('updated');
    expect(repo.calls()).toEqual([`GET ${ISSUES}`, `PATCH ${ISSUES}/1`]);
    expect(Object.keys(repo.sent.at(-1)!.body as object).sort()).toEqual(['body', 'title']);
    expect(issues).toHaveLength(1);
    expect(issue.body).toContain('### What changed (2026-12-02)');
    expect(issue.body).toContain('- ci: new failure (wrong-mode)');
    expect(issue.body).toContain('- payments: fixed on 2026-12-02 (was wrong-mode)');
    expect(issue.body).not.toContain('deployer: expiring soon');
    expect(issue.body).toContain('(https://github.com/acme/app/actions/runs/3)');
    expect(parseTrackedState(issue.body)?.tokens.find((t) => t.name === 'release-bot')?.since).toBe('2026-11-28');

    // Day 4: everything healthy → a comment saying what was fixed, then closed as completed.
    await expect(run(result([token('release-bot'), token('payments'), token('deployer'), token('ci')]), '2026-12-03', { runId: '4' })).resolves.toBe('closed');
    expect(repo.calls()).toEqual([`GET ${ISSUES}`, `POST ${ISSUES}/1/comments`, `PATCH ${ISSUES}/1`]);
    expect(repo.sent.at(-1)!.body).toMatchObject({ state: 'closed', state_reason: 'completed' });
    expect(issue.state).toBe('closed');
    expect(issue.comments).toHaveLength(1);
    expect(issue.comments[0]).toContain('All tokens healthy again on 2026-12-03');
    expect(issue.comments[0]).toContain('release-bot: fixed on 2026-12-03 (was expired)');
    expect(issue.comments[0]).toContain('deployer: fixed on 2026-12-03 (was expiring-soon)');
    expect(issue.title).toBe(`token-preflight: all tokens healthy (config ${CONFIG})`);

    // Day 5: still healthy → nothing at all beyond the lookup.
    await expect(run(result([token('release-bot')]), '2026-12-04', { runId: '5' })).resolves.toBe('nothing to do');
    expect(repo.calls()).toEqual([`GET ${ISSUES}`]);

    // Day 6: failing again → the closed issue is reopened with the new text, not duplicated.
    await expect(run(result([expired('release-bot')]), '2026-12-05', { runId: '6' })).resolves.toBe('reopened');
    expect(repo.calls()).toEqual([`GET ${ISSUES}`, `PATCH ${ISSUES}/1`]);
    expect(repo.sent.at(-1)!.body).toMatchObject({ state: 'open', state_reason: 'reopened' });
    expect(issues).toHaveLength(1);
    expect(issue.state).toBe('open');
    expect(issue.body).toContain('- release-bot: expired since 2026-11-28');
    expect(issue.title).toBe(`token-preflight: 1 token failing (config ${CONFIG})`);

    expect(repo.problems).toEqual([]);
    expect(core.warning).not.toHaveBeenCalled();
  });

  it('a healthy repository that never had an issue: one lookup, nothing opened', async () => {
    const repo = fakeRepository([]);
    await expect(run(result([token('release-bot')]), '2026-11-30')).resolves.toBe('nothing to do');
    expect(repo.calls()).toEqual([`GET ${ISSUES}`]);
    expect(repo.problems).toEqual([]);
  });

  it('workflow_dispatch runs keep it too', async () => {
    const issues: StoredIssue[] = [];
    const repo = fakeRepository(issues);
    await expect(run(result([expired('release-bot')]), '2026-11-30', { event: 'workflow_dispatch' })).resolves.toBe('opened');
    expect(issues).toHaveLength(1);
    expect(repo.problems).toEqual([]);
  });
});

describe('finding the issue', () => {
  const open = (number: number, body: string, overrides: Partial<StoredIssue> = {}): StoredIssue => ({ number, title: 'x', body, state: 'open', labels: [ISSUE_LABEL], comments: [], ...overrides });

  it('ignores pull requests, issues without the label, and other configs’ issues: a new one is opened', async () => {
    const issues = [
      open(1, `${MARKER}\na pull request quoting the marker`, { pullRequest: true }),
      open(2, `${MARKER}\nsomeone's issue, unlabelled`, { labels: ['bug'] }),
      open(3, `${trackingMarker('.github/other.yml')}\nanother config's`),
    ];
    const repo = fakeRepository(issues);
    await expect(run(result([expired('release-bot')]), '2026-11-30')).resolves.toBe('opened');
    expect(repo.calls()).toEqual([`GET ${ISSUES}`, `POST ${ISSUES}`]);
    expect(issues.slice(0, 3).map((i) => i.body)).toEqual([`${MARKER}\na pull request quoting the marker`, `${MARKER}\nsomeone's issue, unlabelled`, `${trackingMarker('.github/other.yml')}\nanother config's`]);
    expect(repo.problems).toEqual([]);
  });

  it('an unlabelled issue holding the marker is ignored even when an answer lists it', async () => {
    const sent: Sent[] = [];
    const octokit = await gitHubClient({ token: TOKEN, dispatcher: mock(), retryBaseMs: 1, throttle: false });
    const listed = [issueJson(open(5, `${MARKER}\nforged`, { labels: [] })), issueJson(open(4, `${MARKER}\nforged PR`, { pullRequest: true }))];
    expect(responseProblems('GET', ISSUES, 200, listed)).toEqual([]);
    mock().get(API).intercept({ method: 'GET', path: (p: string) => p.startsWith(ISSUES) }).reply((request) => {
      sent.push({ method: 'GET', path: request.path, body: undefined });
      return { statusCode: 200, data: JSON.stringify(listed), responseOptions: { headers: { 'content-type': 'application/json' } } };
    });
    const render = vi.fn(() => ({ title: 't', body: 'b', changes: [] }));
    await expect(syncTrackingIssue(octokit, { owner: 'acme', repo: 'app', marker: MARKER }, render, false)).resolves.toBe('nothing to do');
    expect(render).not.toHaveBeenCalled();
    expect(requestProblems('GET', sent[0]!.path)).toEqual([]);
  });

  it('an open issue wins over a newer closed duplicate, and is found on a later page', async () => {
    const octokit = await gitHubClient({ token: TOKEN, dispatcher: mock(), retryBaseMs: 1, throttle: false });
    const page1 = [issueJson(open(300, `${MARKER}\nclosed duplicate`, { state: 'closed', stateReason: 'completed' })), ...Array.from({ length: 99 }, (_, i) => issueJson(open(299 - i, 'chatter')))];
    const page2 = [issueJson(open(7, `${MARKER}\nstill open`))];
    for (const page of [page1, page2]) expect(responseProblems('GET', ISSUES, 200, page)).toEqual([]);
    const json = { 'content-type': 'application/json' };
    mock().get(API).intercept({ method: 'GET', path: (p: string) => p.startsWith(`${ISSUES}?`) && !p.includes('page=2') }).reply(200, page1, { headers: { ...json, link: `<${API}${ISSUES}?labels=${ISSUE_LABEL}&state=all&per_page=100&page=2>; rel="next"` } });
    mock().get(API).intercept({ method: 'GET', path: (p: string) => p.includes('page=2') }).reply(200, page2, { headers: json });
    const patched: Sent[] = [];
    mock().get(API).intercept({ method: 'PATCH', path: `${ISSUES}/7` }).reply((request) => {
      const body = JSON.parse(String(request.body)) as unknown;
      patched.push({ method: 'PATCH', path: request.path, body });
      expect(requestProblems('PATCH', request.path, body)).toEqual([]);
      return { statusCode: 200, data: JSON.stringify(issueJson(open(7, 'new'))), responseOptions: { headers: json } };
    });
    const render = vi.fn((_previous?: string) => ({ title: 'new title', body: `${MARKER}\nnew`, changes: [] }));
    await expect(syncTrackingIssue(octokit, { owner: 'acme', repo: 'app', marker: MARKER }, render, true)).resolves.toBe('updated');
    expect(render).toHaveBeenCalledWith(`${MARKER}\nstill open`);
    expect(patched).toHaveLength(1);
  });
});

describe('the label', () => {
  it('refused (422): the issue is opened without it, and a warning says to add it', async () => {
    const issues: StoredIssue[] = [];
    const repo = fakeRepository(issues, { refuseLabels: 422 });
    await expect(run(result([expired('release-bot')]), '2026-11-30')).resolves.toBe('opened');
    expect(repo.calls()).toEqual([`GET ${ISSUES}`, `POST ${ISSUES}`, `POST ${ISSUES}`]);
    expect(repo.sent[1]!.body).toMatchObject({ labels: [ISSUE_LABEL] });
    expect(repo.sent[2]!.body).not.toHaveProperty('labels');
    expect(issues).toHaveLength(1);
    expect(core.warning).toHaveBeenCalledWith(expect.stringMatching(/tracking issue #1 was opened without the `token-preflight` label \(GitHub answered 422 to the label\)/));
    expect(repo.problems).toEqual([]);
  });

  it('silently dropped (a token that may not push): a warning says so', async () => {
    const repo = fakeRepository([], { refuseLabels: 'drop' });
    await expect(run(result([expired('release-bot')]), '2026-11-30')).resolves.toBe('opened');
    expect(repo.calls()).toEqual([`GET ${ISSUES}`, `POST ${ISSUES}`]);
    expect(core.warning).toHaveBeenCalledWith(expect.stringMatching(/opened without the `token-preflight` label \(GitHub dropped it/));
    expect(repo.problems).toEqual([]);
  });
});

describe('when it runs, and failures', () => {
  it('issue: false → no call at all; another event → a notice and no call', async () => {
    await expect(run(result([expired('release-bot')]), '2026-11-30', { issue: false })).resolves.toBeUndefined();
    expect(core.notice).not.toHaveBeenCalled();
    await expect(run(result([expired('release-bot')]), '2026-11-30', { event: 'push' })).resolves.toBeUndefined();
    expect(core.notice).toHaveBeenCalledWith('token-preflight: issue: true keeps a tracking issue on `schedule` and `workflow_dispatch` runs only; this is a `push` run.');
    await run(result([expired('release-bot')]), '2026-11-30', { event: 'pull_request\n::error::x' });
    expect(vi.mocked(core.notice).mock.calls[1]![0]).toContain('this is a `pull_requesterrorx` run');
  });

  it('a run that checked no token leaves the issue as it is (it cannot say the tokens are healthy)', async () => {
    await expect(run(result([token('release-bot', { status: 'skipped', skipReason: 'optional, and its secret is not set' })]), '2026-11-30')).resolves.toBeUndefined();
    expect(core.info).toHaveBeenCalledWith('token-preflight: no token was checked, so the tracking issue is left as it is.');
  });

  it('an empty github-token: a warning, no call', async () => {
    await expect(run(result([expired('release-bot')]), '2026-11-30', { githubToken: '' })).resolves.toBeUndefined();
    expect(core.warning).toHaveBeenCalledWith('token-preflight: the tracking issue was skipped: the `github-token` input is empty. The results are in the job summary.');
  });

  it('403 (no issues: write): a warning naming the permission, never the token', async () => {
    const sent: Sent[] = [];
    mock().get(API).intercept({ method: 'GET', path: (p: string) => p.startsWith(`${ISSUES}?`) }).reply(200, [], { headers: { 'content-type': 'application/json' } });
    const forbidden = { message: `Resource not accessible by integration (${TOKEN})`, documentation_url: 'https://docs.github.com/rest/issues/issues#create-an-issue', status: '403' };
    expect(responseProblems('POST', ISSUES, 403, forbidden)).toEqual([]);
    mock().get(API).intercept({ method: 'POST', path: ISSUES }).reply((request) => {
      const body = JSON.parse(String(request.body)) as unknown;
      sent.push({ method: 'POST', path: request.path, body });
      expect(requestProblems('POST', request.path, body)).toEqual([]);
      return { statusCode: 403, data: JSON.stringify(forbidden), responseOptions: { headers: { 'content-type': 'application/json' } } };
    }).times(2);
    await expect(run(result([expired('release-bot')]), '2026-11-30')).resolves.toBeUndefined();
    // Once with the label, once without (a 403 may be about the label alone), then given up.
    expect(sent).toHaveLength(2);
    const warning = String(vi.mocked(core.warning).mock.calls[0]![0]);
    expect(warning).toMatch(/^token-preflight: the tracking issue was skipped: GitHub answered 403, the token may not read this \(Resource not accessible by integration \(\*\*\*\)\); give the job `permissions: issues: write`\./);
    expect(warning).not.toContain(TOKEN);
  });

  it('5xx: retried twice, then a warning; nothing throws', async () => {
    let calls = 0;
    mock().get(API).intercept({ method: 'GET', path: (p: string) => p.startsWith(`${ISSUES}?`) }).reply(() => {
      calls++;
      return { statusCode: 502, data: JSON.stringify({ message: 'Bad Gateway' }), responseOptions: { headers: { 'content-type': 'application/json' } } };
    }).times(3);
    await expect(run(result([expired('release-bot')]), '2026-11-30')).resolves.toBeUndefined();
    expect(calls).toBe(3);
    expect(core.warning).toHaveBeenCalledWith("token-preflight: the tracking issue was skipped: GitHub answered 502, a failure on GitHub's side (Bad Gateway). The results are in the job summary.");
  });

  it('issues turned off (410): a warning that says so', async () => {
    mock().get(API).intercept({ method: 'GET', path: (p: string) => p.startsWith(`${ISSUES}?`) }).reply(200, [], { headers: { 'content-type': 'application/json' } });
    const gone = { message: 'Issues are disabled for this repo', documentation_url: 'https://docs.github.com/v3/issues/', status: '410' };
    expect(responseProblems('POST', ISSUES, 410, gone)).toEqual([]);
    mock().get(API).intercept({ method: 'POST', path: ISSUES }).reply(410, gone, { headers: { 'content-type': 'application/json' } });
    await run(result([expired('release-bot')]), '2026-11-30');
    expect(core.warning).toHaveBeenCalledWith(expect.stringContaining('GitHub answered 410 (Issues are disabled for this repo); issues are turned off in this repository.'));
  });
});
