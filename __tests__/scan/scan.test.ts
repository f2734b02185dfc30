import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../src/scan/types.js';

import { MAX_CHUNK_LINES, CHUNK_OVERLAP } from '../../src/scan/diff.js';
import { fingerprint } from '../../src/scan/fingerprint.js';
import { configuredSecret, scanDiff, scanFiles } from '../../src/scan/scan.js';

const TEST_RULE: Rule = {
  id: 'test-token',
  provider: 'github',
  description: 'test tokens',
  keywords: ['tpt_'],
  pattern: /\b(?<secret>tpt_[A-Za-z0-9]{24})\b/,
  examples: { positive: [], negative: [] },
};
const OTHER_RULE: Rule = { ...TEST_RULE, id: 'other-token', provider: undefined, keywords: ['otk-'], pattern: /\b(?<secret>otk-[a-f0-9]{16})\b/ };
const RULES = [TEST_RULE, OTHER_RULE];

// Sentinels: fake, real-shaped for the test rules.
const S1 = 'tpt_Q7mZ2xLp9Wd4Rk8Vb3Nc6Hs1';
const S2 = 'tpt_Bf5Jq0Ty7Ue2Io9Pa4Sd6Gh3';
const O1 = 'otk-0f1e2d3c4b5a6978';

function diff(file: string, start: number, lines: string[]): string {
  return [`diff --git a/${file} b/${file}`, `--- a/${file}`, `+++ b/${file}`, `@@ -${start},0 +${start},${lines.length} @@`, ...lines.map((l) => `+${l}`), ''].join('\n');
}

describe('scanDiff', () => {
  it('turns matches of added lines into findings: place, fingerprint, preview, unverified', async () => {
    const input = [
      'diff --git a/src/app.ts b/src/app.ts',
      '--- a/src/app.ts',
      '+++ b/src/app.ts',
      '@@ -3,2 +3,3 @@',
      ` const old = "${S2}"; // context is not added`,
      `-const gone = "${S2}";`,
      `+const token = "${S1}";`,
      ` x`,
      '',
    ].join('\n');
    const { findings, stats } = await scanDiff(input, { rules: RULES });
    expect(findings).toEqual([
      {
        rule: 'test-token',
        provider: 'github',
        file: 'src/app.ts',
        line: 4,
        column: 16,
        fingerprint: fingerprint('test-token', 'src/app.ts', S1),
        verification: 'unverified',
        verificationReason: 'verification off',
        severity: 'error',
        redacted: 'tpt_…',
        secret: S1,
      },
    ]);
    expect(stats).toEqual({ files: 1, addedLines: 1, suppressed: 0, suppressedBy: { inline: 0, 'ignore-file': 0, gitleaksignore: 0 }, excluded: 0, notScanned: [] });
  });

  it('keeps the fingerprint when the line moves, and a new one in another file', async () => {
    const a = await scanDiff(diff('a.ts', 1, [`k=${S1}`]), { rules: RULES });
    const moved = await scanDiff(diff('a.ts', 90, ['', `  k = "${S1}"`]), { rules: RULES });
    const other = await scanDiff(diff('b.ts', 1, [`k=${S1}`]), { rules: RULES });
    expect(moved.findings[0]!.fingerprint).toBe(a.findings[0]!.fingerprint);
    expect(moved.findings[0]!.line).toBe(91);
    expect(other.findings[0]!.fingerprint).not.toBe(a.findings[0]!.fingerprint);
  });

  it('leaves out excluded paths and disabled rules, and counts the excluded files', async () => {
    const input = diff('fixtures/keys.json', 1, [`"${S1}"`]) + diff('src/a.ts', 1, [`${S2} ${O1}`]) + diff('src/b.snap', 1, [S1]);
    const { findings, stats } = await scanDiff(input, { rules: RULES, exclude: ['fixtures/**', '**/*.snap'], disableRules: ['other-token'] });
    expect(findings.map((f) => `${f.file}:${f.rule}`)).toEqual(['src/a.ts:test-token']);
    expect(stats).toMatchObject({ files: 1, addedLines: 1, excluded: 2 });
  });

  it('suppresses by inline marker, ignore file and .gitleaksignore, counting each reason', async () => {
    const lines = [`a=${S1} # gitleaks:allow`, `b=${S2}`, `c=${O1}`, `d=${S1} // pragma: allowlist secret`, `e=${O1}2`, `f=${S2}x`];
    const { findings, stats } = await scanDiff(diff('cfg.env', 1, lines), {
      rules: RULES,
      ignore: new Set([fingerprint('test-token', 'cfg.env', S2)]),
      gitleaksIgnore: [{ file: 'cfg.env', rule: 'other-token', line: 3 }],
    });
    expect(findings).toEqual([]);
    expect(stats).toMatchObject({ suppressed: 4, suppressedBy: { inline: 2, 'ignore-file': 1, gitleaksignore: 1 } });
  });

  it('reports binary files as not scanned', async () => {
    const input = 'diff --git a/k.p12 b/k.p12\nnew file mode 100644\nBinary files /dev/null and b/k.p12 differ\n';
    expect((await scanDiff(input, { rules: RULES })).stats.notScanned).toEqual([{ file: 'k.p12', reason: expect.stringContaining('binary') }]);
  });

  it('finds the same in a stream of bytes cut anywhere as in the whole diff', async () => {
    const input = diff('a.ts', 1, ['x', `k=${S1}`, `y ${O1} ü€`, 'z']) + diff('b.ts', 5, [`"${S2}"`]);
    const whole = await scanDiff(input, { rules: RULES });
    expect(whole.findings.map((f) => `${f.file}:${f.line}:${f.column}`)).toEqual(['a.ts:2:3', 'a.ts:3:3', 'b.ts:5:2']);
    const bytes = Buffer.from(input);
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(await scanDiff(Readable.from([bytes.subarray(0, cut), bytes.subarray(cut)]), { rules: RULES }), `cut at ${cut}`).toEqual(whole);
    }
  });

  it('finds a secret once where a long run is cut into overlapping chunks', async () => {
    const count = MAX_CHUNK_LINES + 500;
    const at = MAX_CHUNK_LINES - CHUNK_OVERLAP / 2; // in the overlap: read by both chunks
    const lines = Array.from({ length: count }, (_, i) => (i + 1 === at ? `k=${S1}` : i + 1 === count ? `k=${S2}` : `line ${i}`));
    const { findings, stats } = await scanDiff(diff('big.txt', 1, lines), { rules: RULES });
    expect(findings.map((f) => f.line)).toEqual([at, count]);
    expect(stats.addedLines).toBe(count);
  });
});

