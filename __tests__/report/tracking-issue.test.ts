import { describe, expect, it } from 'vitest';
import { problem } from '../../src/check/problems.js';
import {
  ISSUE_BODY_LIMIT,
  ISSUE_LABEL,
  ISSUE_TITLE_LIMIT,
  needsAttention,
  parseTrackedState,
  renderClosingComment,
  renderTrackingIssue,
  renderTrackingUpdate,
  trackingMarker,
  type TrackedState,
} from '../../src/report/tracking-issue.js';
import { expiryTimeline } from '../../src/report/timeline.js';
import type { RunResult, TokenResult } from '../../src/run/result.js';

const CONFIG = '.github/token-preflight.yml';
const RUN_URL = 'https://github.com/acme/app/actions/runs/42';
const at = (day: string) => new Date(`${day}T06:00:00Z`);
const options = (day: string, runUrl = RUN_URL) => ({ now: at(day), configPath: CONFIG, runUrl, warningDays: 14 });

function token(name: string, overrides: Partial<TokenResult> = {}): TokenResult {
  return { name, provider: 'github', status: 'ok', problems: [], expiresAt: '2027-06-01T00:00:00Z', source: { file: CONFIG, line: 3 }, ...overrides };
}
const expired = (name: string) => token(name, { status: 'fail', expiresAt: '2026-11-28T00:00:00Z', problems: [problem('expired', 'expired on 2026-11-28')] });
const invalid = (name: string) => token(name, { status: 'fail', expiresAt: undefined, problems: [problem('invalid', 'GitHub answered 401: Bad credentials')] });
const wrongMode = (name: string) => token(name, { provider: 'stripe', status: 'fail', expiresAt: undefined, problems: [problem('wrong-mode', 'a live-mode key; the config expects test mode')] });
const expiring = (name: string, date = '2026-12-08') => token(name, { status: 'warn', expiresAt: `${date}T00:00:00Z`, problems: [problem('expiring-soon', `expires on ${date} (in 8 days), within the 14-day warning window: rotate it`)] });

function result(tokens: TokenResult[]): RunResult {
  const verdict = tokens.some((t) => t.status === 'fail') ? 'fail' : tokens.some((t) => t.status === 'warn') ? 'warn' : 'pass';
  return { verdict, problems: [], tokens, findings: [], startedAt: '2026-11-30T06:00:00.000Z', durationMs: 10 };
}

/** The lines of the "What changed" list. */
function changeList(body: string): string[] {
  const lines = body.split('\n');
  const start = lines.findIndex((l) => l.startsWith('### What changed'));
  if (start < 0) return [];
  const out: string[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('- ')) break;
    out.push(line.slice(2));
  }
  return out;
}

const FIRST = result([token('ci'), expiring('deployer'), expired('release-bot'), wrongMode('payments')]);

describe('needsAttention', () => {
  it('is true for a failing or an expiring token, false otherwise', () => {
    expect(needsAttention(result([token('a'), expired('b')]))).toBe(true);
    expect(needsAttention(result([token('a'), expiring('b')]))).toBe(true);
    expect(needsAttention(result([token('a'), token('b', { status: 'warn', problems: [problem('excess-scope', 'extra: gist')] })]))).toBe(false);
    expect(needsAttention(result([token('a', { status: 'skipped', skipReason: 'optional' })]))).toBe(false);
    expect(needsAttention(result([]))).toBe(false);
  });
});

