// End-to-end: dist/index.js run as its own process, with the environment a GitHub runner gives a
// `uses:` step, against a fake GitHub reached through an HTTPS proxy under the real host names.
// Nothing leaves the machine: HTTPS_PROXY tunnels every connection to the fake, whose certificate
// (TEST-ONLY, __tests__/fixtures/tls) is trusted through NODE_EXTRA_CA_CERTS.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CA_PATH, daysFromNow, githubExpirationHeader, mintGitHubToken, type TokenScenario } from '../helpers/fake-github.mjs';
import { useFakeGitHubBehindProxy } from '../helpers/e2e-servers.js';
import {
  ACTION_BUNDLE,
  actionInputEnv,
  CONFIG_PATH,
  createRunnerSandbox,
  parseWorkflowCommands,
  pullRequestEvent,
  runNode,
  type WorkflowCommand,
} from '../helpers/runner.mjs';
import { expectMaskedFirst, expectNoLeak, expectTraffic, stdoutWithoutMasks } from '../helpers/e2e-assert.js';

const servers = useFakeGitHubBehindProxy();

interface ReportToken {
  name: string;
  status: string;
  problems: Array<{ code: string; severity: string; message: string }>;
  identity?: string;
  kind?: string;
  scopes?: string[];
  expiresAt?: string | null;
  ephemeral?: boolean;
  latencyMs?: number;
  rateLimit?: { limit?: number; remaining?: number; resetAt?: string };
  host?: string;
  previous?: string;
  notes?: string[];
  skipReason?: string;
  source: { file?: string; line?: number };
}
interface Report {
  version: number;
  result: string;
  tokens: ReportToken[];
  findings: unknown[];
}

interface Scenario {
  /** `.github/token-preflight.yml`; absent: no file. */
  config?: string;
  /** Action inputs beyond action.yml's defaults. */
  inputs?: Record<string, string>;
  /** Secret variables of the step (`env:`) → token. */
  secrets?: Record<string, string>;
  /** What the fake GitHub makes of each token. */
  fake?: Record<string, TokenScenario>;
  eventName?: string;
  event?: unknown;
  env?: Record<string, string>;
  /** Tokens the run must read, hence mask (the github-token input is always one). */
  masked?: string[];
  /** Token → the only host that may receive it; every token listed must be sent there. */
  sends?: Record<string, string>;
  /** Token names, variable names: lines mentioning them must come after the masks. */
  mentions?: string[];
  /** More tokens that must not appear in any output (e.g. one pasted into the config). */
  planted?: string[];
  /** Sets up the fakes once the run's github-token is known (the contents API serves files to it). */
  prepare?: (githubToken: string) => void;
  /** The github-token input may reach this host (reading the config on pull_request_target). */
  githubTokenTo?: string;
  /** The github-token may write comments and check runs (default true; a fork's is read-only). */
  githubTokenCanWrite?: boolean;
  /** More files of the workspace (path → text). */
  files?: Record<string, string>;
}

interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  commands: WorkflowCommand[];
  outputs: Record<string, string>;
  summary: string;
  report?: Report;
  workspace: string;
  runnerTemp: string;
  durationMs: number;
  /** Every file the run left in the sandbox (path relative to the workspace → text), the config aside. */
  files: Record<string, string>;
}

/**
 * Runs the action as the runner does and checks what every scenario must hold: no token anywhere
 * (logs, files, outputs, summary, report), masks first, tokens only to their host.
 */
async function runAction(scenario: Scenario): Promise<ActionRun> {
  const githubToken = mintGitHubToken('ghs_');
  // The workflow's own token: an installation token that may write comments and check runs.
  servers.github.setWorkflowToken(githubToken, { canWrite: scenario.githubTokenCanWrite ?? true });
  for (const [token, answer] of Object.entries(scenario.fake ?? {})) servers.github.setToken(token, answer);
  scenario.prepare?.(githubToken);
  const sandbox = await createRunnerSandbox({ config: scenario.config, eventName: scenario.eventName, event: scenario.event });
  try {
    for (const [file, text] of Object.entries(scenario.files ?? {})) {
      await mkdir(path.dirname(path.join(sandbox.workspace, file)), { recursive: true });
      await writeFile(path.join(sandbox.workspace, file), text);
    }
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      ...sandbox.env,
      // The leak scan only where a scenario asks for it: token scenarios stay about tokens (the
      // sandbox is no git checkout, so a push's scan would ask the comparison API).
      ...actionInputEnv({ scan: 'off', ...scenario.inputs }, { 'github.token': githubToken }),
      HTTPS_PROXY: servers.proxy.url,
      NODE_EXTRA_CA_CERTS: CA_PATH,
      ...scenario.env,
      ...scenario.secrets,
    };
    const result = await runNode([ACTION_BUNDLE], { env, cwd: sandbox.workspace, timeoutMs: 15_000 });
    const outputs = await sandbox.readOutputs();
    const summary = await sandbox.readSummary();
    const files = await sandbox.readAllFiles();
    const reportText = outputs.report ? await readFile(outputs.report, 'utf8').catch(() => undefined) : undefined;

    const allTokens = [githubToken, ...Object.values(scenario.secrets ?? {}), ...Object.keys(scenario.fake ?? {}), ...(scenario.planted ?? [])];
    // The config file is the user's input, not an output: it is the one file allowed to hold a planted token.
    delete files[path.join(sandbox.workspace, CONFIG_PATH)];
    const texts: Record<string, string> = {
      stderr: result.stderr,
      'stdout (add-mask lines aside)': stdoutWithoutMasks(result.stdout),
      GITHUB_OUTPUT: await readFile(sandbox.outputFile, 'utf8'),
      GITHUB_STEP_SUMMARY: summary,
      report: reportText ?? '',
      ...Object.fromEntries(Object.entries(files).map(([file, text]) => [path.relative(sandbox.root, file), text])),
    };
    expectNoLeak(texts, [...new Set(allTokens)]);
    expectMaskedFirst(
      result.stdout,
      [githubToken, ...(scenario.masked ?? [])],
      [...(scenario.mentions ?? []), ...Object.keys(scenario.secrets ?? {}), 'api.github.com'],
      [...new Set(allTokens)],
    );
    expectTraffic(servers.github, servers.proxy, { ...scenario.sends, ...(scenario.githubTokenTo ? { [githubToken]: scenario.githubTokenTo } : {}) });
    return {
      code: result.code,
      stdout: result.stdout,
      stderr: result.stderr,
      commands: parseWorkflowCommands(result.stdout),
      outputs,
      summary,
      report: reportText === undefined ? undefined : (JSON.parse(reportText) as Report),
      workspace: sandbox.workspace,
      runnerTemp: sandbox.runnerTemp,
      durationMs: result.durationMs,
      files: Object.fromEntries(Object.entries(files).map(([file, text]) => [path.relative(sandbox.workspace, file), text])),
    };
  } finally {
    await sandbox.cleanup();
  }
}

