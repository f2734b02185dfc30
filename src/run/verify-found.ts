import { ProblemError } from '../check/problems.js';
import { addressesOf, assertPublicHost, type Lookup } from '../http/address.js';
import type { HttpClient } from '../http/client.js';
import type { Limiter } from '../http/limiter.js';
import type { Credential } from '../http/types.js';
import { findProvider } from '../providers/registry.js';
import type { Verdict } from '../providers/provider.js';
import { targetFor } from './target.js';

/** A secret the leak scan found, ready to be checked with its provider. */
export interface FoundSecret {
  fingerprint: string;
  provider: string;
  credential: Credential;
  /** A host read from the scanned text next to it (a self-managed GitLab, a webhook URL). */
  host?: string;
}

export interface LeakVerification {
  verification: 'live' | 'inactive' | 'unverified';
  /** Why it is unverified, or what the provider said. */
  reason?: string;
  /** The blast radius, where the provider tells: whose it is and what it can do. */
  identity?: string;
  scopes?: string[];
}

export interface VerifyDeps {
  /** An HttpClient whose dispatcher refuses private addresses at connect time (createDispatcher's `guard`). */
  http: HttpClient;
  limiter: Limiter;
  /** `allowed-hosts`: host names, or addresses the address guard lets through. */
  allowedHosts: readonly string[];
  /** Verification calls per run, at most. */
  maxVerifications: number;
  /** Masks a found value before it is sent (core.setSecret and the redactor). */
  protect: (value: string) => void;
  /** The resolver of the address check before sending (DNS by default). */
  resolve?: Lookup;
}

/**
 * Checks each found secret once (by fingerprint) with its provider, through the same `check` as a
 * configured token but with purpose `leak`: only the provider's built-in hosts, or a host from the
 * scanned text that `allowed-hosts` lists; every address checked before and at connect time; at
 * most `maxVerifications` calls per run.
 */
export async function verifyFound(found: readonly FoundSecret[], deps: VerifyDeps): Promise<Map<string, LeakVerification>> {
  const results = new Map<string, LeakVerification>();
  const unique = [...new Map(found.map((f) => [f.fingerprint, f])).values()];
  const allowedAddresses = addressesOf(deps.allowedHosts);
  let budget = deps.maxVerifications;
  await Promise.all(
    unique.map(async (secret) => {
      const provider = findProvider(secret.provider);
      if (!provider || !provider.can.verifiesLeaks) {
        results.set(secret.fingerprint, { verification: 'unverified', reason: `no verifier for ${secret.provider}` });
        return;
      }
      const extraHosts = secret.host && deps.allowedHosts.includes(secret.host.toLowerCase()) ? [secret.host.toLowerCase()] : [];
      if (secret.host && extraHosts.length === 0 && !provider.hosts.includes(secret.host.toLowerCase())) {
        results.set(secret.fingerprint, { verification: 'unverified', reason: `host not allowed: ${secret.host} is not in allowed-hosts` });
        return;
      }
      if (budget-- <= 0) {
        results.set(secret.fingerprint, { verification: 'unverified', reason: `verification cap reached (${deps.maxVerifications} per run)` });
        return;
      }
      Object.values(secret.credential).forEach(deps.protect);
      const verdict = await deps.limiter.run(() => verifyOne(secret, extraHosts, allowedAddresses, deps));
      results.set(secret.fingerprint, toVerification(verdict));
    }),
  );
  return results;
}

async function verifyOne(secret: FoundSecret, extraHosts: string[], allowedAddresses: ReadonlySet<string>, deps: VerifyDeps): Promise<Verdict> {
  const provider = findProvider(secret.provider)!;
  try {
    const target = targetFor(provider, { purpose: 'leak', env: {}, extraHosts });
    const builtIn = new Set(provider.hosts.map((host) => host.toLowerCase()));
    const hosts = new Set(target.hosts);
    const http = deps.http.session({
      base: target.base,
      hosts: [...hosts],
      credential: secret.credential,
      throttling: target.throttling,
      // A host from the scanned text is resolved and checked first (a proxy would resolve it again
      // out of reach of the connect-time guard). A provider's built-in host is fixed in code, and
      // behind a proxy the runner often cannot resolve public names at all: it goes as it is.
      beforeSend: async (url) => {
        if (!builtIn.has(url.hostname.toLowerCase())) await assertPublicHost(url.host, allowedAddresses, deps.resolve);
      },
    });
    return await provider.check(secret.credential, { http, env: target.env, purpose: 'leak', settings: {} });
  } catch (error) {
    if (error instanceof ProblemError) return { outcome: 'unknown', code: error.code, message: error.message };
    const code = (error as { code?: string }).code;
    const message = code === 'EADDRNOTALLOWED' ? (error as Error).message : `could not verify: ${(error as Error).message}`;
    return { outcome: 'unknown', code: 'unreachable', message };
  }
}

function toVerification(verdict: Verdict): LeakVerification {
  if (verdict.outcome === 'valid') return { verification: 'live', identity: verdict.facts.identity, scopes: verdict.facts.scopes };
  if (verdict.outcome === 'rejected') return { verification: 'inactive', reason: verdict.message };
  return { verification: 'unverified', reason: verdict.message };
}
