import * as core from '@actions/core';
import { searchConfig } from './action/config-search.js';
import { readRunContext } from './action/context.js';
import { InputError, readInputs, type ActionInputs } from './action/inputs.js';
import { publish, publishConfigError, warnNotYetAvailable } from './action/publish.js';
import { configReadFromBase, readConfigAtRef, TrustedConfigError } from './action/trusted-config.js';
import { gateFails } from './check/status.js';
import { ConfigError, loadConfig } from './config/load.js';
import { closeQuietly, createDispatcher, SettingsError } from './http/dispatcher.js';
import { runPreflight } from './run/run.js';

/** The action: inputs → run request → engine → reporters → gate. All runner I/O stays here and in action/. */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
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
    });
    warnNotYetAvailable(inputs);
    const timeoutMs = inputs.timeoutSeconds * 1000;
    const dispatcher = createDispatcher({ timeoutMs, env });
    const configSearch = config.tokens.length ? undefined : await searchConfig(cwd, inputs.config, config.file !== undefined, 'the `tokens` input');
    const result = await runPreflight(
      { tokens: config.tokens, timeoutMs, concurrency: inputs.concurrency, context: readRunContext(env), configSearch },
      { env, mask: (value) => core.setSecret(value), dispatcher },
    ).finally(() => closeQuietly(dispatcher));
    const fails = gateFails(result.verdict, inputs.failOn);
    await publish(result, env, { stepFails: fails });
    if (fails) {
      const failed = result.tokens.filter((t) => t.status === 'fail').map((t) => t.name);
      const what = failed.length ? `failing tokens: ${failed.join(', ')}` : 'warnings found';
      core.setFailed(`token-preflight: ${result.verdict} (${what}; fail-on: ${inputs.failOn}). See the job summary.`);
    }
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