/** 1-based line of the first line of `text` that contains `needle`. */
function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`"${needle}" is not in the config`);
  return index + 1;
}

const annotations = (run: ActionRun, level: 'error' | 'warning' | 'notice') => run.commands.filter((c) => c.command === level);
const tokenOf = (run: ActionRun, name: string) => {
  const token = run.report?.tokens.find((t) => t.name === name);
  expect(token, `report entry of ${name}`).toBeDefined();
  return token!;
};
const codes = (token: ReportToken) => token.problems.map((p) => p.code);

const GH = 'api.github.com';

describe('dist/index.js under a runner environment', () => {
  it('passes a healthy classic PAT and reports identity, scopes, expiry, rate limit and latency', async () => {
    const token = mintGitHubToken('ghp_');
    const expires = daysFromNow(200);
    const config = [
      'version: 1',
      'tokens:',
      '  - name: release-bot',
      '    provider: github',
      '    secret: RELEASE_BOT_TOKEN',
      '    require-scopes: [repo]',
      '    allow-scopes: [repo, read:org]',
      '    expect-identity: acme-release-bot',
      '',
    ].join('\n');
    const run = await runAction({
      config,
      secrets: { RELEASE_BOT_TOKEN: token },
      fake: { [token]: { kind: 'user', login: 'acme-release-bot', scopes: ['repo', 'read:org'], expiresAt: expires } },
      masked: [token],
      sends: { [token]: GH },
      mentions: ['release-bot'],
    });

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ result: 'pass', 'failed-tokens': '', 'expiring-tokens': '', findings: '0', 'live-findings': '0' });
    expect(run.outputs.report!.startsWith(run.runnerTemp)).toBe(true);
    expect(annotations(run, 'error')).toEqual([]);
    expect(annotations(run, 'warning')).toEqual([]);

    const report = run.report!;
    expect(report).toMatchObject({ version: 1, result: 'pass', findings: [] });
    const entry = tokenOf(run, 'release-bot');
    expect(entry).toMatchObject({
      status: 'ok',
      problems: [],
      identity: 'acme-release-bot',
      kind: 'classic personal access token',
      scopes: ['repo', 'read:org'],
      host: GH,
      source: { file: CONFIG_PATH, line: lineOf(config, '- name: release-bot') },
    });
    // The header has whole seconds, `2026-12-01 00:00:00 UTC`.
    expect(entry.expiresAt).toBe(new Date(githubExpirationHeader(expires).replace(' UTC', 'Z').replace(' ', 'T')).toISOString());
    expect(entry.rateLimit).toMatchObject({ limit: 5000, remaining: 4990 });
    expect(Date.parse(entry.rateLimit!.resetAt!)).toBeGreaterThan(Date.now());
    expect(entry.latencyMs).toBeTypeOf('number');
    expect(entry.latencyMs!).toBeGreaterThanOrEqual(0);

    expect(run.summary).toContain('token-preflight: pass');
    const row = run.summary.split('\n').find((line) => line.startsWith('| **release-bot**'));
    expect(row, 'summary table row for release-bot').toBeDefined();
    expect(row).toContain('acme-release-bot');
    expect(row).toContain('has: repo, read:org');
    expect(row).toContain('4990 / 5000');
    expect(run.summary).toContain(`Tokens were sent only to: \`${GH}\``);

    expect(servers.github.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /user']);
    expect(servers.proxy.connects).toEqual([`${GH}:443`]);
  });

  const failingConfig = [
    'version: 1',
    'tokens:',
    '  - name: deploy-bot',
    '    provider: github',
    '    secret: DEPLOY_BOT_TOKEN',
    '  - name: release-bot',
    '    provider: github',
    '    secret: RELEASE_BOT_TOKEN',
    '    require-scopes: [repo, workflow]',
    '',
  ].join('\n');

  function failingScenario(inputs: Record<string, string> = {}): Scenario {
    const revoked = mintGitHubToken('ghp_');
    const narrow = mintGitHubToken('ghp_');
    return {
      config: failingConfig,
      inputs: { 'timeout-seconds': '2', ...inputs },
      secrets: { DEPLOY_BOT_TOKEN: revoked, RELEASE_BOT_TOKEN: narrow },
      fake: { [revoked]: { kind: 'revoked' }, [narrow]: { kind: 'user', login: 'acme-release-bot', scopes: ['repo'] } },
      masked: [revoked, narrow],
      sends: { [revoked]: GH, [narrow]: GH },
      mentions: ['deploy-bot', 'release-bot'],
    };
  }

  it('fails the step on a revoked token and a missing scope, with annotations on their config lines', async () => {
    const run = await runAction(failingScenario());

    expect(run.code).toBe(1);
    expect(run.outputs.result).toBe('fail');
    expect(run.outputs['failed-tokens']!.split(',').sort()).toEqual(['deploy-bot', 'release-bot']);
    expect(codes(tokenOf(run, 'deploy-bot'))).toEqual(['invalid']);
    expect(tokenOf(run, 'deploy-bot').problems[0]!.message).toContain('Bad credentials');
    expect(codes(tokenOf(run, 'release-bot'))).toEqual(['insufficient-scope']);
    expect(tokenOf(run, 'release-bot').problems[0]!.message).toContain('"workflow"');

    const errors = annotations(run, 'error');
    for (const name of ['deploy-bot', 'release-bot']) {
      const annotation = errors.find((c) => c.properties.title?.includes(name));
      expect(annotation, `::error annotation for ${name}`).toBeDefined();
      expect(annotation!.properties.file).toBe(CONFIG_PATH);
      expect(annotation!.properties.line).toBe(String(lineOf(failingConfig, `- name: ${name}`)));
    }
    expect(errors.find((c) => c.properties.title?.includes('deploy-bot'))!.message).toMatch(/^invalid: /);
    expect(errors.find((c) => c.properties.title?.includes('release-bot'))!.message).toMatch(/^insufficient-scope: /);
    // core.setFailed: the step's own error line names the failing tokens.
    expect(errors.some((c) => Object.keys(c.properties).length === 0 && /failing tokens: deploy-bot, release-bot/.test(c.message))).toBe(true);
  });

  it('with fail-on: never the step passes but result still says fail', async () => {
    const run = await runAction(failingScenario({ 'fail-on': 'never' }));

    expect(run.code).toBe(0);
    expect(run.outputs.result).toBe('fail');
    expect(run.outputs['failed-tokens']!.split(',').sort()).toEqual(['deploy-bot', 'release-bot']);
    // The problems are still annotated; only the step's own failure is gone.
    expect(annotations(run, 'error').filter((c) => c.properties.file === CONFIG_PATH)).toHaveLength(2);
    expect(annotations(run, 'error').some((c) => /failing tokens/.test(c.message))).toBe(false);
  });

  it('warns on a token expiring within expiry-warning-days without failing the step', async () => {
    const token = mintGitHubToken('ghp_');
    const config = ['tokens:', '  - name: nightly-bot', '    provider: github', '    secret: NIGHTLY_TOKEN', ''].join('\n');
    const run = await runAction({
      config,
      secrets: { NIGHTLY_TOKEN: token },
      fake: { [token]: { kind: 'user', login: 'acme-nightly', scopes: ['repo'], expiresAt: daysFromNow(5) } },
      masked: [token],
      sends: { [token]: GH },
      mentions: ['nightly-bot'],
    });

    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ result: 'warn', 'expiring-tokens': 'nightly-bot', 'failed-tokens': '' });
    const entry = tokenOf(run, 'nightly-bot');
    expect(entry.status).toBe('warn');
    expect(codes(entry)).toEqual(['expiring-soon']);
    expect(entry.problems[0]!.message).toMatch(/in [45] days/);
    const warning = annotations(run, 'warning').find((c) => c.properties.title?.includes('nightly-bot'));
    expect(warning?.properties).toMatchObject({ file: CONFIG_PATH, line: String(lineOf(config, '- name: nightly-bot')) });
  });

  it('skips a token whose secret is absent on a pull request from a fork, with a notice why', async () => {
    const run = await runAction({
      config: ['tokens:', '  - name: release-bot', '    provider: github', '    secret: RELEASE_BOT_TOKEN', ''].join('\n'),
      eventName: 'pull_request',
      event: pullRequestEvent('acme/app', 'someone/app'),
      mentions: ['release-bot', 'RELEASE_BOT_TOKEN'],
    });

    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ result: 'pass', 'failed-tokens': '' });
    const entry = tokenOf(run, 'release-bot');
    expect(entry.status).toBe('skipped');
    expect(entry.skipReason).toMatch(/fork someone\/app/);
    const notice = annotations(run, 'notice').find((c) => c.message.includes('release-bot'));
    expect(notice, '::notice about the skipped token').toBeDefined();
    expect(notice!.message).toMatch(/fork/);
    expect(notice!.message).toMatch(/does not pass secrets/);
    expect(annotations(run, 'error')).toEqual([]);
    expect(servers.github.requests).toEqual([]);
  });

  it('fails on a missing secret on a push and says how to pass it with env:', async () => {
    const config = ['tokens:', '  - name: release-bot', '    provider: github', '    secret: RELEASE_BOT_TOKEN', ''].join('\n');
    const run = await runAction({ config, mentions: ['release-bot', 'RELEASE_BOT_TOKEN'] });

    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ result: 'fail', 'failed-tokens': 'release-bot' });
    const entry = tokenOf(run, 'release-bot');
    expect(codes(entry)).toEqual(['missing-secret']);
    const howTo = 'env: { RELEASE_BOT_TOKEN: ${{ secrets.RELEASE_BOT_TOKEN }} }';
    expect(entry.problems[0]!.message).toContain(howTo);
    const error = annotations(run, 'error').find((c) => c.properties.title?.includes('release-bot'));
    expect(error?.properties).toMatchObject({ file: CONFIG_PATH, line: String(lineOf(config, '- name: release-bot')) });
    expect(error!.message).toContain(howTo);
    expect(servers.github.requests).toEqual([]);
  });

  it('checks a ghs_ installation token through GET /installation/repositories; identity is the owner', async () => {
    const token = mintGitHubToken('ghs_');
    const run = await runAction({
      config: ['tokens:', '  - name: app-token', '    provider: github', '    secret: APP_TOKEN', ''].join('\n'),
      secrets: { APP_TOKEN: token },
      // An installation token lives one hour: that is by design, not "expiring soon".
      fake: { [token]: { kind: 'installation', owner: 'acme', repo: 'app', expiresAt: new Date(Date.now() + 3_600_000) } },
      masked: [token],
      sends: { [token]: GH },
      mentions: ['app-token'],
    });

    expect(run.code).toBe(0);
    expect(run.outputs.result).toBe('pass');
    const entry = tokenOf(run, 'app-token');
    expect(entry).toMatchObject({ status: 'ok', identity: 'acme', kind: 'GitHub App installation token', ephemeral: true, problems: [] });
    expect(entry.notes).toEqual(['can access 1 repository']);
    expect(entry.scopes).toBeUndefined();
    expect(servers.github.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /installation/repositories?per_page=1']);
  });

  it('fails when the previous-secret token is still accepted, and passes once it is revoked', async () => {
    const config = [
      'tokens:',
      '  - name: release-bot',
      '    provider: github',
      '    secret: RELEASE_BOT_TOKEN',
      '    previous-secret: OLD_RELEASE_BOT_TOKEN',
      '',
    ].join('\n');
    const current = mintGitHubToken('ghp_');
    const previous = mintGitHubToken('ghp_');
    const scenario = (previousAnswer: TokenScenario): Scenario => ({
      config,
      secrets: { RELEASE_BOT_TOKEN: current, OLD_RELEASE_BOT_TOKEN: previous },
      fake: { [current]: { kind: 'user', login: 'acme-release-bot', scopes: ['repo'] }, [previous]: previousAnswer },
      masked: [current, previous],
      sends: { [current]: GH, [previous]: GH },
      mentions: ['release-bot'],
    });

    const still = await runAction(scenario({ kind: 'user', login: 'acme-release-bot', scopes: ['repo'] }));
    expect(still.code).toBe(1);
    expect(still.outputs).toMatchObject({ result: 'fail', 'failed-tokens': 'release-bot' });
    const entry = tokenOf(still, 'release-bot');
    expect(codes(entry)).toEqual(['previous-still-valid']);
    expect(entry.previous).toBe('accepted');
    expect(entry.problems[0]!.message).toContain('OLD_RELEASE_BOT_TOKEN');

    servers.github.reset();
    servers.proxy.reset();
    const revoked = await runAction(scenario({ kind: 'revoked' }));
    expect(revoked.code).toBe(0);
    expect(revoked.outputs.result).toBe('pass');
    expect(tokenOf(revoked, 'release-bot')).toMatchObject({ status: 'ok', previous: 'rejected', problems: [] });
  });

  it('rejects a misspelt provider at its line, lists the known providers, and calls nothing', async () => {
    const token = mintGitHubToken('ghp_');
    const config = ['version: 1', 'tokens:', '  - name: release-bot', '    provider: githb', '    secret: RELEASE_BOT_TOKEN', ''].join('\n');
    // The config is refused before any secret is read, so nothing is masked or sent; nothing may leak.
    const run = await runAction({ config, secrets: { RELEASE_BOT_TOKEN: token }, mentions: ['release-bot'] });

    expect(run.code).toBe(1);
    const provider = annotations(run, 'error').find((c) => c.properties.file === CONFIG_PATH && c.message.includes('githb'));
    expect(provider, '::error naming the misspelt provider').toBeDefined();
    expect(provider!.properties.line).toBe(String(lineOf(config, 'provider: githb')));
    expect(provider!.message).toContain('tokens[0].provider');
    expect(provider!.message).toContain('did you mean "github"');
    expect(provider!.message).toMatch(/known providers: [a-z, -]*\bgithub, gitlab\b/);
    expect(annotations(run, 'error').some((c) => /configuration has 1 error\b/.test(c.message))).toBe(true);
    expect(run.outputs).toEqual({});
    expect(servers.github.requests).toEqual([]);
  });

  it('rejects an unknown key (and a misspelt provider) at their lines, naming the key', async () => {
    const token = mintGitHubToken('ghp_');
    const config = [
      'version: 1',
      'tokens:',
      '  - name: release-bot',
      '    provider: githb',
      '    secret: RELEASE_BOT_TOKEN',
      '    require-scope: [repo]',
      '',
    ].join('\n');
    const run = await runAction({ config, secrets: { RELEASE_BOT_TOKEN: token }, mentions: ['release-bot'] });

    expect(run.code).toBe(1);
    const errors = annotations(run, 'error').filter((c) => c.properties.file === CONFIG_PATH);
    const unknownKey = errors.find((c) => c.message.includes('require-scope:'));
    expect(unknownKey, '::error naming the unknown key').toBeDefined();
    expect(unknownKey!.properties.line).toBe(String(lineOf(config, 'require-scope:')));
    expect(unknownKey!.message).toContain('tokens[0].require-scope');
    expect(unknownKey!.message).toContain('did you mean "require-scopes"');
    const provider = errors.find((c) => c.message.includes('githb'));
    expect(provider!.properties.line).toBe(String(lineOf(config, 'provider: githb')));
    expect(provider!.message).toMatch(/known providers: [a-z, -]*\bgithub, gitlab\b/);
    expect(annotations(run, 'error').some((c) => /configuration has 2 errors/.test(c.message))).toBe(true);
    expect(servers.github.requests).toEqual([]);
  });

  it('never echoes a token pasted into the config as a key', async () => {
    const pasted = mintGitHubToken('ghp_');
    const config = ['tokens:', '  - name: release-bot', '    provider: github', '    secret: RELEASE_BOT_TOKEN', `    ${pasted}: true`, ''].join('\n');
    const run = await runAction({ config, planted: [pasted], mentions: ['release-bot'] });

    expect(run.code).toBe(1);
    const error = annotations(run, 'error').find((c) => c.properties.file === CONFIG_PATH);
    expect(error?.properties.line).toBe('5');
  });

  it('reads the tokens input when there is no config file', async () => {
    const token = mintGitHubToken('ghp_');
    const tokens = ['- name: inline-bot', '  provider: github', '  secret: INLINE_TOKEN', '  require-scopes: [read:org]', ''].join('\n');
    const run = await runAction({
      inputs: { tokens },
      secrets: { INLINE_TOKEN: token },
      fake: { [token]: { kind: 'user', login: 'acme-inline', scopes: ['admin:org'] } },
      masked: [token],
      sends: { [token]: GH },
      mentions: ['inline-bot'],
    });

    expect(run.code).toBe(0);
    expect(run.outputs.result).toBe('pass');
    const entry = tokenOf(run, 'inline-bot');
    // admin:org includes read:org.
    expect(entry).toMatchObject({ status: 'ok', identity: 'acme-inline', scopes: ['admin:org'] });
    expect(entry.source.file).toBeUndefined();
  });

  it('sends a GitHub Enterprise token only to its base-url and follows GITHUB_API_URL for the rest', async () => {
    const ghes = mintGitHubToken('ghp_');
    const ghecom = mintGitHubToken('ghp_');
    const config = [
      'tokens:',
      '  - name: ghes-bot',
      '    provider: github',
      '    secret: GHES_TOKEN',
      '    base-url: https://ghe.example.com/api/v3',
      '  - name: dotcom-bot',
      '    provider: github',
      '    secret: GHE_COM_TOKEN',
      '',
    ].join('\n');
    const run = await runAction({
      config,
      env: { GITHUB_API_URL: 'https://api.acme.ghe.com' },
      secrets: { GHES_TOKEN: ghes, GHE_COM_TOKEN: ghecom },
      fake: { [ghes]: { kind: 'user', login: 'ghes-bot' }, [ghecom]: { kind: 'user', login: 'acme-bot' } },
      masked: [ghes, ghecom],
      sends: { [ghes]: 'ghe.example.com', [ghecom]: 'api.acme.ghe.com' },
      mentions: ['ghes-bot', 'dotcom-bot', 'ghe.example.com', 'api.acme.ghe.com'],
    });

    expect(run.code).toBe(0);
    expect(tokenOf(run, 'ghes-bot')).toMatchObject({ status: 'ok', identity: 'ghes-bot', host: 'ghe.example.com' });
    expect(tokenOf(run, 'dotcom-bot')).toMatchObject({ status: 'ok', identity: 'acme-bot', host: 'api.acme.ghe.com' });
    expect(servers.github.requests.find((r) => r.token === ghes)?.path).toBe('/api/v3/user');
    expect(servers.github.requests.find((r) => r.token === ghecom)?.path).toBe('/user');
  });

  it('redacts a token that the provider echoes back in an error message', async () => {
    const token = mintGitHubToken('ghp_');
    const run = await runAction({
      config: ['tokens:', '  - name: echo-bot', '    provider: github', '    secret: ECHO_TOKEN', ''].join('\n'),
      secrets: { ECHO_TOKEN: token },
      fake: { [token]: { kind: 'status', status: 403, body: { message: `Token ${token} is blocked`, status: '403' } } },
      masked: [token],
      sends: { [token]: GH },
      mentions: ['echo-bot'],
    });

    expect(run.code).toBe(1);
    const entry = tokenOf(run, 'echo-bot');
    expect(codes(entry)).toEqual(['unexpected-response']);
    expect(entry.problems[0]!.message).toContain('answered HTTP 403: Token *** is blocked');
  });

  it('redacts a token echoed where the provider message is cut off', async () => {
    const token = mintGitHubToken('ghp_');
    await runAction({
      config: ['tokens:', '  - name: echo-bot', '    provider: github', '    secret: ECHO_TOKEN', ''].join('\n'),
      secrets: { ECHO_TOKEN: token },
      fake: { [token]: { kind: 'status', status: 403, body: { message: `${'x'.repeat(180)} ${token} is blocked` } } },
      masked: [token],
      sends: { [token]: GH },
      mentions: ['echo-bot'],
    });
  });

  it('checks a secret saved with a trailing newline as the token without it, masking both', async () => {
    const token = mintGitHubToken('ghp_');
    const run = await runAction({
      config: ['tokens:', '  - name: pasted-bot', '    provider: github', '    secret: PASTED_TOKEN', ''].join('\n'),
      secrets: { PASTED_TOKEN: `${token}\n` },
      fake: { [token]: { kind: 'user', login: 'acme-pasted', scopes: ['repo'] } },
      masked: [token],
      sends: { [token]: GH },
      mentions: ['pasted-bot'],
    });

    expect(run.code).toBe(0);
    expect(tokenOf(run, 'pasted-bot')).toMatchObject({ status: 'ok', identity: 'acme-pasted' });
    expect(run.stdout.split('\n')).toContain(`::add-mask::${token}%0A`);
  });

  it('reports a provider slower than timeout-seconds as unreachable, within the time-out', async () => {
    const token = mintGitHubToken('ghp_');
    const run = await runAction({
      config: ['tokens:', '  - name: slow-bot', '    provider: github', '    secret: SLOW_TOKEN', ''].join('\n'),
      inputs: { 'timeout-seconds': '1' },
      secrets: { SLOW_TOKEN: token },
      fake: { [token]: { kind: 'user', login: 'acme-slow', delayMs: 8000 } },
      masked: [token],
      sends: { [token]: GH },
      mentions: ['slow-bot'],
    });

    expect(run.code).toBe(1);
    const entry = tokenOf(run, 'slow-bot');
    expect(codes(entry)).toEqual(['unreachable']);
    expect(entry.problems[0]!.message).toContain('did not answer within 1 s');
    // 1 s time-out + start-up, far from the 8 s the fake would take (slack for a loaded machine).
    expect(run.durationMs).toBeLessThan(6000);
  });

  it('keeps at most `concurrency` calls in flight, reusing each keep-alive tunnel', async () => {
    const tokens = Array.from({ length: 10 }, () => mintGitHubToken('ghp_'));
    const config = ['tokens:', ...tokens.flatMap((_, i) => [`  - name: bot-${i}`, '    provider: github', `    secret: BOT_${i}_TOKEN`]), ''].join('\n');
    const run = await runAction({
      config,
      inputs: { concurrency: '3' },
      secrets: Object.fromEntries(tokens.map((token, i) => [`BOT_${i}_TOKEN`, token])),
      fake: Object.fromEntries(tokens.map((token, i) => [token, { kind: 'user', login: `bot-${i}`, scopes: ['repo'], delayMs: 100 }])),
      masked: tokens,
      sends: Object.fromEntries(tokens.map((token) => [token, GH])),
    });

    expect(run.outputs.result).toBe('pass');
    expect(servers.github.stats.maxInFlight).toBe(3);
    // Four waves of 100 ms (10 / 3): nothing ran one after another, nothing ran all at once.
    const times = servers.github.requests.map((r) => r.at);
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(280);
    // A call after a finished one waits for its keep-alive tunnel instead of opening another.
    expect(servers.proxy.connects.length).toBeLessThanOrEqual(3);
  });
});


