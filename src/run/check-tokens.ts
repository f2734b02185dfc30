import { createHash } from 'node:crypto';
import { checkScopes, evaluateFacts, notesOf } from '../check/evaluate.js';
import { explainMissingSecret, type RunContext } from '../check/missing-secret.js';
import { problem, ProblemError, type Problem } from '../check/problems.js';
import { findReuse } from '../check/reuse.js';
import { statusOf } from '../check/status.js';
import type { TokenSpec } from '../config/types.js';
import { MAX_REQUESTS_PER_CHECK, seconds, type HttpClient } from '../http/client.js';
import type { Limiter } from '../http/limiter.js';
import type { Credential } from '../http/types.js';
import { findProvider } from '../providers/registry.js';
import type { Provider, Verdict } from '../providers/provider.js';
import { corrupt } from './corrupt.js';
import { readCredential } from './credential.js';
import type { TokenResult } from './result.js';
import type { SecretStore } from './secrets.js';
import { targetFor } from './target.js';

export interface TokenCheckDeps {
  http: HttpClient;
  secrets: SecretStore;
  env: Readonly<Record<string, string | undefined>>;
  context: RunContext;
  now: () => Date;
  /** Checks in flight at once (each makes its calls one after the other). */
  limiter: Limiter;
  timeoutMs: number;
}

