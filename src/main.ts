import * as core from '@actions/core';
import { searchConfig } from './action/config-search.js';
import { readRunContext } from './action/context.js';
import { InputError, readInputs, type ActionInputs } from './action/inputs.js';
import { publish, publishConfigError } from './action/publish.js';
import { configReadFromBase, readConfigAtRef, TrustedConfigError } from './action/trusted-config.js';
import { gateFails } from './check/status.js';
import { ConfigError, loadConfig } from './config/load.js';
import { closeQuietly, createDispatcher, SettingsError } from './http/dispatcher.js';
import { runPreflight } from './run/run.js';
import { failureMessage } from './report/headline.js';
import { actionScanRequest } from './action/scan-request.js';
import { publishToGitHub } from './action/github-publish.js';
import { publishTrackingIssue } from './action/tracking-issue.js';
import { addressesOf } from './http/address.js';

/** State set by the main step: the next run of this entry is the post step. */
const POST_STATE = 'isPost';

/**
 * The action: inputs → run request → engine → reporters → gate. All runner I/O stays here and in
 * action/. The same entry is the `post:` step (as actions/checkout does it), told apart by state.
 */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (core.getState(POST_STATE) === 'true') return post(env);
  core.saveState(POST_STATE, 'true');
  try {
    const inputs = readInputs((name) => core.getInput(name));
    if (inputs.githubToken) core.setSecret(inputs.githubToken);
    const cwd = env.GITHUB_WORKSPACE || process.cwd();
    const config = await loadConfig({
      path: inputs.config,
      pathExplicit: inputs.configExplicit,
      inlineTokens: inputs.tokens,
      cwd,
      expiryWarningDays: inputs.expiryWarningDays,
      text: await trustedConfigText(inputs, env),
      knownRules: async () => (await import(/* webpackMode: "eager" */ './scan/rule-ids.js')).RULE_IDS,
    });
    const timeoutMs = inputs.timeoutSeconds * 1000;
    const scan = await actionScanRequest(inputs, config, env, cwd);
    const dispatcher = createDispatcher({ timeoutMs, env });
    const minted = config.mint.length ? await (await import(/* webpackMode: "eager" */ './action/mint.js')).mintTokens(config.mint, { env, dispatcher, timeoutMs, expiryWarningDays: inputs.expiryWarningDays }) : undefined;
    const leakDispatcher = (inputs.verifyLeaks || inputs.revokeLeaks) && 'input' in scan ? createDispatcher({ timeoutMs, env, guard: { allowedAddresses: addressesOf(config.allowedHosts) } }) : undefined;
    const configSearch = config.tokens.length || config.mint.length ? undefined : await searchConfig(cwd, inputs.config, config.file !== undefined, 'the `tokens` input');
    const result = await runPreflight(
      { tokens: config.tokens, timeoutMs, concurrency: inputs.concurrency, context: readRunContext(env), configSearch, scan, ...(minted && { minted: minted.rows }) },
      { env: { ...env, ...minted?.exported }, mask: (value) => core.setSecret(value), dispatcher, ...(leakDispatcher && { leakDispatcher }) },
    ).finally(() => Promise.all([closeQuietly(dispatcher), leakDispatcher && closeQuietly(leakDispatcher)]));
    const fails = gateFails(result.verdict, inputs.failOn);
    await publish(result, env, { stepFails: fails, sarif: inputs.sarif, cwd, warningDays: inputs.expiryWarningDays });
    await publishToGitHub({ result, inputs, env, stepFails: fails });
    await publishTrackingIssue({ result, inputs, env, configPath: inputs.config });
    if (fails) core.setFailed(failureMessage(result, inputs.failOn));
  } catch (error) {
    if (error instanceof ConfigError) publishConfigError(error);
    else if (error instanceof InputError || error instanceof SettingsError || error instanceof TrustedConfigError) {
      core.setFailed(`token-preflight: ${error.message}`);
    } else {
      // The stack is for us, not for the user's log: it shows with debug logging on (ACTIONS_STEP_DEBUG).
      core.debug((error as Error).stack ?? String(error));
      core.setFailed(`token-preflight failed unexpectedly: ${(error as Error).message ?? String(error)}. Re-run with debug logging on for details, and report it.`);
    }
  }
}

/** The post step, at the end of the job whatever its outcome: revoke what `mint:` made. */
async function post(env: NodeJS.ProcessEnv): Promise<void> {
  const timeoutMs = 10_000;
  const dispatcher = createDispatcher({ timeoutMs, env });
  try {
    const { revokeMinted } = await import(/* webpackMode: "eager" */ './action/mint.js');
    await revokeMinted({ env, dispatcher, timeoutMs });
  } catch (error) {
    core.warning(`token-preflight: the post step failed: ${(error as Error).message}`);
  } finally {
    closeQuietly(dispatcher);
  }
}

/**
 * On pull_request_target the config comes from the base commit through the API (the PR's author
 * controls the workspace); `null` when the base has none; undefined on any other event.
 */
async function trustedConfigText(inputs: ActionInputs, env: NodeJS.ProcessEnv): Promise<string | null | undefined> {
  const base = configReadFromBase(env);
  if (!base) return undefined;
  core.info(`pull_request_target: reading ${inputs.config} from the base commit ${base.ref.slice(0, 7)}, not from the workspace`);
  const read = await readConfigAtRef({ ...base, path: inputs.config, token: inputs.githubToken, apiUrl: env.GITHUB_API_URL });
  return 'text' in read ? read.text : null;
}
