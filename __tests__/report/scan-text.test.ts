import { describe, expect, it } from 'vitest';
import { problem } from '../../src/check/problems.js';
import { renderScanText } from '../../src/report/scan-text.js';
import type { Finding, RunResult, ScanSummary } from '../../src/run/result.js';
import { finding, runResult, scanSummary } from '../helpers/run-result.js';

/** A secret value that must never be printed. */
const SECRET = 'ghp_SENTINELsecretVALUE0123456789abcdefXYZ';

/** A local diff of 2 files (no source named). */
const scan = (overrides: Partial<ScanSummary> = {}) => scanSummary({ source: undefined, files: 2, addedLines: 40, ...overrides });
const run = (overrides: Partial<RunResult> = {}) => runResult({ scan: scan(), ...overrides });

const lines = (text: string) => text.split('\n').slice(0, -1);
const closing = (text: string) => lines(text).at(-1)!;

describe('renderScanText: findings', () => {
  it.each([
    {
      name: 'unverified',
      finding: finding(),
      line: 'src/app.ts:12:17: github-pat (github) github-pat:src/app.ts:3f9a0c1d2e4b ghp_SE…',
    },
    {
      name: 'live with identity',
      finding: finding({ verification: 'live', identity: 'octocat' }),
      line: 'src/app.ts:12:17: github-pat (github) github-pat:src/app.ts:3f9a0c1d2e4b ghp_SE… LIVE (octocat)',
    },
    {
      name: 'live without identity',
      finding: finding({ verification: 'live' }),
      line: 'src/app.ts:12:17: github-pat (github) github-pat:src/app.ts:3f9a0c1d2e4b ghp_SE… LIVE',
    },
    {
      name: 'inactive',
      finding: finding({ verification: 'inactive', file: 'a/b.env', line: 1, column: 9, fingerprint: 'github-pat:a/b.env:000000000000' }),
      line: 'a/b.env:1:9: github-pat (github) github-pat:a/b.env:000000000000 ghp_SE… inactive',
    },
    {
      name: 'configured secret with its provider',
      finding: finding({ rule: 'configured-secret', token: 'deploy-key', redacted: '…', fingerprint: 'configured-secret:src/app.ts:111111111111' }),
      line: 'src/app.ts:12:17: configured-secret (github, token deploy-key) configured-secret:src/app.ts:111111111111 …',
    },
    {
      name: 'configured secret without a provider',
      finding: finding({ rule: 'configured-secret', provider: undefined, token: 'deploy-key', redacted: '…', fingerprint: 'fp' }),
      line: 'src/app.ts:12:17: configured-secret (token deploy-key) fp …',
    },
    {
      name: 'no provider',
      finding: finding({ rule: 'private-key', provider: undefined, redacted: '-----BEGIN…', fingerprint: 'fp' }),
      line: 'src/app.ts:12:17: private-key fp -----BEGIN…',
    },
  ])('$name', ({ finding: f, line }) => {
    const text = renderScanText(run({ findings: [{ ...f, secret: SECRET } as Finding] }));
    expect(lines(text)[0]).toBe(line);
    expect(text).not.toContain(SECRET);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('prints findings, then what was not scanned, then problems, then the counts', () => {
    const text = renderScanText(run({
      problems: [problem('scan-incomplete', 'part of the change could not be read')],
      findings: [finding({ line: 1 }), finding({ line: 2 })],
      scan: scan({ notScanned: [{ file: 'logo.png', reason: 'binary file' }, { file: 'big.sql', reason: 'no patch', incomplete: true }] }),
    }));
    expect(lines(text)).toEqual([
      'src/app.ts:1:17: github-pat (github) github-pat:src/app.ts:3f9a0c1d2e4b ghp_SE…',
      'src/app.ts:2:17: github-pat (github) github-pat:src/app.ts:3f9a0c1d2e4b ghp_SE…',
      'logo.png: not scanned: binary file',
      'big.sql: not scanned: no patch',
      'warning: scan-incomplete: part of the change could not be read',
      'token-preflight scan: 2 findings in 2 files, 40 added lines scanned; 2 not scanned',
    ]);
  });
});

describe('renderScanText: the closing counts line', () => {
  it.each([
    { name: 'nothing found', result: run(), line: 'token-preflight scan: no findings in 2 files, 40 added lines scanned' },
    { name: 'singular', result: run({ findings: [finding()], scan: scan({ files: 1, addedLines: 1 }) }), line: 'token-preflight scan: 1 finding in 1 file, 1 added line scanned' },
    { name: 'mode full counts lines', result: run({ scan: scan({ mode: 'full', files: 30, addedLines: 1200 }) }), line: 'token-preflight scan: no findings in 30 files, 1200 lines scanned' },
    { name: 'full, one line', result: run({ scan: scan({ mode: 'full', files: 1, addedLines: 1 }) }), line: 'token-preflight scan: no findings in 1 file, 1 line scanned' },
    {
      name: 'verified: live and inactive',
      result: run({ findings: [finding({ verification: 'live' }), finding({ verification: 'inactive' }), finding({ verification: 'unverified' })] }),
      line: 'token-preflight scan: 3 findings in 2 files, 40 added lines scanned; 1 live, 1 inactive',
    },
    {
      name: 'verified: only inactive',
      result: run({ findings: [finding({ verification: 'inactive' })] }),
      line: 'token-preflight scan: 1 finding in 2 files, 40 added lines scanned; 0 live, 1 inactive',
    },
    {
      name: 'nothing verified: no live/inactive part',
      result: run({ findings: [finding(), finding()] }),
      line: 'token-preflight scan: 2 findings in 2 files, 40 added lines scanned',
    },
    {
      name: 'suppressed with reasons (zeros left out), excluded, not scanned',
      result: run({ scan: scan({
        suppressed: 3,
        suppressedBy: { inline: 1, 'ignore-file': 2, gitleaksignore: 0 },
        excluded: 4,
        notScanned: [{ file: 'a.bin', reason: 'binary' }],
      }) }),
      line: 'token-preflight scan: no findings in 2 files, 40 added lines scanned; 3 suppressed (1 inline, 2 ignore-file); 4 paths excluded; 1 not scanned',
    },
    { name: 'one path excluded', result: run({ scan: scan({ excluded: 1 }) }), line: 'token-preflight scan: no findings in 2 files, 40 added lines scanned; 1 path excluded' },
  ])('$name', ({ result, line }) => {
    expect(closing(renderScanText(result))).toBe(line);
  });

  it('no scan summary: no counts line', () => {
    const text = renderScanText(run({ scan: undefined, findings: [finding()] }));
    expect(lines(text)).toHaveLength(1);
    expect(text).not.toContain('token-preflight scan:');
  });

  it('nothing at all prints nothing', () => {
    expect(renderScanText(run({ scan: undefined }))).toBe('');
  });
});

describe('renderScanText: hostile text', () => {
  const hostile = [
    'src/a\n::error::x',
    '::error file=x::pwned',
    'src/\u001b[2J\u001b]0;title\u0007x.ts',
    'src/a\r::warning::y',
    'src/\u2028::notice::z',
    '  ::add-mask::m',
    '##[error]legacy',
  ];

  it('keeps each finding, gap and problem on one line, none a workflow command', () => {
    const text = renderScanText(run({
      problems: [problem('scan-incomplete', 'x\n::error::from a problem')],
      findings: hostile.map((file, i) => finding({ file, line: i + 1, identity: '\n::error::id', verification: 'live' })),
      scan: scan({ notScanned: hostile.map((file) => ({ file, reason: 'r\n::error::reason' })) }),
    }));
    const all = lines(text);
    // One line per finding, per gap, per problem, and the counts line.
    expect(all).toHaveLength(hostile.length * 2 + 2);
    for (const line of all) {
      expect(line).not.toMatch(/^\s*(::|##\[)/);
      expect(line).not.toMatch(/[\p{Cc}\u2028\u2029]/u);
    }
    expect(text).not.toContain('\u001b');
    expect(text).not.toContain('\r');
    expect(all[0]).toBe('src/a ::error::x:1:17: github-pat (github) github-pat:src/app.ts:3f9a0c1d2e4b ghp_SE… LIVE ( ::error::id)');
    expect(all[1]!.startsWith(': :error file=x::pwned:2:17: ')).toBe(true);
  });
});
