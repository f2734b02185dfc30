import type { Finding, RunResult, TokenResult } from '../run/result.js';
import { oneLine } from '../sanitize.js';
import { VERSION } from '../version.js';
import { expiryText, plural, rowsThatFit, statusCounts, STATUS_ICON } from './format.js';
import { cell, type LineLinks } from './summary.js';

/** The hidden first line by which the sticky comment is found again (among the same account's comments only). */
export const COMMENT_MARKER = '<!-- token-preflight:sticky -->';

/** GitHub refuses an issue or PR comment body over 65,536 characters. */
export const COMMENT_LIMIT = 65_536;

export interface CommentOptions {
  /** Where the findings' lines are on GitHub; without it the places are plain text. */
  links?: LineLinks;
  /** The workflow run, whose job summary has everything the comment leaves out. */
  runUrl?: string;
  now?: Date;
  /** The comment found from an earlier run was failing: an all-clear says it was fixed. */
  previouslyFailing?: boolean;
}

/** Room kept for the "not shown" line and the joins around the tables. */
const RESERVE = 600;
/** However many tokens there are, findings keep at least this share of the room for their rows. */
const FINDINGS_FLOOR = 0.25;

const TOKEN_HEADER = ['| Token | Status | Identity | Expires | Problems |', '|---|---|---|---|---|'];
const FINDING_HEADER = ['| Where | Rule | Verification | Fingerprint |', '|---|---|---|---|'];
const STATUS_ORDER = { fail: 0, warn: 1, ok: 2, skipped: 3 } as const;
const VERIFICATION_ORDER = { live: 0, unverified: 1, inactive: 2 } as const;
const VERIFICATION_ICON = { live: '🔴', unverified: '❌', inactive: '⚠️' } as const;

/**
 * The body of the sticky pull-request comment, edited in place on every run: the verdict, the
 * tokens, the leak findings with links to their lines at the scanned commit, or an all-clear.
 * Pure: the caller finds the comment by `COMMENT_MARKER` and writes the body. Every text from
 * outside (names, provider answers, file paths) goes through `cell`; a finding shows only its
 * fingerprint and place, never its value. Never longer than `COMMENT_LIMIT`: rows that do not fit
 * are left out (findings first, then tokens), worst first kept, and said so.
 */
export function renderComment(result: RunResult, options: CommentOptions = {}): string {
  const now = options.now ?? new Date();
  const runUrl = safeUrl(options.runUrl);
  const head = [COMMENT_MARKER, `## ${STATUS_ICON[result.verdict]} token-preflight: ${result.verdict}`, '', countsLine(result), ''];
  for (const p of result.problems) head.push(`> ${p.severity === 'error' ? '❌' : '⚠️'} \`${p.code}\` ${cell(oneLine(p.message, 300))}`, '');
  if (allClear(result)) {
    head.push(`**✅ All clear — every token is healthy and no secrets were found**${options.previouslyFailing ? ' (fixed since the last run)' : ''}.`, '');
  }

  const tokenRows = [...result.tokens].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]).map((t) => tokenRow(t, now));
  const scan = scanSection(result, options.links);
  const foot = [
    '',
    runUrl ? `[Full details in the job summary](${runUrl})` : 'Full details in the job summary of the run.',
    '',
    `<sub>token-preflight ${VERSION} · updated ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC${commitText(result.scan?.commit)}</sub>`,
    '',
  ];

  // What does not fit is cut from the end of each table (rows are worst first): findings first,
  // down to a floor, so that thousands of tokens never hide every finding; then tokens.
  const fixed = [...head, ...scan.lead, ...scan.tail, ...foot].join('\n').length;
  const budget = Math.max(COMMENT_LIMIT - fixed - RESERVE - (runUrl?.length ?? 0), 0);
  const tokenSize = tableSize(TOKEN_HEADER, tokenRows);
  const findingSize = tableSize(FINDING_HEADER, scan.rows);
  let keptTokens = tokenRows.length;
  let keptFindings = scan.rows.length;
  if (tokenSize + findingSize > budget) {
    const forFindings = Math.max(budget - tokenSize, Math.min(findingSize, Math.floor(budget * FINDINGS_FLOOR)));
    keptFindings = take(FINDING_HEADER, scan.rows, forFindings);
    keptTokens = take(TOKEN_HEADER, tokenRows, budget - tableSize(FINDING_HEADER, scan.rows.slice(0, keptFindings)));
  }

  const left = [
    scan.rows.length - keptFindings > 0 && plural(scan.rows.length - keptFindings, 'more finding'),
    tokenRows.length - keptTokens > 0 && plural(tokenRows.length - keptTokens, 'more token'),
  ].filter(Boolean);
  const cut = left.length
    ? ['', `✂️ **${left.join(' and ')} not shown** (a comment is limited to ${COMMENT_LIMIT} characters): see the job summary${runUrl ? ` <${runUrl}>` : ' of the run'}.`]
    : [];

  const body = [
    ...head,
    ...table(TOKEN_HEADER, tokenRows.slice(0, keptTokens)),
    ...scan.lead,
    ...table(FINDING_HEADER, scan.rows.slice(0, keptFindings)),
    ...cut,
    ...scan.tail,
    ...foot,
  ].join('\n');
  return body.length <= COMMENT_LIMIT ? body : hardCut(body, runUrl);
}

