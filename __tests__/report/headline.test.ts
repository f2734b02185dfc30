import { describe, expect, it } from 'vitest';
import { problem, type Problem } from '../../src/check/problems.js';
import { earliestExpiry, failureMessage, headline } from '../../src/report/headline.js';
import type { Finding, RunResult, ScanSummary, TokenResult } from '../../src/run/result.js';

function token(name: string, overrides: Partial<TokenResult> = {}): TokenResult {
  return { name, provider: 'github', status: 'ok', problems: [], source: {}, ...overrides };
}

const fail = (name: string, ...problems: Problem[]) => token(name, { status: 'fail', problems });
const expiring = (name: string, expiresAt: string) => token(name, { status: 'warn', expiresAt, problems: [problem('expiring-soon', `expires ${expiresAt}`)] });

function finding(verification: Finding['verification']): Finding {
  return { rule: 'github-pat', provider: 'github', file: 'src/a.ts', line: 1, column: 1, fingerprint: 'f', verification, severity: verification === 'inactive' ? 'warning' : 'error', redacted: 'ghp_ab…' };
}

const SCAN: ScanSummary = { mode: 'diff', files: 3, addedLines: 40, suppressed: 0, excluded: 0, notScanned: [] };

function run(overrides: Partial<RunResult> = {}): RunResult {
  return { verdict: 'pass', problems: [], tokens: [], findings: [], startedAt: '2026-03-01T00:00:00.000Z', durationMs: 1, ...overrides };
}

describe('headline', () => {
  it('has the shape of the contract example', () => {
    const result = run({
      verdict: 'fail',
      tokens: [
        fail('release-bot', problem('expiring-soon', 'soon'), problem('expired', 'expired')),
        fail('payments', problem('wrong-mode', 'test key in production')),
        expiring('deployer', '2026-12-08T00:00:00.000Z'),
        token('a'),
        token('b'),
        token('c'),
      ],
      findings: [finding('live')],
      scan: SCAN,
    });
    expect(headline(result)).toBe('token-preflight: 2 of 6 tokens failing (release-bot: expired, payments: wrong-mode); deployer expires 2026-12-08; 1 live leak');
  });

  it.each([
    { name: 'one ok', tokens: [token('a')], text: 'token-preflight: 1 token ok' },
    { name: 'warnings', tokens: [token('a'), token('b', { status: 'warn', problems: [problem('slow', 'slow')] })], text: 'token-preflight: 2 tokens ok (1 with warnings)' },
    { name: 'skipped are not counted', tokens: [token('a'), token('s', { status: 'skipped' })], text: 'token-preflight: 1 token ok' },
    { name: 'one of one failing', tokens: [fail('x', problem('invalid', 'bad'))], text: 'token-preflight: 1 of 1 token failing (x: invalid)' },
    {
      name: 'at most 3 names, then +N more',
      tokens: ['a', 'b', 'c', 'd', 'e'].map((n) => fail(n, problem('revoked', 'r'))).concat(token('ok')),
      text: 'token-preflight: 5 of 6 tokens failing (a: revoked, b: revoked, c: revoked, +2 more)',
    },
    {
      name: 'exactly 3 names, no more',
      tokens: ['a', 'b', 'c'].map((n) => fail(n, problem('unreachable', 'u'))),
      text: 'token-preflight: 3 of 3 tokens failing (a: unreachable, b: unreachable, c: unreachable)',
    },
    { name: 'a failing token without an error problem', tokens: [token('x', { status: 'fail' })], text: 'token-preflight: 1 of 1 token failing (x: fail)' },
    { name: 'nothing', tokens: [], text: 'token-preflight: nothing checked' },
    { name: 'only skipped', tokens: [token('s', { status: 'skipped' })], text: 'token-preflight: nothing checked' },
  ])('tokens: $name', ({ tokens, text }) => {
    expect(headline(run({ tokens }))).toBe(text);
  });

  it.each([
    { name: 'earliest of several', tokens: [expiring('late', '2026-12-20T00:00:00Z'), expiring('early', '2026-12-08T10:00:00Z'), expiring('mid', '2026-12-10T00:00:00Z')], part: 'early expires 2026-12-08 (+2 more expiring soon)' },
    { name: 'one', tokens: [expiring('deployer', '2026-12-08T00:00:00.000Z')], part: 'deployer expires 2026-12-08' },
    // A known expiry with no expiring-soon problem is not news.
    { name: 'not expiring soon', tokens: [token('far', { expiresAt: '2026-04-01T00:00:00Z' })], part: '' },
  ])('expiry: $name', ({ tokens, part }) => {
    const text = headline(run({ tokens }));
    if (part) expect(text).toContain(`; ${part}`);
    else expect(text).not.toContain('expires');
  });

  it.each([
    { name: 'one live', findings: [finding('live')], part: '1 live leak' },
    { name: 'two live', findings: [finding('live'), finding('live')], part: '2 live leaks' },
    { name: 'two unverified', findings: [finding('unverified'), finding('unverified')], part: '2 leaks found' },
    { name: 'one inactive', findings: [finding('inactive')], part: '1 leak found' },
    { name: 'one live, one other', findings: [finding('live'), finding('inactive')], part: '1 live leak, 1 other leak found' },
    { name: 'one live, two others', findings: [finding('unverified'), finding('live'), finding('inactive')], part: '1 live leak, 2 other leaks found' },
    { name: 'none', findings: [], part: 'no leaks found' },
  ])('leaks: $name', ({ findings, part }) => {
    expect(headline(run({ tokens: [token('a')], findings, scan: SCAN }))).toBe(`token-preflight: 1 token ok; ${part}`);
  });

  it('a scan alone with nothing found says so instead of "nothing checked"', () => {
    expect(headline(run({ scan: { ...SCAN, mode: 'full' } }))).toBe('token-preflight: no leaks found');
  });

  it.each([
    { name: 'no scan', scan: undefined },
    { name: 'scan off', scan: { ...SCAN, mode: 'off' as const, reason: 'off' } },
  ])('says nothing about leaks when there was $name', ({ scan }) => {
    expect(headline(run({ tokens: [token('a')], scan }))).toBe('token-preflight: 1 token ok');
    expect(headline(run({ scan }))).toBe('token-preflight: nothing checked');
  });

  it('is one line, whatever a token name holds', () => {
    const text = headline(run({ tokens: [fail('evil\n::error::x\r\u001b[2J', problem('invalid', 'x'))] }));
    for (const c of ['\n', '\r', '\u001b']) expect(text).not.toContain(c);
    expect(text.startsWith('token-preflight: 1 of 1 token failing (evil ::error::x')).toBe(true);
  });
});

