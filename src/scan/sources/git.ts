/**
 * Local git as a source of what to scan: a diff between two commits, the index, the tracked files.
 * Git runs so that nothing of the repository's own config runs a program or renames paths: no
 * external diff or textconv driver, no fsmonitor hook, fixed a/ b/ prefixes, no colour.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';

/** Git could not be run, or failed: what failed and what it said, in one line. */
export class GitError extends Error {
  override name = 'GitError';
}

export interface GitOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Kills git after this long (a fetch through a dead proxy must not hang the run). */
  timeoutMs?: number;
}

/** A commit that is all zeros: GitHub's `before` of a new branch, `after` of a deleted one. */
export const NULL_SHA = /^0+$/;

const DIFF_FLAGS = ['--no-color', '--no-ext-diff', '--no-textconv', '-U0', '--src-prefix=a/', '--dst-prefix=b/'];

type GitChild = ChildProcessByStdio<null, Readable, Readable>;

function git(args: string[], options: GitOptions): GitChild {
  return spawn('git', ['-c', 'core.fsmonitor=false', ...args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.timeoutMs !== undefined && { timeout: options.timeoutMs, killSignal: 'SIGKILL' as const }),
  });
}

/** Git run to its end: rejects with a GitError holding the start of its stderr unless it exits 0. */
function finished(child: GitChild, what: string): Promise<void> {
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    if (stderr.length < 2_000) stderr += chunk.toString('utf8');
  });
  return new Promise((resolve, reject) => {
    child.on('error', (error) => reject(new GitError(`cannot run git (${what}): ${error.message}`)));
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new GitError(`${what} failed: ${signal ? `stopped by ${signal} (time-out)` : stderr.trim().split('\n')[0] || `exit status ${code}`}`));
    });
  });
}

/** What git prints, whole (for short answers: a path, a commit). */
export async function gitOutput(args: string[], options: GitOptions): Promise<string> {
  const child = git(args, options);
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  // Named by its subcommand and first option (`git rev-parse --show-toplevel`), never by a commit or path.
  await finished(child, ['git', args[0], args[1]?.startsWith('--') ? args[1] : ''].filter(Boolean).join(' '));
  return Buffer.concat(chunks).toString('utf8');
}

/** Whether git answers at all, without an error: `git cat-file -e`, `git merge-base`. */
async function succeeds(args: string[], options: GitOptions): Promise<boolean> {
  return gitOutput(args, options).then(
    () => true,
    () => false,
  );
}

/**
 * A diff to stream into the scan: `stdout`, and `done`, which rejects when git fails, so that a
 * failed git is never read as a diff with nothing added.
 */
export interface GitDiff {
  stdout: Readable;
  done: Promise<void>;
}

/**
 * The diff from `base` to `head` (two commits' trees: a force push reads right), or of the index
 * against HEAD; only of `paths` when given (taken literally, never as globs).
 */
export function gitDiff(range: { base: string; head: string } | 'staged', options: GitOptions, paths: readonly string[] = []): GitDiff {
  const literal = paths.map((p) => `:(literal)${p}`);
  const args = range === 'staged' ? ['diff', '--cached', ...DIFF_FLAGS, '--', ...literal] : ['diff', ...DIFF_FLAGS, range.base, range.head, '--', ...literal];
  const child = git(args, options);
  const done = finished(child, range === 'staged' ? 'git diff --cached' : `git diff ${range.base.slice(0, 12)} ${range.head.slice(0, 12)}`);
  // Read by the scan; the rejection is what the caller awaits, never an unhandled one.
  done.catch(() => undefined);
  return { stdout: child.stdout, done };
}

export async function topLevel(options: GitOptions): Promise<string> {
  return (await gitOutput(['rev-parse', '--show-toplevel'], options)).trim();
}

export async function hasCommit(sha: string, options: GitOptions): Promise<boolean> {
  return succeeds(['cat-file', '-e', `${sha}^{commit}`], options);
}

/**
 * Makes the commits present: each missing one (`X`, or a parent `X^`/`X^1`, fetched as `X`) is
 * fetched from `origin` at depth `depth` (a tree diff needs no history; a parent needs depth 2).
 * actions/checkout leaves a depth-1 clone with its credentials in the local config, so this works
 * on a runner; true when all of them are there in the end.
 */
export async function ensureCommits(commits: readonly string[], options: GitOptions, depth = 1): Promise<boolean> {
  const missing: string[] = [];
  for (const commit of commits) if (!(await hasCommit(commit, options))) missing.push(commit);
  if (missing.length === 0) return true;
  const wanted = [...new Set(missing.map((commit) => commit.replace(/\^\d*$/, '')))];
  const fetched = await succeeds(['fetch', '--no-tags', '--no-recurse-submodules', `--depth=${depth}`, 'origin', ...wanted], { ...options, timeoutMs: options.timeoutMs ?? 60_000 });
  if (!fetched) return false;
  for (const commit of missing) if (!(await hasCommit(commit, options))) return false;
  return true;
}

/** The best common ancestor, when the history holds one (a full clone); undefined otherwise. */
export async function mergeBase(a: string, b: string, options: GitOptions): Promise<string | undefined> {
  const out = await gitOutput(['merge-base', a, b], options).catch(() => '');
  const sha = out.trim();
  return /^[0-9a-f]{40,64}$/.test(sha) ? sha : undefined;
}

/** A tracked file at HEAD: its path, and whether it is content git holds (not a link, not a submodule). */
export interface TrackedFile {
  path: string;
  /** `link` (120000) or `submodule` (160000): nothing of its own to scan. */
  kind: 'file' | 'link' | 'submodule';
}

/** Every tracked file (`git ls-files -s -z`), paths relative to the repository's root, `/`-separated. */
export async function trackedFiles(options: GitOptions): Promise<TrackedFile[]> {
  const out = await gitOutput(['ls-files', '-s', '-z'], options);
  const files = new Map<string, TrackedFile>();
  for (const entry of out.split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const mode = entry.slice(0, 6);
    const file = entry.slice(tab + 1);
    // A conflicted file is listed once per stage.
    files.set(file, { path: file, kind: mode === '160000' ? 'submodule' : mode === '120000' ? 'link' : 'file' });
  }
  return [...files.values()];
}
