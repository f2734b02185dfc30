import type { FailOn } from '../check/status.js';
import { showValue } from '../config/echo.js';
import { LIMITS, wholeNumber, type Range } from '../limits.js';

export const DEFAULT_CONFIG = '.github/token-preflight.yml';

/** The action's inputs (docs/contract.md), parsed and checked. */
export interface ActionInputs {
  config: string;
  /** `config` names a file other than the default, so it must exist. */
  configExplicit: boolean;
  tokens: string;
  scan: 'auto' | 'diff' | 'full' | 'off';
  verifyLeaks: boolean;
  failOn: FailOn;
  expiryWarningDays: number;
  comment: 'auto' | 'always' | 'never';
  sarif: string;
  githubToken: string;
  concurrency: number;
  timeoutSeconds: number;
  checkRun: 'auto' | 'always' | 'never';
  issue: boolean;
  revokeLeaks: boolean;
}

export class InputError extends Error {
  override name = 'InputError';
}

/** `getInput` is core.getInput: it trims, and gives '' for an input that is not set. */
export function readInputs(getInput: (name: string) => string): ActionInputs {
  const config = getInput('config') || DEFAULT_CONFIG;
  return {
    config,
    configExplicit: config !== DEFAULT_CONFIG,
    tokens: getInput('tokens'),
    scan: oneOf(getInput, 'scan', ['auto', 'diff', 'full', 'off'], 'auto'),
    verifyLeaks: oneOf(getInput, 'verify-leaks', ['true', 'false'], 'true') === 'true',
    failOn: oneOf(getInput, 'fail-on', ['error', 'warning', 'never'], 'error'),
    expiryWarningDays: whole(getInput, 'expiry-warning-days', 14, LIMITS.expiryWarningDays),
    comment: oneOf(getInput, 'comment', ['auto', 'always', 'never'], 'auto'),
    sarif: getInput('sarif'),
    githubToken: getInput('github-token'),
    concurrency: whole(getInput, 'concurrency', 8, LIMITS.concurrency),
    timeoutSeconds: whole(getInput, 'timeout-seconds', 10, LIMITS.timeoutSeconds),
    checkRun: oneOf(getInput, 'check-run', ['auto', 'always', 'never'], 'auto'),
    issue: oneOf(getInput, 'issue', ['true', 'false'], 'false') === 'true',
    revokeLeaks: oneOf(getInput, 'revoke-leaks', ['true', 'false'], 'false') === 'true',
  };
}

function oneOf<T extends string>(getInput: (name: string) => string, name: string, allowed: readonly T[], fallback: T): T {
  const value = getInput(name).toLowerCase();
  if (!value) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(`input "${name}" is ${showValue(value)}; allowed: ${allowed.join(', ')}`);
}

function whole(getInput: (name: string) => string, name: string, fallback: number, range: Range): number {
  const value = getInput(name);
  if (!value) return fallback;
  const n = wholeNumber(value, range);
  if (n === undefined) throw new InputError(`input "${name}" is ${showValue(value)}; it must be a whole number from ${range.min} to ${range.max}, written in digits`);
  return n;
}
