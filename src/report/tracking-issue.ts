import type { RunResult, TokenResult } from '../run/result.js';
import { oneLine } from '../sanitize.js';
import { VERSION } from '../version.js';
import { plural, rowsThatFit, statusCounts, STATUS_ICON } from './format.js';
import { cell } from './summary.js';
import { expiryTimeline } from './timeline.js';

/** The label that marks the tracking issue; only people with triage access can set it. */
export const ISSUE_LABEL = 'token-preflight';
/** GitHub refuses an issue body or comment over 65,536 characters. */
export const ISSUE_BODY_LIMIT = 65_536;
/** GitHub's limit on an issue title. */
export const ISSUE_TITLE_LIMIT = 256;

const STATE_OPEN = '<!-- token-preflight:state ';
const COMMENT_CLOSE = ' -->';
/** The line of the run's link, and the heading of the timeline: what lies from one to the other differs from run to run alone. */
const RUN_LINE = '<sub>token-preflight';
const TIMELINE_HEADING = '### Expiry timeline';
/** The state never takes more than this (its tokens, its changes): the rest of the body is for people. */
const TOKENS_BUDGET = 14_000;
const CHANGES_BUDGET = 8_000;
const STATE_LIMIT = TOKENS_BUDGET + CHANGES_BUDGET + 1_000;
const MAX_CHANGES = 50;
const MAX_CHANGE_LENGTH = 400;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CODE = /^[a-z][a-z-]{0,39}$/;

/** What the issue remembers of a token that needs attention, to say next time what changed. */
export interface TrackedToken {
  name: string;
  status: 'fail' | 'expiring';
  /** The first error's code for `fail`; `expiring-soon` for `expiring`. */
  code: string;
  /** The day (UTC) it was first seen so; for `expired`, the day it expired. */
  since: string;
  /** The day it expires, when known. */
  expires?: string;
}

/** The small JSON kept in a hidden comment of the issue body. */
export interface TrackedState {
  version: 1;
  tokens: TrackedToken[];
  /** The changes the last update found, and its day: shown until something changes again. */
  changes: string[];
  changedOn: string;
  /** False when there were too many tokens to remember them all: the rest are not called new next time. */
  complete: boolean;
}

export interface TrackingOptions {
  now: Date;
  configPath: string;
  runUrl?: string;
  warningDays?: number;
}

export interface TrackingIssueText {
  title: string;
  body: string;
  state: TrackedState;
  /** What changed since the previous state (empty when nothing did). */
  changes: string[];
}

/** Any token failing or nearing expiry. */
export function needsAttention(result: RunResult): boolean {
  return result.tokens.some((t) => t.status === 'fail' || expiringSoon(t));
}

/** The hidden line by which one config's tracking issue is found again (with the label). */
export function trackingMarker(configPath: string): string {
  return `<!-- token-preflight:tracking config=${safePath(configPath)} -->`;
}

/** A config path as it may stand in an HTML comment and a title: plain path characters, no `--`, its last 200. */
function safePath(configPath: string): string {
  const flat = oneLine(configPath, 10_000).replace(/[^\w./+-]/g, '_').replace(/-{2,}/g, '-');
  return flat.slice(-200) || '_';
}

/**
 * The tracking issue of one config: title, body and the state to remember. The body holds the
 * marker, a headline, what changed since the previous state ("release-bot: expired since
 * 2026-11-28", "deployer: fixed on 2026-11-30"), every token worst first, the expiry timeline and
 * the run's link; never longer than `ISSUE_BODY_LIMIT`. Pure: the caller finds the issue and writes.
 */
