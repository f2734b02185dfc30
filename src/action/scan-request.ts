import * as core from '@actions/core';
import type { LoadedConfig } from '../config/types.js';
import type { ScanInput, ScanRequest } from '../run/scan-input.js';
import { GitError } from '../scan/sources/git.js';
import { parseGitleaksIgnore } from '../scan/fingerprint.js';
import { GITLEAKS_IGNORE_FILE, IGNORE_FILE, loadSuppressionFiles, parseIgnoreFile, type SuppressionFiles } from '../scan/suppress.js';
import { configReadFromBase, readConfigAtRef } from './trusted-config.js';
import { gitHubClient, type GitHubClientOptions } from './github-api.js';
import type { ActionInputs } from './inputs.js';
import { planScan } from './scan-plan.js';
import { readScanInput } from './scan-source.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Budget of the workflow's own GitHub listing and of each git fetch. */
const SOURCE_TIMEOUT_MS = 60_000;

/**
 * The leak scan of this run, from the `scan` input, the event and the config: what to read (see
 * scan-plan.ts), the suppression files (from the base commit on pull_request_target, like the
 * config: the PR's author must not write their own pardon), and `verify-leaks`.
 */
export async function actionScanRequest(
  inputs: ActionInputs,
  config: LoadedConfig,
  env: Env,
  cwd: string,
  testing: Pick<GitHubClientOptions, 'request' | 'dispatcher'> = {},
): Promise<ScanRequest | { off: string }> {
  const plan = planScan(inputs.scan, env);
  if (plan.kind === 'off') return { off: plan.reason };
  const client = { token: inputs.githubToken, apiUrl: env.GITHUB_API_URL, ...testing };
  const octokit = inputs.githubToken ? await gitHubClient(client) : undefined;
  let input: ScanInput;
  try {
    input = await readScanInput(plan, { cwd, env: env as NodeJS.ProcessEnv, octokit, token: inputs.githubToken, timeoutMs: SOURCE_TIMEOUT_MS });
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    const what = plan.kind === 'full' ? 'every tracked file' : 'the change';
    input = { mode: plan.kind === 'full' ? ('full' as const) : ('diff' as const), what, files: [], notScanned: [{ file: `(${what})`, reason: `${error.message}; is the repository checked out (actions/checkout)?`, incomplete: true }] };
  }
  const commit = plan.kind === 'full' ? env.GITHUB_SHA : plan.head;
  if (commit && /^[0-9a-f]{40,64}$/i.test(commit)) input.commit = commit;
  core.info(`token-preflight: scanning ${input.what}`);
  return {
    input,
    exclude: config.scan.exclude,
    disableRules: config.scan.disableRules,
    suppression: await suppressionFiles(env, cwd, client),
    verify: inputs.verifyLeaks,
    allowedHosts: config.allowedHosts,
    revoke: inputs.revokeLeaks,
  };
}

async function suppressionFiles(env: Env, cwd: string, client: GitHubClientOptions): Promise<SuppressionFiles> {
  const base = configReadFromBase(env);
  if (!base) return loadSuppressionFiles(cwd);
  const read = async (path: string) => {
    const found = await readConfigAtRef({ ...base, ...client, path });
    return 'text' in found ? found.text : '';
  };
  const [ignore, gitleaks] = await Promise.all([read(IGNORE_FILE), read(GITLEAKS_IGNORE_FILE)]);
  return { ignore: parseIgnoreFile(ignore), gitleaksIgnore: parseGitleaksIgnore(gitleaks) };
}