describe('the first rendering', () => {
  const issue = renderTrackingIssue(FIRST, undefined, options('2026-11-30'));

  it('has a title with the counts and the config', () => {
    expect(issue.title).toBe('token-preflight: 2 tokens failing, 1 expiring soon (config .github/token-preflight.yml)');
    expect(renderTrackingIssue(result([expiring('a')]), undefined, options('2026-11-30')).title).toBe('token-preflight: 1 token expiring soon (config .github/token-preflight.yml)');
  });

  it('starts with the marker, says every token needing attention as a change, and links the run', () => {
    expect(issue.body.split('\n')[0]).toBe(trackingMarker(CONFIG));
    expect(trackingMarker(CONFIG)).toBe('<!-- token-preflight:tracking config=.github/token-preflight.yml -->');
    expect(issue.changes).toEqual(['release-bot: expired since 2026-11-28', 'payments: new failure (wrong-mode)', 'deployer: expiring soon (expires 2026-12-08)']);
    expect(changeList(issue.body)).toEqual(issue.changes);
    expect(issue.body).toContain('### What changed (2026-11-30)');
    expect(issue.body).toContain(`(${RUN_URL})`);
    expect(ISSUE_LABEL).toBe('token-preflight');
  });

  it('has every token, worst first, with the day its trouble began and its expiry day', () => {
    const rows = issue.body.split('\n').filter((l) => l.startsWith('| **'));
    expect(rows.map((r) => /\*\*(.+?)\*\*/.exec(r)![1])).toEqual(['release-bot', 'payments', 'deployer', 'ci']);
    expect(rows[0]).toContain('❌ fail since 2026-11-28 | 2026-11-28 | ❌ `expired` expired on 2026-11-28 |');
    expect(rows[1]).toContain('❌ fail since 2026-11-30 |  | ❌ `wrong-mode`');
    expect(rows[2]).toContain('⚠️ warn since 2026-11-30 | 2026-12-08 | ⚠️ `expiring-soon`');
    expect(rows[3]).toContain('✅ ok | 2027-06-01 |');
    expect(issue.body).toContain('| Token | Status | Expires | Problems |');
  });

  it('has the expiry timeline, and no countdown that would change the issue every day', () => {
    const timeline = expiryTimeline(FIRST.tokens, { now: at('2026-11-30'), warningDays: 14 });
    expect(timeline).toContain('```mermaid');
    expect(issue.body).toContain(`### Expiry timeline\n\n${timeline}\n`);
    expect(issue.body).toContain('⚠️ `expiring-soon` expires on 2026-12-08, within the 14-day warning window: rotate it');
    expect(issue.body).not.toContain('in 8 days');
  });

  it('keeps its state in a hidden comment that reads back the same', () => {
    expect(parseTrackedState(issue.body)).toEqual(issue.state);
    expect(issue.state).toEqual({
      version: 1,
      tokens: [
        { name: 'release-bot', status: 'fail', code: 'expired', since: '2026-11-28', expires: '2026-11-28' },
        { name: 'payments', status: 'fail', code: 'wrong-mode', since: '2026-11-30' },
        { name: 'deployer', status: 'expiring', code: 'expiring-soon', since: '2026-11-30', expires: '2026-12-08' },
      ],
      changes: issue.changes,
      changedOn: '2026-11-30',
      complete: true,
    });
    expect(issue.body.trimEnd().split('\n').at(-1)).toMatch(/^<!-- token-preflight:state \{.*\} -->$/);
  });
});

