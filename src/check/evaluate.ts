import type { TokenFacts } from '../providers/provider.js';
import { problem, type Problem } from './problems.js';

export interface Expectations {
  requireScopes?: string[];
  allowScopes?: string[];
  expectIdentity?: string;
  expectMode?: string;
  expiryWarningDays: number;
  maxLatencyMs?: number;
  /** A token that never expires, or expires further ahead than this many days, is `long-lived`. */
  maxLifetimeDays?: number;
}

export interface ScopeReport {
  /** Required scopes the token lacks. */
  missing: string[];
  /** Granted scopes outside allow-scopes. */
  extra: string[];
}

const DAY_MS = 86_400_000;

/** The problems of a token the provider accepted: what its facts say against what the config expects. */
export function evaluateFacts(
  facts: TokenFacts,
  latencyMs: number,
  expect: Expectations,
  now: Date,
  expandScopes: (scopes: readonly string[]) => Set<string> = (s) => new Set(s),
): Problem[] {
  const problems: Problem[] = [];

  if (facts.expiresAt) {
    const left = facts.expiresAt.getTime() - now.getTime();
    const date = facts.expiresAt.toISOString().slice(0, 10);
    if (left <= 0) problems.push(problem('expired', `expired on ${date}`));
    else if (!facts.ephemeral && left < expect.expiryWarningDays * DAY_MS) {
      problems.push(problem('expiring-soon', `expires on ${date} (${describeLeft(left)}), within the ${expect.expiryWarningDays}-day warning window: rotate it`));
    }
  }
  const tooLong = longLived(facts, expect.maxLifetimeDays, now);
  if (tooLong) problems.push(problem('long-lived', tooLong));

  if (expect.requireScopes || expect.allowScopes) {
    const scopes = checkScopes(facts.scopes, expect, expandScopes);
    if (!scopes) {
      problems.push(problem('scopes-unknown', `a ${facts.kind ?? 'token of this kind'} does not reveal its scopes, so require-scopes/allow-scopes cannot be checked`));
    } else {
      if (scopes.missing.length) problems.push(problem('insufficient-scope', `lacks required scope${plural(scopes.missing)} ${list(scopes.missing)}`));
      if (scopes.extra.length) problems.push(problem('excess-scope', `carries scope${plural(scopes.extra)} ${list(scopes.extra)} beyond allow-scopes: narrow it to least privilege`));
    }
  }

  if (expect.expectIdentity !== undefined && facts.identity !== undefined && facts.identity.toLowerCase() !== expect.expectIdentity.toLowerCase()) {
    problems.push(problem('identity-mismatch', `belongs to "${facts.identity}", expected "${expect.expectIdentity}"`));
  }
  if (expect.expectIdentity !== undefined && facts.identity === undefined) {
    problems.push(problem('identity-mismatch', `the provider did not reveal who the token belongs to, so "${expect.expectIdentity}" cannot be confirmed`));
  }

  if (expect.expectMode && facts.mode && facts.mode !== expect.expectMode) {
    problems.push(problem('wrong-mode', `is in mode "${facts.mode}", expected "${expect.expectMode}"`));
  }
  if (expect.expectMode && facts.mode === undefined) {
    problems.push(problem('wrong-mode', `the provider did not reveal the mode, so "${expect.expectMode}" cannot be confirmed`));
  }

  if (expect.maxLatencyMs !== undefined && latencyMs > expect.maxLatencyMs) {
    problems.push(problem('slow', `answered in ${latencyMs} ms, over max-latency-ms ${expect.maxLatencyMs}`));
  }
  return problems;
}

/**
 * The provider's notes on a token, and, when `max-lifetime-days` is set but the provider cannot tell
 * the expiry, a note that the policy went unchecked: not a problem, but never a silent pass.
 */
export function notesOf(facts: TokenFacts, expect: Pick<Expectations, 'maxLifetimeDays'>): string[] | undefined {
  const max = expect.maxLifetimeDays;
  if (max === undefined || facts.ephemeral || facts.expiresAt !== undefined) return facts.notes;
  const note = `its lifetime could not be checked against max-lifetime-days ${max}: the provider does not tell when it expires`;
  return [...(facts.notes ?? []), note];
}

/** Why a token outlives `max-lifetime-days`; undefined when it does not (or its expiry is unknown). */
function longLived(facts: TokenFacts, maxDays: number | undefined, now: Date): string | undefined {
  // An ephemeral token is rotated automatically; an expired one is `expired`, not also long-lived.
  if (maxDays === undefined || facts.ephemeral || facts.expiresAt === undefined) return undefined;
  const policy = `the policy allows at most ${maxDays} day${maxDays === 1 ? '' : 's'} (max-lifetime-days): rotate it to a shorter-lived token`;
  if (facts.expiresAt === null) return `never expires; ${policy}`;
  // Rounded up, so "91 days ahead" is never reported as 90 against a limit of 90.
  const days = Math.ceil((facts.expiresAt.getTime() - now.getTime()) / DAY_MS);
  if (days <= maxDays) return undefined;
  return `expires ${facts.expiresAt.toISOString().slice(0, 10)}, ${days} days ahead; ${policy}`;
}

/** Missing and excess scopes; undefined when the token's scopes are unknown. */
export function checkScopes(
  granted: string[] | undefined,
  expect: Pick<Expectations, 'requireScopes' | 'allowScopes'>,
  expandScopes: (scopes: readonly string[]) => Set<string>,
): ScopeReport | undefined {
  if (!granted) return undefined;
  const has = expandScopes(granted);
  const missing = (expect.requireScopes ?? []).filter((scope) => !has.has(scope));
  const allowed = expect.allowScopes ? expandScopes(expect.allowScopes) : undefined;
  const extra = allowed ? granted.filter((scope) => !allowed.has(scope)) : [];
  return { missing, extra };
}

function describeLeft(ms: number): string {
  const days = Math.floor(ms / DAY_MS);
  if (days >= 1) return `in ${days} day${days === 1 ? '' : 's'}`;
  const hours = Math.max(1, Math.floor(ms / 3_600_000));
  return `in ${hours} hour${hours === 1 ? '' : 's'}`;
}

const plural = (items: string[]) => (items.length === 1 ? '' : 's');
const list = (items: string[]) => items.map((s) => `"${s}"`).join(', ');
