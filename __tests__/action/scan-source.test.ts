// The scan's sources against real git (an origin and depth-1 clones of it, as actions/checkout
// leaves them) and GitHub's REST API answered by a MockAgent in the documented shapes
// (https://docs.github.com/en/rest/pulls/pulls#list-pull-requests-files,
// https://docs.github.com/en/rest/commits/commits#compare-two-commits).
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitHubClient } from '../../src/action/github-api.js';
import type { ScanPlan } from '../../src/action/scan-plan.js';
import { PULL_FILES_CAP, readScanInput } from '../../src/action/scan-source.js';
import type { ScanInput } from '../../src/run/scan-input.js';
import { RULES } from '../../src/scan/rules/index.js';
import { scanDiff, scanFiles } from '../../src/scan/scan.js';
import { GIT_ENV, git, makeRepo, shallowClone, tempDir } from '../helpers/git-repo.js';
import { documentedExample, responseProblems } from '../helpers/github-openapi.js';
import { useMockAgent } from '../helpers/mock-agent.js';
import { githubToken } from '../providers/github-fixtures.js';

const mock = useMockAgent();
const API = 'https://api.github.com';
const GH_TOKEN = 'ghs_workflowTokenOfThisTestRun0000000';
const LEAK = githubToken('ghp_', 'Zq8Yw3Vx6Ut1Sr4Qp7On0Ml3Kj6Ih9G');
const LEAK2 = githubToken('ghp_', 'Pm2Nb5Vc8Xz1Lk4Jh7Gf0Ds3Aq6Wr9T');

async function deps(cwd: string, withApi = true) {
  return { cwd, env: GIT_ENV as NodeJS.ProcessEnv, token: GH_TOKEN, timeoutMs: 10_000, ...(withApi && { octokit: await gitHubClient({ token: GH_TOKEN, dispatcher: mock(), retryBaseMs: 1 }) }) };
}

/** Reads the input whole, as the engine would, and scans it. */
async function scanned(input: ScanInput) {
  const result = input.mode === 'full' ? await scanFiles(input.files ?? [], { rules: RULES, cwd: input.cwd! }) : await scanDiff(input.diff!, { rules: RULES });
  return { findings: result.findings.map((f) => `${f.file}:${f.line}`), stats: result.stats, notScanned: input.notScanned };
}

/** origin: main with a base commit; feature adds lines; M merges feature into main (the PR's test merge commit). */
function pullRequestRepo() {
  const origin = makeRepo();
  const base = origin.commit({ 'src/app.ts': 'export const a = 1;\n', 'big.json': '{}\n' }, 'base');
  git(origin.dir, 'checkout', '-q', '-b', 'feature');
  const head = origin.commit({ 'src/app.ts': `export const a = 1;\nconst t = "${LEAK}";\n`, 'big.json': `{"k": "${LEAK2}"}\n`, 'logo.png': 'PNG' }, 'feature');
  git(origin.dir, 'checkout', '-q', 'main');
  git(origin.dir, 'merge', '-q', '--no-ff', '-m', 'merge', 'feature');
  const merge = git(origin.dir, 'rev-parse', 'HEAD');
  return { origin, base, head, merge };
}

const prPlan = (repo: { base: string; head: string; merge?: string }, extra: Partial<Extract<ScanPlan, { kind: 'pull-request' }>> = {}): Extract<ScanPlan, { kind: 'pull-request' }> => ({
  kind: 'pull-request', owner: 'acme', repo: 'app', number: 12, base: repo.base, head: repo.head, via: 'api', ...(repo.merge && { mergeCommit: repo.merge }), ...extra,
});

