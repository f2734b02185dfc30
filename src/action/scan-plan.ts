import { NULL_SHA } from '../scan/sources/git.js';
import { PULL_REQUEST_EVENTS, readEventPayload } from './context.js';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * What the leak scan reads on this run, decided from the `scan` input and the event alone (no I/O
 * but the event payload). Which lines:
 * - a pull request (`pull_request`, `pull_request_target`): its files from the REST API, local git
 *   for what the API leaves out; with `scan: diff`, local git only;
 * - `merge_group`: `base_sha..head_sha`; `push`: `before..after` (a new branch: what is not on the
 *   default branch; a deleted branch: nothing);
 * - `scan: full`: every tracked file at HEAD; `scan: diff` on any other event: the last commit.
 */
export type ScanPlan =
  | { kind: 'off'; reason: string }
  | { kind: 'full' }
  | { kind: 'pull-request'; owner: string; repo: string; number: number; base: string; head: string; mergeCommit?: string; changedFiles?: number; via: 'api' | 'git' }
  | { kind: 'range'; base: string; head: string; what: string; owner?: string; repo?: string }
  | { kind: 'new-branch'; head: string; defaultBranch: string; owner: string; repo: string };

const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/i;

interface Payload {
  number?: number;
  pull_request?: { number?: number; base?: { sha?: string }; head?: { sha?: string }; merge_commit_sha?: string | null; changed_files?: number };
  merge_group?: { base_sha?: string; head_sha?: string };
  before?: string;
  after?: string;
  deleted?: boolean;
  repository?: { default_branch?: string };
}

export function planScan(mode: 'auto' | 'diff' | 'full' | 'off', env: Env, readPayload: (env: Env) => unknown = readEventPayload): ScanPlan {
  if (mode === 'off') return { kind: 'off', reason: 'the `scan` input is `off`' };
  if (mode === 'full') return { kind: 'full' };
  const event = env.GITHUB_EVENT_NAME ?? '';
  const payload = readPayload(env) as Payload | undefined;
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const unreadable = (what: string): ScanPlan => ({ kind: 'off', reason: `the ${event} event's payload has no ${what}, so there is no range to scan` });

  if (PULL_REQUEST_EVENTS.has(event)) {
    const pr = payload?.pull_request;
    const number = pr?.number ?? payload?.number;
    const base = pr?.base?.sha;
    const head = pr?.head?.sha;
    if (typeof number !== 'number' || !isSha(base) || !isSha(head)) return unreadable('pull_request number, base.sha and head.sha');
    const mergeCommit = isSha(pr?.merge_commit_sha) ? pr.merge_commit_sha : undefined;
    return {
      kind: 'pull-request', owner, repo, number, base, head, via: mode === 'diff' ? 'git' : 'api',
      ...(mergeCommit && { mergeCommit }),
      ...(typeof pr?.changed_files === 'number' && { changedFiles: pr.changed_files }),
    };
  }
  if (event === 'merge_group') {
    const group = payload?.merge_group;
    if (!isSha(group?.base_sha) || !isSha(group?.head_sha)) return unreadable('merge_group.base_sha and head_sha');
    return { kind: 'range', base: group.base_sha, head: group.head_sha, what: 'the merge group', owner, repo };
  }
  if (event === 'push') {
    const { before, after } = payload ?? {};
    if (payload?.deleted || (typeof after === 'string' && NULL_SHA.test(after))) return { kind: 'off', reason: 'the push deleted a branch or tag: nothing was added' };
    if (!isSha(after)) return unreadable('`after` commit');
    if (typeof before === 'string' && NULL_SHA.test(before)) {
      const defaultBranch = payload?.repository?.default_branch;
      if (!defaultBranch) return unreadable('repository.default_branch');
      return { kind: 'new-branch', head: after, defaultBranch, owner, repo };
    }
    if (!isSha(before)) return unreadable('`before` commit');
    return { kind: 'range', base: before, head: after, what: 'the push', owner, repo };
  }
  if (mode === 'diff') {
    const head = env.GITHUB_SHA;
    if (!isSha(head)) return { kind: 'off', reason: `scan: diff on the ${event || 'unknown'} event needs GITHUB_SHA, the commit to scan` };
    return { kind: 'range', base: `${head}^`, head, what: `the last commit (${event} has no range of its own)` };
  }
  return {
    kind: 'off',
    reason: `the ${event || 'unknown'} event adds no lines to scan (\`scan: auto\` scans pull requests, merge groups and pushes); set \`scan: full\` to scan every tracked file`,
  };
}

function isSha(value: unknown): value is string {
  return typeof value === 'string' && SHA.test(value);
}
