import { describe, expect, it } from 'vitest';
import { checkScopes, evaluateFacts, notesOf, type Expectations } from '../../src/check/evaluate.js';
import type { Problem } from '../../src/check/problems.js';
import { github } from '../../src/providers/github.js';
import type { TokenFacts } from '../../src/providers/provider.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const DAY = 86_400_000;
const HOUR = 3_600_000;
const at = (ms: number) => new Date(NOW.getTime() + ms);
const expand = github.expandScopes!.bind(github);

function facts(overrides: Partial<TokenFacts> = {}): TokenFacts {
  return { kind: 'classic personal access token', identity: 'acme-bot', scopes: [], expiresAt: null, ...overrides };
}

function expectations(overrides: Partial<Expectations> = {}): Expectations {
  return { expiryWarningDays: 14, ...overrides };
}

function evaluate(f: Partial<TokenFacts>, e: Partial<Expectations> = {}, latencyMs = 50): Problem[] {
  return evaluateFacts(facts(f), latencyMs, expectations(e), NOW, expand);
}

const codes = (problems: Problem[]) => problems.map((p) => p.code);

describe('evaluateFacts: expiry', () => {
  it.each([
    { what: 'long past', expiresAt: at(-30 * DAY), ephemeral: false, code: 'expired', severity: 'error' },
    { what: 'one second ago', expiresAt: at(-1000), ephemeral: false, code: 'expired', severity: 'error' },
    { what: 'exactly now', expiresAt: at(0), ephemeral: false, code: 'expired', severity: 'error' },
    { what: 'an ephemeral token already past its expiry', expiresAt: at(-HOUR), ephemeral: true, code: 'expired', severity: 'error' },
    { what: 'in one hour', expiresAt: at(HOUR), ephemeral: false, code: 'expiring-soon', severity: 'warning' },
    { what: 'in 1 day', expiresAt: at(DAY), ephemeral: false, code: 'expiring-soon', severity: 'warning' },
    { what: 'in 13 days', expiresAt: at(13 * DAY), ephemeral: false, code: 'expiring-soon', severity: 'warning' },
    { what: 'one second inside the 14-day window', expiresAt: at(14 * DAY - 1000), ephemeral: false, code: 'expiring-soon', severity: 'warning' },
  ] as const)('$what → $code ($severity)', ({ expiresAt, ephemeral, code, severity }) => {
    const problems = evaluate({ expiresAt, ephemeral });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code, severity });
    expect(problems[0]!.message).toContain(expiresAt.toISOString().slice(0, 10));
  });

  it.each([
    { what: 'exactly at the window boundary (14 days)', expiresAt: at(14 * DAY) },
    { what: 'one second outside the window', expiresAt: at(14 * DAY + 1000) },
    { what: 'in a year', expiresAt: at(365 * DAY) },
    { what: 'never (null)', expiresAt: null },
    { what: 'unknown (absent)', expiresAt: undefined },
  ])('$what → no expiry problem', ({ expiresAt }) => {
    expect(evaluate({ expiresAt })).toEqual([]);
  });

  it.each([
    { what: 'in one hour', expiresAt: at(HOUR) },
    { what: 'in 5 days', expiresAt: at(5 * DAY) },
  ])('an ephemeral token expiring $what is not warned about (it is rotated automatically)', ({ expiresAt }) => {
    expect(evaluate({ expiresAt, ephemeral: true })).toEqual([]);
  });

  it('uses the token\'s own warning window, in both directions', () => {
    expect(codes(evaluate({ expiresAt: at(20 * DAY) }, { expiryWarningDays: 30 }))).toEqual(['expiring-soon']);
    expect(codes(evaluate({ expiresAt: at(5 * DAY) }, { expiryWarningDays: 3 }))).toEqual([]);
    expect(codes(evaluate({ expiresAt: at(2 * DAY) }, { expiryWarningDays: 3 }))).toEqual(['expiring-soon']);
  });

  it('with expiry-warning-days 0 never warns but still reports an expired token', () => {
    expect(evaluate({ expiresAt: at(HOUR) }, { expiryWarningDays: 0 })).toEqual([]);
    expect(codes(evaluate({ expiresAt: at(-HOUR) }, { expiryWarningDays: 0 }))).toEqual(['expired']);
  });

  it('says when the token expires, how long is left and the window', () => {
    const [p] = evaluate({ expiresAt: at(3 * DAY + HOUR) });
    expect(p!.message).toContain('2026-03-04');
    expect(p!.message).toContain('in 3 days');
    expect(p!.message).toContain('14-day');
    const [soon] = evaluate({ expiresAt: at(5 * HOUR + 60_000) });
    expect(soon!.message).toContain('in 5 hours');
    const [one] = evaluate({ expiresAt: at(DAY + HOUR) });
    expect(one!.message).toContain('in 1 day');
    expect(one!.message).not.toContain('in 1 days');
  });

  it('says when an expired token expired', () => {
    const [p] = evaluate({ expiresAt: new Date('2026-02-10T00:00:00Z') });
    expect(p).toMatchObject({ code: 'expired', severity: 'error' });
    expect(p!.message).toContain('2026-02-10');
  });
});

