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
  mode?: 'test' | 'live';
  latencyMs?: number;
  rateLimit?: RateLimit;
  notes?: string[];
  /** The host the token was sent to. */
  host?: string;
  /** What the provider said of the `previous-secret` token. */
  previous?: 'rejected' | 'accepted' | 'unknown';
  source: SourceRef;
}

/** A hard-coded secret found by the leak scan (SPEC.md "JSON report"). */
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
  tokens: TokenResult[];
  findings: Finding[];
  /** When the run started, ISO. */
  startedAt: string;
  durationMs: number;
}
