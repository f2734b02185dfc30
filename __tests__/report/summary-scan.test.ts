import { describe, expect, it } from 'vitest';
import { problem } from '../../src/check/problems.js';
import { renderSummary, SUMMARY_LIMIT, type LineLinks } from '../../src/report/summary.js';
import type { Finding, RunResult } from '../../src/run/result.js';
import { cells, separators, tableRows } from '../helpers/markdown-table.js';
import { finding as baseFinding, runResult as run, scanSummary as scan, tokenResult as token } from '../helpers/run-result.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const LINKS: LineLinks = { server: 'https://github.com', repository: 'acme/widgets' };
const COMMIT = '0123456789abcdef0123456789abcdef01234567';
const HEADER = '| Where | Rule | Verification | Preview | Fingerprint |';

const finding = (overrides: Partial<Finding> = {}) => baseFinding({ redacted: 'ghp_ab…', ...overrides });

const findingRows = (md: string) => tableRows(md, HEADER);

const render = (result: RunResult, links?: LineLinks) => renderSummary(result, NOW, links);

describe('renderSummary: leak scan off or absent', () => {
  it('says nothing about a leak scan when the run had none', () => {
    const md = render(run({ tokens: [token()] }));
    expect(md).not.toMatch(/leak scan/i);
    expect(md).not.toContain(HEADER);
  });

  it.each([
    { reason: 'the scan input is off', text: '**Leak scan:** off: the scan input is off.' },
    { reason: undefined, text: '**Leak scan:** off: not asked for.' },
    { reason: 'the event <b>push</b> | @octocat', text: '**Leak scan:** off: the event &lt;b&gt;push&lt;/b&gt; \\| &#64;octocat.' },
  ])('off with reason $reason', ({ reason, text }) => {
    const md = render(run({ tokens: [token()], scan: scan({ mode: 'off', reason, files: 0, addedLines: 0 }) }));
    expect(md).toContain(text);
    expect(md).not.toContain('### ');
    expect(md).not.toContain(HEADER);
    expect(md).not.toContain('not scanned');
  });
});

describe('renderSummary: leak scan with no findings', () => {
  it.each([
    {
      name: 'diff with source',
      scan: scan(),
      counts: 'pull request #12 (8 files, GitHub API): 8 files, 340 added lines scanned.',
    },
    {
      name: 'full with suppressed and excluded',
      scan: scan({ mode: 'full', source: 'every tracked file at HEAD', files: 1, addedLines: 1, suppressed: 3, excluded: 2 }),
      counts: 'every tracked file at HEAD: 1 file, 1 line scanned, 3 suppressed, 2 paths excluded.',
    },
    {
      name: 'no source: the mode',
      scan: scan({ source: undefined, files: 2, addedLines: 1, excluded: 1 }),
      counts: 'diff: 2 files, 1 added line scanned, 1 path excluded.',
    },
    {
      name: 'hostile source',
      scan: scan({ source: 'branch <script>x</script>\n@here', files: 0, addedLines: 0 }),
      counts: 'branch &lt;script&gt;x&lt;/script&gt; &#64;here: 0 files, 0 added lines scanned.',
    },
  ])('$name', ({ scan: summary, counts }) => {
    const md = render(run({ tokens: [token()], scan: summary }));
    expect(md).toContain('### ✅ Leak scan: no secrets found');
    expect(md.split('\n')).toContain(counts);
    expect(md).not.toContain(HEADER);
    expect(md).not.toContain('Revoke or rotate');
  });
});

