import { createHash } from 'node:crypto';
import { checkScopes, evaluateFacts } from '../check/evaluate.js';
import { explainMissingSecret, type RunContext } from '../check/missing-secret.js';
import { problem, ProblemError, type Problem } from '../check/problems.js';
import { findReuse } from '../check/reuse.js';
import { statusOf } from '../check/status.js';
import type { TokenSpec } from '../config/types.js';
import type { HttpClient } from '../http/client.js';
import { findProvider } from '../providers/registry.js';
import type { Ping, Provider, ProviderHttp } from '../providers/provider.js';
import type { SecretStore } from './secrets.js';
import type { TokenResult } from './result.js';

export interface TokenCheckDeps {
  http: HttpClient;
  secrets: SecretStore;
  env: Readonly<Record<string, string | undefined>>;
  context: RunContext;
  now: () => Date;
}

/** Pings every token's provider (concurrency is bounded by the HTTP client) and judges the answers. */
export async function checkTokens(specs: readonly TokenSpec[], deps: TokenCheckDeps): Promise<TokenResult[]> {
  const results = await Promise.all(specs.map((spec) => checkToken(spec, deps)));
  const reuse = findReuse(
    specs.map((spec) => {
      const value = deps.secrets.get(spec.secret);
      return { name: spec.name, environment: spec.environment, hash: value && createHash('sha256').update(value).digest('hex') };
    }),
  );
  for (const result of results) {
    const shared = reuse.get(result.name);
    if (shared && result.status !== 'skipped') {
      result.problems.push(shared);
      result.status = statusOf(result.problems);
    }
  }
  return results;
}

async function checkToken(spec: TokenSpec, deps: TokenCheckDeps): Promise<TokenResult> {
  const provider = findProvider(spec.provider);
  if (!provider) throw new Error(`unknown provider ${spec.provider}`); // config validation rules this out
  const result: TokenResult = {
    name: spec.name,
    provider: spec.provider,
    environment: spec.environment,
    status: 'ok',
    problems: [],
    requiredScopes: spec.requireScopes,
    allowedScopes: spec.allowScopes,
    source: spec.source,
  };
  const token = deps.secrets.get(spec.secret);
  if (!token) {
    const missing = explainMissingSecret(spec.secret, spec.optional, deps.context);
    if (missing.skip) return { ...result, status: 'skipped', skipReason: missing.message };
    return { ...result, status: 'fail', problems: [problem('missing-secret', missing.message)] };
  }

  let http: ProviderHttp;
  try {
    const base = provider.baseUrl(spec.baseUrl, deps.env);
    result.host = base.host;
    http = deps.http.forOrigin(base, { isThrottled: provider.throttled });
  } catch (error) {
    const message = `no valid API URL: ${(error as Error).message} (set base-url, or check GITHUB_API_URL)`;
    return { ...result, status: 'fail', problems: [problem('unexpected-response', message)] };
  }

  const problems: Problem[] = [];
  if (!sendable(token)) {
    const message = 'the token holds line breaks, control or non-ASCII characters (a multi-line or mis-pasted secret?), so no provider can accept it; it was not sent';
    return { ...result, status: 'fail', problems: [problem('invalid', message)] };
  }
  const ping = await pingOrProblem(provider, token, http, deps, problems);
  if (ping?.outcome === 'valid') {
    const { facts } = ping;
    Object.assign(result, {
      kind: facts.kind,
      identity: facts.identity,
      scopes: facts.scopes,
      expiresAt: facts.expiresAt === undefined ? undefined : facts.expiresAt && facts.expiresAt.toISOString(),
      ephemeral: facts.ephemeral,
      mode: facts.mode,
      rateLimit: facts.rateLimit,
      notes: facts.notes,
      latencyMs: ping.response.latencyMs,
    });
    const expand = provider.expandScopes?.bind(provider);
    const scopes = checkScopes(facts.scopes, spec, expand ?? ((s) => new Set(s)));
    if (scopes) Object.assign(result, { missingScopes: scopes.missing, extraScopes: scopes.extra });
    problems.push(...evaluateFacts(facts, ping.response.latencyMs, spec, deps.now(), expand));
  } else if (ping?.outcome === 'rejected') {
    result.latencyMs = ping.response.latencyMs;
    problems.push(problem(ping.code, ping.message));
  }

  if (spec.previousSecret) await checkPrevious(spec.previousSecret, provider, http, deps, problems, result);
  return { ...result, problems, status: statusOf(problems) };
}

/** A rotated-out token must now be refused; one still accepted is `previous-still-valid`. */
async function checkPrevious(
  variable: string,
  provider: Provider,
  http: ProviderHttp,
  deps: TokenCheckDeps,
  problems: Problem[],
  result: TokenResult,
): Promise<void> {
  const token = deps.secrets.get(variable);
  if (!token) {
    const message = `previous-secret ${variable} is not set, so the old token cannot be confirmed revoked; once it is revoked and its secret deleted, remove previous-secret from the config`;
    problems.push(problem('missing-secret', message));
    return;
  }
  const own: Problem[] = [];
  const ping = await pingOrProblem(provider, token, http, deps, own);
  problems.push(...own.map((p) => ({ ...p, message: `previous-secret ${variable}: ${p.message}` })));
  result.previous = ping?.outcome === 'valid' ? 'accepted' : ping?.outcome === 'rejected' ? 'rejected' : 'unknown';
  if (ping?.outcome === 'valid') {
    const who = ping.facts.identity ? ` as "${ping.facts.identity}"` : '';
    problems.push(problem('previous-still-valid', `the replaced token in ${variable} is still accepted${who}: revoke it at the provider`));
  }
}

async function pingOrProblem(provider: Provider, token: string, http: ProviderHttp, deps: TokenCheckDeps, problems: Problem[]): Promise<Ping | undefined> {
  try {
    return await provider.ping(token, { http, env: deps.env });
  } catch (error) {
    // Anything else is a defect of ours; report it on this token and keep the other tokens' results.
    const [code, message] = error instanceof ProblemError ? [error.code, error.message] : ['unexpected-response' as const, `internal error while checking: ${(error as Error).message}`];
    problems.push(problem(code, message));
    return undefined;
  }
}

/** Whether a token can travel in an HTTP header at all. */
function sendable(token: string): boolean {
  return /^[\x20-\x7e]+$/.test(token);
}
