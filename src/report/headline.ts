import type { FailOn } from '../check/status.js';
import type { RunResult, TokenResult } from '../run/result.js';
import { oneLine } from '../sanitize.js';
import { plural } from './format.js';

const SHOWN_NAMES = 3;

/**
 * One line for a chat message (the `headline` output):
 * `token-preflight: 2 of 6 tokens failing (release-bot: expired, payments: wrong-mode); deployer expires 2026-12-08; 1 live leak`.
 */
export function headline(result: RunResult): string {
  const parts = [tokensPart(result.tokens), expiringPart(result.tokens), leaksPart(result)].filter(Boolean);
  return oneLine(`token-preflight: ${parts.length ? parts.join('; ') : 'nothing checked'}`, 1_000);
}

/** The ISO time of the soonest known expiry among the checked tokens (`earliest-expiry`); '' when none is known. */
export function earliestExpiry(tokens: readonly TokenResult[]): string {
  const times = tokens.map((t) => t.expiresAt).filter((at): at is string => typeof at === 'string').sort((a, b) => Date.parse(a) - Date.parse(b));
  return times[0] ?? '';
}

/** The step's failure message: what failed, in names and counts, and where to look. */
export function failureMessage(result: RunResult, failOn: FailOn): string {
  const failed = result.tokens.filter((t) => t.status === 'fail').map((t) => t.name);
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const what = [
    failed.length && `failing tokens: ${failed.join(', ')}`,
    errors && `${plural(errors, 'leaked secret')} found`,
  ].filter(Boolean);
  return `token-preflight: ${result.verdict} (${what.length ? what.join('; ') : 'warnings found'}; fail-on: ${failOn}). See the job summary.`;
}

function tokensPart(tokens: readonly TokenResult[]): string {
  const checked = tokens.filter((t) => t.status !== 'skipped');
  if (checked.length === 0) return '';
  const failing = checked.filter((t) => t.status === 'fail');
  if (failing.length === 0) {
    const warned = checked.filter((t) => t.status === 'warn').length;
    return `${plural(checked.length, 'token')} ok${warned ? ` (${warned} with warnings)` : ''}`;
  }
  const named = failing.slice(0, SHOWN_NAMES).map((t) => `${t.name}: ${t.problems.find((p) => p.severity === 'error')?.code ?? 'fail'}`);
  const more = failing.length > SHOWN_NAMES ? `, +${failing.length - SHOWN_NAMES} more` : '';
  return `${failing.length} of ${plural(checked.length, 'token')} failing (${named.join(', ')}${more})`;
}

function expiringPart(tokens: readonly TokenResult[]): string {
  const soon = tokens.filter((t) => typeof t.expiresAt === 'string' && t.problems.some((p) => p.code === 'expiring-soon'));
  const first = soon.sort((a, b) => Date.parse(a.expiresAt!) - Date.parse(b.expiresAt!))[0];
  if (!first) return '';
  return `${first.name} expires ${first.expiresAt!.slice(0, 10)}${soon.length > 1 ? ` (+${soon.length - 1} more expiring soon)` : ''}`;
}

function leaksPart(result: RunResult): string {
  if (!result.scan || result.scan.mode === 'off') return '';
  const live = result.findings.filter((f) => f.verification === 'live').length;
  const others = result.findings.length - live;
  if (result.findings.length === 0) return 'no leaks found';
  return [live && `${plural(live, 'live leak')}`, others && `${plural(others, live ? 'other leak' : 'leak')} found`].filter(Boolean).join(', ');
}