describe('what changed since the last run', () => {
  const first = renderTrackingIssue(FIRST, undefined, options('2026-11-30'));

  it('nothing: no change, the days each began kept, and the previous body kept when only the run differs', () => {
    const next = renderTrackingIssue(FIRST, first.state, options('2026-12-01', 'https://github.com/acme/app/actions/runs/43'));
    expect(next.changes).toEqual([]);
    expect(next.state).toEqual(first.state);
    expect(changeList(next.body)).toEqual(first.changes);
    // The timeline (drawn from the run's day) and the run's link differ, and nothing else.
    expect(next.body).not.toBe(first.body);
    const update = renderTrackingUpdate(FIRST, first.body, options('2026-12-01', 'https://github.com/acme/app/actions/runs/43'));
    expect(update.body).toBe(first.body);
    expect(update.title).toBe(first.title);
  });

  it('anything else that changes in the table makes a new body, with the run’s link and timeline', () => {
    const more = result([...FIRST.tokens, token('new-and-ok')]);
    const update = renderTrackingUpdate(more, first.body, options('2026-12-01', 'https://github.com/acme/app/actions/runs/43'));
    expect(update.changes).toEqual([]);
    expect(update.body).not.toBe(first.body);
    expect(update.body).toContain('**new-and-ok**');
    expect(update.body).toContain('(https://github.com/acme/app/actions/runs/43)');
    expect(update.body).toContain('Checked 2026-12-01');
    // What changed is still the last change's.
    expect(changeList(update.body)).toEqual(first.changes);
  });

  it('fixed, new, changed, gone, not checked, and back to merely expiring', () => {
    const later = result([
      token('deployer'), // was expiring-soon
      invalid('payments'), // was wrong-mode
      expiring('release-bot', '2026-12-20'), // was expired: rotated to a token that expires soon
      wrongMode('new-one'),
    ]);
    const previous: TrackedState = { ...first.state, tokens: [...first.state.tokens, { name: 'removed', status: 'fail', code: 'invalid', since: '2026-11-01' }, { name: 'optional-one', status: 'fail', code: 'invalid', since: '2026-11-02' }] };
    later.tokens.push(token('optional-one', { status: 'skipped', skipReason: 'optional' }));
    const next = renderTrackingIssue(later, previous, options('2026-12-02'));
    expect(next.changes).toEqual([
      'payments: now invalid (was wrong-mode)',
      'new-one: new failure (wrong-mode)',
      'release-bot: fixed on 2026-12-02 (was expired); expiring soon (expires 2026-12-20)',
      'deployer: fixed on 2026-12-02 (was expiring-soon)',
      'removed: no longer configured (was invalid)',
      'optional-one: not checked on 2026-12-02 (was invalid)',
    ]);
    expect(changeList(next.body)).toEqual(next.changes);
    expect(next.body).toContain('### What changed (2026-12-02)');
    expect(next.title).toBe('token-preflight: 2 tokens failing, 1 expiring soon (config .github/token-preflight.yml)');
  });

  it('an expiring token that expires says since when', () => {
    const next = renderTrackingIssue(result([expired('deployer')]), { ...first.state, tokens: [{ name: 'deployer', status: 'expiring', code: 'expiring-soon', since: '2026-11-20', expires: '2026-11-28' }] }, options('2026-11-30'));
    expect(next.changes).toEqual(['deployer: expired since 2026-11-28']);
  });

  it('another failure of a failing token says what it was', () => {
    const next = renderTrackingIssue(result([expired('payments')]), first.state, options('2026-12-02'));
    expect(next.changes).toContain('payments: expired since 2026-11-28 (was wrong-mode)');
  });

  it('all healthy: an all-clear title and what was fixed, and the closing comment says it', () => {
    const next = renderTrackingIssue(result([token('ci'), token('deployer'), token('payments'), token('release-bot')]), first.state, options('2026-12-03'));
    expect(next.title).toBe('token-preflight: all tokens healthy (config .github/token-preflight.yml)');
    expect(next.body).toContain('## ✅ token-preflight: all tokens healthy');
    expect(next.state.tokens).toEqual([]);
    expect(next.changes).toEqual(['release-bot: fixed on 2026-12-03 (was expired)', 'payments: fixed on 2026-12-03 (was wrong-mode)', 'deployer: fixed on 2026-12-03 (was expiring-soon)']);
    const comment = renderClosingComment(next.changes, { now: at('2026-12-03'), runUrl: RUN_URL });
    expect(comment.split('\n')[0]).toBe('✅ All tokens healthy again on 2026-12-03:');
    expect(comment).toContain('- release-bot: fixed on 2026-12-03 (was expired)');
    expect(comment).toContain(`([run](${RUN_URL}))`);
    expect(renderClosingComment([], { now: at('2026-12-03') }).split('\n')[0]).toBe('✅ All tokens healthy again on 2026-12-03.');
  });

  it('a garbled previous body: starts afresh, every failing token new again', () => {
    const next = renderTrackingUpdate(FIRST, `${trackingMarker(CONFIG)}\nsomeone rewrote this`, options('2026-12-01'));
    expect(next.changes).toEqual(first.changes);
  });
});

