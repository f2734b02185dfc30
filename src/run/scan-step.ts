import { problem, type Problem } from '../check/problems.js';
import type { TokenSpec } from '../config/types.js';
import type { Lookup } from '../http/address.js';
import type { HttpClient } from '../http/client.js';
import type { Limiter } from '../http/limiter.js';
import { findProvider } from '../providers/registry.js';
import { RULES } from '../scan/rules/index.js';
import { configuredSecret, scanDiff, scanFiles, type ConfiguredSecret, type ScanFinding, type ScanResult } from '../scan/scan.js';
import type { Finding, ScanSummary, TokenResult } from './result.js';
import type { ScanRequest } from './scan-input.js';
import type { SecretStore } from './secrets.js';
import { revocable, revokeGitHubTokens } from './revoke.js';
import { verifyFound, type FoundSecret, type LeakVerification } from './verify-found.js';

/** Verification calls per run, at most: a diff full of keys must not become a request storm. */
export const MAX_VERIFICATIONS = 100;

export interface ScanStepDeps {
  secrets: SecretStore;
  /** For verification: an HttpClient whose dispatcher refuses private addresses at connect time. */
  leakHttp?: HttpClient;
  limiter: Limiter;
  /** Masks a found value before it is sent or shown anywhere (core.setSecret and the redactor). */
  protect: (value: string) => void;
  resolve?: Lookup;
}

export interface ScanOutcome {
  findings: Finding[];
  scan: ScanSummary;
  problems: Problem[];
}

/** The leak scan of a run: read, match, look for the configured tokens' values, verify. */
export async function scanStep(request: ScanRequest, tokens: readonly TokenSpec[], checked: readonly TokenResult[], deps: ScanStepDeps): Promise<ScanOutcome> {
  const { input } = request;
  const options = {
    rules: RULES,
    exclude: request.exclude,
    disableRules: request.disableRules,
    configuredSecrets: configuredSecrets(tokens, deps.secrets),
    ...request.suppression,
  };
  const result: ScanResult =
    input.mode === 'full' ? await scanFiles(input.files ?? [], { ...options, cwd: input.cwd ?? process.cwd() }) : await scanDiff(input.diff ?? '', options);
  // Found values are secrets from here on: masked before anything can print or send them.
  for (const finding of result.findings) {
    deps.protect(finding.secret);
    for (const part of Object.values(finding.parts ?? {})) deps.protect(part);
  }
  const rules = result.findings.filter((finding) => finding.token === undefined);
  const verifications = request.verify && deps.leakHttp ? await verify(rules, request, deps) : undefined;
  const findings = result.findings.map((finding) =>
    toFinding(finding, finding.token !== undefined ? ofConfigured(finding.token, checked) : request.verify ? verifications?.get(finding.fingerprint) : undefined, request.verify),
  );
  if (request.revoke) await revoke(result.findings, findings, deps);
  const notScanned = [...input.notScanned, ...result.stats.notScanned.filter((gap) => !input.notScanned.includes(gap))];
  const gaps = notScanned.filter((gap) => gap.incomplete);
  const problems = gaps.length
    ? [problem('scan-incomplete', `the leak scan could not read ${gaps.length === 1 ? gaps[0]!.file : `${gaps.length} parts of the change`}: ${gaps[0]!.reason}`)]
    : [];
  return {
    findings,
    problems,
    scan: {
      mode: input.mode,
      source: input.what,
      ...(input.commit && { commit: input.commit }),
      files: result.stats.files,
      addedLines: result.stats.addedLines,
      suppressed: result.stats.suppressed,
      suppressedBy: { ...result.stats.suppressedBy },
      excluded: result.stats.excluded,
      notScanned,
    },
  };
}

/**
 * `revoke-leaks`: each live GitHub token found goes to GitHub's revocation API, and so does each
 * GitHub App refresh token, which cannot be verified without being spent. A configured token's own
 * value is not: revoking the workflow's own token is the team's call, not a scan's.
 */
async function revoke(found: readonly ScanFinding[], findings: Finding[], deps: ScanStepDeps): Promise<void> {
  const chosen = found
    .map((f, i) => ({ secret: f.secret, finding: findings[i]! }))
    .filter(({ secret, finding }) => finding.token === undefined && finding.provider === 'github' && revocable(secret) && (finding.verification === 'live' || secret.startsWith('ghr_')));
  if (chosen.length === 0 || !deps.leakHttp) return;
  const outcomes = await revokeGitHubTokens(chosen.map((c) => c.secret), deps.leakHttp);
  for (const { secret, finding } of chosen) {
    const outcome = outcomes.get(secret);
    if (outcome) finding.revocation = outcome;
  }
}