/** Nothing to fix: no problem of the run or of any token, no failing token, no finding. */
function allClear(result: RunResult): boolean {
  return (
    result.verdict === 'pass' &&
    result.problems.length === 0 &&
    result.findings.length === 0 &&
    result.tokens.every((t) => t.status !== 'fail' && t.problems.length === 0)
  );
}

/** "3 tokens checked: 1 fail, 2 ok · leak scan: 2 secrets found, 1 live". */
function countsLine(result: RunResult): string {
  const parts = [result.tokens.length ? `${plural(result.tokens.length, 'token')} checked: ${statusCounts(result.tokens)}` : 'no tokens configured'];
  const scan = result.scan;
  if (scan?.mode === 'off') parts.push('leak scan off');
  else if (scan) {
    const live = result.findings.filter((f) => f.verification === 'live').length;
    parts.push(result.findings.length ? `leak scan: ${plural(result.findings.length, 'secret')} found${live ? `, ${live} live` : ''}` : 'leak scan: no secrets found');
  }
  return `${parts.join(' · ')}.`;
}

function tokenRow(token: TokenResult, now: Date): string {
  const where = [token.provider, token.environment].filter(Boolean).join(' · ');
  const problems = token.status === 'skipped'
    ? cell(oneLine(token.skipReason ?? 'skipped', 300))
    : token.problems.map((p) => `${p.severity === 'error' ? '❌' : '⚠️'} \`${p.code}\` ${cell(oneLine(p.message, 200))}`).join('<br>');
  return `| ${[
    `**${cell(token.name)}**${where ? ` <sub>${cell(where)}</sub>` : ''}`,
    `${STATUS_ICON[token.status]} ${token.status}`,
    token.identity ? cell(token.identity) : '',
    cell(expiryText(token, now)),
    problems,
  ].join(' | ')} |`;
}

/** The leak scan: a line of what was read, a row per finding (worst first), how to fix or suppress. */
function scanSection(result: RunResult, links?: LineLinks): { lead: string[]; rows: string[]; tail: string[] } {
  const scan = result.scan;
  if (!scan) return { lead: [], rows: [], tail: [] };
  if (scan.mode === 'off') return { lead: ['', `**Leak scan:** off: ${cell(scan.reason ?? 'not asked for')}.`], rows: [], tail: [] };
  const live = result.findings.filter((f) => f.verification === 'live').length;
  const title = result.findings.length === 0 ? 'no secrets found' : `${plural(result.findings.length, 'secret')} found${live ? `, ${live} live` : ''}`;
  const read = [
    `${plural(scan.files, 'file')}, ${plural(scan.addedLines, scan.mode === 'full' ? 'line' : 'added line')} scanned`,
    scan.suppressed > 0 && `${scan.suppressed} suppressed`,
    scan.excluded > 0 && `${plural(scan.excluded, 'path')} excluded`,
    scan.notScanned.length > 0 && `${plural(scan.notScanned.length, 'file')} not scanned (listed in the job summary)`,
  ].filter(Boolean);
  const lead = ['', `### ${result.findings.length === 0 ? '✅' : live ? '🔴' : '❌'} Leak scan: ${title}`, '', `${cell(scan.source ?? scan.mode)}: ${read.join(', ')}.`, ''];
  if (result.findings.length === 0) return { lead, rows: [], tail: [] };
  const commit = scan.commit;
  const rows = [...result.findings]
    .sort((a, b) => VERIFICATION_ORDER[a.verification] - VERIFICATION_ORDER[b.verification])
    .map((f) => findingRow(f, links && commit ? { links, commit } : undefined));
  const tail = [
    '',
    '- **Live or unverified?** Revoke or rotate the secret at its provider first: deleting the line does not un-leak it (it stays in the history).',
    '- **Not a secret?** Add its fingerprint to `.token-preflight-ignore` (one a line), or put `token-preflight:allow` in a comment on its line.',
  ];
  return { lead, rows, tail };
}

