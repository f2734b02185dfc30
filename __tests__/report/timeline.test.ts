import { describe, expect, it } from 'vitest';
import { problem } from '../../src/check/problems.js';
import type { TokenResult } from '../../src/run/result.js';
import { chartName, expiryTimeline, TIMELINE_MAX_BARS } from '../../src/report/timeline.js';

const NOW = new Date('2026-03-01T12:00:00Z');

function token(name: string, expiresAt: string | null | undefined, overrides: Partial<TokenResult> = {}): TokenResult {
  return { name, provider: 'github', status: 'ok', problems: [], source: {}, expiresAt, ...overrides };
}

/** The lines inside the fence. */
function chart(markdown: string): string[] {
  const lines = markdown.split('\n');
  expect(lines[0]).toBe('```mermaid');
  const end = lines.indexOf('```', 1);
  expect(end).toBeGreaterThan(0);
  return lines.slice(1, end);
}

/** A token's bar: icon, name, expiry day, tags, id, start, end; nothing else may sit on a chart line. */
const BAR = /^ {4}(❌|⚠️|✅) ([^:;#%<>&`@\n]+) \((\d{4}-\d\d-\d\d)\) : (crit, done|crit|active), t(\d+), (\d{4}-\d\d-\d\d), (\d{4}-\d\d-\d\d)$/;
const FIXED = /^(gantt| {4}(title Token expiries|dateFormat YYYY-MM-DD|axisFormat %Y-%m-%d|todayMarker off|section (Now|Expired|Expiring soon|Later)|Checked \d{4}-\d\d-\d\d : milestone, now, \d{4}-\d\d-\d\d, 0d|Warning window, \d+ days? : done, window, \d{4}-\d\d-\d\d, \d{4}-\d\d-\d\d))$/;

function bars(markdown: string) {
  return chart(markdown).flatMap((line) => {
    const m = BAR.exec(line);
    return m ? [{ icon: m[1], name: m[2], day: m[3], tags: m[4], id: Number(m[5]), start: m[6], end: m[7] }] : [];
  });
}

/** Every chart line is a fixed statement or a well-formed bar: a name cannot add a statement. */
function expectWellFormed(markdown: string): void {
  for (const line of chart(markdown)) expect(FIXED.test(line) || BAR.test(line), line).toBe(true);
}

describe('expiryTimeline', () => {
  it.each([
    { case: 'no tokens', tokens: [] },
    { case: 'unknown expiry', tokens: [token('a', undefined)] },
    { case: 'only never-expiring tokens', tokens: [token('a', null), token('b', null)] },
    { case: 'an expiry that is not a date', tokens: [token('a', 'soon')] },
    { case: 'a date beyond year 9999', tokens: [token('a', '+010000-01-01T00:00:00Z')] },
  ])('is empty with $case', ({ tokens }) => {
    expect(expiryTimeline(tokens, { now: NOW })).toBe('');
  });

  it.each([
    { case: 'far away', t: token('deploy', '2026-09-30T00:00:00Z'), bar: { icon: '✅', tags: 'active', start: '2026-03-01', end: '2026-09-30', day: '2026-09-30' }, section: 'Later' },
    { case: 'expired', t: token('old', '2026-02-10T00:00:00Z', { status: 'fail', problems: [problem('expired', 'expired')] }), bar: { icon: '❌', tags: 'crit, done', start: '2026-02-10', end: '2026-03-01' }, section: 'Expired' },
    { case: 'past without a problem yet', t: token('old', '2026-03-01T06:00:00Z'), bar: { icon: '❌', tags: 'crit, done', start: '2026-03-01', end: '2026-03-02' }, section: 'Expired' },
    { case: 'in the run window', t: token('soon', '2026-03-09T12:00:00Z'), bar: { icon: '⚠️', tags: 'crit', start: '2026-03-01', end: '2026-03-09' }, section: 'Expiring soon' },
    { case: 'in its own wider window', t: token('soon', '2026-05-01T00:00:00Z', { status: 'warn', problems: [problem('expiring-soon', 'soon')] }), bar: { icon: '⚠️', tags: 'crit' }, section: 'Expiring soon' },
    { case: 'later today', t: token('today', '2026-03-01T17:00:00Z'), bar: { icon: '⚠️', tags: 'crit', start: '2026-03-01', end: '2026-03-02' }, section: 'Expiring soon' },
    { case: 'written with a time zone', t: token('tz', '2026-09-30T23:00:00-05:00'), bar: { day: '2026-09-30', end: '2026-09-30' }, section: 'Later' },
  ])('draws one bar for a token $case', ({ t, bar, section }) => {
    const markdown = expiryTimeline([t], { now: NOW, warningDays: 14 });
    expectWellFormed(markdown);
    const [only, ...rest] = bars(markdown);
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ name: t.name, id: 1, ...bar });
    expect(chart(markdown)).toContain(`    section ${section}`);
  });

  it('marks the run day as a milestone, not GitHub\'s todayMarker, and shades the warning window', () => {
    const lines = chart(expiryTimeline([token('a', '2026-09-30')], { now: NOW, warningDays: 14 }));
    expect(lines.slice(0, 8)).toEqual([
      'gantt',
      '    title Token expiries',
      '    dateFormat YYYY-MM-DD',
      '    axisFormat %Y-%m-%d',
      '    todayMarker off',
      '    section Now',
      '    Checked 2026-03-01 : milestone, now, 2026-03-01, 0d',
      '    Warning window, 14 days : done, window, 2026-03-01, 2026-03-15',
    ]);
  });

  it.each([
    { warningDays: undefined, line: 'Warning window, 14 days : done, window, 2026-03-01, 2026-03-15' },
    { warningDays: 1, line: 'Warning window, 1 day : done, window, 2026-03-01, 2026-03-02' },
    { warningDays: 30, line: 'Warning window, 30 days : done, window, 2026-03-01, 2026-03-31' },
  ])('a warning window of $warningDays days', ({ warningDays, line }) => {
    expect(chart(expiryTimeline([token('a', '2026-09-30')], { now: NOW, warningDays }))).toContain(`    ${line}`);
  });

  it('has no window with 0 warning days, and the window decides what is soon', () => {
    const none = expiryTimeline([token('a', '2026-03-09')], { now: NOW, warningDays: 0 });
    expect(none).not.toContain('Warning window');
    expect(bars(none)[0]).toMatchObject({ tags: 'active' });
    expect(bars(expiryTimeline([token('a', '2026-03-09')], { now: NOW, warningDays: 7 }))[0]).toMatchObject({ tags: 'active' });
    expect(bars(expiryTimeline([token('a', '2026-03-09')], { now: NOW, warningDays: 9 }))[0]).toMatchObject({ tags: 'crit' });
  });

  it('lists never-expiring tokens under the chart, not as bars', () => {
    const markdown = expiryTimeline([token('a', '2026-09-30'), token('forever', null), token('unknown', undefined), token('always', null)], { now: NOW });
    expect(bars(markdown).map((b) => b.name)).toEqual(['a']);
    expect(markdown.split('\n').at(-1)).toBe('Never expire: `forever`, `always`.');
    expect(markdown).not.toContain('unknown');
  });

  it('groups expired, soon and later, each soonest first, ids in order', () => {
    const markdown = expiryTimeline([
      token('z-later', '2027-01-01'),
      token('b-soon', '2026-03-10'),
      token('own-window', '2026-06-01', { problems: [problem('expiring-soon', 'soon')] }),
      token('a-soon', '2026-03-10'),
      token('long-expired', '2025-01-01'),
      token('a-later', '2026-07-01'),
      token('just-expired', '2026-02-28'),
    ], { now: NOW });
    expect(bars(markdown).map((b) => [b.id, b.name])).toEqual([
      [1, 'long-expired'], [2, 'just-expired'], [3, 'a-soon'], [4, 'b-soon'], [5, 'own-window'], [6, 'a-later'], [7, 'z-later'],
    ]);
    expect(chart(markdown).filter((line) => line.startsWith('    section '))).toEqual(['    section Now', '    section Expired', '    section Expiring soon', '    section Later']);
  });

  it(`draws at most ${TIMELINE_MAX_BARS} bars, the soonest, and says how many more`, () => {
    const tokens = Array.from({ length: 73 }, (_, i) => token(`t-${String(i).padStart(3, '0')}`, new Date(NOW.getTime() + (100 - i) * 86_400_000).toISOString()));
    const markdown = expiryTimeline(tokens, { now: NOW });
    const drawn = bars(markdown);
    expect(drawn).toHaveLength(TIMELINE_MAX_BARS);
    expect(drawn[0]!.name).toBe('t-072');
    expect(drawn.at(-1)!.name).toBe('t-023');
    expect(markdown.split('\n').at(-1)).toBe('_23 more tokens with an expiry in the JSON report._');
    expect(expiryTimeline(tokens.slice(0, TIMELINE_MAX_BARS), { now: NOW })).not.toContain('more token');
  });

  it('caps the never-expire list too', () => {
    const markdown = expiryTimeline([token('a', '2026-09-30'), ...Array.from({ length: 60 }, (_, i) => token(`n${i}`, null))], { now: NOW });
    expect(markdown).toMatch(/`n49` and 10 more\.$/);
    expect(markdown).not.toContain('`n50`');
  });

  it.each([
    { hostile: 'ci:deploy', shown: 'ci deploy' },
    { hostile: 'a#quot;b', shown: 'a quot b' },
    { hostile: 'a;b', shown: 'a b' },
    { hostile: 'a\nsection Pwned\nb : crit, x, 2026-01-01, 1d', shown: 'a section Pwned b crit, x, 2026-01-01, 1d' },
    { hostile: '%%{init: {"theme":"dark"}}%%', shown: '{init {"theme" "dark"}}' },
    { hostile: 'x\n```\n<img src=x onerror=alert(1)>', shown: 'x img src=x onerror=alert(1)' },
    { hostile: '<script>alert(1)</script>', shown: 'script alert(1) /script' },
    { hostile: 'R&amp;D', shown: 'R amp D' },
    { hostile: 'cc @acme/admins', shown: 'cc acme/admins' },
    { hostile: 'gantt-bot', shown: 'gantt-bot' },
    { hostile: 'section x', shown: 'section x' },
    { hostile: '2026-01-01-key', shown: '2026-01-01-key' },
    { hostile: ' \u202e\u200b:#; ', shown: '(unnamed)' },
    { hostile: 'a'.repeat(200), shown: `${'a'.repeat(59)}…` },
  ])('a hostile name $hostile stays inside its bar', ({ hostile, shown }) => {
    const markdown = expiryTimeline([token(hostile, '2026-09-30'), token('next', null)], { now: NOW });
    expectWellFormed(markdown);
    expect(bars(markdown)).toEqual([expect.objectContaining({ name: shown, id: 1 })]);
    expect(markdown.match(/^```/gm)).toHaveLength(2);
    expect(markdown).not.toMatch(/<script|<img|%%|#quot/);
    expect(chartName(hostile)).toBe(shown);
  });

  it('never lets a never-expiring name out of its code span', () => {
    const markdown = expiryTimeline([token('a', '2026-09-30'), token('x` <b>@org/team</b> `y', null)], { now: NOW });
    expect(markdown.split('\n').at(-1)).toBe('Never expire: `x b org/team /b y`.');
  });

  it('tells apart names that read the same', () => {
    const markdown = expiryTimeline([token('ci:deploy', '2026-09-30'), token('ci deploy', '2026-09-30'), token('ci;deploy', '2026-10-30'), token('ci deploy (2)', '2026-11-30')], { now: NOW });
    expect(bars(markdown).map((b) => b.name)).toEqual(['ci deploy', 'ci deploy (3)', 'ci deploy (4)', 'ci deploy (2)']);
  });

  it('is the same for the same input and run time, whatever the input order', () => {
    const tokens = [token('b', '2026-05-01'), token('a', '2026-05-01'), token('c', '2026-02-01'), token('d', null)];
    const first = expiryTimeline(tokens, { now: NOW, warningDays: 14 });
    expect(expiryTimeline([...tokens].reverse(), { now: new Date(NOW), warningDays: 14 })).toBe(first);
    expect(first).toBe([
      '```mermaid',
      'gantt',
      '    title Token expiries',
      '    dateFormat YYYY-MM-DD',
      '    axisFormat %Y-%m-%d',
      '    todayMarker off',
      '    section Now',
      '    Checked 2026-03-01 : milestone, now, 2026-03-01, 0d',
      '    Warning window, 14 days : done, window, 2026-03-01, 2026-03-15',
      '    section Expired',
      '    ❌ c (2026-02-01) : crit, done, t1, 2026-02-01, 2026-03-01',
      '    section Later',
      '    ✅ a (2026-05-01) : active, t2, 2026-03-01, 2026-05-01',
      '    ✅ b (2026-05-01) : active, t3, 2026-03-01, 2026-05-01',
      '```',
      '',
      'Never expire: `d`.',
    ].join('\n'));
  });
});
