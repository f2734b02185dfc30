import type { RunResult } from '../run/result.js';
import { VERSION } from '../version.js';

/** The JSON report (docs/contract.md); `expiresAt: null` means "never expires", an absent field "unknown". */
export function toJsonReport(result: RunResult) {
  return {
    version: 1 as const,
    result: result.verdict,
    tool: { name: 'token-preflight', version: VERSION },
    startedAt: result.startedAt,
    durationMs: result.durationMs,
    problems: result.problems,
    tokens: result.tokens.map((token) => ({
      name: token.name,
      provider: token.provider,
      environment: token.environment,
      status: token.status,
      problems: token.problems,
      skipReason: token.skipReason,
      kind: token.kind,
      identity: token.identity,
      scopes: token.scopes,
      requiredScopes: token.requiredScopes,
      allowedScopes: token.allowedScopes,
      missingScopes: token.missingScopes,
      extraScopes: token.extraScopes,
      expiresAt: token.expiresAt,
      ephemeral: token.ephemeral,
      mode: token.mode,
      latencyMs: token.latencyMs,
      rateLimit: token.rateLimit,
      host: token.host,
      previous: token.previous,
      notes: token.notes,
      source: token.source,
    })),
    findings: result.findings.map((f) => ({
      rule: f.rule,
      provider: f.provider,
      token: f.token,
      file: f.file,
      line: f.line,
      column: f.column,
      fingerprint: f.fingerprint,
      verification: f.verification,
      verificationReason: f.verificationReason,
      identity: f.identity,
      scopes: f.scopes,
      revocation: f.revocation,
      severity: f.severity,
      redacted: f.redacted,
    })),
    scan: result.scan,
  };
}

export function jsonReportText(result: RunResult): string {
  return `${JSON.stringify(toJsonReport(result), null, 2)}\n`;
}
