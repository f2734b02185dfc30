import * as core from '@actions/core';
import { readRunContext } from './action/context.js';
import { InputError, readInputs } from './action/inputs.js';
import { publish, publishConfigError, warnNotYetAvailable } from './action/publish.js';
import { gateFails } from './check/status.js';
import { ConfigError, loadConfig } from './config/load.js';
import { closeQuietly, createDispatcher } from './http/dispatcher.js';
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
    });
    warnNotYetAvailable(inputs);
    const dispatcher = createDispatcher(inputs.concurrency);
    const result = await runPreflight(
      { tokens: config.tokens, timeoutMs: inputs.timeoutSeconds * 1000, concurrency: inputs.concurrency, context: readRunContext(env) },
      { env, mask: (value) => core.setSecret(value), dispatcher },
    ).finally(() => closeQuietly(dispatcher));
    await publish(result, env);
    if (gateFails(result.verdict, inputs.failOn)) {
      const failed = result.tokens.filter((t) => t.status === 'fail').map((t) => t.name);
      const what = failed.length ? `failing tokens: ${failed.join(', ')}` : 'warnings found';
      core.setFailed(`token-preflight: ${result.verdict} (${what}; fail-on: ${inputs.failOn}). See the job summary.`);
    }
  } catch (error) {
    if (error instanceof ConfigError) publishConfigError(error);
    else if (error instanceof InputError) {
      core.setFailed(`token-preflight: ${error.message}`);
    } else {
      core.setFailed(`token-preflight failed unexpectedly: ${(error as Error).stack ?? String(error)}`);
    }
  }
}