/** A `pulls/{n}/files` entry in GitHub's documented shape (its example's other fields), checked against the description. */
function prFile(entry: { filename: string; status: string; changes: number; patch?: string }) {
  const documented = (documentedExample('GET', '/repos/acme/app/pulls/12/files', 200) as unknown as Array<Record<string, unknown>>)[0]!;
  // The documented example's patch is replaced by the entry's (or dropped, for a file GitHub sends none for).
  const file: Record<string, unknown> = { ...documented, ...entry };
  if (entry.patch === undefined) delete file.patch;
  expect(responseProblems('GET', '/repos/acme/app/pulls/12/files', 200, [file])).toEqual([]);
  return file;
}

const filesPath = (page?: number) => `/repos/acme/app/pulls/12/files?per_page=100${page ? `&page=${page}` : ''}`;
const patchOf = (line: string) => `@@ -0,0 +1 @@\n+${line}`;

describe('a pull request through the REST API', () => {
  it('reads every page, with the token only in the Authorization header', async () => {
    const seen: string[] = [];
    const api = mock().get(API);
    api.intercept({ path: filesPath(), method: 'GET' }).reply((req) => {
      seen.push(String((req.headers as Record<string, string>).authorization));
      return { statusCode: 200, data: [prFile({ filename: 'a.env', status: 'added', changes: 1, patch: patchOf(`T=${LEAK}`) })], responseOptions: { headers: { 'content-type': 'application/json', link: `<${API}${filesPath(2)}>; rel="next", <${API}${filesPath(2)}>; rel="last"` } } };
    });
    api.intercept({ path: filesPath(2), method: 'GET' }).reply(200, [prFile({ filename: 'b.env', status: 'added', changes: 1, patch: patchOf(`T=${LEAK2}`) })], { headers: { 'content-type': 'application/json' } });
    const input = await readScanInput(prPlan({ base: 'a'.repeat(40), head: 'b'.repeat(40) }), await deps(tempDir()));
    expect(input.what).toBe('pull request #12 (2 files, GitHub API)');
    expect(await scanned(input)).toMatchObject({ findings: ['a.env:1', 'b.env:1'], notScanned: [] });
    expect(seen).toEqual([`token ${GH_TOKEN}`]);
  });

  it('a file GitHub sends no patch for is read with local git, fetching the merge commit a depth-1 checkout lacks', async () => {
    const repo = pullRequestRepo();
    const clone = shallowClone(repo.origin.dir, repo.base);
    mock().get(API).intercept({ path: filesPath(), method: 'GET' }).reply(200, [
      { filename: 'src/app.ts', status: 'modified', changes: 1, patch: `@@ -1 +1,2 @@\n export const a = 1;\n+const t = "${LEAK}";` },
      { filename: 'big.json', status: 'modified', changes: 1 },
      { filename: 'logo.png', status: 'added', changes: 0 },
    ], { headers: { 'content-type': 'application/json' } });
    const input = await readScanInput(prPlan(repo), await deps(clone));
    expect(input.what).toBe('pull request #12 (3 files, GitHub API; 2 without a patch from local git)');
    expect(await scanned(input)).toMatchObject({ findings: ['src/app.ts:2', 'big.json:1'], notScanned: [] });
  });

  it('without the commits, a file with no patch is a gap in coverage, said; a binary by its name is not', async () => {
    mock().get(API).intercept({ path: filesPath(), method: 'GET' }).reply(200, [
      { filename: 'big.json', status: 'modified', changes: 1 },
      { filename: 'logo.png', status: 'added', changes: 0 },
    ], { headers: { 'content-type': 'application/json' } });
    const input = await readScanInput(prPlan({ base: 'a'.repeat(40), head: 'b'.repeat(40) }), await deps(tempDir()));
    const { notScanned } = await scanned(input);
    expect(notScanned).toEqual([
      { file: 'big.json', reason: expect.stringContaining('GitHub sent no patch (too large or binary) and local git could not read it'), incomplete: true },
      { file: 'logo.png', reason: 'binary file: GitHub sends no patch for it' },
    ]);
  });

  it.each([
    [403, { message: 'Resource not accessible by integration' }, 'GitHub answered 403, the token may not read this (Resource not accessible by integration)'],
    [500, { message: 'Server Error' }, "GitHub answered 500, a failure on GitHub's side (Server Error)"],
  ])('a %i listing falls back to local git, and says why', async (status, body, said) => {
    const repo = pullRequestRepo();
    const clone = shallowClone(repo.origin.dir, repo.base);
    mock().get(API).intercept({ path: filesPath(), method: 'GET' }).reply(status, body, { headers: { 'content-type': 'application/json' } }).persist();
    const input = await readScanInput(prPlan(repo), await deps(clone));
    expect(input.what).toBe(`pull request #12 (local git; its files could not be listed: ${said})`);
    expect((await scanned(input)).findings).toEqual(['big.json:1', 'src/app.ts:2']);
  });

  it('a failed listing without local commits: one gap naming the failure and the permission — never a pass that read nothing silently', async () => {
    mock().get(API).intercept({ path: filesPath(), method: 'GET' }).reply(404, { message: 'Not Found' }, { headers: { 'content-type': 'application/json' } });
    const input = await readScanInput(prPlan({ base: 'a'.repeat(40), head: 'b'.repeat(40) }), await deps(tempDir()));
    const { notScanned, stats } = await scanned(input);
    expect(stats.addedLines).toBe(0);
    expect(notScanned).toEqual([{ file: '(pull request #12)', reason: expect.stringMatching(/GitHub answered 404.*fetch-depth: 0.*pull-requests: read/), incomplete: true }]);
    expect(JSON.stringify(notScanned)).not.toContain(GH_TOKEN);
  });

  it(`past GitHub's ${PULL_FILES_CAP}-file cap: local git for the whole pull request, or a gap counting what is missing`, async () => {
    const api = mock().get(API);
    for (let page = 1; page <= 30; page++) {
      const files = Array.from({ length: 100 }, (_, i) => ({ filename: `f/${page}-${i}.txt`, status: 'added', changes: 1, patch: patchOf('x') }));
      api.intercept({ path: filesPath(page === 1 ? undefined : page), method: 'GET' }).reply(200, files, { headers: { 'content-type': 'application/json', ...(page < 30 && { link: `<${API}${filesPath(page + 1)}>; rel="next"` }) } });
    }
    const input = await readScanInput(prPlan({ base: 'a'.repeat(40), head: 'b'.repeat(40) }, { changedFiles: 3500 }), await deps(tempDir()));
    const { stats, notScanned } = await scanned(input);
    expect(stats.files).toBe(3000);
    expect(notScanned).toEqual([{ file: '(500 more files)', reason: expect.stringContaining('GitHub lists at most 3000 files of a pull request'), incomplete: true }]);
  });

  it('scan: diff (via git) reads the pull request from local git only, making no API call', async () => {
    const repo = pullRequestRepo();
    const clone = shallowClone(repo.origin.dir, repo.base);
    const input = await readScanInput(prPlan(repo, { via: 'git' }), await deps(clone));
    expect(input.what).toBe('pull request #12 (local git)');
    expect((await scanned(input)).findings).toEqual(['big.json:1', 'src/app.ts:2']);
  });
});

