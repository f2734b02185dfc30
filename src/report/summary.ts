import type { RunResult, TokenResult } from '../run/result.js';
import { oneLine } from '../sanitize.js';
import { VERSION } from '../version.js';
import { expiryText, latencyText, plural, rateLimitText, scopeLines, statusCounts, STATUS_ICON } from './format.js';
import { expiryTimeline } from './timeline.js';

/** GitHub refuses a step summary over 1 MiB; stay well under it (in bytes, not characters). */
export const SUMMARY_LIMIT = 1_000_000;

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** Where a finding's line is on GitHub: `${server}/${repo}/blob/${commit}/${file}#L${line}`. */
export interface LineLinks {
  server: string;
  repository: string;
}

/** The job summary: one table of every token, their expiries on a timeline, then the leak scan's findings, in Markdown GitHub renders. */
export function renderSummary(result: RunResult, now: Date = new Date(), links?: LineLinks, options?: { warningDays?: number }): string {
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
  const tokenTable = result.tokens.length
    ? { header: ['| Token | Status | Identity | Scopes | Expires | Rate limit left | Latency | Problems |', '|---|---|---|---|---|---|---|---|'], rows: result.tokens.map((token) => row(token, now)), noun: 'tokens' }
    : undefined;
  const timeline = tokenTable ? expiryTimeline(result.tokens, { now, warningDays: options?.warningDays ?? 14 }) : '';
  const chart = timeline ? ['', timeline, ''] : [];
  const scan = scanSection(result, links);
  const hosts = [...new Set(result.tokens.map((token) => token.host).filter(Boolean))];
  const foot = [
    '',
    hosts.length ? `Tokens were sent only to: ${hosts.map((h) => `\`${cell(h!)}\``).join(', ')}.` : '',
    `<sub>token-preflight ${VERSION} · ${result.durationMs} ms</sub>`,
    '',
  ];
  // What does not fit in GitHub's 1 MiB is cut from the end of each table, findings first, and said.
  let budget = SUMMARY_LIMIT - bytes(head.join('\n')) - bytes(chart.join('\n')) - bytes(foot.join('\n')) - bytes(scan.lead.join('\n')) - bytes(scan.tail.join('\n')) - 400;
  const tokens = tokenTable ? fit(tokenTable, Math.max(budget - Math.min(bytes(scan.table?.rows.join('\n') ?? ''), budget / 2), 0)) : '';
  budget -= bytes(tokens);
  const findings = scan.table ? fit(scan.table, budget) : '';
  return [...head, tokens, ...chart, ...scan.lead, findings, ...scan.tail, ...foot].join('\n');
}

interface Table {
  header: string[];
  rows: string[];
  noun: string;
}

/** A table's rows that fit in `budget` bytes, and a line saying how many more were left out. */
function fit(table: Table, budget: number): string {
  const all = [...table.header, ...table.rows].join('\n');
  if (bytes(all) <= budget) return all;
  const kept = [...table.header];
  let size = bytes(kept.join('\n'));
  for (const r of table.rows) {
    if (size + bytes(r) + 1 > budget) break;
    kept.push(r);
    size += bytes(r) + 1;
  }
  return `${kept.join('\n')}\n\n_${table.rows.length - (kept.length - table.header.length)} more ${table.noun} left out: the summary is limited to 1 MiB; see the JSON report._`;
}

const VERIFICATION_ICON = { live: '🔴', unverified: '❌', inactive: '⚠️' } as const;

/** The leak scan: what was read, the findings table, what was not scanned. */
function scanSection(result: RunResult, links?: LineLinks): { lead: string[]; table?: Table; tail: string[] } {
  const scan = result.scan;
  if (!scan) return { lead: [], tail: [] };
  if (scan.mode === 'off') return { lead: ['', `**Leak scan:** off: ${cell(scan.reason ?? 'not asked for')}.`], tail: [] };
  const live = result.findings.filter((f) => f.verification === 'live').length;
  const counted = [
    `${plural(scan.files, 'file')}, ${plural(scan.addedLines, scan.mode === 'full' ? 'line' : 'added line')} scanned`,
    scan.suppressed > 0 && `${scan.suppressed} suppressed`,
    scan.excluded > 0 && `${plural(scan.excluded, 'path')} excluded`,
  ].filter(Boolean);
  const title = result.findings.length === 0 ? 'no secrets found' : `${plural(result.findings.length, 'secret')} found${live ? `, ${live} live` : ''}`;
  const lead = ['', `### ${result.findings.length === 0 ? '✅' : live ? '🔴' : '❌'} Leak scan: ${title}`, '', `${cell(scan.source ?? scan.mode)}: ${counted.join(', ')}.`, ''];
  const tail: string[] = [];
  if (scan.notScanned.length) {
    tail.push('', `<details><summary>${plural(scan.notScanned.length, 'file')} not scanned</summary>`, '');
    for (const gap of scan.notScanned.slice(0, 200)) tail.push(`- ${gap.incomplete ? '⚠️ ' : ''}<code>${cell(gap.file)}</code>: ${cell(gap.reason)}`);
    if (scan.notScanned.length > 200) tail.push(`- … and ${scan.notScanned.length - 200} more (see the JSON report)`);
    tail.push('', '</details>');
  }
  if (result.findings.length === 0) return { lead, tail };
  tail.unshift('', 'Revoke or rotate each live or unverified secret at its provider first: deleting the line does not un-leak it. Not a secret? Add its fingerprint to `.token-preflight-ignore`.');
  const rows = result.findings.map((f) => {
    const where = `${f.file}:${f.line}:${f.column}`;
    const place = links && scan.commit ? `[${cell(where)}](${lineUrl(links, scan.commit, f.file, f.line)})` : cell(where);
    const what = [f.rule, f.token !== undefined ? `token ${f.token}` : f.provider].filter(Boolean).join(' · ');
    const radius = [f.identity, f.scopes?.length ? `scopes: ${f.scopes.join(', ')}` : ''].filter(Boolean).join('; ');
    const revoked = f.revocation ? `<br><sub>${f.revocation.status === 'submitted' ? '🔒 revocation submitted' : `revocation failed: ${cell(f.revocation.message)}`}</sub>` : '';
    const state = `${VERIFICATION_ICON[f.verification]} **${f.verification}**${radius ? `<br><sub>${cell(radius)}</sub>` : f.verificationReason ? `<br><sub>${cell(f.verificationReason)}</sub>` : ''}${revoked}`;
    // <code>, not backticks: a backtick in a file name would end a code span early.
    return `| ${[place, cell(what), state, `<code>${cell(f.redacted)}</code>`, `<code>${cell(f.fingerprint)}</code>`].join(' | ')} |`;
  });
  return { lead, table: { header: ['| Where | Rule | Verification | Preview | Fingerprint |', '|---|---|---|---|---|'], rows, noun: 'findings' }, tail };
}

function lineUrl(links: LineLinks, commit: string, file: string, line: number): string {
  // encodeURIComponent leaves ( and ), and an unmatched ) would end the Markdown link early.
  const encode = (segment: string) => encodeURIComponent(segment).replace(/\(/g, '%28').replace(/\)/g, '%29');
  const path = file.split('/').map(encode).join('/');
  return `${links.server.replace(/\/+$/, '')}/${links.repository.split('/').map(encode).join('/')}/blob/${commit}/${path}#L${line}`;
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
