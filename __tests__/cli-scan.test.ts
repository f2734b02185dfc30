import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import type { Rule } from '../src/scan/types.js';

// A rule of this test's own beside the real ones: the CLI's behaviour must not hang on which
// vendors' rules exist. Its sentinels are fake.
const SENTINEL_RULE: Rule = {
  id: 'test-sentinel',
  provider: 'github',
  description: 'Sentinel tokens of the CLI tests',
  keywords: ['tps_'],
  pattern: /\b(?<secret>tps_[A-Za-z0-9]{28})\b/,
  examples: { positive: ['export SENTINEL=tps_Ra4Ub7Xe0Hk3Nq6Tw9Zc2Ff5Ij8L', '"key": "tps_Vd1Gm4Jp7Ms0Pv3Sy6Bb9Ee2Hh5K"'], negative: [] },
};
vi.mock('../src/scan/rules/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/scan/rules/index.js')>();
  return { RULES: [SENTINEL_RULE, ...real.RULES] };
});

const { runCli } = await import('../src/cli.js');
const { RULES } = await import('../src/scan/rules/index.js');
const { scanDiff } = await import('../src/scan/scan.js');

const S1 = 'tps_Hq3Zk8Wm1Xv6Rb9Tn2Lc5Jp7Df4G';
const S2 = 'tps_Nw5Ea2Yr8Ku1Oi4Pl7Ms0Qz3Bx6C';
const SENTINELS = [S1, S2];

async function cli(argv: string[], cwd = os.tmpdir(), stdin?: string) {
  let stdout = '';
  let stderr = '';
  const env = { PATH: process.env.PATH, HOME: cwd, GIT_CONFIG_NOSYSTEM: '1' };
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env, cwd, ...(stdin !== undefined ? { stdin: Readable.from([stdin]) } : {}) });
  expectHidden(stdout + stderr, SENTINELS);
  return { code, stdout, stderr };
}

const WINDOW = 8;
const POWER = 31 ** (WINDOW - 1) | 0; // 31^(WINDOW-1) modulo 2^32, as Math.imul takes it

/** A hash of `WINDOW` characters that rolls: one pass over a large output finds any of many fragments. */
function rollingHashes(text: string, each: (hash: number, at: number) => void) {
  let hash = 0;
  for (let i = 0; i < text.length; i++) {
    if (i >= WINDOW) hash = (hash - Math.imul(text.charCodeAt(i - WINDOW), POWER)) | 0;
    hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
    if (i >= WINDOW - 1) each(hash, i - WINDOW + 1);
  }
}

/** What the output says of its own: rule ids and descriptions (`sk-…T3BlbkFJ…`). */
const CATALOG = RULES.map((rule) => `${rule.id} ${rule.description}`).join('\n');
const CATALOG_WINDOWS = new Set(Array.from({ length: Math.max(0, CATALOG.length - WINDOW + 1) }, (_, at) => CATALOG.slice(at, at + WINDOW)));

/**
 * Nothing of a secret beyond what a preview may show (a third of it): no `WINDOW` characters of it
 * that reach past that third, where they look random and are not text the output has of its own (a
 * username part `deploy` is in a rule id; OpenAI's fixed `T3BlbkFJ` in a description).
 */
function expectHidden(output: string, secrets: readonly string[]) {
  const fragments = new Map<number, string[]>();
  for (const secret of new Set(secrets)) {
    const from = Math.max(0, Math.floor(secret.length / 3) - WINDOW + 1);
    let checked = false;
    rollingHashes(secret, (hash, at) => {
      const window = secret.slice(at, at + WINDOW);
      if (at < from || !/\d/.test(window) || !/[a-z]/i.test(window) || CATALOG_WINDOWS.has(window)) return;
      checked = true;
      const list = fragments.get(hash);
      if (list) list.push(window);
      else fragments.set(hash, [window]);
    });
    if (!checked && !CATALOG.includes(secret)) expect(output).not.toContain(secret);
  }
  rollingHashes(output, (hash, at) => {
    for (const window of fragments.get(hash) ?? []) {
      if (output.startsWith(window, at)) expect.fail(`the output shows ${window} of a secret: ${JSON.stringify(output.slice(Math.max(0, at - 40), at + 40))}`);
    }
  });
}

function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

function workdir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tp-cli-scan-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function diff(file: string, lines: string[], start = 1): string {
  return [`diff --git a/${file} b/${file}`, `--- a/${file}`, `+++ b/${file}`, `@@ -${start},0 +${start},${lines.length} @@`, ...lines.map((l) => `+${l}`), ''].join('\n');
}

