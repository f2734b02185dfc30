import type { MintSpec } from '../mint/types.js';
/** Where a token entry was declared: a config file line, or the action's `tokens` input. */
export interface SourceRef {
  /** Path relative to the workspace; absent for the `tokens` input. */
  file?: string;
  line?: number;
}

/** Where a config value stands, for error messages and annotations. */
export interface Place {
  /** `file:line:col`, or `input tokens:line:col`. */
  where: string;
  file?: string;
  line?: number;
}

export interface ConfigIssue extends Place {
  key: string;
  message: string;
}

/** One token to check, as the config file or the `tokens` input declares it (defaults applied). */
export interface TokenSpec {
  name: string;
  provider: string;
  /** Credential part → name of the environment variable holding it: never a value. */
  secret: Record<string, string>;
  /** The parts the rotation replaced (→ variables); the other parts are the current ones. */
  previousSecret?: Record<string, string>;
  environment?: string;
  requireScopes?: string[];
  allowScopes?: string[];
  expectIdentity?: string;
  expectMode?: string;
  optional: boolean;
  baseUrl?: string;
  expiryWarningDays: number;
  maxLatencyMs?: number;
  /** A token that never expires, or expires further ahead than this many days, is `long-lived`. */
  maxLifetimeDays?: number;
  /** Also send a corrupted copy of the credential, which must be refused. */
  rejectInvalid: boolean;
  /** The provider's own keys (the generic `http` provider's request and expectations). */
  settings: Record<string, unknown>;
  source: SourceRef;
}

export interface LoadedConfig {
  tokens: TokenSpec[];
  /** Hosts or addresses from scanned text that a found secret may be sent to (`allowed-hosts`). */
  allowedHosts: string[];
  /** The `scan:` block. */
  scan: ScanConfig;
  /** The `mint:` entries: short-lived tokens for the rest of the job. */
  mint: MintSpec[];
  /** The config file that was read (relative to the workspace); absent when there was none. */
  file?: string;
}

/** The config's `scan:` block: what the leak scan leaves out. */
export interface ScanConfig {
  exclude: string[];
  disableRules: string[];
}
