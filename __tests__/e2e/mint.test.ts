// End-to-end: `mint:` as the runner runs it — dist/index.js as the main step, then again as the
// post step (the runner sets STATE_* from what the main step saved) — against an OAuth 2.0 server
// reached through the test proxy. The minted token is checked, exported masked, and revoked at the end.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CA_PATH } from '../helpers/fake-github.mjs';
import { useFakeGitHubBehindProxy } from '../helpers/e2e-servers.js';
import { ACTION_BUNDLE, actionInputEnv, createRunnerSandbox, parseOutputFile, parseWorkflowCommands, runNode } from '../helpers/runner.mjs';

const servers = useFakeGitHubBehindProxy();

const CONFIG = [
  'version: 1',
  'mint:',
  '  - name: qa-api',
  '    provider: oauth2',
  '    token-url: https://auth.example.com/oauth/token',
  '    client-id: QA_CLIENT_ID',
  '    client-secret: QA_CLIENT_SECRET',
  '    scope: read:orders',
  '    revocation-url: https://auth.example.com/oauth/revoke',
  '    export: QA_API_TOKEN',
  '',
].join('\n');
const SECRET = 'qa-client-secret-SENTINEL-7f3a9c';

describe('mint: main step, later steps, post step', () => {
  it('action.yml runs the same bundle as the post step, after a failed job too', async () => {
    const action = parse(await readFile(path.join(import.meta.dirname, '..', '..', 'action.yml'), 'utf8')) as { runs: Record<string, string> };
    expect(action.runs).toMatchObject({ using: 'node24', main: 'dist/index.js', post: 'dist/index.js', 'post-if': 'always()' });
  });

  it('mints, checks, exports masked, and the post step revokes', async () => {
    servers.github.setOAuthClient('qa-client', SECRET);
    const sandbox = await createRunnerSandbox({ config: CONFIG, eventName: 'workflow_dispatch', event: {} });
    try {
      const env = { PATH: process.env.PATH ?? '', ...sandbox.env, ...actionInputEnv({ scan: 'off', 'fail-on': 'never' }, { 'github.token': 'ghs_unused000000000000000000000000000000' }), HTTPS_PROXY: servers.proxy.url, NODE_EXTRA_CA_CERTS: CA_PATH, QA_CLIENT_ID: 'qa-client', QA_CLIENT_SECRET: SECRET };
      const main = await runNode([ACTION_BUNDLE], { env, cwd: sandbox.workspace, timeoutMs: 15_000 });
      expect(main.stderr).toBe('');
      expect(main.code).toBe(0);
      const [minted] = servers.github.oauthMinted;
      expect(minted).toBeDefined();

      // Masked before anything else mentions it; exported for later steps; never printed.
      const commands = parseWorkflowCommands(main.stdout);
      expect(commands.filter((c) => c.command === 'add-mask').map((c) => c.message)).toEqual(expect.arrayContaining([minted, SECRET]));
      expect(main.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain(minted);
      expect(parseOutputFile(await readFile(path.join(sandbox.root, 'file_commands', 'set_env'), 'utf8'))).toMatchObject({ QA_API_TOKEN: minted });
      const report = JSON.parse(await readFile((await sandbox.readOutputs()).report!, 'utf8')) as { tokens: Array<Record<string, unknown>> };
      expect(report.tokens).toEqual([expect.objectContaining({ name: 'qa-api', provider: 'oauth2', status: 'ok', scopes: ['read:orders'], ephemeral: true, notes: expect.arrayContaining(['exported as QA_API_TOKEN', 'revoked at the end of the job']) })]);
      expect(JSON.stringify(report)).not.toContain(minted);
      expect(await sandbox.readSummary()).toContain('qa-api');

      // The post step: the runner hands back what the main step saved, as STATE_* variables.
      const state = parseOutputFile(await readFile(path.join(sandbox.root, 'file_commands', 'save_state'), 'utf8'));
      expect(state.isPost).toBe('true');
      const stateEnv = Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v]));
      await writeFile(path.join(sandbox.root, 'file_commands', 'save_state'), '');
      const post = await runNode([ACTION_BUNDLE], { env: { ...env, ...stateEnv }, cwd: sandbox.workspace, timeoutMs: 15_000 });
      expect(post.code).toBe(0);
      expect(servers.github.oauthRevoked).toEqual([minted]);
      expect(post.stdout).toContain('token-preflight: revoked the minted token qa-api');
      expect(post.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain(minted);
      // The post step checks nothing again and writes no report of its own.
      expect(servers.github.oauthMinted).toHaveLength(1);
    } finally {
      await sandbox.cleanup();
    }
  });

  it('a refused client: a failing row, nothing exported, nothing to revoke', async () => {
    servers.github.setOAuthClient('qa-client', 'another-secret-000000');
    const sandbox = await createRunnerSandbox({ config: CONFIG, eventName: 'workflow_dispatch', event: {} });
    try {
      const env = { PATH: process.env.PATH ?? '', ...sandbox.env, ...actionInputEnv({ scan: 'off' }, { 'github.token': 'ghs_unused000000000000000000000000000000' }), HTTPS_PROXY: servers.proxy.url, NODE_EXTRA_CA_CERTS: CA_PATH, QA_CLIENT_ID: 'qa-client', QA_CLIENT_SECRET: SECRET };
      const main = await runNode([ACTION_BUNDLE], { env, cwd: sandbox.workspace, timeoutMs: 15_000 });
      expect(main.code).toBe(1);
      const report = JSON.parse(await readFile((await sandbox.readOutputs()).report!, 'utf8')) as { tokens: Array<{ problems: Array<{ code: string; message: string }> }> };
      expect(report.tokens[0]!.problems[0]).toMatchObject({ code: 'invalid', message: expect.stringContaining('refused the client credentials: HTTP 401 (invalid_client)') });
      expect(await readFile(path.join(sandbox.root, 'file_commands', 'set_env'), 'utf8')).toBe('');
      expect(parseOutputFile(await readFile(path.join(sandbox.root, 'file_commands', 'save_state'), 'utf8'))).toEqual({ isPost: 'true' });
      expect(main.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain(SECRET);
    } finally {
      await sandbox.cleanup();
    }
  });
});
