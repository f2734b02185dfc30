import { LIMITS } from '../limits.js';
import type { TokenResult } from '../run/result.js';
import { oneLine } from '../sanitize.js';
import { plural, STATUS_ICON } from './format.js';

const DAY_MS = 86_400_000;
/** More bars than this make an unreadable chart; the rest are in the JSON report. */
export const TIMELINE_MAX_BARS = 50;
const MAX_NAME = 60;

type Stage = 'expired' | 'soon' | 'later';

const SECTION: Record<Stage, string> = { expired: 'Expired', soon: 'Expiring soon', later: 'Later' };
// Mermaid tags: `done` greys a bar, `crit` draws it red, `active` in the theme's accent colour.
const TAGS: Record<Stage, string> = { expired: 'crit, done', soon: 'crit', later: 'active' };
const ICON: Record<Stage, string> = { expired: STATUS_ICON.fail, soon: STATUS_ICON.warn, later: STATUS_ICON.ok };

interface Bar {
  stage: Stage;
  /** The expiry's day, YYYY-MM-DD. */
  day: string;
  at: number;
  name: string;
}

/**
 * The tokens' expiries as a Mermaid gantt chart GitHub renders: one bar per token from the run's
 * day to its expiry (or from its expiry, when past), the warning window shaded, soonest first.
 * '' when no token has a known expiry date.
 */
export function expiryTimeline(tokens: readonly TokenResult[], options: { now: Date; warningDays?: number }): string {
  const today = dayOf(options.now.getTime());
  const days = warningDays(options.warningDays);
  const bars = tokens.flatMap((token) => bar(token, options.now.getTime(), days));
  const never = tokens.filter((token) => token.expiresAt === null).map((token) => chartName(token.name));
  if (bars.length === 0 || today === undefined) return '';
  const order: Stage[] = ['expired', 'soon', 'later'];
  bars.sort((a, b) => order.indexOf(a.stage) - order.indexOf(b.stage) || a.at - b.at || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const shown = bars.slice(0, TIMELINE_MAX_BARS);
  const labels = unique(shown.map((b) => b.name));
  const lines = [
    '```mermaid',
    'gantt',
    '    title Token expiries',
    '    dateFormat YYYY-MM-DD',
    '    axisFormat %Y-%m-%d',
    // GitHub draws `todayMarker` at the reader's clock, so a chart read next month would mark a day
    // this run never saw: the marker is off and the run's own day is a milestone instead.
    '    todayMarker off',
    '    section Now',
    `    Checked ${today} : milestone, now, ${today}, 0d`,
  ];
  if (days > 0) lines.push(`    Warning window, ${plural(days, 'day')} : done, window, ${today}, ${dayOf(options.now.getTime() + days * DAY_MS) ?? today}`);
  shown.forEach((b, i) => {
    if (i === 0 || shown[i - 1]!.stage !== b.stage) lines.push(`    section ${SECTION[b.stage]}`);
    const [start, end] = b.day < today ? [b.day, today] : [today, b.day];
    // A bar that starts and ends on one day would have no width: give it that day.
    const until = start === end ? dayOf(Date.parse(`${start}T00:00:00Z`) + DAY_MS) ?? end : end;
    lines.push(`    ${ICON[b.stage]} ${labels[i]} (${b.day}) : ${TAGS[b.stage]}, t${i + 1}, ${start}, ${until}`);
  });
  lines.push('```');
  if (never.length) {
    const listed = never.slice(0, TIMELINE_MAX_BARS).map((name) => `\`${name}\``).join(', ');
    lines.push('', `Never expire: ${listed}${never.length > TIMELINE_MAX_BARS ? ` and ${never.length - TIMELINE_MAX_BARS} more` : ''}.`);
  }
  if (bars.length > shown.length) lines.push('', `_${plural(bars.length - shown.length, 'more token')} with an expiry in the JSON report._`);
  return lines.join('\n');
}

function bar(token: TokenResult, now: number, windowDays: number): Bar[] {
  if (typeof token.expiresAt !== 'string') return [];
  const at = Date.parse(token.expiresAt);
  // The date as written, like the table's Expires column; a time zone must not move it a day.
  const written = token.expiresAt.slice(0, 10);
  const day = dayOf(Date.parse(`${written}T00:00:00Z`)) === written ? written : dayOf(at);
  if (Number.isNaN(at) || day === undefined) return [];
  const has = (code: string) => token.problems.some((p) => p.code === code);
  // A token's own problems win: its config may set a warning window other than the run's.
  const stage: Stage = has('expired') || at <= now ? 'expired' : has('expiring-soon') || at - now < windowDays * DAY_MS ? 'soon' : 'later';
  return [{ stage, day, at, name: chartName(token.name) }];
}

function warningDays(value: number | undefined): number {
  if (value === undefined || !Number.isFinite(value)) return 14;
  return Math.min(Math.max(Math.floor(value), LIMITS.expiryWarningDays.min), LIMITS.expiryWarningDays.max);
}

/** YYYY-MM-DD in UTC; undefined outside the years Mermaid's `YYYY` can parse. */
function dayOf(ms: number): string | undefined {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return undefined;
  const iso = date.toISOString();
  return /^\d{4}-/.test(iso) ? iso.slice(0, 10) : undefined;
}

/**
 * A token name that cannot break out of its chart line: in Mermaid `:` ends a task's name, `#`,
 * `;` and `%` start comments or directives (in one version or another), a line break starts a new
 * statement; `<`, `>`, `&` and backticks are HTML, entities and the Markdown fence; `@` a mention
 * wherever the chart's source is shown as text. Each becomes a space. The chart line starts with an icon, so no name is read as a keyword (`gantt-bot`,
 * `section x`, `2026-01-01-key` would be).
 */
export function chartName(name: string): string {
  const safe = oneLine(name.replace(/[:;#%<>&`@]/g, ' '), MAX_NAME);
  return safe || '(unnamed)';
}

/** Names told apart: a repeated one gets " (2)", " (3)" … */
function unique(names: string[]): string[] {
  const seen = new Map<string, number>();
  const taken = new Set(names);
  return names.map((name) => {
    let n = seen.get(name) ?? 0;
    seen.set(name, ++n);
    if (n === 1) return name;
    let label = `${name} (${n})`;
    while (taken.has(label)) label = `${name} (${++n})`;
    seen.set(name, n);
    taken.add(label);
    return label;
  });
}