const DIFF = diff('src/app.ts', ['const a = 1;', `const token = "${S1}";`], 10) + diff('config/ci.env', [`DEPLOY=${S2} # note`]);

describe('token-preflight scan', () => {
  it('prints file:line:col: rule (provider) fingerprint redacted, and exits 1 on findings', async () => {
    const dir = workdir({ 'change.diff': DIFF });
    const { code, stdout, stderr } = await cli(['scan', '--diff', 'change.diff'], dir);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^src\/app\.ts:11:16: test-sentinel \(github\) test-sentinel:src\/app\.ts:[0-9a-f]{12} tps_…\nconfig\/ci\.env:1:8: test-sentinel \(github\) test-sentinel:config\/ci\.env:[0-9a-f]{12} tps_…\n/);
    expect(stdout).toMatch(/\ntoken-preflight scan: 2 findings in 2 files, 3 added lines scanned\n$/);
  });

  it('--format json: findings as in the report, unverified since verification is off, and the scan', async () => {
    const { code, stdout } = await cli(['scan', '--diff', '-', '--format', 'json'], os.tmpdir(), DIFF);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { findings: Array<Record<string, unknown>>; scan: Record<string, unknown> };
    expect(report.findings[0]).toEqual({
      rule: 'test-sentinel',
      provider: 'github',
      file: 'src/app.ts',
      line: 11,
      column: 16,
      fingerprint: expect.stringMatching(/^test-sentinel:src\/app\.ts:[0-9a-f]{12}$/),
      verification: 'unverified',
      verificationReason: 'verification off',
      severity: 'error',
      redacted: 'tps_…',
    });
    expect(report.scan).toEqual({ mode: 'diff', source: 'the diff on stdin', files: 2, addedLines: 3, suppressed: 0, suppressedBy: { inline: 0, 'ignore-file': 0, gitleaksignore: 0 }, excluded: 0, notScanned: [] });
  });

  it('exits 0 with no findings, listing what it could not scan', async () => {
    const input = `${diff('a.txt', ['nothing here'])}diff --git a/logo.png b/logo.png\nnew file mode 100644\nBinary files /dev/null and b/logo.png differ\n`;
    const { code, stdout } = await cli(['scan', '--diff', '-'], os.tmpdir(), input);
    expect(code).toBe(0);
    expect(stdout).toBe('logo.png: not scanned: binary file: the diff holds no text to scan\ntoken-preflight scan: no findings in 1 file, 1 added line scanned; 1 not scanned\n');
  });

  it('suppresses what .token-preflight-ignore lists (the fingerprint it printed) and inline markers, and counts them', async () => {
    const dir = workdir({ 'change.diff': DIFF });
    const first = JSON.parse((await cli(['scan', '--diff', 'change.diff', '--format', 'json'], dir)).stdout) as { findings: Array<{ fingerprint: string }> };
    writeFileSync(path.join(dir, '.token-preflight-ignore'), `# test fixture\n${first.findings[0]!.fingerprint}  # accepted\n`);
    writeFileSync(path.join(dir, 'change.diff'), DIFF.replace('# note', '# token-preflight:allow'));
    const { code, stdout } = await cli(['scan', '--diff', 'change.diff'], dir);
    expect(code).toBe(0);
    expect(stdout).toBe('token-preflight scan: no findings in 2 files, 3 added lines scanned; 2 suppressed (1 inline, 1 ignore-file)\n');
  });

  it('honours .gitleaksignore entries by file, rule and line', async () => {
    const dir = workdir({ 'change.diff': DIFF, '.gitleaksignore': 'abc1234:src/app.ts:test-sentinel:11\nconfig/ci.env:test-sentinel:1\n' });
    expect(await cli(['scan', '--diff', 'change.diff'], dir)).toMatchObject({ code: 0, stdout: expect.stringContaining('2 suppressed (2 gitleaksignore)') });
  });

  it('--exclude and --disable-rules leave paths and rules out', async () => {
    const dir = workdir({ 'change.diff': DIFF });
    const excluded = await cli(['scan', '--diff', 'change.diff', '--exclude', 'config/**', '--exclude', '**/*.md'], dir);
    expect(excluded.stdout).toMatch(/^src\/app\.ts:11:16: /);
    expect(excluded.stdout).toContain('1 finding in 1 file, 2 added lines scanned; 1 path excluded');
    const disabled = await cli(['scan', '--diff', 'change.diff', '--disable-rules', 'test-sentinel,configured-secret', '--format', 'json'], dir);
    expect((JSON.parse(disabled.stdout) as { findings: Array<{ rule: string }> }).findings.map((f) => f.rule)).not.toContain('test-sentinel');
  });

  it('scans whole files and directories given as paths, every line as added', async () => {
    const dir = workdir({ 'src/a.ts': `x\n${S1}\n`, 'src/deep/b.yml': `k: ${S2}\n`, 'docs/c.md': 'fine\n' });
    const { code, stdout } = await cli(['scan', 'src', 'docs/c.md', '--format', 'json'], dir);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { findings: Array<{ file: string; line: number; column: number }>; scan: Record<string, unknown> };
    expect(report.findings.map((f) => `${f.file}:${f.line}:${f.column}`)).toEqual(['src/a.ts:2:1', 'src/deep/b.yml:1:4']);
    expect(report.scan).toMatchObject({ mode: 'full', files: 3, addedLines: 4 });
  });

  it('--staged scans the staged change from anywhere in the work tree, with the ignore files at its top', async () => {
    const dir = workdir({ 'sub/keep.txt': 'x\n' });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: { PATH: process.env.PATH, HOME: dir, GIT_CONFIG_NOSYSTEM: '1' } });
    git('init', '-q');
    writeFileSync(path.join(dir, 'sub/new.env'), `A=${S1}\nB=${S2}\n`);
    git('add', '.');
    const staged = await cli(['scan', '--staged', '--format', 'json'], path.join(dir, 'sub'));
    expect(staged.code).toBe(1);
    const report = JSON.parse(staged.stdout) as { findings: Array<{ file: string; line: number; fingerprint: string }> };
    expect(report.findings.map((f) => `${f.file}:${f.line}`)).toEqual(['sub/new.env:1', 'sub/new.env:2']);
    writeFileSync(path.join(dir, '.token-preflight-ignore'), report.findings.map((f) => f.fingerprint).join('\n'));
    expect(await cli(['scan', '--staged'], path.join(dir, 'sub'))).toMatchObject({ code: 0, stdout: expect.stringContaining('2 suppressed') });
  });

  it('--staged outside a git work tree is an error, never a pass', async () => {
    const { code, stderr } = await cli(['scan', '--staged'], workdir());
    expect(code).toBe(2);
    expect(stderr).toMatch(/^token-preflight: git rev-parse --show-toplevel failed: .*not a git repository/);
  });

  it('--format sarif writes SARIF 2.1.0 with each finding at its place', async () => {
    const { code, stdout } = await cli(['scan', '--diff', '-', '--format', 'sarif'], os.tmpdir(), diff('dir with space/ä.ts', [`t=${S1}`]));
    expect(code).toBe(1);
    const sarif = JSON.parse(stdout);
    expect(sarif).toMatchObject({ version: '2.1.0', runs: [{ tool: { driver: { name: 'token-preflight', rules: [{ id: 'test-sentinel', shortDescription: { text: SENTINEL_RULE.description } }] } } }] });
    expect(sarif.runs[0].results).toEqual([
      {
        ruleId: 'test-sentinel',
        ruleIndex: 0,
        level: 'error',
        message: { text: expect.stringContaining('tps_…') },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'dir%20with%20space/%C3%A4.ts', uriBaseId: '%SRCROOT%' }, region: { startLine: 1, startColumn: 3 } } }],
        partialFingerprints: { 'tokenPreflight/v1': expect.stringMatching(/^test-sentinel:dir with space\/ä\.ts:[0-9a-f]{12}$/) },
        properties: { verification: 'unverified', verificationReason: 'verification off' },
      },
    ]);
  });

  it('prints a hostile file name as one clean line, never a workflow command', async () => {
    const input = ['diff --git "a/x\\n::error::forged" "b/x\\n::error::forged"', '--- /dev/null', '+++ "b/\\n::error::forged\\033[2J"', '@@ -0,0 +1 @@', `+${S1}`, ''].join('\n');
    const { stdout } = await cli(['scan', '--diff', '-'], os.tmpdir(), input);
    for (const line of stdout.split('\n')) {
      expect(line).not.toMatch(/^\s*(::|##\[)/);
      expect(line).not.toMatch(/[\p{Cc}\p{Cf}]/u);
    }
    expect(stdout.split('\n')).toHaveLength(3);
  });

  it.each([
    [['scan'], 'nothing to scan: give --diff FILE (- for stdin), --staged, or PATHs'],
    [['scan', '--staged', 'src'], 'give one of --diff, --staged or PATHs, not several'],
    [['scan', '--diff', 'x.diff', '--format', 'yaml'], '--format must be one of text, json, sarif, got "yaml"'],
    [['scan', '--diff', 'x.diff', '--disable-rules', 'test-sentinel,no-such-rule'], '--disable-rules: unknown rule "no-such-rule"'],
    [['scan', '--diff'], "Option '--diff <value>' argument missing"],
  ])('exits 2 on a usage error: %j', async (argv, message) => {
    const { code, stderr } = await cli(argv);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain('Usage: token-preflight scan');
  });

  it.each([
    [['scan', '--diff', 'missing.diff'], 'token-preflight: cannot read the diff missing.diff: no such file\n'],
    [['scan', 'missing-dir'], 'token-preflight: cannot scan missing-dir: no such file or directory\n'],
    [['scan', '--staged', '--config', 'missing.yml'], 'token-preflight: git rev-parse --show-toplevel failed: fatal: not a git repository (or any of the parent directories): .git\n'],
  ])('exits 2 when it cannot do what it was asked: %j', async (argv, message) => {
    expect(await cli(argv, workdir(), '')).toEqual({ code: 2, stdout: '', stderr: message });
  });
});

