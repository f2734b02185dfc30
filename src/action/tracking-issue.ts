import * as core from '@actions/core';
import { ISSUE_LABEL, needsAttention, renderClosingComment, renderTrackingUpdate, trackingMarker } from '../report/tracking-issue.js';
import type { RunResult } from '../run/result.js';
import { describeGitHubError, gitHubClient, hasResponse, rateLimited, statusOf, type GitHubClientOptions, type Octokit } from './github-api.js';
import type { ActionInputs } from './inputs.js';

type Env = Readonly<Record<string, string | undefined>>;

export type TrackingOutcome = 'opened' | 'updated' | 'unchanged' | 'closed' | 'reopened' | 'nothing to do';

export interface TrackingTarget {
  owner: string;
  repo: string;
  /** The hidden line of this config's issue (`trackingMarker`). */
  marker: string;
}

export interface TrackingText {
  title: string;
  body: string;
  changes: string[];
  /** The comment that closes the issue; a plain one from `changes` without it. */
  closing?: string;
}

interface ListedIssue {
  number: number;
  title: string;
  state: string;
  body?: string | null;
  pull_request?: unknown;
  labels: Array<string | { name?: string }>;
}

/** Budget of all the calls of one sync. */
const SYNC_TIMEOUT_MS = 60_000;
/** Issues with the label read at most (newest first): there is one per config. */
const MAX_PAGES = 10;
const TRACKED_EVENTS = new Set(['schedule', 'workflow_dispatch']);

/**
 * One config's tracking issue, kept in step with the run. Found among the repository's issues
 * with the label (open or closed, newest first; an open one first) by its marker: pull requests,
 * and issues without the label — anyone may open an issue holding the marker, only people with
 * triage access can label it — are never touched. Then:
 * - something needs attention: no issue → open one (labelled); open → edit it if its title or
 *   body differ; closed → reopen it with the new text (one issue per config, its history kept).
 * - everything healthy: open → comment what was fixed, then close it as completed; else nothing.
 * `render` gets the issue's previous body, whose hidden state says what changed. Errors are the
 * caller's to report. https://docs.github.com/en/rest/issues/issues
 */
export async function syncTrackingIssue(
  octokit: Octokit,
  target: TrackingTarget,
  render: (previousBody?: string) => TrackingText,
  attention: boolean,
  signal?: AbortSignal,
): Promise<TrackingOutcome> {
  const { owner, repo } = target;
  const found = await findTrackingIssue(octokit, target, signal);
  if (!found) {
    if (!attention) return 'nothing to do';
    await openIssue(octokit, target, render(undefined), signal);
    return 'opened';
  }
  const issue_number = found.number;
  if (found.state === 'closed') {
    if (!attention) return 'nothing to do';
    const text = render(found.body ?? undefined);
    await octokit.rest.issues.update({ owner, repo, issue_number, title: text.title, body: text.body, state: 'open', state_reason: 'reopened', request: { signal } });
    return 'reopened';
  }
  const text = render(found.body ?? undefined);
  if (!attention) {
    const closing = text.closing ?? `All tokens healthy again${text.changes.length ? `: ${text.changes.join('; ')}` : '.'}`;
    await octokit.rest.issues.createComment({ owner, repo, issue_number, body: closing, request: { signal } });
    await octokit.rest.issues.update({ owner, repo, issue_number, title: text.title, body: text.body, state: 'closed', state_reason: 'completed', request: { signal } });
    return 'closed';
  }
  if (text.body === (found.body ?? '') && text.title === found.title) return 'unchanged';
  await octokit.rest.issues.update({ owner, repo, issue_number, title: text.title, body: text.body, request: { signal } });
  return 'updated';
}

function labelled(issue: ListedIssue): boolean {
  return issue.labels.some((label) => (typeof label === 'string' ? label : label.name) === ISSUE_LABEL);
}

async function findTrackingIssue(octokit: Octokit, target: TrackingTarget, signal?: AbortSignal): Promise<ListedIssue | undefined> {
  const pages = octokit.paginate.iterator(octokit.rest.issues.listForRepo, {
    owner: target.owner,
    repo: target.repo,
    labels: ISSUE_LABEL,
    state: 'all',
    sort: 'created',
    direction: 'desc',
    per_page: 100,
    request: { signal },
  });
  let newestClosed: ListedIssue | undefined;
  let read = 0;
  for await (const page of pages) {
    for (const issue of page.data as ListedIssue[]) {
      if (issue.pull_request || !labelled(issue) || !(issue.body ?? '').includes(target.marker)) continue;
      if (issue.state === 'open') return issue;
      newestClosed ??= issue;
    }
    if (++read >= MAX_PAGES) break;
  }
  return newestClosed;
}

