// End-to-end: dist/cli.js run as its own process, as a user runs `token-preflight check` in a shell,
// against the fake GitHub behind the test proxy (see action.test.ts).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CA_PATH, daysFromNow, mintGitHubToken } from '../helpers/fake-github.mjs';
import { useFakeGitHubBehindProxy } from '../helpers/e2e-servers.js';
import { CLI_BUNDLE, runNode, type ProcessResult } from '../helpers/runner.mjs';
import { expectNoLeak, expectTraffic } from '../helpers/e2e-assert.js';

const servers = useFakeGitHubBehindProxy();
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'token-preflight-cli-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const CONFIG = [
  'version: 1',
  'tokens:',
  '  - name: release-bot',
  '    provider: github',
  '    secret: RELEASE_BOT_TOKEN',
  '    require-scopes: [repo]',
  '',
].join('\n');

interface CliRun extends ProcessResult {
  json?: { result: string; tokens: Array<{ name: string; status: string; identity?: string; problems: Array<{ code: string }> }> };
}

/** `node dist/cli.js …args` in `dir`, with only PATH, the proxy, the CA and `secrets` in its environment. */
async function cli(args: string[], secrets: Record<string, string> = {}, sends: Record<string, string> = {}): Promise<CliRun> {
  const env = { PATH: process.env.PATH ?? '', HTTPS_PROXY: servers.proxy.url, NODE_EXTRA_CA_CERTS: CA_PATH, ...secrets };
  const result = await runNode([CLI_BUNDLE, ...args], { env, cwd: dir, timeoutMs: 15_000 });
  // The CLI does not mask (there is no runner to mask for): its output must simply never hold a token.
  expectNoLeak({ stdout: result.stdout, stderr: result.stderr }, [...Object.values(secrets), ...servers.github.tokens.keys()]);
  expectTraffic(servers.github, servers.proxy, sends);
  let json: CliRun['json'];
  if (args.includes('json') && result.stdout.trim().startsWith('{')) json = JSON.parse(result.stdout) as CliRun['json'];
  return { ...result, json };
}

