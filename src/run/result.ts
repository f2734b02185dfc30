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
  file: string;
  line: number;
  column: number;
  fingerprint: string;
  verification: 'live' | 'inactive' | 'unverified';
  severity: 'error' | 'warning';
  redacted: string;
}

export interface RunResult {
  verdict: RunVerdict;
  /** Problems of the run as a whole (`nothing-checked`). */
  problems: Problem[];
  tokens: TokenResult[];
  findings: Finding[];
  /** When the run started, ISO. */
  startedAt: string;
  durationMs: number;
}