describe('evaluateFacts: max-lifetime-days', () => {
  it.each([
    { what: 'never expires', expiresAt: null, ephemeral: false, want: ['long-lived'] },
    { what: 'expires far ahead (a year)', expiresAt: at(365 * DAY), ephemeral: false, want: ['long-lived'] },
    { what: 'expires one second beyond the limit', expiresAt: at(90 * DAY + 1000), ephemeral: false, want: ['long-lived'] },
    { what: 'expires exactly at the limit', expiresAt: at(90 * DAY), ephemeral: false, want: [] },
    { what: 'expires within the limit', expiresAt: at(30 * DAY), ephemeral: false, want: [] },
    { what: 'has an unknown expiry', expiresAt: undefined, ephemeral: false, want: [] },
    { what: 'is ephemeral and never expires', expiresAt: null, ephemeral: true, want: [] },
    { what: 'is ephemeral and expires far ahead', expiresAt: at(365 * DAY), ephemeral: true, want: [] },
    { what: 'has expired', expiresAt: at(-DAY), ephemeral: false, want: ['expired'] },
  ])('a token that $what → $want', ({ expiresAt, ephemeral, want }) => {
    expect(codes(evaluate({ expiresAt, ephemeral }, { maxLifetimeDays: 90 }))).toEqual(want);
  });

  it('is off unless set: a never-expiring token is fine without the policy', () => {
    expect(evaluate({ expiresAt: null })).toEqual([]);
    expect(evaluate({ expiresAt: at(3650 * DAY) })).toEqual([]);
  });

  it('long-lived is a warning naming the date, the days ahead and the policy', () => {
    const [p] = evaluate({ expiresAt: new Date('2027-03-01T12:00:00Z') }, { maxLifetimeDays: 90 });
    expect(p).toEqual({
      code: 'long-lived',
      severity: 'warning',
      message: 'expires 2027-03-01, 365 days ahead; the policy allows at most 90 days (max-lifetime-days): rotate it to a shorter-lived token',
    });
  });

  it('says "never expires" for a token without an expiry, and rounds the days ahead up', () => {
    expect(evaluate({ expiresAt: null }, { maxLifetimeDays: 1 })[0]!.message).toBe('never expires; the policy allows at most 1 day (max-lifetime-days): rotate it to a shorter-lived token');
    expect(evaluate({ expiresAt: at(90 * DAY + HOUR) }, { maxLifetimeDays: 90 })[0]!.message).toContain(', 91 days ahead;');
  });

  it('comes alongside expiring-soon when the warning window is wider than the policy', () => {
    expect(codes(evaluate({ expiresAt: at(10 * DAY) }, { maxLifetimeDays: 7, expiryWarningDays: 14 }))).toEqual(['expiring-soon', 'long-lived']);
  });
});

describe('notesOf', () => {
  it('adds a note that the lifetime could not be checked when the policy is set and the expiry is unknown', () => {
    const notes = notesOf(facts({ expiresAt: undefined, notes: ['can read acme/app'] }), { maxLifetimeDays: 90 });
    expect(notes).toEqual(['can read acme/app', expect.stringContaining('its lifetime could not be checked against max-lifetime-days 90')]);
    expect(notesOf(facts({ expiresAt: undefined }), { maxLifetimeDays: 30 })).toHaveLength(1);
  });

  it.each([
    { what: 'no policy', f: { expiresAt: undefined }, max: undefined },
    { what: 'a known expiry', f: { expiresAt: at(DAY) }, max: 90 },
    { what: 'no expiry at all', f: { expiresAt: null }, max: 90 },
    { what: 'an ephemeral token', f: { expiresAt: undefined, ephemeral: true }, max: 90 },
  ])('keeps the provider\'s notes as they are with $what', ({ f, max }) => {
    expect(notesOf(facts({ ...f, notes: ['n'] }), { maxLifetimeDays: max })).toEqual(['n']);
    expect(notesOf(facts(f), { maxLifetimeDays: max })).toBeUndefined();
  });
});