export function renderTrackingIssue(result: RunResult, previous: TrackedState | undefined, options: TrackingOptions): TrackingIssueText {
  const today = options.now.toISOString().slice(0, 10);
  const tracked = trackTokens(result.tokens, previous, today);
  const changes = changesSince(previous, tracked.tokens, result.tokens, today);
  const fresh = !previous || changes.length > 0;
  const state: TrackedState = {
    version: 1,
    tokens: tracked.tokens,
    changes: fresh ? boundedChanges(changes) : previous.changes,
    changedOn: fresh ? today : previous.changedOn,
    complete: tracked.complete,
  };
  const summary = summaryText(result.tokens);
  const path = safePath(options.configPath);
  const runUrl = safeUrl(options.runUrl);

  const icon = result.tokens.some((t) => t.status === 'fail') ? STATUS_ICON.fail : needsAttention(result) ? STATUS_ICON.warn : STATUS_ICON.ok;
  const head = [
    trackingMarker(options.configPath),
    `## ${icon} ${summary}`,
    '',
    `Config <code>${cell(path)}</code> · ${result.tokens.length ? `${plural(result.tokens.length, 'token')} checked: ${statusCounts(result.tokens)}` : 'no tokens checked'}.`,
    '',
    ...changeLines(state),
  ];
  const foot = [
    '',
    `${RUN_LINE} ${VERSION} · ${runUrl ? `[the run that last changed this issue](${runUrl})` : 'updated by a workflow run'} · kept by token-preflight on scheduled runs: edited when something changes, closed when every token is healthy</sub>`,
    '',
    stateComment(state),
  ];
  const size = (lines: string[]) => lines.join('\n').length + 1;
  // Head and foot are bounded (the state and the changes are); the table and the timeline take what is left.
  let room = ISSUE_BODY_LIMIT - size(head) - size(foot) - 400;
  const timeline = timelineSection(result, options);
  const shownTimeline = size(timeline) <= room / 2 ? timeline : [];
  room -= size(shownTimeline);
  const since = new Map(tracked.tokens.map((t) => [t.name, t.since]));
  const rows = [...result.tokens].sort((a, b) => rank(a) - rank(b)).map((t) => tokenRow(t, since.get(t.name)));
  const kept = rowsThatFit(rows, room - size(TABLE_HEADER));
  const cut = rows.length > kept ? ['', `✂️ ${plural(rows.length - kept, 'more token')} not shown (an issue is limited to ${ISSUE_BODY_LIMIT} characters): see the job summary of the run.`] : [];
  const table = rows.length ? ['### Tokens', '', ...TABLE_HEADER, ...rows.slice(0, kept), ...cut] : [];
  const body = [...head, ...table, ...shownTimeline, ...foot].join('\n');
  return { title: titleText(summary, path), body, state, changes };
}

/**
 * The issue's next title and body from its previous body: its state read back, and the previous
 * body kept as it is when only the run's link and the timeline (drawn from the run's day) would
 * differ, so a run that finds nothing new leaves the issue untouched: it reads as of its last change.
 */
export function renderTrackingUpdate(result: RunResult, previousBody: string | undefined, options: TrackingOptions): TrackingIssueText {
  const next = renderTrackingIssue(result, previousBody === undefined ? undefined : parseTrackedState(previousBody), options);
  if (previousBody !== undefined && comparable(previousBody) === comparable(next.body)) return { ...next, body: previousBody };
  return next;
}

/** The body without what changes from run to run alone: the timeline (drawn from the run's day) and the run's link. */
function comparable(body: string): string {
  const lines = body.split('\n');
  const from = lines.indexOf(TIMELINE_HEADING);
  const to = lines.findIndex((line) => line.startsWith(RUN_LINE));
  if (to < 0) return body;
  return [...lines.slice(0, from >= 0 && from < to ? from : to), ...lines.slice(to + 1)].join('\n');
}

/** The comment posted when the issue is closed: the day, and what was fixed. */
export function renderClosingComment(changes: readonly string[], options: { now: Date; runUrl?: string }): string {
  const today = options.now.toISOString().slice(0, 10);
  const runUrl = safeUrl(options.runUrl);
  const shown: string[] = [];
  let size = 0;
  for (const change of changes.slice(0, MAX_CHANGES)) {
    const line = `- ${cell(oneLine(change, MAX_CHANGE_LENGTH))}`;
    if ((size += line.length + 1) > ISSUE_BODY_LIMIT / 2) break;
    shown.push(line);
  }
  return [
    `✅ All tokens healthy again on ${today}${shown.length ? ':' : '.'}`,
    ...(shown.length ? ['', ...shown] : []),
    ...(changes.length > shown.length ? [`- … and ${changes.length - shown.length} more`] : []),
    '',
    `Closing this issue${runUrl ? ` ([run](${runUrl}))` : ''}: token-preflight reopens it if a token fails or nears expiry again.`,
  ].join('\n');
}

/**
 * The state kept in `body`, or undefined when there is none or it is not exactly what
 * `renderTrackingIssue` writes (a hand-edited or garbled body): never throws.
 */
