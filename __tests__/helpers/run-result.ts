// Builders of a run's result for the reporters' tests: each a typical value, changed by `overrides`.
import type { Finding, RunResult, ScanSummary, TokenResult } from '../../src/run/result.js';

/** The run's clock in these results (2026-03-01T12:00:00Z). */
export const RUN_STARTED = '2026-03-01T12:00:00.000Z';

/** A healthy GitHub token, declared on line 3 of the config. */
export function tokenResult(overrides: Partial<TokenResult> = {}): TokenResult {
  return { name: 'release-bot', provider: 'github', status: 'ok', problems: [], source: { file: '.github/token-preflight.yml', line: 3 }, ...overrides };
}

/** A GitHub PAT found in src/app.ts, not verified; an inactive one is a warning unless `severity` says otherwise. */
export function finding(overrides: Partial<Finding> = {}): Finding {
  const verification = overrides.verification ?? 'unverified';
  return {
    rule: 'github-pat', provider: 'github', file: 'src/app.ts', line: 12, column: 17,
    fingerprint: 'github-pat:src/app.ts:3f9a0c1d2e4b', verification, verificationReason: 'verification off',
    severity: verification === 'inactive' ? 'warning' : 'error', redacted: 'ghp_SE…', ...overrides,
  };
}

/** The scan of a pull request's 8 files. */
export function scanSummary(overrides: Partial<ScanSummary> = {}): ScanSummary {
  return { mode: 'diff', source: 'pull request #12 (8 files, GitHub API)', files: 8, addedLines: 340, suppressed: 0, excluded: 0, notScanned: [], ...overrides };
}

/** A passing run with nothing in it. */
export function runResult(overrides: Partial<RunResult> = {}): RunResult {
  return { verdict: 'pass', problems: [], tokens: [], findings: [], startedAt: RUN_STARTED, durationMs: 42, ...overrides };
}
