import type { Problem } from '../check/problems.js';
import type { RunVerdict, TokenStatus } from '../check/status.js';
import type { SourceRef } from '../config/types.js';
import type { RateLimit } from '../providers/provider.js';

/** Everything learnt about one configured token: plain data that every reporter reads. */
export interface TokenResult {
  name: string;
  provider: string;
  environment?: string;
  status: TokenStatus;
  problems: Problem[];
  /** Why the token was not checked (status `skipped`). */
  skipReason?: string;
  kind?: string;
  identity?: string;
  /** Granted scopes; absent when the token kind does not reveal them. */
  scopes?: string[];
  requiredScopes?: string[];
  allowedScopes?: string[];
  missingScopes?: string[];
  extraScopes?: string[];
  /** ISO date; `null` when the token never expires; absent when unknown. */
  expiresAt?: string | null;
  ephemeral?: boolean;
  /** One of the provider's modes (`test`/`live`, …). */
  mode?: string;
  latencyMs?: number;
  rateLimit?: RateLimit;
  notes?: string[];
  /** The host(s) the credential was actually sent to; absent when no request went out. */
  host?: string;
  /** What the provider said of the `previous-secret` token. */
  previous?: 'rejected' | 'accepted' | 'unknown';
  source: SourceRef;
}

/** A hard-coded secret found by the leak scan (docs/contract.md, "JSON report"). */
export interface Finding {
  rule: string;
  provider?: string;
  /** For `configured-secret`: the configured token whose value it is. */
  token?: string;
  file: string;
  line: number;
  column: number;
  fingerprint: string;
  verification: 'live' | 'inactive' | 'unverified';
  /** Why it is unverified (no verifier, time-out, verification off), or what the provider said. */
  verificationReason?: string;
  /** The blast radius of a live finding, where its provider tells: whose it is, what it can do. */
  identity?: string;
  scopes?: string[];
  /** `revoke-leaks`: what became of its submission to GitHub's credential revocation API. */
  revocation?: { status: 'submitted' | 'failed'; message: string };
  severity: 'error' | 'warning';
  redacted: string;
}

/** What the leak scan read (docs/contract.md, "JSON report": `scan`). */
export interface ScanSummary {
  /** `diff`: added lines; `full`: every tracked file; `off`: nothing was scanned (`reason` says why). */
  mode: 'diff' | 'full' | 'off';
  /** What was read: "pull request #12 (8 files, GitHub API)". */
  source?: string;
  /** The commit whose lines the findings point to (links to them). */
  commit?: string;
  reason?: string;
  files: number;
  addedLines: number;
  suppressed: number;
  suppressedBy?: Record<string, number>;
  excluded: number;
  notScanned: Array<{ file: string; reason: string; incomplete?: boolean }>;
}

export interface RunResult {
  verdict: RunVerdict;
  /** Problems of the run as a whole (`nothing-checked`). */
  problems: Problem[];
  tokens: TokenResult[];
  findings: Finding[];
  /** Absent when the run had no scan at all (the CLI's `check`). */
  scan?: ScanSummary;
  /** When the run started, ISO. */
  startedAt: string;
  durationMs: number;
}
