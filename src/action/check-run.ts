import type { Annotation } from '../report/annotations.js';
import type { RunResult } from '../run/result.js';
import type { Octokit } from './github-api.js';

/** The check run's name, as the PR's checks list shows it. */
export const CHECK_RUN_NAME = 'token-preflight';
/** GitHub takes at most 50 annotations per create or update of a check run. */
export const ANNOTATIONS_PER_REQUEST = 50;
/** A check run's output summary holds at most 65,535 characters. */
export const CHECK_SUMMARY_LIMIT = 65_535;
/** A check run holds this many annotations at most here: 20 requests of 50, spaced a second apart. */
export const MAX_CHECK_ANNOTATIONS = 1_000;

const LEVEL = { error: 'failure', warning: 'warning', notice: 'notice' } as const;
const CONCLUSION = { fail: 'failure', warn: 'neutral', pass: 'success' } as const;

export interface CheckRunTarget {
  owner: string;
  repo: string;
  /** The commit the check belongs to: a pull request's head, a push's `after`. */
  headSha: string;
}

/** A check run's annotations need a file and a line: those without stay in the summary. */
export function checkAnnotations(all: readonly Annotation[]) {
  return all
    .filter((a): a is Annotation & { file: string; line: number } => a.file !== undefined && a.line !== undefined)
    .map((a) => ({
      path: a.file,
      start_line: a.line,
      end_line: a.line,
      // A column only on a one-line annotation, as GitHub requires.
      ...(a.column !== undefined && { start_column: a.column, end_column: a.column }),
      annotation_level: LEVEL[a.level],
      title: a.title.slice(0, 255),
      message: a.message.slice(0, 60_000),
    }));
}

/**
 * One completed check run named `token-preflight` with every annotation: created with the first
 * 50, then updated with each next 50 (GitHub appends them).
 * https://docs.github.com/en/rest/checks/runs#create-a-check-run
 */
export async function publishCheckRun(octokit: Octokit, target: CheckRunTarget, result: RunResult, all: readonly Annotation[], title: string, summary: string, signal?: AbortSignal): Promise<{ url: string; annotations: number }> {
  const annotations = checkAnnotations(all).slice(0, MAX_CHECK_ANNOTATIONS);
  const output = (batch: typeof annotations) => ({ title: title.slice(0, 255), summary: cut(summary), annotations: batch });
  const { data } = await octokit.rest.checks.create({
    owner: target.owner,
    repo: target.repo,
    name: CHECK_RUN_NAME,
    head_sha: target.headSha,
    status: 'completed',
    conclusion: CONCLUSION[result.verdict],
    output: output(annotations.slice(0, ANNOTATIONS_PER_REQUEST)),
    request: { signal },
  });
  for (let start = ANNOTATIONS_PER_REQUEST; start < annotations.length; start += ANNOTATIONS_PER_REQUEST) {
    await octokit.rest.checks.update({ owner: target.owner, repo: target.repo, check_run_id: data.id, output: output(annotations.slice(start, start + ANNOTATIONS_PER_REQUEST)), request: { signal } });
  }
  return { url: data.html_url ?? '', annotations: annotations.length };
}

function cut(text: string): string {
  if (text.length <= CHECK_SUMMARY_LIMIT) return text;
  const note = '\n\n_Cut to fit a check run; the job summary has everything._';
  const kept = text.slice(0, CHECK_SUMMARY_LIMIT - note.length);
  return kept.slice(0, Math.max(kept.lastIndexOf('\n'), 0)) + note;
}
