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

/** Puts a run's result where people look: JSON report, job summary, annotations, step outputs. */
export async function publish(result: RunResult, env: Readonly<Record<string, string | undefined>>, options: PublishOptions): Promise<void> {
  const reportPath = await writeReport(result, env);
  for (const [name, value] of Object.entries(toOutputs(result, reportPath))) core.setOutput(name, value);
  for (const annotation of toAnnotations(result, options)) {
    const properties = { title: annotation.title, file: annotation.file, startLine: annotation.line, ...(annotation.column !== undefined && { startColumn: annotation.column }) };
    core[annotation.level](annotation.message, properties);
  }
  if (options.sarif) await writeSarif(result, path.resolve(options.cwd, options.sarif));
  // Outside a runner (a local try-out) there is no summary file to write to.
  if (!env.GITHUB_STEP_SUMMARY) return;
  const links = env.GITHUB_REPOSITORY ? { server: env.GITHUB_SERVER_URL || 'https://github.com', repository: env.GITHUB_REPOSITORY } : undefined;
  try {
    await core.summary.addRaw(renderSummary(result, new Date(), links, { warningDays: options.warningDays })).write();
  } catch (error) {
    core.warning(`could not write the job summary: ${(error as Error).message}; the JSON report has everything (${reportPath})`);
  }
}

export interface PublishOptions {
  stepFails: boolean;
  /** The `sarif` input: where to write the SARIF file ('' for none), relative to `cwd`. */
  sarif?: string;
  cwd: string;
  /** `expiry-warning-days`: the window the timeline shades. */
  warningDays?: number;
}

/** The SARIF file the `sarif` input names; a failure to write it is a warning, not a lost run. */
async function writeSarif(result: RunResult, file: string): Promise<void> {
  try {
    await mkdir(path.dirname(file), { recursive: true });
    // The rules' descriptions come with the SARIF renderer: loaded only when a SARIF file is asked for.
    const { sarifText } = await import(/* webpackMode: "eager" */ '../report/sarif.js');
    await writeFile(file, sarifText(result.findings));
    core.info(`token-preflight: SARIF written to ${file} (${result.findings.length} results)`);
  } catch (error) {
    core.warning(`could not write the SARIF file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}; the JSON report has every finding`);
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


async function writeReport(result: RunResult, env: Readonly<Record<string, string | undefined>>): Promise<string> {
  const dir = path.resolve(env.RUNNER_TEMP || os.tmpdir(), 'token-preflight');
  await mkdir(dir, { recursive: true });
  // One file per step, so two token-preflight steps in a job keep both reports.
  const step = (env.GITHUB_ACTION || 'report').replace(/[^\w.-]/g, '_');
  const file = path.join(dir, `${step}.json`);
  await writeFile(file, jsonReportText(result));
  return file;
}