/**
 * Opens the issue with the label (GitHub creates a missing label for a token that may push). A
 * token GitHub refuses to label for (403, 422) still opens it, without the label, and says so: a
 * later run cannot find an issue without the label, so someone must add it.
 */
async function openIssue(octokit: Octokit, target: TrackingTarget, text: TrackingText, signal?: AbortSignal): Promise<void> {
  const base = { owner: target.owner, repo: target.repo, title: text.title, body: text.body, request: { signal } };
  let refused: string | undefined;
  let created: { number: number; labels?: ListedIssue['labels'] };
  try {
    ({ data: created } = await octokit.rest.issues.create({ ...base, labels: [ISSUE_LABEL] }));
  } catch (error) {
    const status = statusOf(error);
    if (!hasResponse(error) || (status !== 403 && status !== 422) || rateLimited(error)) throw error;
    refused = `GitHub answered ${status} to the label`;
    ({ data: created } = await octokit.rest.issues.create(base));
  }
  if (!labelled({ labels: created.labels ?? [] } as ListedIssue)) {
    core.warning(`token-preflight: tracking issue #${created.number} was opened without the \`${ISSUE_LABEL}\` label (${refused ?? 'GitHub dropped it: the token may not set labels'}). Later runs find the issue by that label: add it to #${created.number} (and create the label if the repository has none), or each failing run opens another issue.`);
  }
}

export interface TrackingIssueRequest {
  result: RunResult;
  inputs: Pick<ActionInputs, 'githubToken' | 'issue'> & Partial<Pick<ActionInputs, 'expiryWarningDays'>>;
  env: Env;
  /** The config the run read: one tracking issue per config. */
  configPath: string;
  /** Tests only: the Octokit's transport and back-off, and the time of the run. */
  testing?: Pick<GitHubClientOptions, 'request' | 'dispatcher' | 'retryBaseMs' | 'throttle'> & { now?: Date };
}

/**
 * The `issue` input: keeps the config's tracking issue on `schedule` and `workflow_dispatch`
 * runs. Never fails the step: an error from GitHub becomes a warning of what was skipped and why.
 */
export async function publishTrackingIssue(request: TrackingIssueRequest): Promise<TrackingOutcome | undefined> {
  const { result, inputs, env } = request;
  if (!inputs.issue) return undefined;
  const event = env.GITHUB_EVENT_NAME ?? '';
  if (!TRACKED_EVENTS.has(event)) {
    core.notice(`token-preflight: issue: true keeps a tracking issue on \`schedule\` and \`workflow_dispatch\` runs only; this is a \`${event.replace(/[^\w-]/g, '') || 'unknown'}\` run.`);
    return undefined;
  }
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) return say('GITHUB_REPOSITORY is not set');
  if (!inputs.githubToken) return say('the `github-token` input is empty');
  // A run that checked nothing cannot say the tokens are healthy: the issue is left as it is.
  if (result.tokens.every((t) => t.status === 'skipped')) {
    core.info('token-preflight: no token was checked, so the tracking issue is left as it is.');
    return undefined;
  }
  const now = request.testing?.now ?? new Date();
  const url = runUrl(env);
  const options = { now, configPath: request.configPath, runUrl: url, warningDays: inputs.expiryWarningDays };
  const render = (previousBody?: string): TrackingText => {
    const text = renderTrackingUpdate(result, previousBody, options);
    return { ...text, closing: renderClosingComment(text.changes, { now, runUrl: url }) };
  };
  const { request: transport, dispatcher, retryBaseMs } = request.testing ?? {};
  const octokit = await gitHubClient({ token: inputs.githubToken, apiUrl: env.GITHUB_API_URL, request: transport, dispatcher, retryBaseMs });
  const signal = AbortSignal.timeout(SYNC_TIMEOUT_MS);
  try {
    const outcome = await syncTrackingIssue(octokit, { owner, repo, marker: trackingMarker(request.configPath) }, render, needsAttention(result), signal);
    core.info(`token-preflight: tracking issue ${outcome}`);
    return outcome;
  } catch (error) {
    const status = statusOf(error);
    const hint = status === 403 && !rateLimited(error) ? '; give the job `permissions: issues: write`' : status === 410 ? '; issues are turned off in this repository' : '';
    return say(`${describeGitHubError(error, inputs.githubToken, signal)}${hint}`);
  }
}

function say(why: string): undefined {
  core.warning(`token-preflight: the tracking issue was skipped: ${why}. The results are in the job summary.`);
  return undefined;
}

function runUrl(env: Env): string | undefined {
  if (!env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID) return undefined;
  return `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
}
