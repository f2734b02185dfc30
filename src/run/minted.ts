import { evaluateFacts } from '../check/evaluate.js';
import type { Problem } from '../check/problems.js';
import { statusOf } from '../check/status.js';
import type { SourceRef, TokenSpec } from '../config/types.js';
import type { TokenFacts } from '../providers/provider.js';
import type { TokenResult } from './result.js';

/** A `mint:` entry as the engine reports it: one row, whatever became of it. */
export interface MintedRow {
  name: string;
  /** `github-app`, `oauth2`: what minted it. */
  provider: string;
  source: SourceRef;
  /** The minted token checked like a configured one, when a provider can check it. */
  spec?: TokenSpec;
  /** What the minting answer told, for a token no provider can check (no introspection endpoint). */
  facts?: TokenFacts;
  /** What was minted (permissions, repositories), and that it is revoked at the end of the job. */
  notes: string[];
  /** Minting failed: the row's one problem. */
  failure?: Problem;
  /** Not minted because its secrets are withheld on this run (a fork's pull request): the row is skipped. */
  skipReason?: string;
  expiryWarningDays: number;
}

/** The rows of the minted tokens, from their checks (`checked`, by name) or their own facts. */
export function mintedResults(rows: readonly MintedRow[], checked: readonly TokenResult[], now: Date): TokenResult[] {
  return rows.map((row) => {
    const base = { name: row.name, provider: row.provider, source: row.source };
    if (row.skipReason) return { ...base, status: 'skipped', problems: [], skipReason: row.skipReason };
    if (row.failure) return { ...base, status: 'fail', problems: [row.failure], notes: row.notes };
    const result = row.spec && checked.find((t) => t.name === row.spec!.name);
    if (result) return { ...result, provider: row.provider, notes: [...row.notes, ...(result.notes ?? [])] };
    const facts = row.facts ?? {};
    const problems = evaluateFacts(facts, 0, { expiryWarningDays: row.expiryWarningDays }, now);
    return {
      ...base,
      status: statusOf(problems),
      problems,
      ...(facts.kind !== undefined && { kind: facts.kind }),
      ...(facts.scopes !== undefined && { scopes: facts.scopes }),
      ...(facts.expiresAt !== undefined && { expiresAt: facts.expiresAt && facts.expiresAt.toISOString() }),
      ephemeral: true,
      notes: row.notes,
    };
  });
}