describe('dist/cli.js', () => {
  it('check exits 0 and prints the JSON report for a healthy token', async () => {
    const token = mintGitHubToken('ghp_');
    servers.github.setToken(token, { kind: 'user', login: 'acme-release-bot', scopes: ['repo'], expiresAt: daysFromNow(90) });
    await writeFile(path.join(dir, 'tp.yml'), CONFIG);

    const run = await cli(['check', '--config', 'tp.yml', '--format', 'json'], { RELEASE_BOT_TOKEN: token }, { [token]: 'api.github.com' });

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.json).toMatchObject({ version: 1, result: 'pass', findings: [] });
    expect(run.json!.tokens).toEqual([
      expect.objectContaining({ name: 'release-bot', status: 'ok', identity: 'acme-release-bot', scopes: ['repo'], problems: [], host: 'api.github.com' }),
    ]);
  });

  it('check exits 1 when a token has problems (revoked; secret not exported)', async () => {
    const token = mintGitHubToken('ghp_');
    servers.github.setToken(token, { kind: 'revoked' });
    const config = `${CONFIG}  - name: deploy-bot\n    provider: github\n    secret: DEPLOY_BOT_TOKEN\n`;
    await writeFile(path.join(dir, 'tp.yml'), config);

    const run = await cli(['check', '--config', 'tp.yml', '--format', 'json', '--timeout-seconds', '2'], { RELEASE_BOT_TOKEN: token }, { [token]: 'api.github.com' });

    expect(run.code).toBe(1);
    expect(run.json!.result).toBe('fail');
    const byName = Object.fromEntries(run.json!.tokens.map((t) => [t.name, t.problems.map((p) => p.code)]));
    expect(byName).toEqual({ 'release-bot': ['invalid'], 'deploy-bot': ['missing-secret'] });
  });

  it('check prints a text report by default', async () => {
    const token = mintGitHubToken('ghp_');
    servers.github.setToken(token, { kind: 'user', login: 'acme-release-bot', scopes: ['repo'] });
    await writeFile(path.join(dir, 'tp.yml'), CONFIG);

    const run = await cli(['check', '--config', 'tp.yml'], { RELEASE_BOT_TOKEN: token }, { [token]: 'api.github.com' });

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('release-bot');
    expect(run.stdout).toContain('identity acme-release-bot');
    expect(run.stdout).toMatch(/^PASS: 1 token/m);
  });

  it('check exits 2 and names the file when the config file is missing', async () => {
    const named = await cli(['check', '--config', 'nowhere.yml', '--format', 'json']);
    expect(named.code).toBe(2);
    expect(named.stdout).toBe('');
    expect(named.stderr).toContain('nowhere.yml');
    expect(named.stderr).toContain('no such file');

    // Without --config the default path is required too, and named.
    const defaulted = await cli(['check', '--format', 'json']);
    expect(defaulted.code).toBe(2);
    expect(defaulted.stderr).toContain('.github/token-preflight.yml');
  });

  it('check exits 2 on a bad flag or flag value, saying which', async () => {
    await writeFile(path.join(dir, 'tp.yml'), CONFIG);
    const unknown = await cli(['check', '--config', 'tp.yml', '--colour']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--colour');

    const format = await cli(['check', '--config', 'tp.yml', '--format', 'xml']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format must be one of text, json');

    const command = await cli(['chekc']);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain('unknown command "chekc"');
  });

  it('check exits 2 on a config error and says where', async () => {
    await writeFile(path.join(dir, 'tp.yml'), CONFIG.replace('provider: github', 'provider: githb'));
    const run = await cli(['check', '--config', 'tp.yml', '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('tp.yml:4:');
    expect(run.stderr).toMatch(/known providers: [a-z, -]*\bgithub, gitlab\b/);
  });

  it('check exits 2 on an unknown config key and names it', async () => {
    await writeFile(path.join(dir, 'tp.yml'), CONFIG.replace('require-scopes', 'require-scope'));
    const run = await cli(['check', '--config', 'tp.yml', '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('tp.yml:6:');
    expect(run.stderr).toContain('did you mean "require-scopes"');
  });

  it('providers --format json has the shape the contract documents (docs/contract.md), and more', async () => {
    const run = await cli(['providers', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const body = JSON.parse(run.stdout) as { providers: Array<Record<string, unknown>> };
    expect(Object.keys(body)).toEqual(['providers']);
    expect(body.providers.length).toBeGreaterThan(0);
    for (const provider of body.providers) {
      expect(Object.keys(provider)).toEqual(expect.arrayContaining(['expiry', 'hosts', 'id', 'identity', 'mode', 'scopes', 'verifiesLeaks', 'parts']));
      expect(provider.id).toBeTypeOf('string');
      expect(Array.isArray(provider.hosts) && provider.hosts.every((h) => typeof h === 'string')).toBe(true);
      for (const flag of ['identity', 'scopes', 'expiry', 'mode', 'verifiesLeaks']) expect(provider[flag], `${String(provider.id)}.${flag}`).toBeTypeOf('boolean');
    }
    expect(body.providers.find((p) => p.id === 'github')).toMatchObject({
      id: 'github',
      hosts: ['api.github.com'],
      identity: true,
      scopes: true,
      expiry: true,
      mode: false,
      verifiesLeaks: true,
      parts: [{ id: 'token' }],
    });
  });

  it('scan --verify asks the found token\'s provider, through the proxy, and prints LIVE with whose it is', async () => {
    const live = mintGitHubToken('ghp_');
    const dead = mintGitHubToken('ghp_');
    servers.github.setToken(live, { kind: 'user', login: 'leaky-bot', scopes: ['repo'] });
    servers.github.setToken(dead, { kind: 'revoked' });
    const diff = ['diff --git a/ci.env b/ci.env', '--- /dev/null', '+++ b/ci.env', '@@ -0,0 +1,2 @@', `+A=${live}`, `+B=${dead}`, ''].join('\n');
    await writeFile(path.join(dir, 'change.diff'), diff);
    const run = await cli(['scan', '--diff', 'change.diff', '--verify'], {}, { [live]: 'api.github.com', [dead]: 'api.github.com' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^ci\.env:1:3: github-pat \(github\) github-pat:ci\.env:[0-9a-f]{12} ghp_… LIVE \(leaky-bot\)$/m);
    expect(run.stdout).toMatch(/^ci\.env:2:3: github-pat \(github\) github-pat:ci\.env:[0-9a-f]{12} ghp_… inactive$/m);
    expect(run.stdout).toMatch(/token-preflight scan: 2 findings in 1 file, 2 added lines scanned; 1 live, 1 inactive\n$/);
  });

  it('scan without --verify sends nothing anywhere', async () => {
    const live = mintGitHubToken('ghp_');
    servers.github.setToken(live, { kind: 'user', login: 'leaky-bot', scopes: ['repo'] });
    await writeFile(path.join(dir, 'a.env'), `A=${live}\n`);
    const run = await cli(['scan', 'a.env', '--format', 'json'], {}, {});
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).findings).toEqual([expect.objectContaining({ rule: 'github-pat', verification: 'unverified', verificationReason: 'verification off' })]);
  });
});