export function parseTrackedState(body: string): TrackedState | undefined {
  if (typeof body !== 'string') return undefined;
  const start = body.lastIndexOf(STATE_OPEN);
  if (start < 0) return undefined;
  const end = body.indexOf(COMMENT_CLOSE, start + STATE_OPEN.length);
  if (end < 0 || end - start > STATE_LIMIT) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(body.slice(start + STATE_OPEN.length, end));
  } catch {
    return undefined;
  }
  return validState(data);
}

function validState(data: unknown): TrackedState | undefined {
  if (!isRecord(data) || data.version !== 1 || typeof data.complete !== 'boolean') return undefined;
  const { tokens, changes, changedOn } = data;
  if (!Array.isArray(tokens) || !Array.isArray(changes) || typeof changedOn !== 'string' || !DATE.test(changedOn)) return undefined;
  if (changes.length > MAX_CHANGES || !changes.every((c) => typeof c === 'string' && c.length <= MAX_CHANGE_LENGTH)) return undefined;
  const kept: TrackedToken[] = [];
  for (const t of tokens) {
    if (!isRecord(t) || typeof t.name !== 'string' || !t.name || (t.status !== 'fail' && t.status !== 'expiring')) return undefined;
    if (typeof t.code !== 'string' || !CODE.test(t.code) || typeof t.since !== 'string' || !DATE.test(t.since)) return undefined;
    if (t.expires !== undefined && (typeof t.expires !== 'string' || !DATE.test(t.expires))) return undefined;
    kept.push({ name: t.name, status: t.status, code: t.code, since: t.since, ...(t.expires !== undefined && { expires: t.expires }) });
  }
  return { version: 1, tokens: kept, changes: changes as string[], changedOn, complete: data.complete };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON in an HTML comment: `<`, `>` and `&` escaped, so no text can end the comment or open a tag; `@`, so no one is mentioned. */
function stateComment(state: TrackedState): string {
  return `${STATE_OPEN}${escapedJson(state)}${COMMENT_CLOSE}`;
}

function escapedJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&@]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function expiringSoon(token: TokenResult): boolean {
  return token.problems.some((p) => p.code === 'expiring-soon');
}

function day(iso: string | null | undefined): string | undefined {
  if (typeof iso !== 'string') return undefined;
  const at = iso.slice(0, 10);
  return DATE.test(at) ? at : undefined;
}

/** The tokens that need attention now, each with the day it began (carried over while unchanged). */
function trackTokens(tokens: readonly TokenResult[], previous: TrackedState | undefined, today: string): { tokens: TrackedToken[]; complete: boolean } {
  const before = new Map(previous?.tokens.map((t) => [t.name, t]));
  const all: TrackedToken[] = [];
  for (const token of [...tokens].sort((a, b) => rank(a) - rank(b))) {
    const failing = token.status === 'fail';
    if (!failing && !expiringSoon(token)) continue;
    const code = failing ? (token.problems.find((p) => p.severity === 'error')?.code ?? 'fail') : 'expiring-soon';
    const expires = day(token.expiresAt);
    const was = before.get(token.name);
    const same = was && was.status === (failing ? 'fail' : 'expiring') && was.code === code;
    const since = same ? was.since : code === 'expired' && expires && expires <= today ? expires : today;
    all.push({ name: token.name, status: failing ? 'fail' : 'expiring', code, since, ...(expires && { expires }) });
  }
  // Bounded, so that the state never crowds out the table: the worst first are remembered.
  const kept: TrackedToken[] = [];
  let size = 0;
  for (const t of all) {
    size += escapedJson(t).length + 1;
    if (size > TOKENS_BUDGET) break;
    kept.push(t);
  }
  return { tokens: kept, complete: kept.length === all.length };
}

/** The changes as the state keeps them: one line each, bounded in number and size. */
function boundedChanges(changes: readonly string[]): string[] {
  const kept: string[] = [];
  let size = 0;
  for (const change of changes) {
    const line = oneLine(change, MAX_CHANGE_LENGTH);
    size += escapedJson(line).length + 1;
    if (size > CHANGES_BUDGET || (kept.length === MAX_CHANGES - 1 && changes.length > MAX_CHANGES)) {
      kept.push(`… and ${changes.length - kept.length} more`);
      break;
    }
    kept.push(line);
  }
  return kept;
}

