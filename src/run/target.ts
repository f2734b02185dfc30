import { ProblemError } from '../check/problems.js';
import { apiRoot, baseUrlProblem } from '../http/base-url.js';
import type { Throttling } from '../http/types.js';
import type { Provider, Purpose } from '../providers/provider.js';

/** The API root of a check that has no host: `.invalid` never resolves (RFC 6761), and no host is allowed anyway. */
const OFFLINE = 'https://offline.invalid/';

/** Where one credential's requests go, and the only hosts that may receive it. */
export interface Target {
  base: URL;
  hosts: string[];
  throttling?: Throttling;
  /** The environment variables the provider declared, and nothing else. */
  env: Record<string, string | undefined>;
}

export interface TargetRequest {
  purpose: Purpose;
  /** `base-url` of the config (preflight only). */
  baseUrl?: string;
  settings?: Readonly<Record<string, unknown>>;
  env: Readonly<Record<string, string | undefined>>;
  /** More hosts a found secret may go to (from scanned text, listed in allowed-hosts). */
  extraHosts?: readonly string[];
}

/**
 * The hosts a credential may reach. A configured token: its provider's hosts, or the one of its
 * self-hosted instance (`base-url`, or the runner's GITHUB_API_URL — both held to the same rules).
 * A found secret: only the provider's built-in hosts, plus those of `allowed-hosts` — never a
 * base-url or an environment variable, which the scanned change could not choose but an attacker
 * reading the scan's behaviour could predict.
 */
export function targetFor(provider: Provider, request: TargetRequest): Target {
  const env = request.purpose === 'leak' ? {} : Object.fromEntries((provider.env ?? []).map((name) => [name, request.env[name]]));
  if (provider.fromSettings) {
    const { hosts, base, throttling } = provider.fromSettings(request.settings ?? {});
    // No hosts: an offline check (a JWT without a JWKS URL). Its session refuses every request.
    const root = base ?? (hosts.length ? `https://${hosts[0]}/` : OFFLINE);
    return { base: apiRoot(root), hosts: [...hosts, ...(request.extraHosts ?? [])], throttling: throttling ?? provider.throttling, env };
  }
  const fromEnv = provider.selfHosted?.env ? request.env[provider.selfHosted.env] : undefined;
  const configured = request.purpose === 'preflight' ? request.baseUrl ?? (fromEnv || undefined) : undefined;
  if (configured !== undefined) {
    const problem = baseUrlProblem(configured);
    if (problem) {
      const what = request.baseUrl !== undefined ? 'base-url' : `${provider.selfHosted!.env} (set by the runner)`;
      throw new ProblemError('unexpected-response', `${what} ${problem}; the token was not sent`);
    }
    const base = apiRoot(configured);
    return { base, hosts: [base.host], throttling: provider.throttling, env };
  }
  return { base: apiRoot(provider.apiRoot), hosts: [...provider.hosts, ...(request.extraHosts ?? [])], throttling: provider.throttling, env };
}