describe('configured secrets', () => {
  const VALUE = 'cfg_Zx8Kq2Lm7Np4Rt9Vw3Yb6Hd1Jf5';

  it('finds a configured value anywhere in a line by its hash, named after its token, never shown', async () => {
    const input = diff('deploy.sh', 1, ['ok', `curl https://u:${VALUE}@host/x`, `X=${VALUE}`]);
    const { findings } = await scanDiff(input, { rules: RULES, configuredSecrets: configuredSecret('release-bot', VALUE) });
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'configured-secret', token: 'release-bot', file: 'deploy.sh', line: 2, column: 16, redacted: '…', fingerprint: fingerprint('configured-secret', 'deploy.sh', VALUE), secret: VALUE }),
      expect.objectContaining({ rule: 'configured-secret', line: 3, column: 3 }),
    ]);
    expect(findings[0]).not.toHaveProperty('provider');
    expect(JSON.stringify(configuredSecret('release-bot', VALUE))).not.toContain(VALUE.slice(4));
  });

  it('finds a configured value in a long diff read as bytes, once per place, past chunk cuts', async () => {
    const count = MAX_CHUNK_LINES + 700;
    const lines = Array.from({ length: count }, (_, i) => (i % 1550 === 7 ? `v${i}=${VALUE} ${VALUE.slice(0, 6)}` : `line ${i} cfg_ ü`));
    const { findings } = await scanDiff(diff('big.env', 1, lines), { rules: RULES, configuredSecrets: configuredSecret('bot', VALUE) });
    expect(findings.map((f) => `${f.line}:${f.column}`)).toEqual(
      lines.flatMap((line, i) => (line.includes(VALUE) ? [`${i + 1}:${line.indexOf(VALUE) + 1}`] : [])),
    );
  });

  it('with the hash alone, finds a value standing between delimiters', async () => {
    const hash = createHash('sha256').update(VALUE).digest('hex');
    const input = diff('a.yml', 1, [`token: "${VALUE}"`, `glued${VALUE}`]);
    const { findings } = await scanDiff(input, { rules: RULES, configuredSecrets: [{ name: 'bot', hash }] });
    expect(findings.map((f) => [f.rule, f.line, f.column])).toEqual([['configured-secret', 1, 9]]);
  });

  it('is one finding where a rule matches inside the configured value, with the rule provider', async () => {
    const { findings } = await scanDiff(diff('a.ts', 1, [`t = "${S1}"`]), { rules: RULES, configuredSecrets: configuredSecret('bot', S1) });
    expect(findings).toEqual([expect.objectContaining({ rule: 'configured-secret', token: 'bot', provider: 'github', column: 6 })]);
  });

  it('can be disabled like any rule', async () => {
    const { findings } = await scanDiff(diff('a', 1, [VALUE]), { rules: RULES, configuredSecrets: configuredSecret('bot', VALUE), disableRules: ['configured-secret'] });
    expect(findings).toEqual([]);
  });

  it('skips values too short to mean anything; looks for the random lines of a multi-line value', () => {
    expect(configuredSecret('pin', '1234567')).toEqual([]);
    const body = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj';
    const pem = `-----BEGIN PRIVATE KEY-----\n${body}\nAAAA\n-----END PRIVATE KEY-----\n`;
    expect(configuredSecret('key', pem)).toEqual([expect.objectContaining({ name: 'key', length: body.length, hash: createHash('sha256').update(body).digest('hex') })]);
  });
});

