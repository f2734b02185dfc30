import { describe, expect, it } from 'vitest';
import { problem } from '../../src/check/problems.js';
import { COMMENT_LIMIT, COMMENT_MARKER, renderComment } from '../../src/report/comment.js';
import type { LineLinks } from '../../src/report/summary.js';
import type { Finding, RunResult, ScanSummary, TokenResult } from '../../src/run/result.js';
import { cells, tableRows } from '../helpers/markdown-table.js';
import { finding, runResult as run, scanSummary, tokenResult as token } from '../helpers/run-result.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const LINKS: LineLinks = { server: 'https://github.com', repository: 'acme/widgets' };
const COMMIT = '0123456789abcdef0123456789abcdef01234567';
const RUN_URL = 'https://github.com/acme/widgets/actions/runs/123456789';
const TOKEN_HEADER = '| Token | Status | Identity | Expires | Problems |';
const FINDING_HEADER = '| Where | Rule | Verification | Fingerprint |';
const ALL_CLEAR = '✅ All clear — every token is healthy and no secrets were found';
/** A secret value that must never reach the comment. */
const SECRET = 'ghp_SENTINELsecretVALUE0123456789abcdefXYZ';

const scan = (overrides: Partial<ScanSummary> = {}) => scanSummary({ commit: COMMIT, ...overrides });

const render = (result: RunResult, options: Parameters<typeof renderComment>[1] = {}) => renderComment(result, { now: NOW, links: LINKS, runUrl: RUN_URL, ...options });

/** The targets of Markdown links `[text](target)` (a `\\]` is no link) and autolinks `<https://…>`. */
const linkTargets = (md: string) => [...md.matchAll(/(?<!\\)\]\(([^)\s]*)\)/g), ...md.matchAll(/<(https?:[^>\s]*)>/g)].map((m) => m[1]!);

const failing = () => run({
  verdict: 'fail',
  tokens: [
    token({ name: 'deployer', identity: 'acme-bot', expiresAt: '2026-03-09T12:00:00.000Z' }),
    token({ name: 'release-bot', status: 'fail', problems: [problem('expired', 'expired on 2026-02-01')], expiresAt: '2026-02-01T00:00:00.000Z', identity: 'acme-release' }),
  ],
  findings: [finding()],
  scan: scan(),
});

describe('renderComment: the marker', () => {
  it.each([
    ['all clear', run({ tokens: [token()] })],
    ['failing', failing()],
    ['no tokens, no scan', run({ verdict: 'warn', problems: [problem('nothing-checked', 'nothing to check')] })],
  ])('the body starts with the hidden marker line (%s)', (_, result) => {
    const md = render(result);
    expect(COMMENT_MARKER).toBe('<!-- token-preflight:sticky -->');
    expect(md.split('\n')[0]).toBe(COMMENT_MARKER);
    expect(md.indexOf(COMMENT_MARKER)).toBe(0);
    expect(md.split(COMMENT_MARKER)).toHaveLength(2);
  });
});

