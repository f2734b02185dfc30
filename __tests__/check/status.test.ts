import { describe, expect, it } from 'vitest';
import { problem, PROBLEM_SEVERITY, type ProblemCode } from '../../src/check/problems.js';
import { gateFails, statusOf, verdictOf, type FailOn, type RunVerdict } from '../../src/check/status.js';

describe('statusOf', () => {
  it.each([
    { codes: [], status: 'ok' },
    { codes: ['expiring-soon'], status: 'warn' },
    { codes: ['excess-scope', 'slow'], status: 'warn' },
    { codes: ['invalid'], status: 'fail' },
    { codes: ['expiring-soon', 'insufficient-scope'], status: 'fail' },
    { codes: ['slow', 'rate-limited', 'unreachable'], status: 'fail' },
  ] as Array<{ codes: ProblemCode[]; status: string }>)('$codes → $status', ({ codes, status }) => {
    expect(statusOf(codes.map((code) => problem(code, 'x')))).toBe(status);
  });
});

describe('problem severities (the table of docs/contract.md)', () => {
  it.each([
    ['missing-secret', 'error'], ['invalid', 'error'], ['revoked', 'error'], ['expired', 'error'],
    ['expiring-soon', 'warning'], ['insufficient-scope', 'error'], ['excess-scope', 'warning'],
    ['identity-mismatch', 'error'], ['wrong-mode', 'error'], ['reused-across-environments', 'error'],
    ['previous-still-valid', 'error'], ['accepts-invalid', 'error'], ['rate-limited', 'warning'],
    ['unreachable', 'error'], ['unexpected-response', 'error'], ['slow', 'warning'], ['scopes-unknown', 'warning'],
    ['nothing-checked', 'warning'], ['long-lived', 'warning'],
  ] as Array<[ProblemCode, string]>)('%s is %s', (code, severity) => {
    expect(PROBLEM_SEVERITY[code]).toBe(severity);
    expect(problem(code, 'm')).toEqual({ code, severity, message: 'm' });
  });
});

describe('verdictOf', () => {
  it.each([
    { severities: [], verdict: 'pass' },
    { severities: ['warning'], verdict: 'warn' },
    { severities: ['warning', 'warning'], verdict: 'warn' },
    { severities: ['error'], verdict: 'fail' },
    { severities: ['warning', 'error', 'warning'], verdict: 'fail' },
  ] as Array<{ severities: Array<'error' | 'warning'>; verdict: RunVerdict }>)('$severities → $verdict', ({ severities, verdict }) => {
    expect(verdictOf(severities)).toBe(verdict);
  });

  it('accepts any iterable', () => {
    expect(verdictOf(new Set(['warning'] as const))).toBe('warn');
  });
});

describe('gateFails', () => {
  it.each([
    ['pass', 'error', false],
    ['warn', 'error', false],
    ['fail', 'error', true],
    ['pass', 'warning', false],
    ['warn', 'warning', true],
    ['fail', 'warning', true],
    ['pass', 'never', false],
    ['warn', 'never', false],
    ['fail', 'never', false],
  ] as Array<[RunVerdict, FailOn, boolean]>)('verdict %s with fail-on %s → fails: %s', (verdict, failOn, fails) => {
    expect(gateFails(verdict, failOn)).toBe(fails);
  });
});

describe('every problem code is documented', () => {
  it('docs/contract.md and the README list each code of PROBLEM_SEVERITY with its severity', async () => {
    const { readFileSync } = await import('node:fs');
    for (const file of ['../../docs/contract.md', '../../README.md']) {
      const text = readFileSync(new URL(file, import.meta.url), 'utf8');
      for (const [code, severity] of Object.entries(PROBLEM_SEVERITY)) expect(text, `${file}: ${code}`).toMatch(new RegExp(`\\| \`${code}\` \\| ${severity} \\|`));
    }
  });
});
