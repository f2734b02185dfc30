import { readFileSync } from 'node:fs';
import type { RunContext } from '../check/missing-secret.js';

/** The events of a pull request: its files are what the scan reads, its number where the comment goes. */
export const PULL_REQUEST_EVENTS: ReadonlySet<string> = new Set(['pull_request', 'pull_request_target']);

/** Events whose runs from a fork get no secrets (pull_request_target does get them). */
const FORK_LIMITED_EVENTS = new Set(['pull_request', 'pull_request_review', 'pull_request_review_comment']);

/** What the runner's environment and event payload tell about why secrets may be missing. */
export function readRunContext(env: Readonly<Record<string, string | undefined>>): RunContext {
  const context: RunContext = { surface: 'action' };
  if (env.GITHUB_ACTOR === 'dependabot[bot]') context.dependabot = true;
  if (!FORK_LIMITED_EVENTS.has(env.GITHUB_EVENT_NAME ?? '')) return context;
  const payload = readEventPayload(env) as PullRequestPayload | undefined;
  const pr = payload?.pull_request;
  if (!pr) return context;
  const base = payload?.repository?.full_name ?? env.GITHUB_REPOSITORY;
  // A fork deleted after the PR was opened shows as `head.repo: null`; it still gets no secrets.
  if (pr.head?.repo === null) context.forkPullRequest = { headRepository: pr.head.label ?? 'a deleted fork' };
  else if (pr.head?.repo?.full_name && base && pr.head.repo.full_name !== base) context.forkPullRequest = { headRepository: pr.head.repo.full_name };
  return context;
}

interface PullRequestPayload {
  pull_request?: { head?: { label?: string; repo?: { full_name?: string } | null } };
  repository?: { full_name?: string };
}

/**
 * The event's payload (GITHUB_EVENT_PATH), as much as can be read; undefined when there is none or
 * it is not JSON. Each reader checks the members it uses.
 */
export function readEventPayload(env: Readonly<Record<string, string | undefined>>): unknown {
  if (!env.GITHUB_EVENT_PATH) return undefined;
  try {
    return JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}
