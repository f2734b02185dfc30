import { describe, expect, it } from 'vitest';
import { problem } from '../../src/check/problems.js';
import { renderText } from '../../src/report/text.js';
import type { RunResult, TokenResult } from '../../src/run/result.js';
import { runResult, tokenResult } from '../helpers/run-result.js';

const NOW = new Date('2026-03-01T12:00:00Z');

const token = (overrides: Partial<TokenResult> = {}) => tokenResult({ source: {}, ...overrides });
const run = (tokens: TokenResult[], verdict: RunResult['verdict'] = 'pass') => runResult({ verdict, tokens, durationMs: 5 });

describe('renderText', () => {
  it('shows each token with its mark, facts, scopes and problems, then a verdict line', () => {
    const text = renderText(run([
      token({
        name: 'release-bot',
        environment: 'production',
        status: 'fail',
        identity: 'acme-bot',
        kind: 'classic personal access token',
        expiresAt: '2026-03-05T12:00:00.000Z',
        rateLimit: { limit: 5000, remaining: 4990 },
        latencyMs: 84,
        scopes: ['read:org'],
        requiredScopes: ['repo'],
        missingScopes: ['repo'],
        problems: [problem('insufficient-scope', 'lacks required scope "repo"'), problem('expiring-soon', 'expires on 2026-03-05 (in 4 days)')],
      }),
      token({ name: 'ci-bot', status: 'ok', identity: 'ci', expiresAt: null }),
      token({ name: 'ghes', status: 'skipped', skipReason: 'GHES_TOKEN is not set and the token is optional' }),
    ], 'fail'), NOW);
    expect(text).toBe([
      '✗ release-bot (github, production): fail',
      '    identity acme-bot · classic personal access token · expires 2026-03-05 (in 4 days) · rate limit 4990 / 5000 left · 84 ms',
      '    scopes: has: read:org; required: repo; missing: repo',
      '    error   insufficient-scope: lacks required scope "repo"',
      '    warning expiring-soon: expires on 2026-03-05 (in 4 days)',
      '✓ ci-bot (github): ok',
      '    identity ci · expires never',
      '    scopes: has: unknown',
      '- ghes (github): skipped',
      '    skipped: GHES_TOKEN is not set and the token is optional',
      '',
      'FAIL: 3 tokens (1 fail, 1 ok, 1 skipped)',
      '',
    ].join('\n'));
  });

  it.each([
    { status: 'ok', mark: '✓' },
    { status: 'warn', mark: '!' },
    { status: 'fail', mark: '✗' },
    { status: 'skipped', mark: '-' },
  ] as const)('marks a $status token with $mark', ({ status, mark }) => {
    expect(renderText(run([token({ status })]), NOW).split('\n')[0]).toBe(`${mark} release-bot (github): ${status}`);
  });

  it.each([
    { verdict: 'pass', line: 'PASS: 1 token (1 ok)' },
    { verdict: 'warn', line: 'WARN: 1 token (1 ok)' },
    { verdict: 'fail', line: 'FAIL: 1 token (1 ok)' },
  ] as const)('ends with "$line"', ({ verdict, line }) => {
    const lines = renderText(run([token()], verdict), NOW).trimEnd().split('\n');
    expect(lines.at(-1)).toBe(line);
  });

  it('with no tokens still gives a verdict', () => {
    expect(renderText(run([]), NOW)).toBe('\nPASS: 0 tokens\n');
  });

  it('a problem message is printed in full, with its code and severity', () => {
    const message = 'environment variable RELEASE_TOKEN is not set or empty: export it before running the check';
    const text = renderText(run([token({ status: 'fail', problems: [problem('missing-secret', message)] })], 'fail'), NOW);
    expect(text).toContain(`    error   missing-secret: ${message}`);
  });

  it('provider text cannot add lines or terminal escapes', () => {
    const evil = 'mallory\n::error::forged\u001b[2J';
    const text = renderText(run([token({ status: 'fail', identity: evil, problems: [problem('unexpected-response', evil)] })], 'fail'), NOW);
    expect(text).not.toContain('\u001b');
    expect(text.split('\n').some((line) => line.trimStart().startsWith('::'))).toBe(false);
  });
});

describe('renderText: modes', () => {
  it("shows the provider's mode beside the kind", () => {
    const text = renderText({ verdict: 'pass', problems: [], tokens: [{ name: 'sms', provider: 'twilio', status: 'ok', problems: [], kind: 'account SID and auth token', mode: 'live', identity: 'Acme', source: {} }], findings: [], startedAt: '', durationMs: 1 });
    expect(text).toContain('identity Acme · account SID and auth token · live mode');
  });
});