describe('dist/index.js: the provider contract v2', () => {
  const SID = `AC${'0123456789abcdef'.repeat(2)}`;
  const TWILIO = 'api.twilio.com';
  /** A Twilio auth token: 32 characters starting with the sentinel. */
  const twilioToken = () => mintGitHubToken('ghp_').slice(4, 36);
  const basic = (user: string, password: string) => Buffer.from(`${user}:${password}`).toString('base64');

  it('checks a Twilio SID and auth token pair as HTTP Basic, masking each part and the Basic form, sent to api.twilio.com only', async () => {
    const auth = twilioToken();
    const old = twilioToken();
    const config = [
      'version: 1',
      'tokens:',
      '  - name: sms',
      '    provider: twilio',
      '    secret: { account-sid: TWILIO_ACCOUNT_SID, auth-token: TWILIO_AUTH_TOKEN }',
      '    previous-secret: OLD_TWILIO_AUTH_TOKEN',
      '    expect-mode: live',
      '    expect-identity: Acme SMS',
      '',
    ].join('\n');
    const run = await runAction({
      config,
      secrets: { TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: auth, OLD_TWILIO_AUTH_TOKEN: old },
      prepare: () => servers.github.setTwilio(SID, auth, { name: 'Acme SMS' }),
      masked: [SID, auth, old, basic(SID, auth), basic(SID, old)],
      // The Basic forms are derived secrets: masked too, and found nowhere.
      planted: [basic(SID, auth), basic(SID, old)],
      sends: { [auth]: TWILIO, [old]: TWILIO },
      mentions: ['sms', 'TWILIO'],
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(tokenOf(run, 'sms')).toMatchObject({ status: 'ok', identity: 'Acme SMS', previous: 'rejected', host: TWILIO, problems: [] });
    expect(servers.github.requests.map((r) => `${r.host} ${r.path}`)).toEqual([`${TWILIO} /2010-04-01/Accounts/${SID}.json`, `${TWILIO} /2010-04-01/Accounts/${SID}.json`]);
  });

  it('on pull_request_target reads the config from the base commit through the API, never from the workspace', async () => {
    const token = mintGitHubToken('ghp_');
    const event = pullRequestEvent('acme/app', 'mallory/app');
    const baseSha = event.pull_request.base.sha;
    // The pull request's checked-out config would send the token to a host of its author's choosing.
    const attackerConfig = ['tokens:', '  - name: release-bot', '    provider: github', '    secret: RELEASE_BOT_TOKEN', '    base-url: https://ghe.example.com/api/v3', ''].join('\n');
    const baseConfig = ['tokens:', '  - name: release-bot', '    provider: github', '    secret: RELEASE_BOT_TOKEN', ''].join('\n');
    const run = await runAction({
      config: attackerConfig,
      eventName: 'pull_request_target',
      event,
      secrets: { RELEASE_BOT_TOKEN: token },
      fake: { [token]: { kind: 'user', login: 'acme-release-bot', scopes: ['repo'] } },
      prepare: (githubToken) => servers.github.setContent('acme/app', CONFIG_PATH, baseSha, baseConfig, githubToken),
      githubTokenTo: GH,
      masked: [token],
      sends: { [token]: GH },
      mentions: ['release-bot'],
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(tokenOf(run, 'release-bot')).toMatchObject({ status: 'ok', host: GH });
    const read = servers.github.requests.find((r) => r.path.includes('/contents/'));
    expect(read?.path).toBe(`/repos/acme/app/contents/${CONFIG_PATH.replace('/', '%2F')}?ref=${baseSha}`);
    expect(run.stdout).toContain(`reading ${CONFIG_PATH} from the base commit ${baseSha.slice(0, 7)}`);
  });

  it('on pull_request_target with no config at the base, checks nothing from the workspace and warns', async () => {
    const token = mintGitHubToken('ghp_');
    const attackerConfig = ['tokens:', '  - name: leak', '    provider: github', '    secret: RELEASE_BOT_TOKEN', '    base-url: https://ghe.example.com/api/v3', ''].join('\n');
    const run = await runAction({
      config: attackerConfig,
      eventName: 'pull_request_target',
      event: pullRequestEvent('acme/app', 'mallory/app'),
      secrets: { RELEASE_BOT_TOKEN: token },
      githubTokenTo: GH,
      masked: [],
      sends: {},
    });
    expect(run.code).toBe(0);
    expect(run.outputs.result).toBe('warn');
    expect(run.report?.tokens).toEqual([]);
    // Only the GitHub API's own calls with the workflow's token: the config read, the sticky comment.
    expect(servers.github.requests.filter((r) => !/\/contents\/|\/issues\/|^\/user$/.test(r.path))).toEqual([]);
  });

  it('warns, never passes, when there is nothing to check, naming the misnamed config file', async () => {
    const run = await runAction({ files: { '.github/token-preflight.yaml': 'tokens: []\n' }, sends: {} });
    expect(run.code).toBe(0);
    expect(run.outputs.result).toBe('warn');
    const [warning] = annotations(run, 'warning');
    expect(warning?.message).toContain('there is no .github/token-preflight.yml, but there is .github/token-preflight.yaml');
    expect(run.summary).toContain('nothing-checked');
    const failing = await runAction({ inputs: { 'fail-on': 'warning' }, sends: {} });
    expect(failing.code).toBe(1);
    expect(annotations(failing, 'warning')[0]?.message).toMatch(/workspace is empty.*actions\/checkout/);
  });

  it('keeps one of the 10 error annotations GitHub shows for the step failure itself', async () => {
    const tokens = Array.from({ length: 12 }, (_, i) => `t${i}`);
    const config = ['tokens:', ...tokens.flatMap((name) => [`  - name: ${name}`, '    provider: github', `    secret: ${name.toUpperCase()}_TOKEN`]), ''].join('\n');
    const run = await runAction({ config, sends: {}, githubTokenTo: GH });
    expect(run.code).toBe(1);
    const errors = annotations(run, 'error');
    expect(errors).toHaveLength(10);
    expect(errors.at(-1)?.message).toMatch(/^token-preflight: fail \(failing tokens: t0, t1/);
    expect(annotations(run, 'notice').at(-1)?.message).toMatch(/3 more annotations not shown/);
    // check-run: auto — what the step cannot show goes on one check run, every one of the 12.
    expect(servers.github.checkRuns).toHaveLength(1);
    expect(servers.github.checkRuns[0]).toMatchObject({ name: 'token-preflight', head_sha: 'ffac537e6cbbf934b08745a378932722df287a53', conclusion: 'failure' });
    expect(servers.github.checkRuns[0]!.annotations).toHaveLength(12);
  });
});

describe('dist/index.js: an unexpected failure', () => {
  // The report cannot be written where RUNNER_TEMP points (a file, not a directory).
  const broken = { RUNNER_TEMP: '/dev/null' };

  it('fails the step in one plain line; the stack trace goes only to a debug line, shown with debug logging on', async () => {
    const run = await runAction({ inputs: { tokens: '- name: a\n  provider: github\n  secret: A_TOKEN\n  optional: true\n' }, env: broken, sends: {} });
    expect(run.code).toBe(1);
    const errors = annotations(run, 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/^token-preflight failed unexpectedly: .*ENOTDIR.*Re-run with debug logging on/);
    expect(errors[0]!.message).not.toMatch(/\bat .*:\d+:\d+/);
    // The runner hides ::debug:: lines unless the run has debug logging on (ACTIONS_STEP_DEBUG).
    const visible = run.stdout.split('\n').filter((line) => !line.startsWith('::debug::'));
    expect(visible.join('\n')).not.toMatch(/\bat .*:\d+:\d+/);
    expect(run.commands.find((c) => c.command === 'debug' && /ENOTDIR/.test(c.message))?.message).toMatch(/\n\s+at /);
  });

  describe('the leak scan', () => {
    it('a pull request adding a live GitHub token: a live finding on its line, failing the step, the token nowhere in any output', async () => {
      const leaked = mintGitHubToken('ghp_');
      const event = pullRequestEvent('acme/app', 'acme/app');
      servers.github.setPullFiles('acme/app', 7, [
        { filename: 'src/deploy.ts', status: 'modified', changes: 2, patch: `@@ -3,2 +3,3 @@ import x from 'y';\n const a = 1;\n+const token = "${leaked}";\n const b = 2;` },
        { filename: 'assets/logo.png', status: 'added', changes: 0 },
      ]);
      const sarif = 'reports/leaks.sarif';
      const run = await runAction({
        eventName: 'pull_request',
        event,
        inputs: { scan: 'auto', sarif },
        fake: { [leaked]: { kind: 'user', login: 'leaky-bot', scopes: ['repo'] } },
        planted: [leaked],
        masked: [leaked],
        githubTokenTo: GH,
        sends: { [leaked]: GH },
      });
      expect(run.code).toBe(1);
      expect(run.outputs).toMatchObject({ result: 'fail', findings: '1', 'live-findings': '1' });
      expect(run.outputs.headline).toBe('token-preflight: 1 live leak');
      const finding = run.report!.findings[0] as Record<string, unknown>;
      expect(finding).toMatchObject({ rule: 'github-pat', provider: 'github', file: 'src/deploy.ts', line: 4, column: 16, verification: 'live', identity: 'leaky-bot', scopes: ['repo'], severity: 'error' });
      expect((run.report as unknown as { scan: Record<string, unknown> }).scan).toMatchObject({
        mode: 'diff', source: 'pull request #7 (2 files, GitHub API)', files: 1, addedLines: 1,
        notScanned: [{ file: 'assets/logo.png', reason: 'binary file: GitHub sends no patch for it' }],
      });
      const [error] = annotations(run, 'error');
      expect(error).toMatchObject({ properties: { file: 'src/deploy.ts', line: '4', col: '16', title: 'token-preflight: github-pat (LIVE)' } });
      expect(error!.message).toContain('It belongs to leaky-bot with scopes repo.');
      expect(run.summary).toContain('### 🔴 Leak scan: 1 secret found, 1 live');
      expect(run.summary).toContain(`](https://github.com/acme/app/blob/${event.pull_request.head.sha}/src/deploy.ts#L4)`);
      const sarifReport = JSON.parse(run.files[sarif] ?? '{}');
      expect(sarifReport.runs?.[0]?.results?.[0]).toMatchObject({ ruleId: 'github-pat', locations: [{ physicalLocation: { region: { startLine: 4, startColumn: 16 } } }] });
      // The pull request's files were listed with the workflow's token, every page.
      expect(servers.github.requests.filter((r) => r.path.startsWith('/repos/acme/app/pulls/7/files'))).toHaveLength(1);
      // One sticky comment, by the workflow's bot, linking to the line.
      expect(servers.github.comments).toHaveLength(1);
      expect(servers.github.comments[0]!.body).toMatch(/^<!-- token-preflight:sticky -->/);
      expect(servers.github.comments[0]!.body).toContain(`(https://github.com/acme/app/blob/${event.pull_request.head.sha}/src/deploy.ts#L4)`);
      expect(servers.github.comments[0]!.body).toContain('leaky-bot');
      // The comment went to GitHub, not to a file of the run: it too must hold no part of the token.
      for (const part of [leaked, leaked.slice(4, 16), leaked.slice(-12)]) expect(JSON.stringify(servers.github.comments)).not.toContain(part);
      if (process.env.TOKEN_PREFLIGHT_SHOW) console.log(`--- job summary ---\n${run.summary}\n--- PR comment ---\n${servers.github.comments[0]!.body}`);
    });

    it('the next run edits the same comment, and once the leak is gone says all clear', async () => {
      const leaked = mintGitHubToken('ghp_');
      const event = pullRequestEvent('acme/app', 'acme/app');
      servers.github.setPullFiles('acme/app', 7, [{ filename: 'a.env', status: 'added', changes: 1, patch: `@@ -0,0 +1 @@\n+GH=${leaked}` }]);
      const scenario = { eventName: 'pull_request', event, inputs: { scan: 'auto', 'verify-leaks': 'false' }, planted: [leaked], masked: [leaked], githubTokenTo: GH, sends: {} };
      expect((await runAction(scenario)).code).toBe(1);
      const first = servers.github.comments.map((c) => ({ ...c }));
      expect(first).toHaveLength(1);
      // The fix: the pull request no longer adds the line. The fake keeps its comments across runs of a test.
      const keep = servers.github.comments.map((c) => ({ ...c }));
      servers.github.reset();
      servers.github.setPullFiles('acme/app', 7, [{ filename: 'a.env', status: 'added', changes: 1, patch: '@@ -0,0 +1 @@\n+GH=${{ secrets.GH }}' }]);
      const second = await runAction({ ...scenario, masked: [], prepare: () => servers.github.comments.push(...keep) });
      expect(second.code).toBe(0);
      expect(servers.github.comments).toHaveLength(1);
      expect(servers.github.comments[0]!.id).toBe(first[0]!.id);
      expect(servers.github.comments[0]!.body).toContain('All clear — every token is healthy and no secrets were found** (fixed since the last run)');
    });

    it("a fork's pull request: no comment, no check run, a notice why, and the results still in the summary", async () => {
      const leaked = mintGitHubToken('ghp_');
      servers.github.setPullFiles('acme/app', 7, [{ filename: 'a.env', status: 'added', changes: 1, patch: `@@ -0,0 +1 @@\n+GH=${leaked}` }]);
      const run = await runAction({ eventName: 'pull_request', event: pullRequestEvent('acme/app', 'mallory/app'), inputs: { scan: 'auto', 'verify-leaks': 'false', 'check-run': 'always' }, planted: [leaked], masked: [leaked], githubTokenTo: GH, githubTokenCanWrite: false, sends: {} });
      expect(run.code).toBe(1);
      expect(servers.github.comments).toEqual([]);
      expect(servers.github.requests.filter((r) => r.method !== 'GET')).toEqual([]);
      expect(annotations(run, 'notice').map((a) => a.message).join('\n')).toContain('no sticky comment: a pull request from a fork (mallory/app) gets a read-only token');
      expect(annotations(run, 'warning').map((a) => a.message).join('\n')).toContain('no check run: a pull request from a fork (mallory/app) gets a read-only token');
      expect(run.summary).toContain('### ❌ Leak scan: 1 secret found');
    });

    it('a push whose commits cannot be read warns scan-incomplete and says where: never a silent pass', async () => {
      const run = await runAction({ inputs: { scan: 'auto' }, githubTokenTo: GH, masked: [], sends: {} });
      expect(run.code).toBe(0);
      expect(run.outputs.result).toBe('warn');
      expect(run.report?.findings).toEqual([]);
      const problems = (run.report as unknown as { problems: Array<{ code: string; message: string }> }).problems;
      expect(problems).toEqual([expect.objectContaining({ code: 'scan-incomplete', message: expect.stringMatching(/^the leak scan could not read \(the push\): .*comparison failed: GitHub answered 401, the token was rejected/) })]);
      expect(annotations(run, 'warning').map((a) => a.properties.title)).toContain('token-preflight: scan-incomplete');
    });

    it('verify-leaks: false sends a found secret nowhere', async () => {
      const leaked = mintGitHubToken('ghp_');
      servers.github.setPullFiles('acme/app', 7, [{ filename: 'a.env', status: 'added', changes: 1, patch: `@@ -0,0 +1 @@\n+GH=${leaked}` }]);
      const run = await runAction({
        eventName: 'pull_request',
        event: pullRequestEvent('acme/app', 'acme/app'),
        inputs: { scan: 'auto', 'verify-leaks': 'false' },
        planted: [leaked],
        masked: [leaked],
        githubTokenTo: GH,
        sends: {},
      });
      expect(run.code).toBe(1);
      expect(run.report!.findings).toEqual([expect.objectContaining({ verification: 'unverified', verificationReason: 'verification off' })]);
    });
  });
});

