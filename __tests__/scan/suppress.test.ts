import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint, gitleaksIgnoreMatcher, parseGitleaksIgnore } from '../../src/scan/fingerprint.js';
import { redactedPreview } from '../../src/scan/redact-preview.js';
import { excludeMatcher, hasInlineMarker, loadSuppressionFiles, parseIgnoreFile, Suppressor } from '../../src/scan/suppress.js';

describe('inline markers', () => {
  it.each([
    'const key = "AKIA…"; // token-preflight:allow',
    'password = "x" # gitleaks:allow',
    'secret: abc  # pragma: allowlist secret',
    'secret: abc  # pragma:allowlist-secret',
    'token = "x" // trufflehog:ignore',
  ])('%s', (line) => expect(hasInlineMarker(line)).toBe(true));

  it.each(['const key = "x"; // token-preflight: allow later', '# gitleaks allow', 'allowlist secret'])('not: %s', (line) => expect(hasInlineMarker(line)).toBe(false));
});

describe('.token-preflight-ignore', () => {
  it('reads one fingerprint a line, with # comments and blank lines', () => {
    const text = '# accepted test keys\ngithub-pat:test/fixture.ts:0123456789ab\n\n  aws-access-key:a#b.txt:ba9876543210   # rotated 2026-01\r\n#github-pat:x:ffffffffffff\n';
    expect([...parseIgnoreFile(text)]).toEqual(['github-pat:test/fixture.ts:0123456789ab', 'aws-access-key:a#b.txt:ba9876543210']);
  });

  it('is read from the repository root with .gitleaksignore; missing files are empty', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tp-ignore-'));
    expect(await loadSuppressionFiles(dir)).toEqual({ ignore: new Set(), gitleaksIgnore: [] });
    writeFileSync(path.join(dir, '.token-preflight-ignore'), 'r:f:0123456789ab\n');
    writeFileSync(path.join(dir, '.gitleaksignore'), 'f.txt:generic-api-key:3\n');
    expect(await loadSuppressionFiles(dir)).toEqual({ ignore: new Set(['r:f:0123456789ab']), gitleaksIgnore: [{ file: 'f.txt', rule: 'generic-api-key', line: 3 }] });
  });
});

describe('.gitleaksignore', () => {
  it('reads commit:file:rule:line and file:rule:line, files with colons, and skips what is no entry', () => {
    const text = [
      '# from gitleaks',
      'cd5226711335c68be1e720b318b7bc3135a30eb2:cmd/generate/config/rules/sidekiq.go:sidekiq-secret:23',
      'src/a:b.ts:github-pat:7',
      './docs/x.md:slack-bot-token:12',
      'deadbeef:generic-api-key:1',
      'no line:rule:x',
      '',
    ].join('\n');
    expect(parseGitleaksIgnore(text)).toEqual([
      { commit: 'cd5226711335c68be1e720b318b7bc3135a30eb2', file: 'cmd/generate/config/rules/sidekiq.go', rule: 'sidekiq-secret', line: 23 },
      { file: 'src/a:b.ts', rule: 'github-pat', line: 7 },
      { file: 'docs/x.md', rule: 'slack-bot-token', line: 12 },
      { file: 'deadbeef', rule: 'generic-api-key', line: 1 },
    ]);
  });

  it('matches by file, rule and line, whatever the commit', () => {
    const matches = gitleaksIgnoreMatcher(parseGitleaksIgnore('0123abcd:src/a.ts:github-pat:7\n'));
    expect(matches({ file: 'src/a.ts', rule: 'github-pat', line: 7 })).toBe(true);
    expect(matches({ file: 'src/a.ts', rule: 'github-pat', line: 8 })).toBe(false);
    expect(matches({ file: 'src/a.ts', rule: 'aws-access-key', line: 7 })).toBe(false);
    expect(matches({ file: 'src/b.ts', rule: 'github-pat', line: 7 })).toBe(false);
  });
});

describe('Suppressor', () => {
  it('gives the first reason that holds and counts by reason', () => {
    const fp = fingerprint('github-pat', 'a.ts', 'S1');
    const suppressor = new Suppressor({ ignore: new Set([fp]), gitleaksIgnore: parseGitleaksIgnore('b.ts:github-pat:3\n') });
    expect(suppressor.check({ rule: 'github-pat', file: 'a.ts', line: 1, fingerprint: fp }, 'x // gitleaks:allow')).toBe('inline');
    expect(suppressor.check({ rule: 'github-pat', file: 'a.ts', line: 9, fingerprint: fp }, 'x')).toBe('ignore-file');
    expect(suppressor.check({ rule: 'github-pat', file: 'b.ts', line: 3, fingerprint: 'other' }, 'x')).toBe('gitleaksignore');
    expect(suppressor.check({ rule: 'github-pat', file: 'b.ts', line: 4, fingerprint: 'other' }, 'x')).toBeUndefined();
    expect(suppressor.counts).toEqual({ inline: 1, 'ignore-file': 1, gitleaksignore: 1 });
    expect(suppressor.total).toBe(3);
  });
});