function findingRow(f: Finding, at?: { links: LineLinks; commit: string }): string {
  const where = cell(`${f.file}:${f.line}:${f.column}`);
  const url = at && lineUrl(at.links, at.commit, f.file, f.line);
  const what = [f.rule, f.token !== undefined ? `token ${f.token}` : f.provider].filter(Boolean).join(' · ');
  const radius = [f.identity, f.scopes?.length ? `scopes: ${f.scopes.join(', ')}` : ''].filter(Boolean).join('; ');
  const state = f.verification === 'live'
    ? `${VERIFICATION_ICON.live} **live**${radius ? `: **${cell(oneLine(radius, 300))}**` : ''}`
    : `${VERIFICATION_ICON[f.verification]} ${f.verification}${f.verificationReason ? `<br><sub>${cell(oneLine(f.verificationReason, 200))}</sub>` : ''}`;
  // <code>, not backticks: a backtick in the text would end a code span early.
  return `| ${[url ? `[${where}](${url})` : where, cell(what), state, `<code>${cell(f.fingerprint)}</code>`].join(' | ')} |`;
}

/**
 * `${server}/${owner}/${repo}/blob/${commit}/${file}#L${line}`, every path segment percent-encoded,
 * `(` and `)` too (an unmatched `)` would end the Markdown link early). No link to a server that is
 * not a plain http(s) URL.
 */
function lineUrl(links: LineLinks, commit: string, file: string, line: number): string | undefined {
  const server = safeUrl(links.server.replace(/\/+$/, ''));
  if (!server) return undefined;
  const path = (text: string) => text.split('/').map(encode).join('/');
  return `${server}/${path(links.repository)}/blob/${encode(commit)}/${path(file)}#L${Math.max(1, Math.trunc(line))}`;
}

function encode(segment: string): string {
  return encodeURIComponent(segment).replace(/[()!'*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A URL put into Markdown as is: http(s), nothing that could end a link or an autolink early. */
function safeUrl(url: string | undefined): string | undefined {
  if (!url || url.length > 2_000 || !/^https?:\/\/[^\s<>()[\]`"'\\]+$/.test(url)) return undefined;
  return URL.canParse(url) ? url : undefined;
}

function commitText(commit: string | undefined): string {
  if (!commit) return '';
  return /^[0-9a-f]{7,64}$/i.test(commit) ? ` · at ${commit.slice(0, 7)}` : ` · at ${cell(oneLine(commit, 80))}`;
}

function table(header: string[], rows: string[]): string[] {
  return rows.length ? [...header, ...rows] : [];
}

function tableSize(header: string[], rows: string[]): number {
  return rows.length ? [...header, ...rows].join('\n').length + 1 : 0;
}

/** How many of `rows` fit with their header in `budget` characters. */
function take(header: string[], rows: string[], budget: number): number {
  return rowsThatFit(rows, budget, header.join('\n').length + 1);
}

/** Last resort, never expected: cut at a line boundary and point to the job summary. */
function hardCut(body: string, runUrl: string | undefined): string {
  const note = `\n\n✂️ **The rest is not shown** (a comment is limited to ${COMMENT_LIMIT} characters): see the job summary${runUrl ? ` <${runUrl}>` : ' of the run'}.\n`;
  const room = body.slice(0, COMMENT_LIMIT - note.length);
  return `${room.slice(0, Math.max(room.lastIndexOf('\n'), 0))}${note}`;
}