describe('evaluateFacts: scopes', () => {
  it.each([
    { what: 'has the required scope', granted: ['repo'], require: ['repo'], allow: undefined, want: [] },
    { what: 'admin:org satisfies read:org', granted: ['admin:org'], require: ['read:org'], allow: undefined, want: [] },
    { what: 'write:org satisfies read:org', granted: ['write:org'], require: ['read:org'], allow: undefined, want: [] },
    { what: 'repo covers public_repo', granted: ['repo'], require: ['public_repo'], allow: undefined, want: [] },
    { what: 'public_repo does not cover repo', granted: ['public_repo'], require: ['repo'], allow: undefined, want: ['insufficient-scope'] },
    { what: 'read:org does not satisfy admin:org', granted: ['read:org'], require: ['admin:org'], allow: undefined, want: ['insufficient-scope'] },
    { what: 'no scopes at all', granted: [], require: ['repo'], allow: undefined, want: ['insufficient-scope'] },
    { what: 'exactly the allowed scopes', granted: ['repo', 'read:org'], require: ['repo'], allow: ['repo', 'read:org'], want: [] },
    { what: 'public_repo within an allowed repo', granted: ['public_repo'], require: undefined, allow: ['repo'], want: [] },
    { what: 'admin:org when only read:org is allowed', granted: ['admin:org'], require: ['read:org'], allow: ['read:org'], want: ['excess-scope'] },
    { what: 'a scope outside allow-scopes', granted: ['repo', 'delete_repo'], require: undefined, allow: ['repo'], want: ['excess-scope'] },
    { what: 'missing and excess at once', granted: ['gist'], require: ['repo'], allow: ['repo'], want: ['insufficient-scope', 'excess-scope'] },
    { what: 'an empty allow-scopes list allows nothing', granted: ['repo'], require: undefined, allow: [], want: ['excess-scope'] },
  ])('$what → $want', ({ granted, require, allow, want }) => {
    expect(codes(evaluate({ scopes: granted }, { requireScopes: require, allowScopes: allow }))).toEqual(want);
  });

  it('insufficient-scope is an error naming every missing scope', () => {
    const problems = evaluate({ scopes: ['read:org'] }, { requireScopes: ['repo', 'workflow', 'read:org'] });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'insufficient-scope', severity: 'error' });
    expect(problems[0]!.message).toContain('"repo"');
    expect(problems[0]!.message).toContain('"workflow"');
    expect(problems[0]!.message).not.toContain('"read:org"');
  });

  it('excess-scope is a warning naming the excess scope, not the allowed ones', () => {
    const problems = evaluate({ scopes: ['admin:org', 'repo'] }, { allowScopes: ['repo', 'read:org'] });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'excess-scope', severity: 'warning' });
    expect(problems[0]!.message).toContain('"admin:org"');
    expect(problems[0]!.message).not.toContain('"repo"');
  });

  it('without a provider expansion, scopes are compared literally', () => {
    const problems = evaluateFacts(facts({ scopes: ['admin:org'] }), 10, expectations({ requireScopes: ['read:org'] }), NOW);
    expect(codes(problems)).toEqual(['insufficient-scope']);
  });

  it.each([
    { what: 'require-scopes', e: { requireScopes: ['repo'] } },
    { what: 'allow-scopes', e: { allowScopes: ['repo'] } },
  ])('unknown scopes with $what → scopes-unknown warning naming the token kind', ({ e }) => {
    const problems = evaluate({ scopes: undefined, kind: 'fine-grained personal access token' }, e);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'scopes-unknown', severity: 'warning' });
    expect(problems[0]!.message).toContain('fine-grained personal access token');
  });

  it('unknown scopes without any scope expectation → no problem', () => {
    expect(evaluate({ scopes: undefined })).toEqual([]);
  });
});