describe('renderComment: verdict', () => {
  it('all clear: healthy tokens, a scan with no findings', () => {
    const md = render(run({ tokens: [token({ identity: 'acme-bot', expiresAt: null })], scan: scan() }));
    expect(md.split('\n')[1]).toBe('## ✅ token-preflight: pass');
    expect(md).toContain(`**${ALL_CLEAR}**.`);
    expect(md).not.toContain('fixed since the last run');
    expect(md).toContain('1 token checked: 1 ok · leak scan: no secrets found.');
    expect(md).toContain('Leak scan: no secrets found');
    expect(md).not.toContain(FINDING_HEADER);
    expect(tableRows(md, TOKEN_HEADER)).toHaveLength(1);
  });

  it('all clear after a failing run says it was fixed: the comment is edited, not deleted', () => {
    const md = render(run({ tokens: [token()], scan: scan() }), { previouslyFailing: true });
    expect(md).toContain(`**${ALL_CLEAR}** (fixed since the last run).`);
    expect(md.startsWith(COMMENT_MARKER)).toBe(true);
  });

  it('failing: the verdict, the counts, the failing token first, no all-clear even if it failed before', () => {
    const md = render(failing(), { previouslyFailing: true });
    expect(md.split('\n')[1]).toBe('## ❌ token-preflight: fail');
    expect(md).toContain('2 tokens checked: 1 fail, 1 ok · leak scan: 1 secret found.');
    expect(md).not.toContain('All clear');
    expect(md).not.toContain('fixed since');
    const rows = tableRows(md, TOKEN_HEADER);
    expect(rows).toHaveLength(2);
    expect(cells(rows[0]!)).toEqual(['**release-bot** <sub>github</sub>', '❌ fail', 'acme-release', '2026-02-01 (expired)', '❌ `expired` expired on 2026-02-01']);
    expect(cells(rows[1]!)).toEqual(['**deployer** <sub>github</sub>', '✅ ok', 'acme-bot', '2026-03-09 (in 8 days)', '']);
  });

  it.each([
    ['a warning on a token', run({ verdict: 'warn', tokens: [token({ status: 'warn', problems: [problem('expiring-soon', 'expires in 3 days')] })] })],
    ['a problem of the run', run({ verdict: 'warn', problems: [problem('scan-incomplete', '2 files were not scanned')], scan: scan() })],
    ['an inactive finding', run({ verdict: 'warn', findings: [finding({ verification: 'inactive', severity: 'warning' })], scan: scan() })],
  ])('no all-clear with %s', (_, result) => {
    const md = render(result, { previouslyFailing: true });
    expect(md).not.toContain('All clear');
    expect(md.split('\n')[1]).toBe('## ⚠️ token-preflight: warn');
  });

  it('shows the problems of the run and a skipped token\'s reason', () => {
    const md = render(run({
      verdict: 'warn',
      problems: [problem('scan-incomplete', '2 files were not scanned')],
      tokens: [token({ status: 'skipped', skipReason: 'RELEASE_TOKEN is empty on a fork' })],
    }));
    expect(md).toContain('> ⚠️ `scan-incomplete` 2 files were not scanned');
    expect(cells(tableRows(md, TOKEN_HEADER)[0]!)[4]).toBe('RELEASE_TOKEN is empty on a fork');
  });

  it('says when the leak scan was off, and nothing about it when there was none', () => {
    expect(render(run({ tokens: [token()], scan: scan({ mode: 'off', reason: 'not a pull request' }) }))).toContain('**Leak scan:** off: not a pull request.');
    expect(render(run({ tokens: [token()] }))).not.toMatch(/leak scan/i);
  });

  it('links to the run: full details in the job summary', () => {
    expect(render(failing())).toContain(`[Full details in the job summary](${RUN_URL})`);
    const md = render(failing(), { runUrl: undefined });
    expect(md).toContain('Full details in the job summary of the run.');
    expect(md).not.toContain('](https://github.com/acme/widgets/actions');
  });

  it('never links to a run URL that is not plain http(s)', () => {
    const md = render(failing(), { runUrl: 'javascript:alert(1)' });
    expect(md).not.toContain('javascript:');
    expect(render(failing(), { runUrl: 'https://x.test/a) [y](https://evil.test' })).not.toContain('evil.test');
  });

  it('is deterministic for a given `now`, and says when it was updated', () => {
    expect(render(failing())).toBe(render(failing()));
    expect(render(failing())).toContain('updated 2026-03-01 12:00 UTC · at 0123456');
  });
});

