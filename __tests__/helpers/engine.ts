import type { Dispatcher } from 'undici';
import { expect } from 'vitest';
import type { TokenSpec } from '../../src/config/types.js';
import type { RunResult, TokenResult } from '../../src/run/result.js';
import { runPreflight } from '../../src/run/run.js';

/** A token entry as the config loader makes it, for `provider` with its `secret` (part → variable). */
export function tokenSpec(provider: string, secret: Record<string, string>, overrides: Partial<TokenSpec> = {}): TokenSpec {
  return {
    name: provider,
    provider,
    secret,
    optional: false,
    expiryWarningDays: 14,
    rejectInvalid: false,
    settings: {},
    source: { file: '.github/token-preflight.yml', line: 3 },
    ...overrides,
  };
}

export interface EngineRun {
  result: RunResult;
  /** The first token's result. */
  token: TokenResult;
  /** Everything handed to core.setSecret, in order. */
  masked: string[];
}

/**
 * The whole engine over `tokens` with `env` and a MockAgent, as the action runs it; every value in
 * `env` is a secret that must appear nowhere in the result (`secrets` narrows that list).
 */
export async function runEngine(
  tokens: TokenSpec[],
  env: Record<string, string>,
  dispatcher: Dispatcher,
  options: { secrets?: string[]; now?: () => Date; timeoutMs?: number } = {},
): Promise<EngineRun> {
  const masked: string[] = [];
  const result = await runPreflight(
    { tokens, timeoutMs: options.timeoutMs ?? 2_000, concurrency: 2, context: { surface: 'action' } },
    { env, mask: (v) => masked.push(v), dispatcher, ...(options.now ? { now: options.now } : {}) },
  );
  const text = JSON.stringify(result);
  for (const secret of options.secrets ?? Object.values(env)) expect(text, 'a secret leaked into the result').not.toContain(secret);
  return { result, token: result.tokens[0]!, masked };
}