/** What changed between the previous state and now, one line a token, worst first. */
function changesSince(previous: TrackedState | undefined, now: readonly TrackedToken[], tokens: readonly TokenResult[], today: string): string[] {
  const before = new Map(previous?.tokens.map((t) => [t.name, t]));
  const current = new Map(now.map((t) => [t.name, t]));
  const lines: string[] = [];
  for (const t of now) {
    const was = before.get(t.name);
    if (was && was.status === t.status && was.code === t.code) continue;
    // A token the previous state had no room for is not new.
    if (!was && previous && !previous.complete) continue;
    lines.push(`${t.name}: ${changeText(t, was, today)}`);
  }
  const checked = new Map(tokens.map((t) => [t.name, t]));
  for (const was of previous?.tokens ?? []) {
    if (current.has(was.name)) continue;
    const token = checked.get(was.name);
    const what = !token ? 'no longer configured' : token.status === 'skipped' ? `not checked on ${today}` : `fixed on ${today}`;
    lines.push(`${was.name}: ${what} (was ${was.code})`);
  }
  return lines;
}

function changeText(now: TrackedToken, was: TrackedToken | undefined, today: string): string {
  if (now.status === 'expiring') {
    const soon = `expiring soon${now.expires ? ` (expires ${now.expires})` : ''}`;
    return was ? `fixed on ${today} (was ${was.code}); ${soon}` : soon;
  }
  const earlier = was?.status === 'fail' ? ` (was ${was.code})` : '';
  if (now.code === 'expired') return `expired since ${now.since}${earlier}`;
  return earlier ? `now ${now.code}${earlier}` : `new failure (${now.code})`;
}

/** "2 tokens failing, 1 expiring soon", "all tokens healthy". */
function summaryText(tokens: readonly TokenResult[]): string {
  const failing = tokens.filter((t) => t.status === 'fail').length;
  const expiring = tokens.filter((t) => t.status !== 'fail' && expiringSoon(t)).length;
  const parts = [failing && `${plural(failing, 'token')} failing`, expiring && `${failing ? expiring : plural(expiring, 'token')} expiring soon`].filter(Boolean);
  return `token-preflight: ${parts.length ? parts.join(', ') : 'all tokens healthy'}`;
}

function titleText(summary: string, path: string): string {
  const room = ISSUE_TITLE_LIMIT - summary.length - ' (config )'.length;
  const shown = path.length > room ? `…${path.slice(path.length - room + 1)}` : path;
  return `${summary} (config ${shown})`;
}

function changeLines(state: TrackedState): string[] {
  if (state.changes.length === 0) return [];
  return [`### What changed (${state.changedOn})`, '', ...state.changes.map((c) => `- ${cell(c)}`), ''];
}

const TABLE_HEADER = ['| Token | Status | Expires | Problems |', '|---|---|---|---|'];
const RANK = { fail: 0, warn: 1, ok: 2, skipped: 3 } as const;

function rank(token: TokenResult): number {
  return RANK[token.status] * 2 + (expiringSoon(token) ? 0 : 1);
}

function tokenRow(token: TokenResult, since: string | undefined): string {
  const where = [token.provider, token.environment].filter(Boolean).join(' · ');
  const problems = token.status === 'skipped'
    ? cell(oneLine(token.skipReason ?? 'skipped', 300))
    : token.problems.map((p) => `${p.severity === 'error' ? '❌' : '⚠️'} \`${p.code}\` ${cell(oneLine(withoutCountdown(p.message), 200))}`).join('<br>');
  // Days, not "in 8 days": a countdown would change the issue every day (the timeline shows it).
  const expires = token.expiresAt === null ? 'never' : (day(token.expiresAt) ?? '');
  return `| ${[
    `**${cell(oneLine(token.name, 200))}**${where ? ` <sub>${cell(where)}</sub>` : ''}`,
    `${STATUS_ICON[token.status]} ${token.status}${since ? ` since ${since}` : ''}`,
    expires,
    problems,
  ].join(' | ')} |`;
}

function withoutCountdown(message: string): string {
  return message.replace(/ \(in \d+ (?:days?|hours?)\)/, '');
}


function timelineSection(result: RunResult, options: TrackingOptions): string[] {
  const timeline = expiryTimeline(result.tokens, { now: options.now, warningDays: options.warningDays });
  return timeline ? ['', TIMELINE_HEADING, '', timeline] : [];
}

/** A URL put into Markdown as is: http(s), nothing that could end a link early. */
function safeUrl(url: string | undefined): string | undefined {
  if (!url || url.length > 2_000 || !/^https?:\/\/[^\s<>()[\]`"'\\]+$/.test(url)) return undefined;
  return URL.canParse(url) ? url : undefined;
}