describe('renderComment: findings', () => {
  it('a row per finding linking to the line at the scanned commit, with rule, verification and fingerprint', () => {
    const md = render(failing());
    const rows = tableRows(md, FINDING_HEADER);
    expect(rows).toHaveLength(1);
    expect(cells(rows[0]!)).toEqual([
      `[src/app.ts:12:17](https://github.com/acme/widgets/blob/${COMMIT}/src/app.ts#L12)`,
      'github-pat · github',
      '❌ unverified<br><sub>verification off</sub>',
      '<code>github-pat:src/app.ts:3f9a0c1d2e4b</code>',
    ]);
  });

  it('says how to suppress a finding and that a live secret must be revoked', () => {
    const md = render(failing());
    expect(md).toContain('Add its fingerprint to `.token-preflight-ignore`');
    expect(md).toContain('`token-preflight:allow`');
    expect(md).toMatch(/Revoke or rotate/);
  });

  it('encodes paths with spaces, non-ASCII, parentheses and #, so the link is one link to the right file', () => {
    const file = 'docs/my notes (old)/café#1?.md';
    const md = render(run({ verdict: 'fail', findings: [finding({ file, line: 7 })], scan: scan() }));
    const [target] = linkTargets(md).filter((t) => t.includes('/blob/'));
    expect(target).toBe(`https://github.com/acme/widgets/blob/${COMMIT}/docs/my%20notes%20%28old%29/caf%C3%A9%231%3F.md#L7`);
    expect(new URL(target!).pathname.split('/').map(decodeURIComponent).slice(5).join('/')).toBe(file);
    expect(cells(tableRows(md, FINDING_HEADER)[0]!)).toHaveLength(4);
  });

  it('the commit is the scan\'s, and without links or a commit the place is plain text', () => {
    const other = 'fedcba9876543210fedcba9876543210fedcba98';
    expect(render(run({ findings: [finding()], scan: scan({ commit: other }) }))).toContain(`/blob/${other}/src/app.ts#L12`);
    for (const md of [render(run({ findings: [finding()], scan: scan({ commit: undefined }) })), render(run({ findings: [finding()], scan: scan() }), { links: undefined })]) {
      expect(cells(tableRows(md, FINDING_HEADER)[0]!)[0]).toBe('src/app.ts:12:17');
      expect(md).not.toContain('/blob/');
    }
  });

  it('a live finding is bold, first, with whose it is and its scopes', () => {
    const md = render(run({
      verdict: 'fail',
      findings: [
        finding({ line: 1, verification: 'inactive', severity: 'warning', verificationReason: 'bad credentials' }),
        finding({ line: 2, verification: 'live', verificationReason: undefined, identity: 'octocat', scopes: ['repo', 'admin:org'] }),
      ],
      scan: scan(),
    }));
    expect(md).toContain('leak scan: 2 secrets found, 1 live.');
    expect(md).toContain('### 🔴 Leak scan: 2 secrets found, 1 live');
    const rows = tableRows(md, FINDING_HEADER);
    expect(cells(rows[0]!)[2]).toBe('🔴 **live**: **octocat; scopes: repo, admin:org**');
    expect(cells(rows[0]!)[0]).toContain('#L2)');
    expect(cells(rows[1]!)[2]).toBe('⚠️ inactive<br><sub>bad credentials</sub>');
  });

  it('a configured-secret finding names its token', () => {
    const md = render(run({ verdict: 'fail', findings: [finding({ rule: 'configured-secret', token: 'deployer', provider: undefined })], scan: scan() }));
    expect(cells(tableRows(md, FINDING_HEADER)[0]!)[1]).toBe('configured-secret · token deployer');
  });

  it('never shows a secret, only fingerprints and places', () => {
    const withSecret = (f: Finding) => ({ ...f, secret: SECRET, match: SECRET, value: SECRET, raw: SECRET }) as Finding;
    const md = render(run({
      verdict: 'fail',
      tokens: [{ ...token({ identity: 'acme' }), value: SECRET, secret: SECRET } as TokenResult],
      findings: [withSecret(finding()), withSecret(finding({ verification: 'live', identity: 'octocat', rule: 'configured-secret', token: 'deployer' }))],
      scan: scan(),
    }));
    expect(md).not.toContain(SECRET);
    expect(md).not.toContain('SENTINEL');
  });
});

