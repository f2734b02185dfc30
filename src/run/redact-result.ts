import type { Problem } from '../check/problems.js';
import type { Redactor } from './redact.js';
import type { RunResult, TokenResult } from './result.js';

/**
 * The last line of defence before any reporter: the free text of a result — messages and what
 * providers said (identity, kind, scopes, notes) — scrubbed of secrets. Never the result's own
 * structure (names, statuses, codes, keys): a secret that happens to equal `fail` must not turn a
 * failing run into a passing one.
 */
export function redactResult(result: RunResult, redactor: Redactor): RunResult {
  const text = (value: string) => redactor.redact(value);
  const problems = (list: Problem[]) => list.map((p) => ({ ...p, message: text(p.message) }));
  const token = (t: TokenResult): TokenResult => ({
    ...t,
    problems: problems(t.problems),
    skipReason: t.skipReason === undefined ? undefined : text(t.skipReason),
    kind: t.kind === undefined ? undefined : text(t.kind),
    identity: t.identity === undefined ? undefined : text(t.identity),
    scopes: t.scopes?.map(text),
    missingScopes: t.missingScopes?.map(text),
    extraScopes: t.extraScopes?.map(text),
    notes: t.notes?.map(text),
  });
  return { ...result, problems: problems(result.problems), tokens: result.tokens.map(token) };
}