/** Checks every token (at most `concurrency` at once) and judges the answers. Every token gets a result. */
export async function checkTokens(specs: readonly TokenSpec[], deps: TokenCheckDeps): Promise<TokenResult[]> {
  const results = await Promise.all(specs.map((spec) => deps.limiter.run(() => checkWithin(spec, deps))));
  const reuse = findReuse(
    specs.map((spec) => {
      const read = readCredential(spec.secret, findProvider(spec.provider)!, deps.secrets);
      return { name: spec.name, environment: spec.environment, hash: 'credential' in read ? fingerprint(read.credential) : undefined };
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

/**
 * A token's whole check — its own, the previous secret's and the corrupted copy's — is bounded:
 * each call by the HTTP layer's budget, and the whole by this watchdog, in case anything else
 * (a signer, a provider's own code) never settles.
 */
async function checkWithin(spec: TokenSpec, deps: TokenCheckDeps): Promise<TokenResult> {
  const checks = 1 + (spec.previousSecret ? 1 : 0) + (spec.rejectInvalid ? 1 : 0);
  const limitMs = deps.timeoutMs * MAX_REQUESTS_PER_CHECK * checks + 1_000;
  let timer: NodeJS.Timeout | undefined;
  const watchdog = new Promise<TokenResult>((resolve) => {
    timer = setTimeout(() => {
      const message = `the check did not finish within ${seconds(limitMs)}, so it was abandoned`;
      resolve({ ...skeleton(spec), status: 'fail', problems: [problem('unreachable', message)] });
    }, limitMs);
  });
  try {
    return await Promise.race([checkToken(spec, deps), watchdog]);
  } finally {
    clearTimeout(timer);
  }
}

function skeleton(spec: TokenSpec): TokenResult {
  return {
    name: spec.name,
    provider: spec.provider,
    environment: spec.environment,
    status: 'ok',
    problems: [],
    requiredScopes: spec.requireScopes,
    allowedScopes: spec.allowScopes,
    source: spec.source,
  };
}

async function checkToken(spec: TokenSpec, deps: TokenCheckDeps): Promise<TokenResult> {
  const provider = findProvider(spec.provider);
  if (!provider) throw new Error(`unknown provider ${spec.provider}`); // config validation rules this out
  const result = skeleton(spec);
  const read = readCredential(spec.secret, provider, deps.secrets);
  if ('missing' in read) {
    const missing = explainMissingSecret(read.missing.join(', '), spec.optional, deps.context);
    if (missing.skip) return { ...result, status: 'skipped', skipReason: missing.message };
    return { ...result, status: 'fail', problems: [problem('missing-secret', missing.message)] };
  }
  if ('refused' in read) return { ...result, status: 'fail', problems: [problem('invalid', read.refused)] };

  const problems: Problem[] = [];
  const contacted = new Set<string>();
  const verdict = await checkCredential(provider, read.credential, spec, deps, contacted);
  if (verdict.latencyMs !== undefined) result.latencyMs = verdict.latencyMs;
  if (verdict.outcome === 'valid') {
    const { facts } = verdict;
    Object.assign(result, {
      kind: facts.kind,
      identity: facts.identity,
      scopes: facts.scopes,
      expiresAt: facts.expiresAt === undefined ? undefined : facts.expiresAt && facts.expiresAt.toISOString(),
      ephemeral: facts.ephemeral,
      mode: facts.mode,
      rateLimit: facts.rateLimit,
      notes: notesOf(facts, spec),
    });
    const expand = provider.expandScopes?.bind(provider);
    const scopes = checkScopes(facts.scopes, spec, expand ?? ((s) => new Set(s)));
    if (scopes) Object.assign(result, { missingScopes: scopes.missing, extraScopes: scopes.extra });
    problems.push(...evaluateFacts(facts, verdict.latencyMs ?? 0, spec, deps.now(), expand));
  } else {
    problems.push(problem(verdict.code, verdict.message));
  }

  if (spec.previousSecret) await checkPrevious(spec, provider, read.credential, deps, problems, result, contacted);
  // A corrupted copy proves something only about a credential the provider accepted.
  if (spec.rejectInvalid && verdict.outcome === 'valid') await checkCorrupted(spec, provider, read.credential, deps, problems, contacted);
  if (contacted.size) result.host = [...contacted].join(', ');
  return { ...result, problems, status: statusOf(problems) };
}

/** One check of one credential, every failure turned into a verdict (never a throw). */
async function checkCredential(provider: Provider, credential: Credential, spec: TokenSpec, deps: TokenCheckDeps, contacted: Set<string>): Promise<Verdict> {
  try {
    const target = targetFor(provider, { purpose: 'preflight', baseUrl: spec.baseUrl, settings: spec.settings, env: deps.env });
    const http = deps.http.session({ base: target.base, hosts: target.hosts, credential, throttling: target.throttling });
    try {
      return await provider.check(credential, { http, env: target.env, purpose: 'preflight', settings: spec.settings });
    } finally {
      http.contacted.forEach((host) => contacted.add(host));
    }
  } catch (error) {
    if (error instanceof ProblemError) return { outcome: 'unknown', code: error.code, message: error.message };
    // Anything else is a defect of ours: reported on this token, the other tokens keep their results.
    return { outcome: 'unknown', code: 'unexpected-response', message: `internal error while checking: ${(error as Error).message}` };
  }
}

/** A rotated-out credential must now be refused; one still accepted is `previous-still-valid`. */
async function checkPrevious(
  spec: TokenSpec,
  provider: Provider,
  current: Credential,
  deps: TokenCheckDeps,
  problems: Problem[],
  result: TokenResult,
  contacted: Set<string>,
): Promise<void> {
  const variables = Object.values(spec.previousSecret!).join(', ');
  const read = readCredential({ ...spec.secret, ...spec.previousSecret }, provider, deps.secrets);
  if ('missing' in read) {
    const message = `previous-secret ${variables} is not set, so the old credential cannot be confirmed revoked; once it is revoked and its secret deleted, remove previous-secret from the config`;
    problems.push(problem('missing-secret', message));
    return;
  }
  if ('refused' in read) {
    result.previous = 'rejected';
    return;
  }
  if (fingerprint(read.credential) === fingerprint(current)) {
    problems.push(problem('previous-still-valid', `previous-secret ${variables} holds the same value as the current secret: the rotation did not replace it`));
    result.previous = 'accepted';
    return;
  }
  const verdict = await checkCredential(provider, read.credential, spec, deps, contacted);
  result.previous = verdict.outcome === 'valid' ? 'accepted' : verdict.outcome === 'rejected' ? 'rejected' : 'unknown';
  if (verdict.outcome === 'valid') {
    const who = verdict.facts.identity ? ` as "${verdict.facts.identity}"` : '';
    problems.push(problem('previous-still-valid', `the replaced credential in ${variables} is still accepted${who}: revoke it at the provider`));
  } else if (verdict.outcome === 'unknown') {
    problems.push(problem(verdict.code, `previous-secret ${variables}: ${verdict.message}`));
  }
}

/** `reject-invalid`: a corrupted copy must be refused, or the provider (or something posing as it) accepts anything. */
async function checkCorrupted(spec: TokenSpec, provider: Provider, credential: Credential, deps: TokenCheckDeps, problems: Problem[], contacted: Set<string>): Promise<void> {
  const part = Object.keys(spec.secret).find((id) => provider.fields.find((f) => f.id === id)?.rotates) ?? Object.keys(spec.secret)[0]!;
  const copy = { ...credential, [part]: corrupt(credential[part]!) };
  deps.secrets.derived(copy[part]!);
  const verdict = await checkCredential(provider, copy, spec, deps, contacted);
  if (verdict.outcome === 'valid') {
    problems.push(problem('accepts-invalid', `a deliberately corrupted copy of the credential was accepted too: the answer does not prove the credential works (check expect, or what answers at that URL)`));
  } else if (verdict.outcome === 'unknown') {
    problems.push(problem(verdict.code, `the corrupted copy (reject-invalid): ${verdict.message}`));
  }
}

/** SHA-256 of a whole credential: values are compared by hash only, never kept or shown. */
function fingerprint(credential: Credential): string {
  const canonical = JSON.stringify(Object.entries(credential).sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha256').update(canonical).digest('hex');
}