describe('a push or merge group: a range of local git', () => {
  it('fetches the two commits a depth-1 checkout lacks and reads only what the range adds', async () => {
    const origin = makeRepo();
    const before = origin.commit({ 'old.env': `OLD=${LEAK2}\n` });
    const after = origin.commit({ 'new.env': `NEW=${LEAK}\n` });
    const clone = shallowClone(origin.dir);
    const input = await readScanInput({ kind: 'range', base: before, head: after, what: 'the push', owner: 'acme', repo: 'app' }, await deps(clone, false));
    expect(input.what).toBe(`the push (${before.slice(0, 7)}..${after.slice(0, 7)}, local git)`);
    expect(await scanned(input)).toMatchObject({ findings: ['new.env:1'], notScanned: [] });
  });

  it('a force push: the new tip against the old one, even when the old one is no ancestor', async () => {
    const origin = makeRepo();
    const root = origin.commit({ 'a.txt': 'a\n' });
    const before = origin.commit({ 'b.env': `B=${LEAK2}\n` });
    git(origin.dir, 'reset', '-q', '--hard', root);
    const after = origin.commit({ 'c.env': `C=${LEAK}\n`, 'b.env': null });
    git(origin.dir, 'tag', 'old', before); // still fetchable, as GitHub keeps it
    const input = await readScanInput({ kind: 'range', base: before, head: after, what: 'the push' }, await deps(shallowClone(origin.dir), false));
    expect((await scanned(input)).findings).toEqual(['c.env:1']);
  });

  it('commits that cannot be fetched: the comparison API; and a gap when it fails too', async () => {
    const compare = `/repos/acme/app/compare/${'a'.repeat(40)}...${'b'.repeat(40)}?per_page=1`;
    mock().get(API).intercept({ path: compare, method: 'GET' }).reply(200, { files: [{ filename: 'x.env', status: 'added', changes: 1, patch: patchOf(`X=${LEAK}`) }] }, { headers: { 'content-type': 'application/json' } });
    const plan = { kind: 'range' as const, base: 'a'.repeat(40), head: 'b'.repeat(40), what: 'the merge group', owner: 'acme', repo: 'app' };
    const input = await readScanInput(plan, await deps(tempDir()));
    expect(input.what).toBe('the merge group (1 files, GitHub API)');
    expect((await scanned(input)).findings).toEqual(['x.env:1']);

    mock().get(API).intercept({ path: compare, method: 'GET' }).reply(502, 'Bad Gateway').persist();
    const failed = await readScanInput(plan, await deps(tempDir()));
    expect((await scanned(failed)).notScanned).toEqual([{ file: '(the merge group)', reason: expect.stringMatching(/could not be fetched.*comparison failed: GitHub answered 502/), incomplete: true }]);
  });

  it('a new branch: the comparison with the default branch, so history already there is not scanned again', async () => {
    const head = 'b'.repeat(40);
    mock().get(API).intercept({ path: `/repos/acme/app/compare/main...${head}?per_page=1`, method: 'GET' }).reply(200, { files: [{ filename: 'n.env', status: 'added', changes: 1, patch: patchOf(`N=${LEAK}`) }] }, { headers: { 'content-type': 'application/json' } });
    const input = await readScanInput({ kind: 'new-branch', head, defaultBranch: 'main', owner: 'acme', repo: 'app' }, await deps(tempDir()));
    expect((await scanned(input)).findings).toEqual(['n.env:1']);
  });

  it('the last commit (scan: diff on an event with no range) needs its parent, fetched', async () => {
    const origin = makeRepo();
    origin.commit({ 'a.env': `A=${LEAK2}\n` });
    const head = origin.commit({ 'b.env': `B=${LEAK}\n` });
    const input = await readScanInput({ kind: 'range', base: `${head}^`, head, what: 'the last commit' }, await deps(shallowClone(origin.dir), false));
    expect((await scanned(input)).findings).toEqual(['b.env:1']);
  });
});

describe('scan: full', () => {
  it('every tracked file at HEAD: not untracked ones, not links', async () => {
    const repo = makeRepo();
    repo.commit({ 'src/a.env': `A=${LEAK}\n`, 'docs/readme.md': 'hello\n' });
    symlinkSync(path.join(repo.dir, 'src/a.env'), path.join(repo.dir, 'link.env'));
    git(repo.dir, 'add', 'link.env');
    git(repo.dir, 'commit', '-q', '-m', 'link');
    await import('node:fs/promises').then((fs) => fs.writeFile(path.join(repo.dir, 'untracked.env'), `U=${LEAK2}\n`));
    const input = await readScanInput({ kind: 'full' }, await deps(repo.dir, false));
    expect(input.files?.sort()).toEqual(['docs/readme.md', 'src/a.env']);
    expect((await scanned(input)).findings).toEqual(['src/a.env:1']);
  });
});
