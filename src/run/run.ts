import type { RunContext } from '../check/missing-secret.js';
import { verdictOf } from '../check/status.js';
import type { TokenSpec } from '../config/types.js';
import { HttpClient } from '../http/client.js';
import type { Dispatcher } from 'undici';
import { checkTokens } from './check-tokens.js';
import { redactDeep, redactText } from './redact.js';
import type { RunResult } from './result.js';
import { SecretStore } from './secrets.js';
import { VERSION } from '../version.js';

/** A plain description of one run, built by the action or the CLI from their inputs. */
export interface RunRequest {
  tokens: TokenSpec[];
  timeoutMs: number;
  concurrency: number;
  context: RunContext;
}

export interface RunDeps {
  env: Readonly<Record<string, string | undefined>>;
  /** Registers a value with the log masker (core.setSecret); called for each token as it is read. */
  mask: (value: string) => void;
  dispatcher: Dispatcher;
  now?: () => Date;
}

/** The engine both entry points share: secrets in, plain redacted result out. */
export async function runPreflight(request: RunRequest, deps: RunDeps): Promise<RunResult> {
  const now = deps.now ?? (() => new Date());
  const started = now();
  const clock = performance.now();
  const secrets = new SecretStore(request.tokens, deps.env, deps.mask);
  const secretValues = secrets.all();
  const http = new HttpClient({
    dispatcher: deps.dispatcher,
    timeoutMs: request.timeoutMs,
    concurrency: request.concurrency,
    userAgent: `token-preflight/${VERSION}`,
    // A provider that echoes a token (say, in an error message it then cuts short) must not carry it on.
    redact: (text) => redactText(text, secretValues),
  });
  const tokens = await checkTokens(request.tokens, { http, secrets, env: deps.env, context: request.context, now });
  const severities = tokens.flatMap((token) => token.problems.map((p) => p.severity));
  const result: RunResult = {
    verdict: verdictOf(severities),
    tokens,
    findings: [],
    startedAt: started.toISOString(),
    durationMs: Math.round(performance.now() - clock),
  };
  // Providers may echo a token back in an error message: nothing that leaves the engine holds one.
  return redactDeep(result, secretValues);
}