describe('renderSummary: findings table', () => {
  const findings = [
    finding({ verification: 'live', verificationReason: undefined, identity: 'octocat', scopes: ['repo', 'workflow'] }),
    finding({ file: 'config/prod.env', line: 3, column: 1, verification: 'unverified', verificationReason: 'no verifier for this rule', fingerprint: 'github-pat:config/prod.env:aaaaaaaaaaaa' }),
    finding({ rule: 'configured-secret', provider: undefined, token: 'deploy-key', redacted: '…', verification: 'inactive', verificationReason: 'provider said 401', severity: 'warning', fingerprint: 'configured-secret:x:bbbbbbbbbbbb' }),
  ];

  it('heads the section with the counts and lists one row per finding, 5 cells each', () => {
    const md = render(run({ verdict: 'fail', tokens: [token()], findings, scan: scan() }));
    expect(md).toContain('### 🔴 Leak scan: 3 secrets found, 1 live');
    expect(md).toContain('pull request #12 (8 files, GitHub API): 8 files, 340 added lines scanned.');
    expect(md).toContain('|---|---|---|---|---|');
    const rows = findingRows(md);
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(separators(row)).toBe(6);
      expect(cells(row)).toHaveLength(5);
    }
    expect(md).toContain('Revoke or rotate each live or unverified secret');
    expect(md).toContain('`.token-preflight-ignore`');
  });

  it.each([
    { name: 'no live one', findings: [finding()], title: '### ❌ Leak scan: 1 secret found' },
    { name: 'two, none live', findings: [finding(), finding({ verification: 'inactive', severity: 'warning' })], title: '### ❌ Leak scan: 2 secrets found' },
    { name: 'one live', findings: [finding({ verification: 'live' })], title: '### 🔴 Leak scan: 1 secret found, 1 live' },
  ])('title: $name', ({ findings: list, title }) => {
    expect(render(run({ findings: list, scan: scan() })).split('\n')).toContain(title);
  });

  it('live rows show the identity and scopes; unverified rows their reason; inactive rows the provider answer', () => {
    const [live, unverified, inactive] = findingRows(render(run({ findings, scan: scan() }))).map(cells);
    expect(live).toEqual([
      'src/app.ts:12:17',
      'github-pat · github',
      '🔴 **live**<br><sub>octocat; scopes: repo, workflow</sub>',
      '<code>ghp_ab…</code>',
      '<code>github-pat:src/app.ts:3f9a0c1d2e4b</code>',
    ]);
    expect(unverified![0]).toBe('config/prod.env:3:1');
    expect(unverified![2]).toBe('❌ **unverified**<br><sub>no verifier for this rule</sub>');
    expect(inactive![1]).toBe('configured-secret · token deploy-key');
    expect(inactive![2]).toBe('⚠️ **inactive**<br><sub>provider said 401</sub>');
    expect(inactive![3]).toBe('<code>…</code>');
  });

  it('a live finding with no identity or scopes shows only its state; the identity wins over a reason', () => {
    const rows = findingRows(render(run({
      findings: [
        finding({ verification: 'live', verificationReason: 'accepted' }),
        finding({ verification: 'live', identity: 'octocat', verificationReason: 'accepted' }),
        finding({ verification: 'live', scopes: ['repo'] }),
      ],
      scan: scan(),
    }))).map(cells);
    expect(rows[0]![2]).toBe('🔴 **live**<br><sub>accepted</sub>');
    expect(rows[1]![2]).toBe('🔴 **live**<br><sub>octocat</sub>');
    expect(rows[2]![2]).toBe('🔴 **live**<br><sub>scopes: repo</sub>');
  });

  it('an unverified finding without a reason shows only its state', () => {
    const [row] = findingRows(render(run({ findings: [finding({ verificationReason: undefined })], scan: scan() }))).map(cells);
    expect(row![2]).toBe('❌ **unverified**');
  });

  it.each([
    {
      name: 'plain path',
      links: LINKS, file: 'src/app.ts', line: 12,
      url: `https://github.com/acme/widgets/blob/${COMMIT}/src/app.ts#L12`,
    },
    {
      name: 'segments encoded, slashes kept',
      links: LINKS, file: 'docs/my file#1?.md', line: 7,
      url: `https://github.com/acme/widgets/blob/${COMMIT}/docs/my%20file%231%3F.md#L7`,
    },
    {
      name: 'server with a trailing slash',
      links: { server: 'https://ghe.example.com/', repository: 'acme/widgets' }, file: 'a/b.ts', line: 1,
      url: `https://ghe.example.com/acme/widgets/blob/${COMMIT}/a/b.ts#L1`,
    },
    {
      name: 'non-ASCII',
      links: LINKS, file: 'ドキュメント/設定.yml', line: 2,
      url: `https://github.com/acme/widgets/blob/${COMMIT}/${encodeURIComponent('ドキュメント')}/${encodeURIComponent('設定.yml')}#L2`,
    },
  ])('links the line when LineLinks and the commit are known: $name', ({ links, file, line, url }) => {
    const md = render(run({ findings: [finding({ file, line, column: 3 })], scan: scan({ commit: COMMIT }) }), links);
    const [row] = findingRows(md);
    expect(cells(row!)[0]).toMatch(/^\[.*\]\((.*)\)$/);
    expect(cells(row!)[0]!.endsWith(`](${url})`)).toBe(true);
    expect(cells(row!)[0]!.startsWith('[')).toBe(true);
    expect(separators(row!)).toBe(6);
  });

  it.each([
    { name: 'no LineLinks', links: undefined, commit: COMMIT },
    { name: 'no commit', links: LINKS, commit: undefined },
  ])('plain text where the line cannot be linked: $name', ({ links, commit }) => {
    const md = render(run({ findings: [finding()], scan: scan({ commit }) }), links);
    const [row] = findingRows(md);
    expect(cells(row!)[0]).toBe('src/app.ts:12:17');
    expect(md).not.toContain('/blob/');
  });

  // A `)` is not encoded by encodeURIComponent: inside a Markdown link destination an unbalanced
  // one ends the link early, so it points to the wrong file (summary.ts lineUrl).
  it('a file name with an unbalanced parenthesis still links to that file', () => {
    const md = render(run({ findings: [finding({ file: 'src/a)b.ts', line: 4 })], scan: scan({ commit: COMMIT }) }), LINKS);
    const where = cells(findingRows(md)[0]!)[0]!;
    const destination = where.slice(where.indexOf('](') + 2, -1);
    let depth = 0;
    for (let i = 0; i < destination.length; i++) {
      if (destination[i] === '\\') i++;
      else if (destination[i] === '(') depth++;
      else if (destination[i] === ')') depth--;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
  });
});

