import type { Problem } from '../check/problems.js';
import type { Redactor } from './redact.js';
import type { Finding, RunResult, ScanSummary, TokenResult } from './result.js';

/**
 * The last line of defence before any reporter: the free text of a result — messages and what
 * providers said (identity, kind, scopes, notes; a found secret's verification and revocation),
 * and what git or GitHub said of the scan's sources — scrubbed of secrets. Never the result's own
 * structure (names, statuses, codes, keys): a secret that happens to equal `fail` must not turn a
 * failing run into a passing one.
 */
export function redactResult(result: RunResult, redactor: Redactor): RunResult {
  const text = (value: string) => redactor.redact(value);
  const problems = (list: Problem[]) => list.map((p) => ({ ...p, message: text(p.message) }));
  const token = (t: TokenResult): TokenResult => ({
    ...t,
    problems: problems(t.problems),
    skipReason: t.skipReason === undefined ? undefined : text(t.skipReason),
    kind: t.kind === undefined ? undefined : text(t.kind),
    identity: t.identity === undefined ? undefined : text(t.identity),
    scopes: t.scopes?.map(text),
    missingScopes: t.missingScopes?.map(text),
    extraScopes: t.extraScopes?.map(text),
    notes: t.notes?.map(text),
  });
  const finding = (f: Finding): Finding => ({
    ...f,
    ...(f.verificationReason !== undefined && { verificationReason: text(f.verificationReason) }),
    ...(f.identity !== undefined && { identity: text(f.identity) }),
    ...(f.scopes !== undefined && { scopes: f.scopes.map(text) }),
    ...(f.revocation && { revocation: { ...f.revocation, message: text(f.revocation.message) } }),
  });
  const scan = (s: ScanSummary): ScanSummary => ({
    ...s,
    ...(s.source !== undefined && { source: text(s.source) }),
    ...(s.reason !== undefined && { reason: text(s.reason) }),
    notScanned: s.notScanned.map((gap) => ({ ...gap, reason: text(gap.reason) })),
  });
  return {
    ...result,
    problems: problems(result.problems),
    tokens: result.tokens.map(token),
    findings: result.findings.map(finding),
    ...(result.scan && { scan: scan(result.scan) }),
  };
}
