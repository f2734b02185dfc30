import { describe, expect, it } from 'vitest';
import { problem } from '../../src/check/problems.js';
import { toOutputs } from '../../src/report/outputs.js';
import type { Finding, RunResult, TokenResult } from '../../src/run/result.js';

function token(overrides: Partial<TokenResult> = {}): TokenResult {
  return { name: 't', provider: 'github', status: 'ok', problems: [], source: {}, ...overrides };
}

function finding(verification: Finding['verification']): Finding {
  return { rule: 'github-pat', provider: 'github', file: 'src/a.ts', line: 1, column: 1, fingerprint: 'f', verification, severity: verification === 'inactive' ? 'warning' : 'error', redacted: 'ghp_ab…' };
}

function run(overrides: Partial<RunResult> = {}): RunResult {
  return { verdict: 'pass', problems: [], tokens: [], findings: [], startedAt: '2026-03-01T00:00:00.000Z', durationMs: 1, ...overrides };
}

describe('toOutputs', () => {
  it('sets exactly the outputs of the contract (docs/contract.md)', () => {
    expect(Object.keys(toOutputs(run(), '/tmp/r.json')).sort()).toEqual(['earliest-expiry', 'expiring-tokens', 'failed-tokens', 'findings', 'headline', 'live-findings', 'report', 'result'].sort());
  });

  it('for a clean run: pass, the report path, empty lists, zero findings', () => {
    expect(toOutputs(run({ tokens: [token()] }), '/runner/tmp/token-preflight/report.json')).toEqual({
      result: 'pass',
      report: '/runner/tmp/token-preflight/report.json',
      'failed-tokens': '',
      'expiring-tokens': '',
      findings: '0',
      'live-findings': '0',
      'earliest-expiry': '',
      headline: 'token-preflight: 1 token ok',
    });
  });

  it.each(['pass', 'warn', 'fail'] as const)('result is the verdict %s', (verdict) => {
    expect(toOutputs(run({ verdict }), 'r').result).toBe(verdict);
  });

  it('lists failed and expiring tokens by name, comma-separated, in config order', () => {
    const outputs = toOutputs(run({
      verdict: 'fail',
      tokens: [
        token({ name: 'a', status: 'fail', problems: [problem('invalid', 'x')] }),
        token({ name: 'b', status: 'warn', problems: [problem('expiring-soon', 'x')] }),
        token({ name: 'c', status: 'ok' }),
        token({ name: 'd', status: 'fail', problems: [problem('insufficient-scope', 'x'), problem('expiring-soon', 'y')] }),
        token({ name: 'e', status: 'skipped' }),
        token({ name: 'f', status: 'warn', problems: [problem('slow', 'x')] }),
        token({ name: 'g', status: 'fail', problems: [problem('expired', 'x')] }),
      ],
    }), 'r');
    expect(outputs['failed-tokens']).toBe('a,d,g');
    expect(outputs['expiring-tokens']).toBe('b,d');
  });

  it('counts findings and the live ones', () => {
    const outputs = toOutputs(run({ findings: [finding('live'), finding('inactive'), finding('unverified'), finding('live')] }), 'r');
    expect(outputs.findings).toBe('4');
    expect(outputs['live-findings']).toBe('2');
  });
});