describe('exclude globs', () => {
  const cases: Array<[string, string, boolean]> = [
    ['fixtures/**', 'fixtures/a.json', true],
    ['fixtures/**', 'fixtures/deep/er/a.json', true],
    ['fixtures/**', 'src/fixtures/a.json', false],
    ['fixtures', 'fixtures/a.json', true],
    ['fixtures/', 'fixtures/a.json', true],
    ['**/*.snap', 'a.snap', true],
    ['**/*.snap', 'src/__snapshots__/x.test.ts.snap', true],
    ['**/*.snap', 'src/x.snapshot', false],
    ['*.snap', 'src/a.snap', false],
    ['*.snap', 'a.snap', true],
    ['src/**/test/*.ts', 'src/test/a.ts', true],
    ['src/**/test/*.ts', 'src/a/b/test/a.ts', true],
    ['src/**/test/*.ts', 'src/a/b/test/c/a.ts', false],
    ['src/**/test', 'src/a/test/c/a.ts', true],
    ['src/?.ts', 'src/a.ts', true],
    ['src/?.ts', 'src/ab.ts', false],
    ['src/?.ts', 'src//.ts', false],
    ['**/*.{snap,lock}', 'x/bun.lock', true],
    ['**/*.{snap,lock}', 'x/bun.lockb', false],
    ['./docs/*.md', 'docs/a.md', true],
    ['/docs/*.md', 'docs/a.md', true],
    ['*', '.env', true],
    ['a.b', 'aXb', false],
    ['[abc].txt', '[abc].txt', true],
    ['[abc].txt', 'a.txt', false],
    ['**', 'anything/at/all', true],
  ];
  it.each(cases)('%s ~ %s: %s', (glob, file, expected) => {
    expect(excludeMatcher([glob])(file)).toBe(expected);
  });

  it('matches none with no patterns, any of several, and stays fast on hostile patterns', () => {
    expect(excludeMatcher([])('a')).toBe(false);
    expect(excludeMatcher(['', 'x/**', 'y'])('y/z')).toBe(true);
    const hostile = excludeMatcher([`${'**/a*'.repeat(20)}/b`]);
    const start = performance.now();
    expect(hostile(`${'a/'.repeat(200)}c`)).toBe(false);
    expect(performance.now() - start).toBeLessThan(200);
  });
});

describe('fingerprint and preview', () => {
  const SECRET = `ghp_${'Zq7Xw2Lp9Rt4Vn6Bm1Kc8Hd3Jf5Gs0'}${'AbCdEf'}`;

  it('is rule:file:12 hex, the same wherever the line is, and never holds the secret', () => {
    const fp = fingerprint('github-pat', 'src/a.ts', SECRET);
    expect(fp).toMatch(/^github-pat:src\/a\.ts:[0-9a-f]{12}$/);
    expect(fingerprint('github-pat', 'src/a.ts', SECRET)).toBe(fp);
    expect(fingerprint('other-rule', 'src/a.ts', SECRET)).not.toBe(fp.replace('github-pat', 'other-rule'));
    expect(fp).not.toContain(SECRET.slice(4, 10));
  });

  it('shows the rule prefix or 4 characters, never over a third', () => {
    expect(redactedPreview(SECRET, ['ghp_'])).toBe('ghp_…');
    expect(redactedPreview('sk_live_0123456789abcdefghijklmn', ['sk_live_', 'rk_live_'])).toBe('sk_live_…');
    expect(redactedPreview('AKIAIOSFODNN7EXAMPL3', ['akia'])).toBe('AKIA…');
    expect(redactedPreview('xY9$kLm2pQ7!vB4n')).toBe('xY9$…');
    expect(redactedPreview('hunter2xy')).toBe('hun…');
    expect(redactedPreview('sk_live_abc', ['sk_live_'])).toBe('sk_…');
    expect(redactedPreview('ab')).toBe('…');
    expect(redactedPreview('\u001b[31mXXXXXXXXXXXXXXXX')).not.toContain('\u001b');
  });
});
