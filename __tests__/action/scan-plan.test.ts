import { describe, expect, it } from 'vitest';
import { planScan } from '../../src/action/scan-plan.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const M = 'c'.repeat(40);
const ZERO = '0'.repeat(40);

// Payload shapes from GitHub's webhook docs (pull_request, merge_group, push), trimmed to what the plan reads.
const PR = { number: 12, pull_request: { number: 12, base: { sha: A }, head: { sha: B }, merge_commit_sha: M, changed_files: 3 } };
const env = (event: string, extra: Record<string, string> = {}) => ({ GITHUB_EVENT_NAME: event, GITHUB_EVENT_PATH: '/event.json', GITHUB_REPOSITORY: 'acme/app', ...extra });
const plan = (mode: 'auto' | 'diff' | 'full' | 'off', event: string, payload: unknown, extra: Record<string, string> = {}) => planScan(mode, env(event, extra), () => payload);

describe('planScan: which lines each event scans', () => {
  it.each([
    ['pull_request', 'api'],
    ['pull_request_target', 'api'],
  ] as const)('%s: the pull request through the API, with its merge commit and file count', (event, via) => {
    expect(plan('auto', event, PR)).toEqual({ kind: 'pull-request', owner: 'acme', repo: 'app', number: 12, base: A, head: B, mergeCommit: M, changedFiles: 3, via });
  });

  it('scan: diff reads a pull request with local git only', () => {
    expect(plan('diff', 'pull_request', PR)).toMatchObject({ kind: 'pull-request', via: 'git' });
  });

  it('a pull request whose merge commit GitHub has not computed yet (null) still plans', () => {
    const payload = { ...PR, pull_request: { ...PR.pull_request, merge_commit_sha: null } };
    const planned = plan('auto', 'pull_request', payload);
    expect(planned).toMatchObject({ kind: 'pull-request', head: B });
    expect(planned).not.toHaveProperty('mergeCommit');
  });

  it('merge_group: base_sha..head_sha', () => {
    expect(plan('auto', 'merge_group', { merge_group: { base_sha: A, head_sha: B } })).toMatchObject({ kind: 'range', base: A, head: B, what: 'the merge group' });
  });

  it('push: before..after, a force push alike (two trees are compared)', () => {
    expect(plan('auto', 'push', { before: A, after: B, forced: true, repository: { default_branch: 'main' } })).toMatchObject({ kind: 'range', base: A, head: B, what: 'the push' });
  });

  it('push of a new branch: only what is not on the default branch', () => {
    expect(plan('auto', 'push', { before: ZERO, after: B, created: true, repository: { default_branch: 'trunk' } })).toEqual({ kind: 'new-branch', head: B, defaultBranch: 'trunk', owner: 'acme', repo: 'app' });
  });

  it.each([
    [{ before: A, after: ZERO, deleted: true }],
    [{ before: A, after: ZERO }],
  ])('push that deletes a branch: nothing was added', (payload) => {
    expect(plan('auto', 'push', payload)).toEqual({ kind: 'off', reason: 'the push deleted a branch or tag: nothing was added' });
  });

  it.each(['schedule', 'workflow_dispatch', 'release'])('auto on %s: off, saying how to scan anyway', (event) => {
    const planned = plan('auto', event, {});
    expect(planned.kind).toBe('off');
    expect(planned).toMatchObject({ reason: expect.stringContaining('set `scan: full`') });
  });

  it('scan: diff on an event without a range: the last commit', () => {
    expect(plan('diff', 'schedule', {}, { GITHUB_SHA: M })).toMatchObject({ kind: 'range', base: `${M}^`, head: M });
    expect(plan('diff', 'schedule', {}).kind).toBe('off');
  });

  it('full and off need no event at all', () => {
    expect(planScan('full', {})).toEqual({ kind: 'full' });
    expect(planScan('off', env('pull_request'), () => PR)).toEqual({ kind: 'off', reason: 'the `scan` input is `off`' });
  });

  it.each([
    ['pull_request', {}],
    ['pull_request', { pull_request: { number: 1, base: { sha: 'main' }, head: { sha: B } } }],
    ['merge_group', { merge_group: { base_sha: A } }],
    ['push', { before: 'HEAD~1', after: B }],
    ['push', { before: ZERO, after: B }],
    ['push', undefined],
  ])('%s with a payload it cannot read (%j): off, saying what is missing — never a guess', (event, payload) => {
    const planned = plan('auto', event, payload);
    expect(planned).toMatchObject({ kind: 'off', reason: expect.stringMatching(/payload has no .*so there is no range to scan/) });
  });
});
