import { problem, type Problem } from './problems.js';

export interface SecretUse {
  name: string;
  environment?: string;
  /** SHA-256 of the secret value: values themselves are never compared or kept. */
  hash?: string;
}

/** `reused-across-environments` for every token whose secret value also serves another environment. */
export function findReuse(uses: SecretUse[]): Map<string, Problem> {
  const byHash = new Map<string, SecretUse[]>();
  for (const use of uses) {
    if (!use.hash || !use.environment) continue;
    byHash.set(use.hash, [...(byHash.get(use.hash) ?? []), use]);
  }
  const problems = new Map<string, Problem>();
  for (const group of byHash.values()) {
    // GitHub environment names are case-insensitive: `Production` and `production` are one.
    if (new Set(group.map((use) => use.environment!.toLowerCase())).size < 2) continue;
    for (const use of group) {
      const others = group.filter((other) => other !== use).map((other) => `"${other.name}" (${other.environment})`);
      problems.set(use.name, problem('reused-across-environments', `the same secret value also serves ${others.join(', ')}: give each environment its own token`));
    }
  }
  return problems;
}
