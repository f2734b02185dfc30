import type { ProblemCode } from '../check/problems.js';
import type { Credential, HttpResponse, Method, ProviderHttp, Throttling } from '../http/types.js';

export type { Credential } from '../http/types.js';

export interface RateLimit {
  limit?: number;
  remaining?: number;
  resetAt?: string;
}

/** What a provider's answer taught us about a credential. An absent field means "the provider cannot tell". */
export interface TokenFacts {
  /** Human name of the credential kind, e.g. "classic personal access token". */
  kind?: string;
  identity?: string;
  /** Granted scopes; absent when this kind does not reveal them. */
  scopes?: string[];
  /** `null`: never expires. Absent: unknown. */
  expiresAt?: Date | null;
  /** Minted per job and rotated automatically (installation tokens): an approaching expiry is not a warning. */
  ephemeral?: boolean;
  /** One of the provider's declared modes (`test`/`live`, an account id, a site …). */
  mode?: string;
  rateLimit?: RateLimit;
  /** Extra facts worth showing, e.g. "can access 3 repositories". */
  notes?: string[];
}

export type RejectionCode = 'invalid' | 'revoked' | 'expired';

/** What one check concluded: the credential works (with facts), is refused, or the answer told nothing. */
export type Verdict =
  | { outcome: 'valid'; facts: TokenFacts; latencyMs?: number }
  | { outcome: 'rejected'; code: RejectionCode; message: string; latencyMs?: number }
  | { outcome: 'unknown'; code: ProblemCode; message: string; latencyMs?: number };

export type Purpose = 'preflight' | 'leak';

export interface CheckContext {
  /** Sends requests carrying this credential, to this provider's hosts only. */
  http: ProviderHttp;
  /** Only the environment variables the provider declares in `env`. */
  env: Readonly<Record<string, string | undefined>>;
  /** A configured token's preflight, or the verification of a secret found by the scan. */
  purpose: Purpose;
  /** The provider's own config keys (the generic `http` provider's request and expectations). */
  settings: Readonly<Record<string, unknown>>;
}

/** One part of a credential, named as in the config's `secret: { part: VARIABLE }`. */
export interface CredentialField {
  /** kebab-case: `token`, `account-sid`, `auth-token`. */
  id: string;
  description: string;
  /** An identifier that is not secret on its own (an app id): not held to the minimum secret length. */
  identifier?: boolean;
  optional?: boolean;
  /** May hold line breaks (a PEM key, a service-account JSON): masked line by line. */
  multiline?: boolean;
  /**
   * A JSON document of which only these members are secret (a key file's `private_key`): only
   * their values are masked and scrubbed, so its email and project stay readable. A value that is
   * not such a document is protected whole.
   */
  secretMembers?: readonly string[];
  /** The part that a rotation replaces; `previous-secret: VARIABLE` names its old value. */
  rotates?: boolean;
}

export interface Capabilities {
  identity: boolean;
  scopes: boolean;
  expiry: boolean;
  mode: boolean;
  verifiesLeaks: boolean;
}

/** The modes a provider's credentials come in, for `expect-mode`. */
export type Modes = { values: readonly string[] } | { pattern: string; description: string };

/** A provider with a self-hosted form: `base-url` (or `env`) points it at another API root. */
export interface SelfHosted {
  /** The variable the runner sets to the API root of its own instance (GITHUB_API_URL). */
  env?: string;
  example: string;
}

/** A JSON Schema fragment (the config schema is built from the providers'). */
export type JsonSchema = Record<string, unknown>;

export interface Provider {
  readonly id: string;
  readonly title: string;
  /** The credential's parts; a single `token` for most providers. */
  readonly fields: readonly CredentialField[];
  /** A secret map may name parts of any name (the generic `http` provider's request names them). */
  readonly anyFields?: boolean;
  /** The only hosts its credentials are sent to (before any `base-url`). */
  readonly hosts: readonly string[];
  /** The API root requests are relative to (ends with `/`). */
  readonly apiRoot: string;
  /** The request its check makes, in words (`GET /user`): for the docs and `providers --format json`. */
  readonly ping?: string;
  /** Where its credentials go when a key of its own names the host (`the host of shop (*.myshopify.com)`): for the docs. */
  readonly hostsFrom?: string;
  readonly selfHosted?: SelfHosted;
  /** Environment variables it reads (never the whole environment, which holds every other secret). */
  readonly env?: readonly string[];
  readonly modes?: Modes;
  readonly can: Capabilities;
  /** Config keys of its own, as JSON Schema properties (`required` lists the mandatory ones). */
  readonly settings?: { properties: Record<string, JsonSchema>; required?: readonly string[] };
  /** Formats of its credentials, to catch one pasted into the config (and, later, by the leak scan). */
  readonly formats?: readonly RegExp[];
  readonly throttling?: Throttling;
  /**
   * Recorded or documented answers and what the check must conclude from each: every built-in
   * provider has them, and `__tests__/providers/examples.test.ts` replays them through the real
   * HTTP layer.
   */
  readonly examples?: readonly Example[];
  /** One minimal read-only check of a credential. Throws ProblemError when the answer says nothing about it. */
  check(credential: Credential, ctx: CheckContext): Promise<Verdict>;
  /** All scopes the granted ones include (a broad scope implies narrower ones). */
  expandScopes?(scopes: readonly string[]): Set<string>;
  /**
   * Where its own config keys send the credential: the generic providers' URLs, a site or region
   * (Datadog's `site`, AWS's `region`), a shop or site host. Called for a found secret too, with no
   * settings: it then returns the default hosts, or none (nothing to verify against).
   */
  fromSettings?(settings: Readonly<Record<string, unknown>>): SettingsTarget;
  /**
   * What its own config keys get wrong beyond the schema, as `[key, message]` pairs
   * (`parts`: the credential parts the token's `secret` names; `show` quotes a name from the file
   * safely, or hides it).
   */
  settingsProblems?(settings: Readonly<Record<string, unknown>>, parts: readonly string[], show: (name: string) => string): Array<[string, string]>;
}

export interface SettingsTarget {
  hosts: string[];
  /** API root; `https://<first host>/` when absent. */
  base?: string;
  throttling?: Throttling;
}

export type { HttpResponse };

export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body: string | object;
}

/** A recorded or documented answer (or several, for a check of several requests) and what a check must conclude. */
export interface Example {
  name: string;
  /** Where the answer comes from: the SDK test and its response, the doc page. */
  source: string;
  /** The credential's parts (each at least 8 characters); by default a distinct sentinel per part. */
  credential?: Record<string, string>;
  /** The provider's own config keys for this example (a site, a region, an endpoint). */
  settings?: Record<string, unknown>;
  purpose?: Purpose;
  /** The answer to the one request of a data provider's check. */
  response?: Answer;
  /**
   * The answers to a check of several requests (or of a code provider), each to the request of this
   * method (GET by default) and path (`/v1/x`: the path only; `/v1/x?a=b`: with exactly that query),
   * on `origin` (default: the API root's). Every one must be asked for.
   */
  responses?: Array<Answer & { method?: Method; path: string; origin?: string }>;
  verdict: { outcome: Verdict['outcome']; code?: string; facts?: Partial<TokenFacts> };
}
