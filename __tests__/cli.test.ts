import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.js';

async function cli(argv: string[], cwd = os.tmpdir(), env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env, cwd });
  return { code, stdout, stderr };
}

describe('token-preflight CLI', () => {
  it('lists providers in the JSON shape of SPEC.md', async () => {
    const { code, stdout } = await cli(['providers', '--format', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      providers: [{ id: 'github', hosts: ['api.github.com'], identity: true, scopes: true, expiry: true, mode: false, verifiesLeaks: false }],
    });
  });

  it('lists providers as text, saying what each can tell', async () => {
    const { stdout } = await cli(['providers']);
    expect(stdout).toMatch(/^github\s+api\.github\.com\s+tells: identity, scopes, expiry\n$/);
  });

  it('exits 2 naming the file when the config is missing', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tp-cli-'));
    const { code, stderr } = await cli(['check'], dir);
    expect(code).toBe(2);
    expect(stderr).toContain('.github/token-preflight.yml: cannot read the config file: no such file');
  });

  it('exits 2 with file:line:col for a config mistake', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tp-cli-'));
    writeFileSync(path.join(dir, 'tokens.yml'), 'version: 1\ntokens:\n  - name: a\n    provider: gitlub\n    secret: A_TOKEN\n');
    const { code, stderr } = await cli(['check', '--config', 'tokens.yml'], dir);
    expect(code).toBe(2);
    expect(stderr).toContain('tokens.yml:4:15: tokens[0].provider: unknown provider "gitlub" (did you mean "github"?); known providers: github');
  });

  it('exits 0 for a config with no tokens, and reports it', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tp-cli-'));
    writeFileSync(path.join(dir, 'tokens.yml'), 'version: 1\ntokens: []\n');
    const { code, stdout } = await cli(['check', '--config', 'tokens.yml', '--format', 'json'], dir);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ version: 1, result: 'pass', tokens: [], findings: [] });
  });

  it('exits 1 when a secret is missing, explaining how to set it', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tp-cli-'));
    writeFileSync(path.join(dir, 'tokens.yml'), 'tokens:\n  - name: bot\n    provider: github\n    secret: BOT_TOKEN\n');
    const { code, stdout } = await cli(['check', '--config', 'tokens.yml'], dir);
    expect(code).toBe(1);
    expect(stdout).toContain('missing-secret: environment variable BOT_TOKEN is not set or empty: export it before running the check');
    expect(stdout).toMatch(/FAIL: 1 token \(1 fail\)/);
  });

  it.each([
    [['check', '--format', 'yaml'], '--format must be one of text, json, got "yaml"'],
    [['check', '--concurrency', '0'], '--concurrency must be a whole number ≥ 1, got "0"'],
    [['check', '--bogus'], "Unknown option '--bogus'"],
    [['frobnicate'], 'unknown command "frobnicate"'],
  ])('exits 2 on a usage error: %j', async (argv, message) => {
    const { code, stderr } = await cli(argv);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain('Usage:');
  });

  it('says plainly that scan and rules are not in this release', async () => {
    const { code, stderr } = await cli(['scan']);
    expect(code).toBe(2);
    expect(stderr).toContain('not in this release yet');
  });
});
