import { readFileSync } from 'node:fs';
import type { RunContext } from '../check/missing-secret.js';

/** Events whose runs from a fork get no secrets (pull_request_target does get them). */
const FORK_LIMITED_EVENTS = new Set(['pull_request', 'pull_request_review', 'pull_request_review_comment']);

/** What the runner's environment and event payload tell about why secrets may be missing. */
export function readRunContext(env: Readonly<Record<string, string | undefined>>): RunContext {
  const context: RunContext = { surface: 'action' };
  if (env.GITHUB_ACTOR === 'dependabot[bot]') context.dependabot = true;
  if (!FORK_LIMITED_EVENTS.has(env.GITHUB_EVENT_NAME ?? '') || !env.GITHUB_EVENT_PATH) return context;
  const payload = readPayload(env.GITHUB_EVENT_PATH);
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

function readPayload(file: string): PullRequestPayload | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as PullRequestPayload;
  } catch {
    return undefined;
  }
}
