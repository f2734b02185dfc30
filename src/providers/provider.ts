import type { HttpResponse } from '../http/client.js';

export interface RateLimit {
  limit?: number;
  remaining?: number;
  resetAt?: string;
}

/** What one provider call taught us about a token. An absent field means "the provider cannot tell". */
export interface TokenFacts {
  /** Human name of the token kind, e.g. "classic personal access token". */
  kind?: string;
  identity?: string;
  /** Granted scopes; absent when this token kind does not reveal them. */
  scopes?: string[];
  /** `null`: the token never expires. Absent: unknown. */
  expiresAt?: Date | null;
  /** Short-lived by design (rotated automatically): an approaching expiry is not a warning. */
  ephemeral?: boolean;
  mode?: 'test' | 'live';
  rateLimit?: RateLimit;
  /** Extra facts worth showing, e.g. "can access 3 repositories". */
  notes?: string[];
}

export type RejectionCode = 'invalid' | 'revoked' | 'expired';

export type Ping =
  | { outcome: 'valid'; facts: TokenFacts; response: HttpResponse }
  | { outcome: 'rejected'; code: RejectionCode; message: string; response: HttpResponse };

export interface Capabilities {
  identity: boolean;
  scopes: boolean;
  expiry: boolean;
  mode: boolean;
  verifiesLeaks: boolean;
}

/** Sends requests to one origin only: the token's provider. */
export interface ProviderHttp {
  get(path: string, headers: Record<string, string>): Promise<HttpResponse>;
}

export interface PingContext {
  http: ProviderHttp;
  env: Readonly<Record<string, string | undefined>>;
}

export interface Provider {
  readonly id: string;
  readonly title: string;
  readonly can: Capabilities;
  /** The hosts this provider talks to by default (before any `base-url`). */
  readonly defaultHosts: readonly string[];
  /** Where this token's calls go: the API root, ending in `/`. */
  baseUrl(configured: string | undefined, env: PingContext['env']): URL;
  /** One minimal read-only call. Throws ProblemError when the answer says nothing about the token. */
  ping(token: string, ctx: PingContext): Promise<Ping>;
  /** The provider's own throttling signal beyond HTTP 429. */
  throttled?(response: HttpResponse): boolean;
  /** All scopes the granted ones include (a broad scope implies narrower ones). */
  expandScopes?(scopes: readonly string[]): Set<string>;
  /** True when a string has this provider's token format: used to catch a token pasted into config. */
  looksLikeToken?(value: string): boolean;
}
