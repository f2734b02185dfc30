import type { Problem } from './problems.js';

export type TokenStatus = 'ok' | 'warn' | 'fail' | 'skipped';
export type RunVerdict = 'pass' | 'warn' | 'fail';
export type FailOn = 'error' | 'warning' | 'never';

export function statusOf(problems: Problem[]): Exclude<TokenStatus, 'skipped'> {
  if (problems.some((p) => p.severity === 'error')) return 'fail';
  if (problems.some((p) => p.severity === 'warning')) return 'warn';
  return 'ok';
}

/** The worst of all severities found, whatever `fail-on` says. */
export function verdictOf(severities: Iterable<'error' | 'warning'>): RunVerdict {
  let verdict: RunVerdict = 'pass';
  for (const severity of severities) {
    if (severity === 'error') return 'fail';
    verdict = 'warn';
  }
  return verdict;
}

/** Whether the step must fail: `fail-on` alone decides. */
export function gateFails(verdict: RunVerdict, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  if (failOn === 'warning') return verdict !== 'pass';
  return verdict === 'fail';
}
