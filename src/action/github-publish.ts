import * as core from '@actions/core';
import { allAnnotations, overflows } from '../report/annotations.js';
import { renderComment } from '../report/comment.js';
import { headline } from '../report/headline.js';
import type { RunResult } from '../run/result.js';
import { publishCheckRun } from './check-run.js';
import { PULL_REQUEST_EVENTS, readEventPayload, readRunContext } from './context.js';
import { NULL_SHA } from '../scan/sources/git.js';
import { describeGitHubError, gitHubClient, statusOf, type GitHubClientOptions } from './github-api.js';
import type { ActionInputs } from './inputs.js';
import { upsertStickyComment } from './pr-comment.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Budget of each of the workflow's writes to GitHub (the comment, the check run with its batches). */
const WRITE_TIMEOUT_MS = 60_000;

export interface GitHubPublishRequest {
  result: RunResult;
  inputs: Pick<ActionInputs, 'githubToken' | 'comment' | 'checkRun'>;
  env: Env;
  stepFails: boolean;
  /** Tests only: the Octokit's transport and back-off. */
  testing?: Pick<GitHubClientOptions, 'request' | 'dispatcher' | 'retryBaseMs' | 'throttle'>;
}

/**
 * The results where a reviewer looks on GitHub itself: the sticky PR comment and the check run.
 * Each is optional, and a failure of either (403, 404, 422, 5xx, a rate limit, no network) leaves
 * everything else — summary, annotations, outputs, exit code — as it is, with a notice of what was
 * skipped and why (a warning when it was asked for with `always`).
 */
export async function publishToGitHub(request: GitHubPublishRequest): Promise<void> {
  const { result, inputs, env } = request;
  const where = locate(env);
  if (!where) return;
  const octokit = inputs.githubToken ? await gitHubClient({ token: inputs.githubToken, apiUrl: env.GITHUB_API_URL, ...request.testing }) : undefined;
  const fork = readRunContext(env).forkPullRequest;
  const readOnly = fork && env.GITHUB_EVENT_NAME === 'pull_request' ? `a pull request from a fork (${fork.headRepository}) gets a read-only token` : undefined;

  if (inputs.comment !== 'never') {
    const say = inputs.comment === 'always' ? core.warning : core.notice;
    if (where.number === undefined) {
      if (inputs.comment === 'always') say('token-preflight: no sticky comment: this run is not for a pull request.');
    } else if (readOnly) say(`token-preflight: no sticky comment: ${readOnly}; the results are in the job summary.`);
    else if (!octokit) say('token-preflight: no sticky comment: the `github-token` input is empty.');
    else {
      const signal = AbortSignal.timeout(WRITE_TIMEOUT_MS);
      const links = { server: env.GITHUB_SERVER_URL || 'https://github.com', repository: `${where.owner}/${where.repo}` };
      const render = (previous: string | undefined) => renderComment(result, { links, runUrl: runUrl(env), previouslyFailing: previous !== undefined && !/All clear/.test(previous) });
      try {
        const outcome = await upsertStickyComment(octokit, { owner: where.owner, repo: where.repo, number: where.number }, render, result.verdict !== 'pass' || inputs.comment === 'always', signal);
        core.info(`token-preflight: sticky comment ${outcome}`);
      } catch (error) {
        say(`token-preflight: the sticky comment was skipped: ${describeGitHubError(error, inputs.githubToken, signal)}${statusOf(error) === 403 ? '; give the job `permissions: pull-requests: write`' : ''}. The results are in the job summary.`);
      }
    }
  }

  const all = allAnnotations(result);
  const wanted = inputs.checkRun === 'always' ? all.some((a) => a.file !== undefined) : inputs.checkRun === 'auto' && overflows(all, request.stepFails);
  if (!wanted) return;
  const say = inputs.checkRun === 'always' ? core.warning : core.notice;
  const why = 'so only the first 10 errors and 10 warnings are annotated on this step; every one is in the job summary';
  if (readOnly) return say(`token-preflight: no check run: ${readOnly}, ${why}.`);
  if (!octokit) return say(`token-preflight: no check run: the \`github-token\` input is empty, ${why}.`);
  const signal = AbortSignal.timeout(WRITE_TIMEOUT_MS);
  try {
    const summary = renderComment(result, { links: { server: env.GITHUB_SERVER_URL || 'https://github.com', repository: `${where.owner}/${where.repo}` }, runUrl: runUrl(env) });
    const made = await publishCheckRun(octokit, where, result, all, headline(result), summary, signal);
    core.info(`token-preflight: check run ${made.url} with ${made.annotations} annotations`);
  } catch (error) {
    say(`token-preflight: the check run was skipped: ${describeGitHubError(error, inputs.githubToken, signal)}${statusOf(error) === 403 ? '; give the job `permissions: checks: write`' : ''}, ${why}.`);
  }
}

interface Where {
  owner: string;
  repo: string;
  headSha: string;
  number?: number;
}

/** The repository, the commit the results belong to, and the pull request's number when there is one. */
function locate(env: Env): Where | undefined {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) return undefined;
  const payload = readEventPayload(env) as Payload | undefined;
  if (PULL_REQUEST_EVENTS.has(env.GITHUB_EVENT_NAME ?? '')) {
    const pr = payload?.pull_request;
    const headSha = pr?.head?.sha ?? env.GITHUB_SHA;
    const number = pr?.number ?? payload?.number;
    return headSha ? { owner, repo, headSha, ...(typeof number === 'number' && { number }) } : undefined;
  }
  const headSha = env.GITHUB_EVENT_NAME === 'merge_group' ? payload?.merge_group?.head_sha : env.GITHUB_EVENT_NAME === 'push' && !NULL_SHA.test(payload?.after ?? '') ? payload?.after : undefined;
  const sha = headSha ?? env.GITHUB_SHA;
  return sha ? { owner, repo, headSha: sha } : undefined;
}

function runUrl(env: Env): string | undefined {
  if (!env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID) return undefined;
  const attempt = env.GITHUB_RUN_ATTEMPT && env.GITHUB_RUN_ATTEMPT !== '1' ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : '';
  return `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}${attempt}`;
}

interface Payload {
  number?: number;
  after?: string;
  pull_request?: { number?: number; head?: { sha?: string } };
  merge_group?: { head_sha?: string };
}