describe('parseTrackedState', () => {
  const body = renderTrackingIssue(FIRST, undefined, options('2026-11-30')).body;
  const state = (json: string) => `${trackingMarker(CONFIG)}\ntext\n<!-- token-preflight:state ${json} -->`;
  const good = { version: 1, tokens: [{ name: 'a', status: 'fail', code: 'invalid', since: '2026-11-30' }], changes: [], changedOn: '2026-11-30', complete: true };

  it.each([
    ['no state', 'just text'],
    ['an empty body', ''],
    ['an unclosed comment', '<!-- token-preflight:state {"version":1'],
    ['not JSON', state('{version: 1}')],
    ['JSON of another kind', state('[1,2,3]')],
    ['null', state('null')],
    ['another version', state(JSON.stringify({ ...good, version: 2 }))],
    ['a status it never writes', state(JSON.stringify({ ...good, tokens: [{ ...good.tokens[0], status: 'ok' }] }))],
    ['a date that is not one', state(JSON.stringify({ ...good, tokens: [{ ...good.tokens[0], since: 'yesterday' }] }))],
    ['a code with markup', state(JSON.stringify({ ...good, tokens: [{ ...good.tokens[0], code: '<b>x</b>' }] }))],
    ['a name that is not a string', state(JSON.stringify({ ...good, tokens: [{ ...good.tokens[0], name: 7 }] }))],
    ['changes that are not strings', state(JSON.stringify({ ...good, changes: [{}] }))],
    ['too many changes', state(JSON.stringify({ ...good, changes: Array.from({ length: 51 }, () => 'x') }))],
    ['a huge state', state(JSON.stringify({ ...good, changes: ['x'.repeat(30_000)] }))],
    ['no changedOn', state(JSON.stringify({ ...good, changedOn: undefined }))],
  ])('%s → undefined', (_, text) => {
    expect(parseTrackedState(text)).toBeUndefined();
  });

  it('never throws on a cut or mangled body', () => {
    for (let i = 0; i < body.length; i += 7) {
      expect(() => parseTrackedState(body.slice(0, i))).not.toThrow();
      expect(() => parseTrackedState(body.slice(0, i) + '}"\\' + body.slice(i + 3))).not.toThrow();
    }
    expect(() => parseTrackedState(undefined as unknown as string)).not.toThrow();
  });

  it('reads a valid state, and a name like __proto__ stays a plain name', () => {
    expect(parseTrackedState(state(JSON.stringify(good)))).toEqual(good);
    const proto = { ...good, tokens: [{ ...good.tokens[0], name: '__proto__' }] };
    const read = parseTrackedState(state(JSON.stringify(proto)));
    expect(read?.tokens[0]?.name).toBe('__proto__');
    const next = renderTrackingIssue(result([invalid('__proto__')]), read, options('2026-12-01'));
    expect(next.changes).toEqual([]);
  });
});