describe('renderSummary: not scanned', () => {
  it('lists the gaps in a details block, ⚠️ on incomplete ones', () => {
    const md = render(run({
      findings: [finding()],
      scan: scan({ notScanned: [
        { file: 'assets/logo.png', reason: 'binary file: the diff holds no text to scan' },
        { file: 'big.sql', reason: 'GitHub sent no patch and local git could not fill in', incomplete: true },
      ] }),
    }));
    const lines = md.split('\n');
    const open = lines.indexOf('<details><summary>2 files not scanned</summary>');
    expect(open).toBeGreaterThan(-1);
    expect(lines.indexOf('</details>')).toBeGreaterThan(open);
    expect(lines).toContain('- <code>assets/logo.png</code>: binary file: the diff holds no text to scan');
    expect(lines).toContain('- ⚠️ <code>big.sql</code>: GitHub sent no patch and local git could not fill in');
  });

  it('is there with no findings too, and says "1 file" in the singular', () => {
    const md = render(run({ scan: scan({ notScanned: [{ file: 'x.bin', reason: 'binary' }] }) }));
    expect(md).toContain('### ✅ Leak scan: no secrets found');
    expect(md).toContain('<details><summary>1 file not scanned</summary>');
    expect(md).toContain('- <code>x.bin</code>: binary');
  });

  it('lists at most 200 and counts the rest', () => {
    const notScanned = Array.from({ length: 205 }, (_, i) => ({ file: `f${i}.bin`, reason: 'binary' }));
    const md = render(run({ scan: scan({ notScanned }) }));
    expect(md.split('\n').filter((line) => /^- <code>f\d+\.bin<\/code>/.test(line))).toHaveLength(200);
    expect(md).toContain('- … and 5 more (see the JSON report)');
    expect(md).toContain('205 files not scanned');
  });

  it('no gaps: no details block', () => {
    expect(render(run({ findings: [finding()], scan: scan() }))).not.toContain('<details>');
  });
});

