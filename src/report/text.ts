import type { RunResult } from '../run/result.js';
import { noCommand, oneLine } from '../sanitize.js';
import { expiryText, latencyText, plural, rateLimitText, scopeLines, statusCounts } from './format.js';

const MARK = { ok: '✓', warn: '!', fail: '✗', skipped: '-' } as const;

/** The CLI's plain-text report. */
export function renderText(result: RunResult, now: Date = new Date()): string {
  const lines: string[] = [];
  // Provider and config text is made single-line: it must not forge log lines or workflow commands
  // (nor can a whole line start with `::`, whatever the prefix).
  const push = (prefix: string, text: string) => lines.push(noCommand(prefix + oneLine(text, 2_000)));
  for (const token of result.tokens) {
    const label = [token.provider, token.environment].filter(Boolean).join(', ');
    push('', `${MARK[token.status]} ${token.name} (${label}): ${token.status}`);
    const facts = [
      token.identity && `identity ${token.identity}`,
      token.kind,
      token.mode && `${token.mode} mode`,
      expiryText(token, now) && `expires ${expiryText(token, now)}`,
      rateLimitText(token) && `rate limit ${rateLimitText(token)} left`,
      latencyText(token),
    ].filter(Boolean);
    if (facts.length) push('    ', facts.join(' · '));
    const scopes = scopeLines(token);
    if (scopes.length) push('    ', `scopes: ${scopes.join('; ')}`);
    if (token.skipReason) push('    ', `skipped: ${token.skipReason}`);
    for (const p of token.problems) push(`    ${p.severity.padEnd(8)}`, `${p.code}: ${p.message}`);
  }
  for (const p of result.problems) push(`${p.severity.padEnd(8)}`, `${p.code}: ${p.message}`);
  const counts = statusCounts(result.tokens);
  lines.push('', `${result.verdict.toUpperCase()}: ${plural(result.tokens.length, 'token')}${counts ? ` (${counts})` : ''}`);
  return `${lines.join('\n')}\n`;
}
