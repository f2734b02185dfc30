/** Where a token entry was declared: a config file line, or the action's `tokens` input. */
export interface SourceRef {
  /** Path relative to the workspace; absent for the `tokens` input. */
  file?: string;
  line?: number;
}

/** One token to check, as the config file or the `tokens` input declares it (defaults applied). */
export interface TokenSpec {
  name: string;
  provider: string;
  /** Name of the environment variable holding the token: never the value. */
  secret: string;
  environment?: string;
  requireScopes?: string[];
  allowScopes?: string[];
  expectIdentity?: string;
  expectMode?: 'test' | 'live';
  previousSecret?: string;
  optional: boolean;
  baseUrl?: string;
  expiryWarningDays: number;
  maxLatencyMs?: number;
  source: SourceRef;
}