describe('renderSummary: hostile text in findings', () => {
  const hostile = [
    'src/a|b.ts',
    'src/@octocat.ts',
    'src/<img src=x onerror=alert(1)>.ts',
    'src/`rm -rf`.ts',
    'src/one\ntwo.ts',
    'src/x](javascript:alert(1)).ts',
    'src/back\\|slash.ts',
    'src/\u001b[31mred\u202e.ts',
  ];
  const evil = 'a | b @admins <img src=x> `x` [y](javascript:alert(1))\n| injected | row |';
  const findings = hostile.map((file, i) => finding({
    file,
    line: i + 1,
    rule: evil,
    provider: evil,
    identity: evil,
    scopes: [evil],
    verification: i % 2 ? 'live' : 'unverified',
    verificationReason: evil,
    redacted: evil,
    fingerprint: evil,
  }));
  const summary = scan({
    commit: COMMIT,
    source: evil,
    notScanned: hostile.map((file) => ({ file, reason: evil, incomplete: true })),
  });

  it.each([
    { name: 'with links', links: LINKS },
    { name: 'without links', links: undefined },
  ])('keeps the columns and lets no mention, HTML or link through ($name)', ({ links }) => {
    const md = render(run({ verdict: 'fail', findings, scan: summary }), links);
    const rows = findingRows(md);
    expect(rows).toHaveLength(hostile.length);
    for (const row of rows) {
      expect(separators(row)).toBe(6);
      expect(cells(row)).toHaveLength(5);
    }
    expect(md).not.toMatch(/^\| injected/m);
    expect(md).not.toContain('@');
    expect(md).not.toMatch(/<img/i);
    expect(md).not.toContain('\u001b');
    expect(md).not.toContain('\u202e');
    // The only HTML is the summary's own.
    for (const tag of md.match(/<[^>]*>/g) ?? []) expect(['<br>', '<sub>', '</sub>', '<details>', '</details>', '<summary>', '</summary>', '<code>', '</code>']).toContain(tag);
    // No Markdown link or image to javascript: (an escaped bracket is text).
    expect(md).not.toMatch(/(?<!\\)\]\(\s*javascript:/i);
    // Each gap stays on its own line.
    expect(md.split('\n').filter((line) => line.startsWith('- ⚠️ <code>'))).toHaveLength(hostile.length);
  });

  it('a link keeps the hostile file name only in encoded form in its destination', () => {
    const md = render(run({ findings: [finding({ file: 'src/x](javascript:alert(1)).ts', line: 2 })], scan: scan({ commit: COMMIT }) }), LINKS);
    const where = cells(findingRows(md)[0]!)[0]!;
    expect(where).toBe(`[src/x\\](javascript:alert(1)).ts:2:17](https://github.com/acme/widgets/blob/${COMMIT}/src/x%5D%28javascript%3Aalert%281%29%29.ts#L2)`);
  });
});

describe('renderSummary: the 1 MiB limit with findings', () => {
  it('20,000 findings and 2,000 tokens stay within SUMMARY_LIMIT bytes and say how many findings were left out', () => {
    const tokens = Array.from({ length: 2000 }, (_, i) => token({
      name: `token-${i}`,
      status: 'fail',
      identity: `bot-${i}`,
      problems: [problem('invalid', 'the provider refused the credential (401 Bad credentials)')],
      host: 'api.github.com',
    }));
    const findings = Array.from({ length: 20_000 }, (_, i) => finding({
      file: `packages/service-${i % 97}/src/config/environment-${i}.ts`,
      line: i + 1,
      column: 9,
      verification: i % 3 === 0 ? 'live' : 'unverified',
      identity: i % 3 === 0 ? 'acme-deploy-bot' : undefined,
      scopes: i % 3 === 0 ? ['repo', 'workflow', 'admin:org'] : undefined,
      verificationReason: 'no verifier for this rule',
      fingerprint: `github-pat:packages/service-${i % 97}/src/config/environment-${i}.ts:${i.toString(16).padStart(12, '0')}`,
    }));
    const md = render(run({
      verdict: 'fail',
      tokens,
      findings,
      scan: scan({ commit: COMMIT, notScanned: [{ file: 'x.bin', reason: 'binary' }] }),
    }), LINKS);
    expect(Buffer.byteLength(md, 'utf8')).toBeLessThanOrEqual(SUMMARY_LIMIT);
    const rows = findingRows(md);
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.length).toBeLessThan(20_000);
    expect(md).toContain(`_${20_000 - rows.length} more findings left out: the summary is limited to 1 MiB; see the JSON report._`);
    // Rows are whole and in order; the sections after the table survive.
    expect(rows.at(-1)).toContain(`environment-${rows.length - 1}.ts:${rows.length}:9`);
    for (const row of rows) expect(separators(row)).toBe(6);
    expect(md).toContain('### 🔴 Leak scan: 20000 secrets found, 6667 live');
    expect(md).toContain('<details><summary>1 file not scanned</summary>');
    expect(md).toContain('Revoke or rotate each live or unverified secret');
    expect(md).toContain('Tokens were sent only to: `api.github.com`.');
    // The tokens keep a share of the room.
    expect(md.split('\n').filter((line) => line.startsWith('| **token-')).length).toBeGreaterThan(100);
  });

  it('a few findings are not cut', () => {
    const md = render(run({ findings: Array.from({ length: 30 }, (_, i) => finding({ line: i + 1 })), scan: scan() }));
    expect(findingRows(md)).toHaveLength(30);
    expect(md).not.toContain('left out');
  });
});
