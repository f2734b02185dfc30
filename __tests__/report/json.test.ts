import { describe, expect, it } from 'vitest';
import { problem } from '../../src/check/problems.js';
import { jsonReportText, toJsonReport } from '../../src/report/json.js';
import type { Finding, RunResult, TokenResult } from '../../src/run/result.js';
import { VERSION } from '../../src/version.js';
import { runResult, tokenResult } from '../helpers/run-result.js';

const token = (overrides: Partial<TokenResult> = {}) => tokenResult({ source: { file: '.github/token-preflight.yml', line: 5 }, ...overrides });
const run = (overrides: Partial<RunResult> = {}) => runResult({ durationMs: 321, ...overrides });

/** The report as a consumer reads it: through JSON. */
const parsed = (result: RunResult) => JSON.parse(jsonReportText(result)) as {
  version: number;
  result: string;
  tokens: Array<Record<string, unknown>>;
  findings: Array<Record<string, unknown>>;
  tool: { name: string; version: string };
};

const FINDING: Finding = {
  rule: 'github-pat', provider: 'github', file: 'src/app.ts', line: 12, column: 17,
  fingerprint: 'abc123', verification: 'live', severity: 'error', redacted: 'ghp_ab…',
};

describe('JSON report', () => {
  it('has the shape of the contract (docs/contract.md)', () => {
    const report = parsed(run({
      verdict: 'fail',
      tokens: [token({
        environment: 'production',
        status: 'fail',
        problems: [problem('insufficient-scope', 'lacks required scope "repo"')],
        identity: 'acme-release-bot',
        scopes: ['read:org'],
        expiresAt: '2026-12-01T00:00:00.000Z',
        latencyMs: 84,
        rateLimit: { limit: 5000, remaining: 4990, resetAt: '2026-03-01T13:00:00.000Z' },
      })],
      findings: [FINDING],
    }));
    expect(report.version).toBe(1);
    expect(report.result).toBe('fail');
    expect(report.tokens).toHaveLength(1);
    expect(report.tokens[0]).toMatchObject({
      name: 'release-bot',
      provider: 'github',
      environment: 'production',
      status: 'fail',
      problems: [{ code: 'insufficient-scope', severity: 'error', message: 'lacks required scope "repo"' }],
      identity: 'acme-release-bot',
      scopes: ['read:org'],
      expiresAt: '2026-12-01T00:00:00.000Z',
      latencyMs: 84,
      rateLimit: { limit: 5000, remaining: 4990, resetAt: '2026-03-01T13:00:00.000Z' },
    });
    expect(report.findings).toEqual([{
      rule: 'github-pat', provider: 'github', file: 'src/app.ts', line: 12, column: 17,
      fingerprint: 'abc123', verification: 'live', severity: 'error', redacted: 'ghp_ab…',
    }]);
  });

  it.each(['pass', 'warn', 'fail'] as const)('result is the verdict %s', (verdict) => {
    expect(parsed(run({ verdict })).result).toBe(verdict);
  });

  it('expiresAt is null for a token that never expires', () => {
    const [t] = parsed(run({ tokens: [token({ expiresAt: null })] })).tokens;
    expect(t).toHaveProperty('expiresAt', null);
  });

  it('expiresAt is absent when the expiry is unknown', () => {
    const [t] = parsed(run({ tokens: [token({ expiresAt: undefined })] })).tokens;
    expect(t).not.toHaveProperty('expiresAt');
  });

  it('a skipped token carries its reason and no problems', () => {
    const [t] = parsed(run({ tokens: [token({ status: 'skipped', skipReason: 'RELEASE_TOKEN is not set and the token is optional' })] })).tokens;
    expect(t).toMatchObject({ status: 'skipped', problems: [], skipReason: 'RELEASE_TOKEN is not set and the token is optional' });
  });

  it('keeps every token, in order, with its source', () => {
    const report = parsed(run({ tokens: [token({ name: 'a', source: { file: 'c.yml', line: 2 } }), token({ name: 'b', source: { line: 1 } })] }));
    expect(report.tokens.map((t) => t.name)).toEqual(['a', 'b']);
    expect(report.tokens[0]!.source).toEqual({ file: 'c.yml', line: 2 });
    expect(report.tokens[1]!.source).toEqual({ line: 1 });
  });

  it('findings is an empty array when nothing was scanned', () => {
    expect(parsed(run()).findings).toEqual([]);
  });

  it('names the tool and its version', () => {
    expect(parsed(run()).tool).toEqual({ name: 'token-preflight', version: VERSION });
  });

  it('the text form is pretty-printed JSON ending in a newline, same as the object', () => {
    const result = run({ tokens: [token({ expiresAt: null })] });
    const text = jsonReportText(result);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "version": 1,');
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(toJsonReport(result))));
  });
});
