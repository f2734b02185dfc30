/**
 * Reads what the scan plan names — a pull request's files from the REST API, a range from local
 * git (fetching the two commits a shallow checkout lacks), a comparison from the API, the tracked
 * files — into a ScanInput for the engine. Coverage is never silently incomplete: whatever could
 * not be read is in `notScanned` with its reason, and `incomplete` when it is a gap, not a binary.
 */
import type { NotScanned } from '../scan/diff.js';
import { ensureCommits, gitDiff, mergeBase, trackedFiles, type GitOptions } from '../scan/sources/git.js';
import { patchesToDiff, type ChangedFile } from '../scan/sources/patches.js';
import type { ScanInput } from '../run/scan-input.js';
import { describeGitHubError, type Octokit } from './github-api.js';
import type { ScanPlan } from './scan-plan.js';

/** GitHub lists at most this many files of a pull request, and of a comparison. */
export const PULL_FILES_CAP = 3000;
export const COMPARE_FILES_CAP = 300;
const PER_PAGE = 100;

export interface SourceDeps {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** The workflow's GitHub client; absent when there is no `github-token`. */
  octokit?: Octokit;
  /** The `github-token`, only to scrub it from GitHub's messages. */
  token: string;
  /** Budget of the GitHub listing and of each git fetch. */
  timeoutMs: number;
}

type Range = { base: string; head: string };

const FETCH_DEPTH_HINT = 'check out with actions/checkout `fetch-depth: 0` so that local git can read it';
const BINARY_NAME = /\.(?:png|jpe?g|gif|bmp|ico|webp|tiff?|psd|pdf|zip|gz|tgz|bz2|xz|7z|rar|jar|war|class|exe|dll|so|dylib|a|o|bin|woff2?|ttf|otf|eot|mp[34]|mov|avi|webm|ogg|wav|flac|sqlite|db|pyc)$/i;

export async function readScanInput(plan: Exclude<ScanPlan, { kind: 'off' }>, deps: SourceDeps): Promise<ScanInput> {
  const git: GitOptions = { cwd: deps.cwd, env: deps.env, timeoutMs: deps.timeoutMs };
  const notScanned: NotScanned[] = [];
  switch (plan.kind) {
    case 'full': {
      const files = await trackedFiles(git);
      return { mode: 'full', what: 'every tracked file at HEAD', files: files.filter((f) => f.kind === 'file').map((f) => f.path), cwd: deps.cwd, notScanned };
    }
    case 'pull-request':
      return readPullRequest(plan, deps, git, notScanned);
    case 'range': {
      const local = await localRange(plan, git);
      if (local) return diffInput(`${plan.what} (${short(plan.base)}..${short(plan.head)}, local git)`, [], [local], git, notScanned);
      return compareInput(plan, plan.what, deps, git, notScanned);
    }
    case 'new-branch': {
      const what = `the new branch's commits (not on ${plan.defaultBranch})`;
      const input = await compareInput({ ...plan, base: plan.defaultBranch }, what, deps, git, notScanned, true);
      if (input.diff) return input;
      const base = await mergeBase(`origin/${plan.defaultBranch}`, plan.head, git);
      if (!base) return input;
      notScanned.length = 0;
      return diffInput(`${what}, local git`, [], [{ base, head: plan.head }], git, notScanned);
    }
  }
}

async function readPullRequest(plan: Extract<ScanPlan, { kind: 'pull-request' }>, deps: SourceDeps, git: GitOptions, notScanned: NotScanned[]): Promise<ScanInput> {
  const what = `pull request #${plan.number}`;
  if (plan.via === 'git' || !deps.octokit) {
    const range = await localPullRange(plan, git);
    if (range) return diffInput(`${what} (local git)`, [], [range], git, notScanned);
    const why = plan.via === 'git' ? '`scan: diff` reads local git' : 'there is no `github-token` to list its files';
    return gap(what, notScanned, `${why}, and the pull request's commits are not in the checkout: ${FETCH_DEPTH_HINT}`);
  }
  let files: ChangedFile[];
  const signal = AbortSignal.timeout(deps.timeoutMs);
  try {
    files = await listPullFiles(deps.octokit, plan, signal);
  } catch (error) {
    const range = await localPullRange(plan, git);
    const why = `its files could not be listed: ${describeGitHubError(error, deps.token, signal)}`;
    if (range) return diffInput(`${what} (local git; ${why})`, [], [range], git, notScanned);
    return gap(what, notScanned, `${why}; and its commits are not in the checkout (${FETCH_DEPTH_HINT}). Needs \`pull-requests: read\``);
  }
  const capped = files.length >= PULL_FILES_CAP && (plan.changedFiles ?? PULL_FILES_CAP + 1) > files.length;
  const { diff, withoutPatch } = patchesToDiff(files);
  if (!capped && withoutPatch.length === 0) return diffInput(`${what} (${files.length} files, GitHub API)`, diff, [], git, notScanned);

  const range = await localPullRange(plan, git);
  if (range && capped) return diffInput(`${what} (local git: GitHub lists at most ${PULL_FILES_CAP} files)`, [], [range], git, notScanned);
  if (range) return diffInput(`${what} (${files.length} files, GitHub API; ${withoutPatch.length} without a patch from local git)`, diff, [{ ...range, paths: withoutPatch.map((f) => f.filename) }], git, notScanned);
  missingPatches(withoutPatch, notScanned);
  if (capped) {
    const more = plan.changedFiles !== undefined ? `${plan.changedFiles - files.length} more files` : `files after the first ${PULL_FILES_CAP}`;
    notScanned.push(incomplete(`(${more})`, `GitHub lists at most ${PULL_FILES_CAP} files of a pull request; ${FETCH_DEPTH_HINT}`));
  }
  return diffInput(`${what} (${files.length} files, GitHub API)`, diff, [], git, notScanned);
}

