import { describe, expect, it } from 'vitest';
import { problem } from '../../src/check/problems.js';
import { cell, renderSummary, SUMMARY_LIMIT } from '../../src/report/summary.js';
import type { RunResult, TokenResult } from '../../src/run/result.js';
import { runResult, tokenResult as token } from '../helpers/run-result.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const MiB = 1024 * 1024;

const run = (tokens: TokenResult[], overrides: Partial<RunResult> = {}) => runResult({ tokens, durationMs: 420, ...overrides });

const rows = (markdown: string) => markdown.split('\n').filter((line) => line.startsWith('| **'));
/** Column separators GitHub sees: pipes that are not escaped. */
const separators = (line: string) => line.match(/(?<!\\)\|/g)?.length ?? 0;

describe('renderSummary', () => {
  it('has a heading with the verdict and the table header', () => {
    const md = renderSummary(run([token()], { verdict: 'pass' }), NOW);
    expect(md).toMatch(/^## ✅ token-preflight: pass/);
    expect(md).toContain('| Token | Status | Identity | Scopes | Expires | Rate limit left | Latency | Problems |');
    expect(md).toContain('|---|---|---|---|---|---|---|---|');
  });

  it.each([
    { verdict: 'pass', icon: '✅' },
    { verdict: 'warn', icon: '⚠️' },
    { verdict: 'fail', icon: '❌' },
  ] as const)('heading for $verdict shows $icon', ({ verdict, icon }) => {
    expect(renderSummary(run([token()], { verdict }), NOW).split('\n')[0]).toBe(`## ${icon} token-preflight: ${verdict}`);
  });

  it('has one row per token, each with the status icon and 8 cells', () => {
    const md = renderSummary(run([
      token({ name: 'a', status: 'ok' }),
      token({ name: 'b', status: 'warn', problems: [problem('expiring-soon', 'expires soon')] }),
      token({ name: 'c', status: 'fail', problems: [problem('invalid', 'bad credentials')] }),
      token({ name: 'd', status: 'skipped', skipReason: 'D is not set and the token is optional' }),
    ], { verdict: 'fail' }), NOW);
    const lines = rows(md);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toContain('**a**');
    expect(lines[0]).toContain('✅ ok');
    expect(lines[1]).toContain('⚠️ warn');
    expect(lines[2]).toContain('❌ fail');
    expect(lines[3]).toContain('⏭️ skipped');
    for (const line of lines) expect(separators(line)).toBe(9);
    expect(md).toContain('4 tokens checked: 1 fail, 1 warn, 1 ok, 1 skipped.');
  });

  it('shows the facts of a checked token', () => {
    const md = renderSummary(run([token({
      identity: 'acme-bot',
      kind: 'classic personal access token',
      environment: 'production',
      scopes: ['repo', 'admin:org'],
      requiredScopes: ['repo'],
      allowedScopes: ['repo', 'read:org'],
      extraScopes: ['admin:org'],
      expiresAt: '2026-03-09T12:00:00.000Z',
      latencyMs: 84,
      rateLimit: { limit: 5000, remaining: 4990 },
      status: 'warn',
      problems: [problem('excess-scope', 'carries scope "admin:org"')],
    })]), NOW);
    const [line] = rows(md);
    expect(line).toContain('github · production');
    expect(line).toContain('acme-bot');
    expect(line).toContain('classic personal access token');
    expect(line).toContain('has: repo, admin:org');
    expect(line).toContain('extra: admin:org');
    expect(line).toContain('2026-03-09 (in 8 days)');
    expect(line).toContain('4990 / 5000');
    expect(line).toContain('84 ms');
    expect(line).toContain('⚠️ `excess-scope` carries scope "admin:org"');
  });

  it.each([
    { expiresAt: null, text: 'never' },
    { expiresAt: '2026-02-01T00:00:00.000Z', text: '2026-02-01 (expired)' },
    { expiresAt: '2026-03-01T17:00:00.000Z', text: '2026-03-01 (in 5 h)' },
    { expiresAt: '2026-03-02T13:00:00.000Z', text: '2026-03-02 (in 1 day)' },
  ])('expiry $expiresAt is shown as "$text"', ({ expiresAt, text }) => {
    const [line] = rows(renderSummary(run([token({ identity: 'x', expiresAt })]), NOW));
    expect(line).toContain(`| ${text} |`);
  });

  it('an unknown expiry of a checked token says "unknown"', () => {
    const [line] = rows(renderSummary(run([token({ identity: 'x' })]), NOW));
    expect(line).toContain('| unknown |');
  });

  it('a skipped token shows its reason', () => {
    const reason = 'RELEASE_TOKEN is empty because this pull request comes from the fork mallory/widgets';
    const [line] = rows(renderSummary(run([token({ status: 'skipped', skipReason: reason })]), NOW));
    expect(line).toContain(reason);
    expect(line).not.toContain('unknown');
  });

  it('escapes provider text: no HTML, no extra columns, one line per row', () => {
    const evil = 'x | y <script>alert(1)</script>\n| injected | row |\r\nmore';
    const md = renderSummary(run([token({
      name: 'a',
      identity: evil,
      kind: evil,
      notes: [evil],
      scopes: [evil],
      status: 'fail',
      problems: [problem('unexpected-response', evil)],
      rateLimit: { remaining: 1 },
    })], { verdict: 'fail' }), NOW);
    expect(md).not.toContain('<script>');
    expect(md).toContain('&lt;script&gt;');
    const lines = rows(md);
    expect(lines).toHaveLength(1);
    expect(separators(lines[0]!)).toBe(9);
    expect(md).not.toMatch(/^\| injected/m);
  });

  it('escapes the token name and environment', () => {
    const [line] = rows(renderSummary(run([token({ name: 'a<b>', environment: 'prod|<i>x</i>' })]), NOW));
    expect(line).toContain('**a&lt;b&gt;**');
    expect(line).toContain('prod\\|&lt;i&gt;x&lt;/i&gt;');
    expect(separators(line!)).toBe(9);
  });

  it('an ampersand cannot smuggle an entity', () => {
    expect(cell('&lt;script&gt;')).toBe('&amp;lt;script&amp;gt;');
  });

  it('lists the hosts the tokens were sent to, once each', () => {
    const md = renderSummary(run([
      token({ name: 'a', host: 'api.github.com' }),
      token({ name: 'b', host: 'ghe.example.com' }),
      token({ name: 'c', host: 'api.github.com' }),
      token({ name: 'd', status: 'skipped' }),
    ]), NOW);
    expect(md).toContain('Tokens were sent only to: `api.github.com`, `ghe.example.com`.');
  });

  it('says nothing about hosts when no token was sent anywhere', () => {
    const md = renderSummary(run([token({ status: 'skipped', skipReason: 'optional' })]), NOW);
    expect(md).not.toContain('Tokens were sent');
  });

  it('with no tokens says how to add them and has no table', () => {
    const md = renderSummary(run([]), NOW);
    expect(md).toContain('No tokens configured');
    expect(md).toContain('.github/token-preflight.yml');
    expect(md).not.toContain('| Token |');
  });

  it('with thousands of tokens stays under 1 MiB and says how many were left out', () => {
    const message = 'lacks required scopes "repo", "workflow", "admin:org", "read:packages" — the token cannot publish releases. '.repeat(4);
    const tokens = Array.from({ length: 5000 }, (_, i) => token({
      name: `token-${i}`,
      status: 'fail',
      identity: `bot-${i}`,
      scopes: ['read:org'],
      requiredScopes: ['repo', 'workflow', 'admin:org', 'read:packages'],
      missingScopes: ['repo', 'workflow', 'admin:org', 'read:packages'],
      problems: [problem('insufficient-scope', message)],
      host: 'api.github.com',
    }));
    const md = renderSummary(run(tokens, { verdict: 'fail' }), NOW);
    expect(md.length).toBeLessThanOrEqual(SUMMARY_LIMIT);
    expect(Buffer.byteLength(md, 'utf8')).toBeLessThan(MiB);
    const kept = rows(md).length;
    expect(kept).toBeGreaterThan(100);
    expect(kept).toBeLessThan(5000);
    expect(md).toContain(`_${5000 - kept} more tokens left out: the summary is limited to 1 MiB; see the JSON report._`);
    expect(md).toContain('Tokens were sent only to: `api.github.com`.');
    // Rows are kept whole, in order.
    expect(rows(md)[kept - 1]).toContain(`**token-${kept - 1}**`);
    for (const line of rows(md)) expect(separators(line)).toBe(9);
  });

  it('stays under 1 MiB in bytes when provider text is not ASCII', () => {
    const tokens = Array.from({ length: 5000 }, (_, i) => token({
      name: `token-${i}`,
      status: 'fail',
      identity: '本番デプロイ用ボットアカウント',
      kind: '個人用アクセストークン（クラシック）',
      problems: [problem('unexpected-response', 'サーバーが予期しない応答を返しました：トークンを確認してください。'.repeat(3))],
    }));
    const md = renderSummary(run(tokens, { verdict: 'fail' }), NOW);
    expect(md).toContain('more tokens left out');
    expect(Buffer.byteLength(md, 'utf8')).toBeLessThan(MiB);
  });

  it('is not truncated when it fits', () => {
    const md = renderSummary(run(Array.from({ length: 50 }, (_, i) => token({ name: `t${i}` }))), NOW);
    expect(rows(md)).toHaveLength(50);
    expect(md).not.toContain('left out');
  });

  it('shows the run duration', () => {
    expect(renderSummary(run([token()], { durationMs: 1234 }), NOW)).toContain('1234 ms');
  });
});

describe('cell', () => {
  it.each([
    ['a|b', 'a\\|b'],
    ['<b>x</b>', '&lt;b&gt;x&lt;/b&gt;'],
    ['one\ntwo\r\nthree', 'one two three'],
    ['a & b', 'a &amp; b'],
  ])('%j → %j', (input, output) => {
    expect(cell(input)).toBe(output);
  });
});

describe('cell', () => {
  it('breaks Markdown link and image syntax so provider text cannot embed an image or a link', () => {
    expect(cell('![pixel](https://tracker.example/p.png)')).toBe('!\\[pixel\\](https://tracker.example/p.png)');
    expect(cell('[click](https://evil.example)')).not.toMatch(/(^|[^\\])\[/);
  });

  it('drops control characters and terminal escapes', () => {
    expect(cell('a\u001b[2Jb\u0007c')).toBe('a \\[2Jb c');
    // A provider's text naming @someone or @org/team must not notify them from the summary.
    expect(cell('owned by @octocat and @acme/admins')).toBe('owned by &#64;octocat and &#64;acme/admins');
  });
});


describe('renderSummary: modes', () => {
  it("shows the provider's mode beside the kind", () => {
    const summary = renderSummary({ verdict: 'pass', problems: [], tokens: [{ name: 'sms', provider: 'twilio', status: 'ok', problems: [], kind: 'account SID and auth token', mode: 'test', identity: 'Acme', source: {} }], findings: [], startedAt: '', durationMs: 1 });
    expect(summary).toContain('Acme<br><sub>account SID and auth token · test mode</sub>');
  });
});

describe('renderSummary: expiry timeline', () => {
  it('draws the timeline after the token table when a token has an expiry, and none otherwise', () => {
    const md = renderSummary(run([token({ name: 'a', expiresAt: '2026-03-09T12:00:00.000Z' }), token({ name: 'b', expiresAt: null })]), NOW, undefined, { warningDays: 10 });
    const fence = md.indexOf('```mermaid\ngantt\n');
    expect(fence).toBeGreaterThan(md.indexOf('| **b**'));
    expect(md).toContain('    Warning window, 10 days : done, window, 2026-03-01, 2026-03-11');
    expect(md).toContain('    ⚠️ a (2026-03-09) : crit, t1, 2026-03-01, 2026-03-09');
    expect(md).toContain('Never expire: `b`.');
    expect(renderSummary(run([token({ name: 'a', expiresAt: '2026-09-09' })]), NOW)).toContain('Warning window, 14 days');
    for (const tokens of [[], [token({ expiresAt: null })], [token({ identity: 'x' })]]) expect(renderSummary(run(tokens), NOW)).not.toContain('```mermaid');
  });

  it('counts the timeline in the 1 MiB budget', () => {
    const tokens = Array.from({ length: 5000 }, (_, i) => token({ name: `token-${i}-${'本番'.repeat(20)}`, identity: '本番デプロイ用ボット'.repeat(30), expiresAt: i % 2 ? null : '2026-09-09' }));
    const md = renderSummary(run(tokens), NOW);
    expect(md).toContain('```mermaid');
    expect(md).toContain('more tokens left out');
    expect(Buffer.byteLength(md, 'utf8')).toBeLessThanOrEqual(SUMMARY_LIMIT);
  });
});
