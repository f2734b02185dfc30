import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as core from '@actions/core';
import { ANNOTATIONS_PER_LEVEL, toAnnotations } from '../report/annotations.js';
import { jsonReportText } from '../report/json.js';
import { toOutputs } from '../report/outputs.js';
import { renderSummary } from '../report/summary.js';
import type { ConfigError } from '../config/load.js';
import type { RunResult } from '../run/result.js';
import type { ActionInputs } from './inputs.js';

/** Puts a run's result where people look: JSON report, job summary, annotations, step outputs. */
export async function publish(result: RunResult, env: Readonly<Record<string, string | undefined>>, options: { stepFails: boolean }): Promise<void> {
  const reportPath = await writeReport(result, env);
  for (const [name, value] of Object.entries(toOutputs(result, reportPath))) core.setOutput(name, value);
  for (const annotation of toAnnotations(result, options)) {
    const properties = { title: annotation.title, file: annotation.file, startLine: annotation.line };
    core[annotation.level](annotation.message, properties);
  }
  // Outside a runner (a local try-out) there is no summary file to write to.
  if (!env.GITHUB_STEP_SUMMARY) return;
  try {
    await core.summary.addRaw(renderSummary(result)).write();
  } catch (error) {
    core.warning(`could not write the job summary: ${(error as Error).message}; the JSON report has everything (${reportPath})`);
  }
}

/** Each config mistake as an annotation on its line, and the step failed. */
export function publishConfigError(error: ConfigError): void {
  // GitHub shows 10 error annotations per step and setFailed's is one of them: 9 issues as
  // annotations, the rest in the log, every one in the failure message's count.
  const shown = error.issues.slice(0, ANNOTATIONS_PER_LEVEL - 1);
  for (const issue of shown) {
    const message = `${issue.key ? `${issue.key}: ` : ''}${issue.message}`;
    core.error(message, { title: 'token-preflight: configuration error', file: issue.file, startLine: issue.line });
  }
  for (const issue of error.issues.slice(shown.length)) core.info(`${issue.where}: ${issue.key ? `${issue.key}: ` : ''}${issue.message}`);
  const count = `${error.issues.length} error${error.issues.length === 1 ? '' : 's'}`;
  const where = error.issues.length > shown.length ? `the first ${shown.length} as annotations, all of them in the log` : 'listed above';
  core.setFailed(`token-preflight: the configuration has ${count} (${where}); nothing was checked.`);
}

/** Inputs that ask for what this release does not do yet get a visible warning, not silence. */
export function warnNotYetAvailable(inputs: ActionInputs): void {
  const asked = [
    (inputs.scan === 'diff' || inputs.scan === 'full') && `scan: ${inputs.scan}`,
    inputs.sarif && 'sarif',
    inputs.comment === 'always' && 'comment: always',
  ].filter(Boolean);
  if (asked.length) core.warning(`${asked.join(', ')}: the leak scan and the PR comment are not in this release yet; only token health is checked.`);
}

async function writeReport(result: RunResult, env: Readonly<Record<string, string | undefined>>): Promise<string> {
  const dir = path.resolve(env.RUNNER_TEMP || os.tmpdir(), 'token-preflight');
  await mkdir(dir, { recursive: true });
  // One file per step, so two token-preflight steps in a job keep both reports.
  const step = (env.GITHUB_ACTION || 'report').replace(/[^\w.-]/g, '_');
  const file = path.join(dir, `${step}.json`);
  await writeFile(file, jsonReportText(result));
  return file;
}
