import type { RunContext } from '../check/missing-secret.js';
import { nothingChecked, type ConfigSearch } from '../check/nothing-checked.js';
import type { Problem } from '../check/problems.js';
import { verdictOf } from '../check/status.js';
import type { TokenSpec } from '../config/types.js';
import { HttpClient } from '../http/client.js';
import { Limiter } from '../http/limiter.js';
import type { Dispatcher } from 'undici';
import type { Lookup } from '../http/address.js';
import { VERSION } from '../version.js';
import { checkTokens } from './check-tokens.js';
import { Redactor } from './redact.js';
import { redactResult } from './redact-result.js';
import type { Finding, RunResult, ScanSummary } from './result.js';
import type { ScanRequest } from './scan-input.js';
import { mintedResults, type MintedRow } from './minted.js';
import { SecretStore } from './secrets.js';

/** A plain description of one run, built by the action or the CLI from their inputs. */
export interface RunRequest {
  tokens: TokenSpec[];
  timeoutMs: number;
  concurrency: number;
  context: RunContext;
  /** How the config was looked for: explains a run that checked nothing. */
  configSearch?: ConfigSearch;
  /**
   * false: the tokens are not checked, only their values looked for in the scan (`token-preflight
   * scan`, which must not call providers for a pre-commit hook). Default true.
   */
  checkTokens?: boolean;
  /** The tokens `mint:` made for this job: each a row of the report. */
  minted?: MintedRow[];
  /** The leak scan: what to read and how; `{ off }` says why nothing is scanned; absent for no scan at all (`check`). */
  scan?: ScanRequest | { off: string };
}

export interface RunDeps {
  env: Readonly<Record<string, string | undefined>>;
  /** Registers a value with the log masker (core.setSecret); called for each secret as it is read. */
  mask: (value: string) => void;
  dispatcher: Dispatcher;
  /** For verifying found secrets: a dispatcher that refuses private addresses (createDispatcher's `guard`). */
  leakDispatcher?: Dispatcher;
  /** The resolver of the address check before a found secret is sent (DNS by default; tests). */
  resolve?: Lookup;
  now?: () => Date;
}

/** The engine both entry points share: secrets in, plain redacted result out. */
export async function runPreflight(request: RunRequest, deps: RunDeps): Promise<RunResult> {
  const now = deps.now ?? (() => new Date());
  const started = now();
  const clock = performance.now();
  const redactor = new Redactor();
  const mintedSpecs = (request.minted ?? []).flatMap((row) => (row.spec && !row.failure ? [row.spec] : []));
  const secrets = new SecretStore([...request.tokens, ...mintedSpecs], deps.env, deps.mask, redactor);
  const clientOptions = {
    timeoutMs: request.timeoutMs,
    userAgent: `token-preflight/${VERSION}`,
    // A provider that echoes a secret (or part of one) must not carry it on.
    redact: (text: string) => redactor.redact(text),
    onSecret: (value: string) => secrets.derived(value),
  };
  const http = new HttpClient({ ...clientOptions, dispatcher: deps.dispatcher });
  const limiter = new Limiter(request.concurrency);
  const checked = request.checkTokens === false ? [] : await checkTokens([...request.tokens, ...mintedSpecs], {
    http,
    secrets,
    env: deps.env,
    context: request.context,
    now,
    limiter,
    timeoutMs: request.timeoutMs,
  });
  const mintedNames = new Set(mintedSpecs.map((spec) => spec.name));
  const tokens = [...checked.filter((t) => !mintedNames.has(t.name)), ...mintedResults(request.minted ?? [], checked, now())];
  const problems: Problem[] = [];
  let findings: Finding[] = [];
  let scan: ScanSummary | undefined;
  if (request.scan && 'off' in request.scan) {
    scan = { mode: 'off', reason: request.scan.off, files: 0, addedLines: 0, suppressed: 0, excluded: 0, notScanned: [] };
  } else if (request.scan) {
    const leakHttp = deps.leakDispatcher && new HttpClient({ ...clientOptions, dispatcher: deps.leakDispatcher });
    // The scan (300+ rules and the matcher) is loaded only by a run that scans.
    const { scanStep } = await import(/* webpackMode: "eager" */ './scan-step.js');
    const outcome = await scanStep(request.scan, request.tokens, tokens, {
      secrets,
      limiter,
      ...(leakHttp && { leakHttp }),
      ...(deps.resolve && { resolve: deps.resolve }),
      protect: (value) => secrets.derived(value),
    });
    ({ findings, scan } = outcome);
    problems.push(...outcome.problems);
  }
  if (request.tokens.length === 0 && scan?.mode !== 'diff' && scan?.mode !== 'full' && request.configSearch) problems.push(nothingChecked(request.configSearch));
  const severities = [...problems, ...tokens.flatMap((token) => token.problems), ...findings].map((p) => p.severity);
  const result: RunResult = {
    verdict: verdictOf(severities),
    problems,
    tokens,
    findings,
    ...(scan && { scan }),
    startedAt: started.toISOString(),
    durationMs: Math.round(performance.now() - clock),
  };
  return redactResult(result, redactor);
}
