import type { TokenStatus, RunVerdict } from '../check/status.js';
import type { TokenResult } from '../run/result.js';

const DAY_MS = 86_400_000;

export const STATUS_ICON: Record<TokenStatus | RunVerdict, string> = {
  ok: '✅',
  pass: '✅',
  warn: '⚠️',
  fail: '❌',
  skipped: '⏭️',
};

/** "2026-12-01 (in 8 days)", "never", "unknown". */
export function expiryText(token: TokenResult, now: Date): string {
  if (token.expiresAt === null) return 'never';
  if (token.expiresAt === undefined) return token.status === 'skipped' || !token.identity ? '' : 'unknown';
  const at = new Date(token.expiresAt);
  const left = at.getTime() - now.getTime();
  const date = token.expiresAt.slice(0, 10);
  if (left <= 0) return `${date} (expired)`;
  const days = Math.floor(left / DAY_MS);
  if (days === 0) return `${date} (in ${Math.max(1, Math.floor(left / 3_600_000))} h)`;
  return `${date} (in ${days} day${days === 1 ? '' : 's'})`;
}

export function rateLimitText(token: TokenResult): string {
  const rl = token.rateLimit;
  if (!rl || rl.remaining === undefined) return '';
  return rl.limit !== undefined ? `${rl.remaining} / ${rl.limit}` : String(rl.remaining);
}

export function latencyText(token: TokenResult): string {
  return token.latencyMs === undefined ? '' : `${token.latencyMs} ms`;
}

/** Granted scopes, with what the config requires and allows. */
export function scopeLines(token: TokenResult): string[] {
  const lines: string[] = [];
  const configured = token.requiredScopes || token.allowedScopes;
  if (token.scopes) lines.push(`has: ${token.scopes.length ? token.scopes.join(', ') : '(none)'}`);
  else if ((token.identity || configured) && token.status !== 'skipped') lines.push('has: unknown');
  if (token.requiredScopes?.length) lines.push(`required: ${token.requiredScopes.join(', ')}`);
  if (token.missingScopes?.length) lines.push(`missing: ${token.missingScopes.join(', ')}`);
  if (token.allowedScopes) lines.push(`allowed: ${token.allowedScopes.join(', ') || '(none)'}`);
  if (token.extraScopes?.length) lines.push(`extra: ${token.extraScopes.join(', ')}`);
  return lines;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "1 fail, 2 ok": how many tokens have each status, worst first. */
export function statusCounts(tokens: readonly TokenResult[]): string {
  return (['fail', 'warn', 'ok', 'skipped'] as const)
    .map((status) => [status, tokens.filter((t) => t.status === status).length] as const)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${n} ${status}`)
    .join(', ');
}

/** How many of `rows` (each with its line break) fit in `budget` characters after `used` of them. */
export function rowsThatFit(rows: readonly string[], budget: number, used = 0): number {
  let size = used;
  let n = 0;
  for (const row of rows) {
    if (size + row.length + 1 > budget) break;
    size += row.length + 1;
    n++;
  }
  return n;
}
