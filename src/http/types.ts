/**
 * The types the HTTP layer implements. Providers describe requests with them; only this layer
 * puts a credential on the wire, so it always knows where a secret is.
 */

/** A credential: named fields (`token`; `account-sid` + `auth-token`; …). Values are never logged. */
export type Credential = Readonly<Record<string, string>>;

export type Method = 'GET' | 'HEAD' | 'POST';

/**
 * Where the credential travels. Every string is a template: `${field}` names a credential field
 * (or a non-secret variable of the call), substituted by the layer, never by a provider.
 */
export type Auth =
  | { bearer: string }
  /** `encode: 'form'`: each part form-urlencoded first, as OAuth client authentication requires (RFC 6749 §2.3.1). */
  | { basic: { username: string; password: string; encode?: 'form' } }
  | { header: { name: string; value: string } }
  | { query: { name: string; value: string } }
  | { signer: Signer };

/** Signs a request whose every other part is final (AWS SigV4 and the like): returns headers to add. */
export interface Signer {
  sign(request: SignableRequest, credential: Credential): Promise<Record<string, string>> | Record<string, string>;
}

export interface SignableRequest {
  method: Method;
  url: URL;
  headers: Record<string, string>;
  body?: string;
}

export interface HttpRequest {
  method?: Method;
  /**
   * A path under the base URL — joined to it, so GHES's `/api/v3` is kept even when the path
   * starts with `/` — or an absolute `https://` URL on one of the session's hosts.
   */
  url: string;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  /** An `application/x-www-form-urlencoded` body. */
  form?: Record<string, string>;
  /** A JSON body; string leaves are templates. */
  json?: unknown;
  auth?: Auth;
}

export interface HttpResponse {
  status: number;
  /** Lower-case header names; values already scrubbed of secrets. */
  headers: Record<string, string>;
  /** Already scrubbed of secrets. */
  body: string;
  /** Duration of the attempt that produced this response (not of the retries before it). */
  latencyMs: number;
  attempts: number;
  /** Where the answer came from (never the path or query, which may carry a credential). */
  host: string;
}

/** A provider's own throttling dialect, beyond HTTP 429 and `Retry-After`. */
export interface Throttling {
  /** The answer means "throttled" (e.g. GitHub's 403 with no quota left). */
  isThrottled?(response: HttpResponse): boolean;
  /** How long the provider asks to wait, in ms, from its own headers (e.g. GitHub's x-ratelimit-reset). */
  retryDelayMs?(response: HttpResponse, now: number): number | undefined;
}

/** What one credential's provider may do: send requests to its own hosts only. */
export interface ProviderHttp {
  send(request: HttpRequest): Promise<HttpResponse>;
  /** The hosts a request has been sent to so far. */
  readonly contacted: ReadonlySet<string>;
  /**
   * Keeps a secret minted during the check (an access token from a grant, a session JWT): masked and
   * scrubbed from every output at once, and usable as `${name}` in this session's later requests.
   */
  remember(name: string, value: string): void;
}
