import type { RunResult, TokenResult } from '../run/result.js';
import { oneLine } from '../sanitize.js';
import { VERSION } from '../version.js';
import { expiryText, latencyText, plural, rateLimitText, scopeLines, statusCounts, STATUS_ICON } from './format.js';

/** GitHub refuses a step summary over 1 MiB; stay well under it (in bytes, not characters). */
export const SUMMARY_LIMIT = 1_000_000;

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** The job summary: one table of every token, in Markdown that GitHub renders. */
export function renderSummary(result: RunResult, now: Date = new Date()): string {
  const counts = statusCounts(result.tokens);
  const head = [
    `## ${STATUS_ICON[result.verdict]} token-preflight: ${result.verdict}`,
    '',
    result.tokens.length === 0
      ? 'No tokens configured: add them to `.github/token-preflight.yml` or the `tokens` input.'
      : `${plural(result.tokens.length, 'token')} checked: ${counts}.`,
    '',
    ...result.problems.flatMap((p) => [`> ${p.severity === 'error' ? '❌' : '⚠️'} \`${p.code}\` ${cell(p.message)}`, '']),
  ];
  const rows = result.tokens.map((token) => row(token, now));
  const table = [
    '| Token | Status | Identity | Scopes | Expires | Rate limit left | Latency | Problems |',
    '|---|---|---|---|---|---|---|---|',
  ];
  const hosts = [...new Set(result.tokens.map((token) => token.host).filter(Boolean))];
  const foot = [
    '',
    hosts.length ? `Tokens were sent only to: ${hosts.map((h) => `\`${cell(h!)}\``).join(', ')}.` : '',
    `<sub>token-preflight ${VERSION} · ${result.durationMs} ms</sub>`,
    '',
  ];
  let body = '';
  if (rows.length) {
    body = [...table, ...rows].join('\n');
    const budget = SUMMARY_LIMIT - bytes(head.join('\n')) - bytes(foot.join('\n')) - 200;
    if (bytes(body) > budget) {
      const kept: string[] = [...table];
      let size = bytes(kept.join('\n'));
      for (const r of rows) {
        if (size + bytes(r) + 1 > budget) break;
        kept.push(r);
        size += bytes(r) + 1;
      }
      body = `${kept.join('\n')}\n\n_${rows.length - (kept.length - 2)} more tokens left out: the summary is limited to 1 MiB; see the JSON report._`;
    }
  }
  return [...head, body, ...foot].join('\n');
}

function row(token: TokenResult, now: Date): string {
  const nameCell = `**${cell(token.name)}**<br><sub>${cell([token.provider, token.environment].filter(Boolean).join(' · '))}</sub>`;
  const kind = [token.kind, token.mode && `${token.mode} mode`].filter(Boolean).join(' · ');
  const identity = [token.identity ? cell(token.identity) : '', kind ? `<sub>${cell(kind)}</sub>` : ''].filter(Boolean).join('<br>');
  const problems = token.status === 'skipped'
    ? cell(token.skipReason ?? 'skipped')
    : token.problems.map((p) => `${p.severity === 'error' ? '❌' : '⚠️'} \`${p.code}\` ${cell(p.message)}`).join('<br>');
  const notes = token.notes?.length ? `<br><sub>${cell(token.notes.join('; '))}</sub>` : '';
  return `| ${[
    nameCell,
    `${STATUS_ICON[token.status]} ${token.status}`,
    identity + notes,
    scopeLines(token).map(cell).join('<br>'),
    cell(expiryText(token, now)),
    cell(rateLimitText(token)),
    cell(latencyText(token)),
    problems,
  ].join(' | ')} |`;
}

/**
 * Text from a provider or config made safe inside a Markdown table cell: no HTML, pipes, links or
 * images, no @mention that would notify someone; one line.
 */
export function cell(text: string): string {
  return oneLine(text, 2_000)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@/g, '&#64;')
    .replace(/([|[\]\\`])/g, '\\$1');
}