describe('renderComment: hostile text', () => {
  const hostile = [
    '@org/team please look',
    '<img src=x onerror=alert(1)>',
    'a | b | c',
    'x](javascript:alert(1))',
    '[click](https://evil.test)',
    '![img](https://evil.test/p.png)',
    'line\n| injected | row |\r\nmore',
    '`code` \\| <script>',
  ];

  it.each(hostile)('%j is neutralised and the table columns stay intact', (evil) => {
    const md = render(run({
      verdict: 'fail',
      problems: [problem('scan-incomplete', evil)],
      tokens: [token({ name: evil, environment: evil, identity: evil, status: 'fail', problems: [problem('unexpected-response', evil)] })],
      findings: [finding({ file: `${evil}/x.ts`, rule: evil, provider: evil, identity: evil, scopes: [evil], verification: 'live', fingerprint: evil })],
      scan: scan({ source: evil }),
    }));
    expect(md).not.toMatch(/@org\/team/);
    expect(md).not.toMatch(/<(img|script)/i);
    expect(md).not.toMatch(/(?<!\\)\]\(javascript:/);
    expect(md).not.toMatch(/(?<!\\)\]\(https:\/\/evil/);
    // The only link targets are the line link (to GitHub) and the run.
    for (const target of linkTargets(md)) expect(target.startsWith('https://github.com/acme/widgets/')).toBe(true);
    const tokenRows = tableRows(md, TOKEN_HEADER);
    expect(tokenRows).toHaveLength(1);
    expect(cells(tokenRows[0]!)).toHaveLength(5);
    const findingRows = tableRows(md, FINDING_HEADER);
    expect(findingRows).toHaveLength(1);
    expect(cells(findingRows[0]!)).toHaveLength(4);
    expect(md.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Token') && !line.startsWith('| Where'))).toHaveLength(2);
  });

  it('an @mention is shown but does not notify', () => {
    const md = render(run({ tokens: [token({ name: '@org/team' })] }));
    expect(md).toContain('&#64;org/team');
  });
});

describe('renderComment: the 65,536-character limit', () => {
  const big = () => run({
    verdict: 'fail',
    tokens: Array.from({ length: 3_000 }, (_, i) => token({
      name: `token-${i}`, environment: 'production', identity: `bot-${i}@acme.example`, expiresAt: '2026-12-01T00:00:00.000Z',
      status: i % 10 === 0 ? 'fail' : 'ok', problems: i % 10 === 0 ? [problem('invalid', 'bad credentials: the provider answered 401')] : [],
    })),
    findings: Array.from({ length: 20_000 }, (_, i) => finding({
      file: `src/generated/module-${i}/config.ts`, line: i + 1, fingerprint: `github-pat:src/generated/module-${i}/config.ts:${i.toString(16).padStart(12, '0')}`,
      ...(i % 1000 === 999 ? { verification: 'live', verificationReason: undefined, identity: `owner-${i}`, scopes: ['repo'] } : {}),
    })),
    scan: scan({ files: 20_000, addedLines: 400_000 }),
  });

  it('stays within the limit and says how many findings and tokens are not shown, pointing to the summary', () => {
    expect(COMMENT_LIMIT).toBe(65_536);
    const result = big();
    const md = render(result);
    expect(md.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(md.startsWith(COMMENT_MARKER)).toBe(true);
    const findings = tableRows(md, FINDING_HEADER);
    const tokens = tableRows(md, TOKEN_HEADER);
    expect(findings.length).toBeGreaterThan(0);
    expect(tokens.length).toBeGreaterThan(0);
    expect(findings.length).toBeLessThan(20_000);
    expect(tokens.length).toBeLessThan(3_000);
    const cut = md.split('\n').find((line) => line.includes('not shown'));
    expect(cut).toBe(`✂️ **${20_000 - findings.length} more findings and ${3_000 - tokens.length} more tokens not shown** (a comment is limited to 65536 characters): see the job summary <${RUN_URL}>.`);
    // Worst first: every live finding and every failing token that fits comes before the rest.
    expect(findings.slice(0, 20).every((row) => row.includes('**live**'))).toBe(true);
    expect(tokens.slice(0, 300).every((row) => row.includes('❌ fail'))).toBe(true);
    // The foot and the link to the run survive the cut.
    expect(md).toContain(`[Full details in the job summary](${RUN_URL})`);
    expect(md.trimEnd().endsWith('</sub>')).toBe(true);
  });

  it('cuts findings first: with few tokens, every token is shown', () => {
    const result = { ...big(), tokens: big().tokens.slice(0, 20) };
    const md = render(result);
    expect(md.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(tableRows(md, TOKEN_HEADER)).toHaveLength(20);
    const shown = tableRows(md, FINDING_HEADER).length;
    expect(md).toContain(`✂️ **${20_000 - shown} more findings not shown**`);
    expect(md).not.toMatch(/more tokens? not shown/);
  });

  it('stays within the limit with hostile, maximal text and no run URL', () => {
    const long = `@x <b>|${'é😀'.repeat(3_000)}`;
    const result = { ...big(), tokens: big().tokens.slice(0, 300).map((t) => ({ ...t, name: long, identity: long })), findings: big().findings.slice(0, 300).map((f) => ({ ...f, file: long, identity: long })) };
    const md = renderComment(result, { now: NOW, links: LINKS });
    expect(md.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(md).toMatch(/more findings and \d+ more tokens not shown\*\* \(a comment is limited to 65536 characters\): see the job summary of the run\./);
  });

  it('under the limit nothing is cut', () => {
    const md = render(failing());
    expect(md).not.toContain('not shown');
  });
});