describe('earliestExpiry', () => {
  it.each([
    { name: 'the soonest', at: ['2026-12-20T00:00:00.000Z', '2026-06-01T08:00:00.000Z', '2026-09-01T00:00:00.000Z'], expected: '2026-06-01T08:00:00.000Z' },
    { name: 'by time, not by text', at: ['2026-06-01T10:00:00+02:00', '2026-06-01T09:00:00Z'], expected: '2026-06-01T10:00:00+02:00' },
    { name: 'ignores never and unknown', at: [null, undefined, '2027-01-01T00:00:00.000Z'], expected: '2027-01-01T00:00:00.000Z' },
    { name: 'none known', at: [null, undefined], expected: '' },
    { name: 'no tokens', at: [], expected: '' },
  ])('$name', ({ at, expected }) => {
    expect(earliestExpiry(at.map((expiresAt, i) => token(`t${i}`, { expiresAt })))).toBe(expected);
  });
});

describe('failureMessage', () => {
  it.each([
    {
      name: 'failing tokens and leaks',
      result: run({ verdict: 'fail', tokens: [fail('a', problem('invalid', 'x')), token('b'), fail('c', problem('expired', 'x'))], findings: [finding('live'), finding('unverified'), finding('inactive')], scan: SCAN }),
      failOn: 'error',
      text: 'token-preflight: fail (failing tokens: a, c; 2 leaked secrets found; fail-on: error). See the job summary.',
    },
    {
      name: 'one leaked secret',
      result: run({ verdict: 'fail', findings: [finding('live')], scan: SCAN }),
      failOn: 'error',
      text: 'token-preflight: fail (1 leaked secret found; fail-on: error). See the job summary.',
    },
    {
      name: 'only warnings',
      result: run({ verdict: 'warn', tokens: [token('a', { status: 'warn', problems: [problem('slow', 's')] })], findings: [finding('inactive')], scan: SCAN }),
      failOn: 'warning',
      text: 'token-preflight: warn (warnings found; fail-on: warning). See the job summary.',
    },
  ] as const)('$name', ({ result, failOn, text }) => {
    expect(failureMessage(result, failOn)).toBe(text);
  });
});