/** Every page of `pulls/{n}/files`, up to GitHub's cap. */
async function listPullFiles(octokit: Octokit, plan: Extract<ScanPlan, { kind: 'pull-request' }>, signal: AbortSignal): Promise<ChangedFile[]> {
  const files: ChangedFile[] = [];
  const pages = octokit.paginate.iterator(octokit.rest.pulls.listFiles, { owner: plan.owner, repo: plan.repo, pull_number: plan.number, per_page: PER_PAGE, request: { signal } });
  for await (const page of pages) {
    files.push(...(page.data as ChangedFile[]));
    if (files.length >= PULL_FILES_CAP) break;
  }
  return files;
}

/**
 * The pull request's own changes in local git: its test merge commit against its first parent
 * (what the PR adds to today's base), or, in a full clone, head against the merge base.
 */
async function localPullRange(plan: Extract<ScanPlan, { kind: 'pull-request' }>, git: GitOptions): Promise<Range | undefined> {
  if (plan.mergeCommit && (await ensureCommits([plan.mergeCommit, `${plan.mergeCommit}^1`], git, 2))) {
    return { base: `${plan.mergeCommit}^1`, head: plan.mergeCommit };
  }
  if (!(await ensureCommits([plan.base, plan.head], git))) return undefined;
  const base = await mergeBase(plan.base, plan.head, git);
  return base ? { base, head: plan.head } : undefined;
}

/** A range's two commits, fetched when the checkout lacks them; `X^` needs X with its parent. */
async function localRange(range: Range, git: GitOptions): Promise<Range | undefined> {
  if (range.base.endsWith('^')) return (await ensureCommits([range.head, range.base], git, 2)) ? range : undefined;
  return (await ensureCommits([range.base, range.head], git)) ? range : undefined;
}

/** `compare/{base}...{head}` of the REST API: at most 300 files, each with its patch when not too large. */
async function compareInput(plan: { base: string; head: string; owner?: string; repo?: string }, what: string, deps: SourceDeps, git: GitOptions, notScanned: NotScanned[], quiet = false): Promise<ScanInput> {
  const local = `its commits could not be fetched into the checkout (${FETCH_DEPTH_HINT})`;
  if (!deps.octokit || !plan.owner || !plan.repo) return gap(what, notScanned, `${local}, and there is no \`github-token\` to ask the GitHub API`);
  const signal = AbortSignal.timeout(deps.timeoutMs);
  let files: ChangedFile[];
  try {
    const { data } = await deps.octokit.rest.repos.compareCommitsWithBasehead({ owner: plan.owner, repo: plan.repo, basehead: `${plan.base}...${plan.head}`, per_page: 1, request: { signal } });
    files = (data.files ?? []) as ChangedFile[];
  } catch (error) {
    const input = gap(what, notScanned, `${quiet ? '' : `${local}, and `}the GitHub API's comparison failed: ${describeGitHubError(error, deps.token, signal)}`);
    return input;
  }
  const { diff, withoutPatch } = patchesToDiff(files);
  missingPatches(withoutPatch, notScanned);
  if (files.length >= COMPARE_FILES_CAP) notScanned.push(incomplete(`(files after the first ${COMPARE_FILES_CAP})`, `the GitHub API compares at most ${COMPARE_FILES_CAP} files; ${FETCH_DEPTH_HINT}`));
  return diffInput(`${what} (${files.length} files, GitHub API)`, diff, [], git, notScanned);
}

/**
 * Files GitHub sent no patch for, when local git cannot fill in: a binary (no line changed, or a
 * binary's name) has no text to scan; anything else is a gap.
 */
function missingPatches(files: readonly ChangedFile[], notScanned: NotScanned[]): void {
  for (const { filename: file, changes } of files) {
    if (changes === 0 || BINARY_NAME.test(file)) notScanned.push({ file, reason: 'binary file: GitHub sends no patch for it' });
    else notScanned.push(incomplete(file, `GitHub sent no patch (too large or binary) and local git could not read it: ${FETCH_DEPTH_HINT}`));
  }
}

function incomplete(file: string, reason: string): NotScanned {
  return { file, reason, incomplete: true };
}

/** Nothing could be read: an empty scan that says so. */
function gap(what: string, notScanned: NotScanned[], reason: string): ScanInput {
  notScanned.push(incomplete(`(${what})`, reason));
  return { mode: 'diff', what, diff: (async function* () {})(), notScanned };
}

/**
 * One diff stream: the API's patches, then each local git diff; a git that fails midway leaves a
 * gap in `notScanned`, never a silent short read.
 */
function diffInput(what: string, patches: readonly string[], ranges: ReadonlyArray<Range & { paths?: readonly string[] }>, git: GitOptions, notScanned: NotScanned[]): ScanInput {
  async function* stream(): AsyncGenerator<string | Uint8Array> {
    yield* patches;
    for (const range of ranges) {
      const child = gitDiff(range, { ...git, timeoutMs: undefined }, range.paths);
      try {
        for await (const chunk of child.stdout) yield chunk as Uint8Array;
        await child.done;
      } catch (error) {
        notScanned.push(incomplete(range.paths?.length === 1 ? range.paths[0]! : `(${short(range.base)}..${short(range.head)})`, `local git failed: ${(error as Error).message}`));
      }
    }
  }
  return { mode: 'diff', what, diff: stream(), notScanned };
}

function short(sha: string): string {
  return /^[0-9a-f]{40}/i.test(sha) ? sha.slice(0, 7) + sha.slice(40) : sha;
}