/**
 * A configured token's own value found in the change: no second call, its row tells. Live when the
 * provider accepted it, inactive when the provider refused it.
 */
function ofConfigured(name: string, checked: readonly TokenResult[]): LeakVerification {
  const token = checked.find((t) => t.name === name.replace(/ \(previous-secret\)$/, ''));
  const refused = token?.problems.some((p) => p.code === 'invalid' || p.code === 'revoked' || p.code === 'expired');
  if (name.endsWith(' (previous-secret)')) {
    if (token?.previous === 'accepted') return { verification: 'live', reason: `the previous value of configured token ${token.name}, still accepted` };
    if (token?.previous === 'rejected') return { verification: 'inactive', reason: `the previous value of configured token ${token.name}, now refused` };
  } else if (token && token.status !== 'skipped' && !token.problems.some((p) => p.code === 'unreachable' || p.code === 'unexpected-response' || p.code === 'missing-secret')) {
    return refused
      ? { verification: 'inactive', reason: `the value of configured token ${token.name}, which its provider refuses` }
      : { verification: 'live', reason: `the value of configured token ${token.name}, which its provider accepts`, ...(token.identity !== undefined && { identity: token.identity }), ...(token.scopes !== undefined && { scopes: token.scopes }) };
  }
  return { verification: 'unverified', reason: token ? `the value of configured token ${token.name}: its own check gave no answer` : `the value of configured token ${name}, not checked in this run` };
}

/** Each configured token's values as the scan looks for them (by hash), identifiers left out. */
function configuredSecrets(tokens: readonly TokenSpec[], secrets: SecretStore): ConfiguredSecret[] {
  return tokens.flatMap((spec) => {
    const fields = findProvider(spec.provider)?.fields ?? [];
    const looked = (parts: Record<string, string>, name: string) =>
      Object.entries(parts)
        .filter(([part]) => !fields.find((field) => field.id === part)?.identifier)
        .flatMap(([, variable]) => {
          const value = secrets.get(variable);
          return value ? configuredSecret(name, value, spec.provider) : [];
        });
    return [...looked(spec.secret, spec.name), ...looked(spec.previousSecret ?? {}, `${spec.name} (previous-secret)`)];
  });
}

async function verify(found: readonly ScanFinding[], request: ScanRequest, deps: ScanStepDeps): Promise<Map<string, LeakVerification>> {
  const candidates: FoundSecret[] = [];
  for (const finding of found) {
    const provider = finding.provider ? findProvider(finding.provider) : undefined;
    if (!provider) continue;
    candidates.push({ fingerprint: finding.fingerprint, provider: provider.id, credential: credentialOf(provider.fields, finding) });
  }
  return verifyFound(candidates, { http: deps.leakHttp!, limiter: deps.limiter, allowedHosts: request.allowedHosts, maxVerifications: MAX_VERIFICATIONS, protect: deps.protect, ...(deps.resolve && { resolve: deps.resolve }) });
}

/** The found secret as its provider's credential: the parts the rule captured, the secret in the first part left. */
function credentialOf(fields: ReadonlyArray<{ id: string; identifier?: boolean; optional?: boolean }>, finding: ScanFinding): Record<string, string> {
  const credential: Record<string, string> = { ...finding.parts };
  if (!Object.values(credential).includes(finding.secret)) {
    const main = fields.find((field) => !(field.id in credential) && !field.identifier && !field.optional) ?? fields.find((field) => !(field.id in credential));
    if (main) credential[main.id] = finding.secret;
  }
  return credential;
}

/** The report's finding: never the secret or its parts. A live or unverified one is an error, an inactive one a warning. */
function toFinding(finding: ScanFinding, verdict: LeakVerification | undefined, verifyAsked: boolean): Finding {
  const verification = verdict?.verification ?? 'unverified';
  const reason = verdict ? verdict.reason : !verifyAsked ? 'verification off' : finding.provider ? `no verifier for ${finding.provider}` : 'no provider can verify this kind of secret';
  return {
    rule: finding.rule,
    ...(finding.provider !== undefined && { provider: finding.provider }),
    ...(finding.token !== undefined && { token: finding.token }),
    file: finding.file,
    line: finding.line,
    column: finding.column,
    fingerprint: finding.fingerprint,
    verification,
    ...(reason !== undefined && { verificationReason: reason }),
    ...(verdict?.identity !== undefined && { identity: verdict.identity }),
    ...(verdict?.scopes !== undefined && { scopes: verdict.scopes }),
    severity: verification === 'inactive' ? 'warning' : 'error',
    redacted: finding.redacted,
  };
}