describe('checkScopes', () => {
  it.each([
    { granted: ['admin:org'], require: ['read:org'], allow: ['read:org'], missing: [], extra: ['admin:org'] },
    { granted: ['repo'], require: ['public_repo', 'repo:status'], allow: undefined, missing: [], extra: [] },
    { granted: ['public_repo'], require: ['repo', 'public_repo'], allow: ['repo'], missing: ['repo'], extra: [] },
    { granted: ['user', 'gist'], require: ['user:email'], allow: ['user'], missing: [], extra: ['gist'] },
    { granted: ['admin:org'], require: ['manage_runners:org'], allow: ['admin:org'], missing: [], extra: [] },
  ])('granted $granted, require $require, allow $allow → missing $missing, extra $extra', ({ granted, require, allow, missing, extra }) => {
    expect(checkScopes(granted, { requireScopes: require, allowScopes: allow }, expand)).toEqual({ missing, extra });
  });

  it('returns undefined when the granted scopes are unknown', () => {
    expect(checkScopes(undefined, { requireScopes: ['repo'] }, expand)).toBeUndefined();
  });

  it('an empty granted list is known, not unknown', () => {
    expect(checkScopes([], { requireScopes: ['repo'] }, expand)).toEqual({ missing: ['repo'], extra: [] });
  });
});

describe('evaluateFacts: identity, mode, latency', () => {
  it.each([
    { what: 'the same login', identity: 'acme-bot', expect: 'acme-bot', want: [] },
    { what: 'a login differing only in case', identity: 'Acme-Bot', expect: 'acme-bot', want: [] },
    { what: 'another login', identity: 'mallory', expect: 'acme-bot', want: ['identity-mismatch'] },
    { what: 'an unrevealed identity', identity: undefined, expect: 'acme-bot', want: ['identity-mismatch'] },
    { what: 'no expectation', identity: 'mallory', expect: undefined, want: [] },
  ])('$what → $want', ({ identity, expect: expectIdentity, want }) => {
    expect(codes(evaluate({ identity }, { expectIdentity }))).toEqual(want);
  });

  it('identity-mismatch is an error naming both the actual and the expected identity', () => {
    const [p] = evaluate({ identity: 'mallory' }, { expectIdentity: 'acme-bot' });
    expect(p).toMatchObject({ code: 'identity-mismatch', severity: 'error' });
    expect(p!.message).toContain('mallory');
    expect(p!.message).toContain('acme-bot');
  });

  it.each([
    { mode: 'live', expect: 'test', want: ['wrong-mode'] },
    { mode: 'test', expect: 'live', want: ['wrong-mode'] },
    { mode: 'test', expect: 'test', want: [] },
    { mode: 'live', expect: 'live', want: [] },
    // A mode the provider did not reveal cannot be confirmed: never a silent pass.
    { mode: undefined, expect: 'test', want: ['wrong-mode'] },
    { mode: 'live', expect: undefined, want: [] },
  ] as const)('mode $mode, expect-mode $expect → $want', ({ mode, expect: expectMode, want }) => {
    expect(codes(evaluate({ mode }, { expectMode }))).toEqual(want);
  });

  it('wrong-mode is an error naming both modes', () => {
    const [p] = evaluate({ mode: 'live' }, { expectMode: 'test' });
    expect(p).toMatchObject({ code: 'wrong-mode', severity: 'error' });
    expect(p!.message).toContain('live');
    expect(p!.message).toContain('test');
  });

  it.each([
    { latency: 501, max: 500, want: ['slow'] },
    { latency: 500, max: 500, want: [] },
    { latency: 10_000, max: undefined, want: [] },
  ])('latency $latency ms with max-latency-ms $max → $want', ({ latency, max, want }) => {
    expect(codes(evaluate({}, { maxLatencyMs: max }, latency))).toEqual(want);
  });

  it('slow is a warning giving the latency and the limit', () => {
    const [p] = evaluate({}, { maxLatencyMs: 200 }, 1234);
    expect(p).toMatchObject({ code: 'slow', severity: 'warning' });
    expect(p!.message).toContain('1234 ms');
    expect(p!.message).toContain('200');
  });

  it('reports every problem at once', () => {
    const problems = evaluate(
      { identity: 'mallory', scopes: ['gist'], expiresAt: at(-DAY), mode: 'live' },
      { expectIdentity: 'acme-bot', requireScopes: ['repo'], allowScopes: ['repo'], expectMode: 'test', maxLatencyMs: 10 },
      99,
    );
    expect(codes(problems).sort()).toEqual(['excess-scope', 'expired', 'identity-mismatch', 'insufficient-scope', 'slow', 'wrong-mode']);
  });
});