describe('hostile text', () => {
  const evil = 'x --> <img src=x onerror=alert(1)> @admin | [link](https://evil.example) `code`\n## heading';
  const issue = renderTrackingIssue(
    result([token(evil, { status: 'fail', problems: [problem('invalid', `${evil} -->`)], environment: '@team -->' })]),
    undefined,
    { now: at('2026-11-30'), configPath: '../x --> <b>@admin</b>\n.yml', runUrl: 'javascript:alert(1)' },
  );

  it('neither ends a hidden comment, nor adds markup, mentions, links or lines', () => {
    // The only comment ends are the marker's and the state's.
    expect(issue.body.match(/-->/g)).toHaveLength(2);
    expect(issue.body.split('\n')[0]).toBe('<!-- token-preflight:tracking config=../x_-___b__admin_/b__.yml -->');
    expect(issue.body).not.toMatch(/<img|<b>|javascript:|\n## heading/);
    // Outside the hidden state and the timeline's code block (where nothing is a mention or a link), no mention or link either.
    const visible = issue.body.slice(0, issue.body.lastIndexOf('<!-- token-preflight:state')).replace(/```mermaid[\s\S]*?```/, '');
    expect(visible).not.toMatch(/@admin|@team|(?<!\\)\]\(https:\/\/evil/);
    for (const change of changeList(issue.body)) expect(change).not.toMatch(/<|@|(?<!\\)\|/);
  });

  it('the state keeps the name as it is and reads back', () => {
    const read = parseTrackedState(issue.body);
    expect(read?.tokens[0]?.name).toBe(evil);
    expect(renderTrackingIssue(result([token(evil, { status: 'fail', problems: [problem('invalid', 'x')] })]), read, options('2026-12-01')).changes).toEqual([]);
  });
});

describe('limits', () => {
  const many = result(Array.from({ length: 3_000 }, (_, i) => token(`token-${String(i).padStart(4, '0')}-${'n'.repeat(60)}`, { status: 'fail', problems: [problem('invalid', `refused: ${'m'.repeat(150)}`), problem('insufficient-scope', 's'.repeat(150))] })));

  it('3,000 failing tokens: a body within GitHub’s 65,536 characters, a bounded state that reads back, rows left out said so', () => {
    const issue = renderTrackingIssue(many, undefined, options('2026-11-30'));
    expect(issue.body.length).toBeLessThanOrEqual(ISSUE_BODY_LIMIT);
    expect(issue.body.split('\n')[0]).toBe(trackingMarker(CONFIG));
    expect(issue.body).toMatch(/✂️ \d+ more tokens not shown/);
    expect(issue.title).toBe('token-preflight: 3000 tokens failing (config .github/token-preflight.yml)');
    const state = parseTrackedState(issue.body);
    expect(state).toEqual(issue.state);
    expect(state!.complete).toBe(false);
    expect(state!.tokens.length).toBeGreaterThan(10);
    expect(state!.changes.at(-1)).toMatch(/^… and \d+ more$/);
    // The tokens it had no room for are not called new on the next run.
    expect(renderTrackingIssue(many, state, options('2026-12-01')).changes).toEqual([]);
  });

  it('names that grow when escaped (&, @, [) keep every part within its bounds', () => {
    const heavy = result(Array.from({ length: 2_000 }, (_, i) => token(`${i}${'&@['.repeat(100)}`, { status: 'fail', problems: [problem('invalid', '&'.repeat(300))] })));
    const issue = renderTrackingIssue(heavy, undefined, options('2026-11-30'));
    expect(issue.body.length).toBeLessThanOrEqual(ISSUE_BODY_LIMIT);
    expect(parseTrackedState(issue.body)).toEqual(issue.state);
    const closing = renderClosingComment(Array.from({ length: 2_000 }, () => '&'.repeat(400)), { now: at('2026-12-01') });
    expect(closing.length).toBeLessThanOrEqual(ISSUE_BODY_LIMIT);
    expect(closing).toMatch(/- … and \d+ more\n/);
  });

  it('a long config path keeps the title within GitHub’s limit', () => {
    const issue = renderTrackingIssue(FIRST, undefined, { ...options('2026-11-30'), configPath: `${'deep/'.repeat(100)}token-preflight.yml` });
    expect(issue.title.length).toBeLessThanOrEqual(ISSUE_TITLE_LIMIT);
    expect(issue.title).toMatch(/\(config ….*token-preflight\.yml\)$/);
  });
});