describe('no found secret in any output', () => {
  /** Each rule's positive examples, each in a file of its own, with the secrets they hold. */
  const exampleDiff = once(async () => {
    // File names carry no rule id: a name like microsoft-teams-webhook/0 could share 8 characters with a webhook URL.
    const text = RULES.flatMap((rule, r) => rule.examples.positive.map((example, i) => diff(`examples/r${r}-${i}.txt`, example.split('\n')))).join('') + diff('sentinel.ts', [S1]);
    const { findings } = await scanDiff(text, { rules: RULES });
    return { text, secrets: findings.flatMap((f) => [f.secret, ...Object.values(f.parts ?? {})]) };
  });

  it.each(['text', 'json', 'sarif'])('%s: neither a secret nor its hidden part', async (format) => {
    const { text, secrets } = await exampleDiff();
    const { code, stdout, stderr } = await cli(['scan', '--diff', '-', '--format', format], os.tmpdir(), text);
    expect(code).toBe(1);
    expect(secrets.length).toBeGreaterThan(RULES.length / 2);
    expectHidden(stdout + stderr, secrets);
  });
});

describe('token-preflight rules', () => {
  it('--format json: id, provider, description of every rule, configured-secret too', async () => {
    const { code, stdout } = await cli(['rules', '--format', 'json']);
    expect(code).toBe(0);
    const { rules } = JSON.parse(stdout) as { rules: Array<Record<string, unknown>> };
    expect(rules[0]).toEqual({ id: 'test-sentinel', provider: 'github', description: SENTINEL_RULE.description });
    expect(rules.at(-1)).toEqual({ id: 'configured-secret', description: expect.stringContaining('never printed') });
    expect(rules).toHaveLength(RULES.length + 1);
  });

  it('lists them as text, one a line', async () => {
    const { code, stdout } = await cli(['rules']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^test-sentinel\s+github\s+Sentinel tokens of the CLI tests\n/);
    expect(stdout).toMatch(/\nconfigured-secret\s+-\s+A configured token's own value/);
  });

  it.each([[['rules', '--format', 'sarif']], [['rules', 'extra']]])('exits 2 on a usage error: %j', async (argv) => {
    const { code, stderr } = await cli(argv);
    expect(code).toBe(2);
    expect(stderr).toContain('Usage: token-preflight rules');
  });
});

describe('help', () => {
  it('scan --help names every option and the suppression files', async () => {
    const { code, stdout } = await cli(['scan', '--help']);
    expect(code).toBe(0);
    for (const text of ['--diff FILE|-', '--staged', 'PATH ...', '--format text|json|sarif', '--exclude GLOB', '--disable-rules IDS', '--verify', '.token-preflight-ignore', '.gitleaksignore', 'token-preflight:allow']) {
      expect(stdout).toContain(text);
    }
  });

  it('the general usage shows scan and rules', async () => {
    const { stdout } = await cli(['--help']);
    expect(stdout).toContain('token-preflight scan [--diff FILE|-] [--staged] [PATH ...] [--format text|json|sarif]');
    expect(stdout).toContain('token-preflight rules [--format text|json]');
  });
});
