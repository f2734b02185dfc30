import type { RunContext } from '../check/missing-secret.js';
import { nothingChecked, type ConfigSearch } from '../check/nothing-checked.js';
import type { Problem } from '../check/problems.js';
import { verdictOf } from '../check/status.js';
import type { TokenSpec } from '../config/types.js';
import { HttpClient } from '../http/client.js';
import { Limiter } from '../http/limiter.js';
import type { Dispatcher } from 'undici';
import { VERSION } from '../version.js';
import { checkTokens } from './check-tokens.js';
import { Redactor } from './redact.js';
import { redactResult } from './redact-result.js';
import type { RunResult } from './result.js';
import { SecretStore } from './secrets.js';

/** A plain description of one run, built by the action or the CLI from their inputs. */
export interface RunRequest {
  tokens: TokenSpec[];
  timeoutMs: number;
  concurrency: number;
  context: RunContext;
  /** How the config was looked for: explains a run that checked nothing. */
  configSearch?: ConfigSearch;
}

export interface RunDeps {
  env: Readonly<Record<string, string | undefined>>;
  /** Registers a value with the log masker (core.setSecret); called for each secret as it is read. */
  mask: (value: string) => void;
  dispatcher: Dispatcher;
  now?: () => Date;
}

/** The engine both entry points share: secrets in, plain redacted result out. */
export async function runPreflight(request: RunRequest, deps: RunDeps): Promise<RunResult> {
  const now = deps.now ?? (() => new Date());
  const started = now();
  const clock = performance.now();
  const redactor = new Redactor();
  const secrets = new SecretStore(request.tokens, deps.env, deps.mask, redactor);
  const http = new HttpClient({
    dispatcher: deps.dispatcher,
    timeoutMs: request.timeoutMs,
    userAgent: `token-preflight/${VERSION}`,
    // A provider that echoes a secret (or part of one) must not carry it on.
    redact: (text) => redactor.redact(text),
    onSecret: (value) => secrets.derived(value),
  });
  const tokens = await checkTokens(request.tokens, {
    http,
    secrets,
    env: deps.env,
    context: request.context,
    now,
    limiter: new Limiter(request.concurrency),
    timeoutMs: request.timeoutMs,
  });
  const problems: Problem[] = [];
  if (request.tokens.length === 0 && request.configSearch) problems.push(nothingChecked(request.configSearch));
  const severities = [...problems, ...tokens.flatMap((token) => token.problems)].map((p) => p.severity);
  const result: RunResult = {
    verdict: verdictOf(severities),
    problems,
    tokens,
    findings: [],
    startedAt: started.toISOString(),
    durationMs: Math.round(performance.now() - clock),
  };
  return redactResult(result, redactor);
}
