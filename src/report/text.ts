import type { RunResult } from '../run/result.js';
import { expiryText, latencyText, plural, rateLimitText, scopeLines, statusCounts } from './format.js';

const MARK = { ok: '✓', warn: '!', fail: '✗', skipped: '-' } as const;

/** The CLI's plain-text report. */
export function renderText(result: RunResult, now: Date = new Date()): string {
  const lines: string[] = [];
  for (const token of result.tokens) {
    const label = [token.provider, token.environment].filter(Boolean).join(', ');
    lines.push(`${MARK[token.status]} ${token.name} (${label}): ${token.status}`);
    const facts = [
      token.identity && `identity ${token.identity}`,
      token.kind,
      expiryText(token, now) && `expires ${expiryText(token, now)}`,
      rateLimitText(token) && `rate limit ${rateLimitText(token)} left`,
      latencyText(token),
    ].filter(Boolean);
    if (facts.length) lines.push(`    ${facts.join(' · ')}`);
    const scopes = scopeLines(token);
    if (scopes.length) lines.push(`    scopes: ${scopes.join('; ')}`);
    if (token.skipReason) lines.push(`    skipped: ${token.skipReason}`);
    for (const p of token.problems) lines.push(`    ${p.severity.padEnd(7)} ${p.code}: ${p.message}`);
  }
  const counts = statusCounts(result.tokens);
  lines.push('', `${result.verdict.toUpperCase()}: ${plural(result.tokens.length, 'token')}${counts ? ` (${counts})` : ''}`);
  return `${lines.join('\n')}\n`;
}
