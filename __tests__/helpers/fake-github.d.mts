// Types of fake-github.mjs (plain ESM so that `node bench/*.mjs` can import it too).

export declare const CA_PATH: string;
export declare const SERVER_CERT_PATH: string;
export declare const SERVER_KEY_PATH: string;
export declare const DEFAULT_SENTINEL: string;

/** `prefix` + 30 random base62 (starting with `sentinel`) + base62 CRC-32: passes GitHub's checksum. */
export declare function mintGitHubToken(prefix?: 'ghp_' | 'gho_' | 'ghu_' | 'ghs_' | 'ghr_', sentinel?: string): string;
/** The 30 random characters of a minted token. */
export declare function randomPartOf(token: string): string;
/** `2026-12-01 00:00:00 UTC` */
export declare function githubExpirationHeader(date: Date): string;
export declare function daysFromNow(days: number): Date;

export interface RateLimitScenario {
  limit?: number;
  remaining?: number;
  used?: number;
  /** Epoch seconds. */
  reset?: number;
  resource?: string;
}

interface Common {
  /** Answer after this many ms. */
  delayMs?: number;
  rateLimit?: RateLimitScenario;
  /** GitHub-Authentication-Token-Expiration: a Date, or the raw header text; absent/null: no header. */
  expiresAt?: Date | string | null;
}

/** A token GET /user accepts (classic PAT, OAuth, fine-grained when `scopes` is absent). */
export interface UserScenario extends Common {
  kind: 'user';
  login: string;
  type?: 'User' | 'Bot';
  /** X-OAuth-Scopes; absent: no header (as for fine-grained tokens). */
  scopes?: string[];
}

/** A ghs_ installation token: 403 on GET /user, 200 on GET /installation/repositories. */
export interface InstallationScenario extends Common {
  kind: 'installation';
  owner: string;
  repo?: string;
  totalCount?: number;
}

/** 401 Bad credentials (the same as a token the fake does not know). */
export interface RevokedScenario {
  kind: 'revoked';
  delayMs?: number;
}

/** Any fixed answer. */
export interface StatusScenario {
  kind: 'status';
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  delayMs?: number;
}

export type TokenScenario = UserScenario | InstallationScenario | RevokedScenario | StatusScenario;

export interface RecordedRequest {
  method: string;
  /** Path and query as sent, e.g. `/installation/repositories?per_page=1`. */
  path: string;
  /** The Host header. */
  host: string;
  authorization?: string;
  /** The bearer token of the Authorization header. */
  token?: string;
  /** The TLS server name (SNI) the client asked for. */
  servername?: string;
  userAgent?: string;
  /** Date.now() when the request arrived, and when its answer was sent (undefined until then). */
  at: number;
  respondedAt?: number;
}

export interface FakeGitHub {
  port: number;
  /** Every request so far, in arrival order. */
  readonly requests: RecordedRequest[];
  readonly tokens: Map<string, TokenScenario>;
  /** Requests being answered now, and the most at once since the start or the last reset(). */
  readonly stats: { inFlight: number; maxInFlight: number };
  setToken(token: string, scenario: TokenScenario): void;
  /** Twilio (Host api.twilio.com): the account a SID and auth token open; `test` answers as test credentials do. */
  setTwilio(accountSid: string, authToken: string, scenario: { name: string; test?: boolean }): void;
  /** The contents API serves `text` as `repository`'s `path` at `ref`, to requests bearing `token`. */
  setContent(repository: string, path: string, ref: string, text: string, token: string): void;
  /** `pulls/{number}/files` of `repository` lists these (GitHub's entries: filename, status, changes, patch?), paged. */
  setPullFiles(repository: string, number: number, files: Array<{ filename: string; status: string; changes?: number; patch?: string }>): void;
  /** The OAuth 2.0 server at auth.example.com knows this client (HTTP Basic). */
  setOAuthClient(clientId: string, clientSecret: string): void;
  /** Access tokens it minted, and tokens revoked at its RFC 7009 endpoint. */
  readonly oauthMinted: string[];
  readonly oauthRevoked: string[];
  /** The workflow's own token: an installation token (no /user) that may write comments and check runs unless `canWrite: false`. */
  setWorkflowToken(token: string, options?: { canWrite?: boolean }): void;
  /** The issue comments written so far (`issue` is `owner/repo#n`). */
  readonly comments: Array<{ id: number; issue: string; body: string; user: { login: string; type: string } }>;
  /** The check runs created so far, with every annotation of their creates and updates. */
  readonly checkRuns: Array<{ id: number; name: string; head_sha: string; conclusion: string; output: { title: string; summary: string }; annotations: Array<Record<string, unknown>> }>;
  /** Forgets the requests, the tokens and maxInFlight. */
  reset(): void;
  close(): Promise<void>;
}

export declare function startFakeGitHub(options?: { tokens?: Record<string, TokenScenario> }): Promise<FakeGitHub>;
