import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readRunContext } from '../../src/action/context.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tp-context-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function eventFile(payload: unknown): string {
  const file = path.join(dir, 'event.json');
  writeFileSync(file, typeof payload === 'string' ? payload : JSON.stringify(payload));
  return file;
}

const prPayload = (head: string | null, base = 'acme/widgets') => ({
  action: 'opened',
  pull_request: { number: 7, head: { ref: 'feature', repo: head === null ? null : { full_name: head } }, base: { repo: { full_name: base } } },
  repository: { full_name: base },
});

function env(event: string, payload?: unknown, extra: Record<string, string> = {}) {
  return {
    GITHUB_EVENT_NAME: event,
    GITHUB_REPOSITORY: 'acme/widgets',
    GITHUB_ACTOR: 'octocat',
    ...(payload === undefined ? {} : { GITHUB_EVENT_PATH: eventFile(payload) }),
    ...extra,
  };
}

describe('readRunContext', () => {
  it.each(['pull_request', 'pull_request_review', 'pull_request_review_comment'])('a %s from a fork is a fork PR, named by the fork', (event) => {
    expect(readRunContext(env(event, prPayload('mallory/widgets')))).toEqual({
      surface: 'action',
      forkPullRequest: { headRepository: 'mallory/widgets' },
    });
  });

  it('a pull_request from a branch of the same repository is not a fork PR', () => {
    expect(readRunContext(env('pull_request', prPayload('acme/widgets')))).toEqual({ surface: 'action' });
  });

  it('pull_request_target from a fork gets secrets, so it is not treated as a fork PR', () => {
    expect(readRunContext(env('pull_request_target', prPayload('mallory/widgets'))).forkPullRequest).toBeUndefined();
  });

  it.each(['push', 'schedule', 'workflow_dispatch', 'workflow_run'])('a %s run is not a fork PR', (event) => {
    expect(readRunContext(env(event, prPayload('mallory/widgets'))).forkPullRequest).toBeUndefined();
  });

  it('falls back to GITHUB_REPOSITORY when the payload has no repository', () => {
    const payload = { pull_request: { head: { repo: { full_name: 'mallory/widgets' } } } };
    expect(readRunContext(env('pull_request', payload)).forkPullRequest).toEqual({ headRepository: 'mallory/widgets' });
  });

  it.each([
    { what: 'no event file', extra: {} as Record<string, string>, payload: undefined },
    { what: 'an unreadable event file', extra: { GITHUB_EVENT_PATH: '/nonexistent/event.json' }, payload: undefined },
    { what: 'an event file that is not JSON', extra: {}, payload: '{not json' },
  ])('a pull_request with $what is not taken for a fork PR, and does not throw', ({ extra, payload }) => {
    expect(readRunContext(env('pull_request', payload, extra))).toEqual({ surface: 'action' });
  });

  it('a pull_request whose fork was deleted (head.repo null) is still a fork PR', () => {
    expect(readRunContext(env('pull_request', prPayload(null))).forkPullRequest).toBeDefined();
  });

  it('a Dependabot run is flagged', () => {
    expect(readRunContext(env('pull_request', prPayload('acme/widgets'), { GITHUB_ACTOR: 'dependabot[bot]' }))).toEqual({ surface: 'action', dependabot: true });
    expect(readRunContext(env('push', undefined, { GITHUB_ACTOR: 'dependabot[bot]' })).dependabot).toBe(true);
  });

  it.each(['octocat', 'dependabot', 'renovate[bot]', ''])('actor "%s" is not Dependabot', (actor) => {
    expect(readRunContext(env('push', undefined, { GITHUB_ACTOR: actor })).dependabot).toBeUndefined();
  });

  it('outside GitHub Actions (no variables) is a plain action context', () => {
    expect(readRunContext({})).toEqual({ surface: 'action' });
  });
});