describe('scanFiles', () => {
  it('reads a file of many chunks: a secret across a chunk border, line numbers, CRLF', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tp-scan-'));
    // 64 KiB is a read stream's chunk: the secret's line is cut by the first border.
    const filler = Array.from({ length: 2000 }, (_, i) => `line ${i} ${'x'.repeat(i % 40)}\r`).join('\n');
    const head = `${'y'.repeat(65536 - 10 - 1)}\n`;
    const text = `${head}k=${S1}\n${filler}\n${O1}`;
    writeFileSync(path.join(dir, 'big.txt'), text);
    const { findings, stats } = await scanFiles(['big.txt'], { rules: RULES, cwd: dir });
    const lines = text.split('\n');
    expect(findings.map((f) => `${f.line}:${f.column}:${f.rule}`)).toEqual([
      `${lines.findIndex((l) => l.includes(S1)) + 1}:3:test-token`,
      `${lines.length}:1:other-token`,
    ]);
    expect(stats.addedLines).toBe(lines.length);
  });


  it('scans every line of files and directories; skips .git, binaries, links and excluded directories', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tp-scan-'));
    mkdirSync(path.join(dir, 'src/deep'), { recursive: true });
    mkdirSync(path.join(dir, '.git'));
    mkdirSync(path.join(dir, 'vendor'));
    writeFileSync(path.join(dir, 'src/deep/a.ts'), `one\r\ntwo ${S1}\r\n`);
    writeFileSync(path.join(dir, 'src/b.bin'), Buffer.from([0x74, 0x00, ...Buffer.from(S2)]));
    writeFileSync(path.join(dir, '.git/config'), `${S2}\n`);
    writeFileSync(path.join(dir, 'vendor/x.js'), `${S2}\n`);
    writeFileSync(path.join(dir, 'top.env'), `${O1}`);
    symlinkSync(path.join(dir, 'top.env'), path.join(dir, 'src/link.env'));
    const { findings, stats } = await scanFiles(['src', 'top.env', 'vendor'], { rules: RULES, cwd: dir, exclude: ['vendor'] });
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column}:${f.rule}`)).toEqual(['src/deep/a.ts:2:5:test-token', 'top.env:1:1:other-token']);
    expect(stats).toMatchObject({ files: 2, addedLines: 3, excluded: 1 });
    expect(stats.notScanned).toEqual([
      { file: 'src/b.bin', reason: expect.stringContaining('binary') },
      { file: 'src/link.env', reason: expect.stringContaining('symbolic link') },
    ]);
  });
});
