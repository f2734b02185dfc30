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
  it('lists providers in the JSON shape of the contract, with the parts of each credential', async () => {
    const { code, stdout } = await cli(['providers', '--format', 'json']);
    expect(code).toBe(0);
    const { providers } = JSON.parse(stdout) as { providers: Array<Record<string, unknown>> };
    const byId = new Map(providers.map((p) => [p.id, p]));
    // Every provider issue #6 names, the generic ones last.
    const named = ['github', 'gitlab', 'bitbucket', 'azure-devops', 'slack', 'stripe', 'openai', 'anthropic', 'google-api-key', 'google-service-account', 'aws', 'twilio', 'cloudflare', 'npm', 'docker-hub', 'huggingface', 'sendgrid', 'mailgun', 'datadog', 'sentry', 'vercel', 'netlify', 'heroku', 'digitalocean', 'linear', 'notion', 'discord', 'telegram', 'shopify', 'atlassian', 'pagerduty', 'postman'];
    expect([...byId.keys()]).toEqual(expect.arrayContaining(named));
    expect(providers.slice(-4).map((p) => p.id)).toEqual(['jwt', 'oauth2', 'oidc', 'http']);
    expect(byId.get('github')).toMatchObject({ hosts: ['api.github.com'], identity: true, scopes: true, expiry: true, mode: false, verifiesLeaks: true, baseUrl: expect.any(String) });
    expect(byId.get('twilio')).toMatchObject({ hosts: ['api.twilio.com'], mode: true, modes: ['test', 'live'], parts: [{ id: 'account-sid' }, { id: 'auth-token' }] });
    expect(byId.get('datadog')).toMatchObject({ keys: ['site'], hosts: expect.arrayContaining(['api.datadoghq.com', 'api.datadoghq.eu']) });
    expect(byId.get('http')).toMatchObject({ hosts: [], keys: expect.arrayContaining(['request', 'expect']) });
  });

  it('lists providers as text, saying what each can tell', async () => {
    const { stdout } = await cli(['providers']);
    expect(stdout).toMatch(/^github\s+api\.github\.com\s+tells: identity, scopes, expiry; verifies leaks\n/m);
    expect(stdout).toMatch(/^twilio\s+api\.twilio\.com\s+tells: identity, mode; verifies leaks; secret parts: account-sid, auth-token\n/m);
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
    expect(stderr).toContain('tokens.yml:4:15: tokens[0].provider: unknown provider "gitlub" (did you mean "github"?); known providers: anthropic, atlassian, aws,');
  });

  it('warns, never passes, for a config with no tokens (exit 0 unless --fail-on warning)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tp-cli-'));
    writeFileSync(path.join(dir, 'tokens.yml'), 'version: 1\ntokens: []\n');
    const { code, stdout } = await cli(['check', '--config', 'tokens.yml', '--format', 'json'], dir);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ version: 1, result: 'warn', problems: [{ code: 'nothing-checked', message: expect.stringContaining('tokens.yml lists no tokens') }], tokens: [], findings: [] });
    expect((await cli(['check', '--config', 'tokens.yml', '--fail-on', 'warning'], dir)).code).toBe(1);
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
    [['check', '--concurrency', '0'], '--concurrency must be a whole number from 1 to 64, written in digits, got "0"'],
    // Numbers in plain digits only, within range: 1e9 seconds would overflow the timer (it fired at once).
    [['check', '--timeout-seconds', '1e9'], '--timeout-seconds must be a whole number from 1 to 600, written in digits, got "1e9"'],
    [['check', '--timeout-seconds', '601'], '--timeout-seconds must be a whole number from 1 to 600'],
    [['check', '--concurrency', ' 2'], '--concurrency must be a whole number from 1 to 64, written in digits'],
    [['check', '--concurrency', '0x10'], '--concurrency must be a whole number from 1 to 64, written in digits, got "0x10"'],
    [['check', '--expiry-warning-days', '+3'], '--expiry-warning-days must be a whole number from 0 to 3650, written in digits, got "+3"'],
    [['check', '--bogus'], "Unknown option '--bogus'"],
    [['frobnicate'], 'unknown command "frobnicate"'],
  ])('exits 2 on a usage error: %j', async (argv, message) => {
    const { code, stderr } = await cli(argv);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain('Usage:');
  });

  describe('--help', () => {
    const commands = ['check', 'providers', 'scan', 'rules'];

    it.each(commands.flatMap((command) => [[command, '--help'], [command, '-h']]))('%s %s prints the usage of that command and exits 0', async (command, flag) => {
      const { code, stdout, stderr } = await cli([command!, flag!]);
      expect(code).toBe(0);
      expect(stderr).toBe('');
      expect(stdout).toMatch(new RegExp(`^Usage: token-preflight ${command}\\b`));
    });

    it('check --help names the default config file and every option, without reading a config', async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'tp-cli-')); // no config file here
      const { code, stdout } = await cli(['check', '--help'], dir);
      expect(code).toBe(0);
      expect(stdout).toContain('(default: .github/token-preflight.yml)');
      for (const option of ['--config FILE', '--format text|json', '--fail-on error|warning|never', '--timeout-seconds N', '--concurrency N', '--expiry-warning-days N', '-h, --help']) {
        expect(stdout).toContain(option);
      }
    });

    it('wins over the other arguments, but not after `--`', async () => {
      expect(await cli(['check', '--format', 'yaml', '--help'])).toMatchObject({ code: 0, stderr: '' });
      expect(await cli(['providers', '--bogus', '-h'])).toMatchObject({ code: 0, stderr: '' });
      const { code, stdout } = await cli(['check', '--', '--help']);
      expect(code).toBe(2);
      expect(stdout).toBe('');
    });

    it('help COMMAND is the same as COMMAND --help', async () => {
      for (const command of commands) expect(await cli(['help', command])).toEqual(await cli([command, '--help']));
      const { code, stderr } = await cli(['help', 'frobnicate']);
      expect(code).toBe(2);
      expect(stderr).toContain('unknown command "frobnicate"');
    });

    it.each([['--help'], ['-h'], ['help']])('top level %s prints the general usage and exits 0', async (flag) => {
      const { code, stdout } = await cli([flag]);
      expect(code).toBe(0);
      expect(stdout).toContain('token-preflight check [--config FILE]');
      expect(stdout).toContain('token-preflight <command> --help');
    });

    it('no command at all prints the general usage and exits 2', async () => {
      const { code, stdout } = await cli([]);
      expect(code).toBe(2);
      expect(stdout).toContain('Usage:');
    });

    it("a usage error of a command ends with that command's usage", async () => {
      const { code, stderr } = await cli(['providers', '--format', 'yaml']);
      expect(code).toBe(2);
      expect(stderr).toMatch(/^token-preflight: --format must be one of text, json, got "yaml"\n\nUsage: token-preflight providers \[options\]/);
    });
  });

  describe('config errors on stderr: nothing a runner reads as a workflow command, nothing a terminal runs', () => {
    const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
    const expectSafe = (stderr: string) => {
      for (const line of stderr.split('\n')) {
        expect(line, JSON.stringify(line)).not.toMatch(/^\s*(::|##\[)/);
        expect(UNSAFE.test(line), JSON.stringify(line)).toBe(false);
      }
    };
    const FAKE_PAT = `ghp_${'aB3x'.repeat(9)}`;

    it.each([
      ['a key holding a line break and ::error', 'tokens:\n  - name: a\n    provider: github\n    secret: A\n    "x\\n::error title=forged::pwned": 1\n', ['::error', 'forged', 'pwned']],
      ['a top-level key that is ::stop-commands::', '"::stop-commands::pause": 1\n', ['stop-commands', 'pause']],
      ['a provider holding ESC, BEL and CR', 'tokens:\n  - name: a\n    provider: "\\e]0;owned\\a\\rgithub"\n    secret: A\n', ['owned']],
      ['a provider holding bidi and zero-width characters', 'tokens:\n  - name: a\n    provider: "git\\u200Bhub\\u202E"\n    secret: A\n', []],
      ['a token pasted as provider', `tokens:\n  - name: a\n    provider: xoxb-1-2-abcDEF\n    secret: A\n`, ['xoxb-']],
      ['a YAML error beside a token', `- a\n- b\n: ${FAKE_PAT}\n`, [FAKE_PAT]],
    ])('%s', async (_, text, never) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'tp-cli-'));
      writeFileSync(path.join(dir, 'tokens.yml'), text);
      const { code, stderr } = await cli(['check', '--config', 'tokens.yml'], dir);
      expect(code).toBe(2);
      expect(stderr).toMatch(/^token-preflight: configuration errors?:\ntokens\.yml:\d+:\d+: /);
      expectSafe(stderr);
      for (const text of never) expect(stderr).not.toContain(text);
    });

    it('a config path that starts with :: does not make a line a workflow command', async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'tp-cli-'));
      const name = '::error title=x::y.yml';
      writeFileSync(path.join(dir, name), 'version: 2\n');
      const { code, stderr } = await cli(['check', '--config', name], dir);
      expect(code).toBe(2);
      expect(stderr).toContain(': :error title=x::y.yml:1:10: version: must be one of: 1');
      expectSafe(stderr);
    });

    it('a missing config path with control characters is printed clean', async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'tp-cli-'));
      const { code, stderr } = await cli(['check', '--config', 'a\u001b[2J\n::error::b.yml'], dir);
      expect(code).toBe(2);
      expect(stderr).toContain('cannot read the config file: no such file');
      expectSafe(stderr);
    });

    it('usage errors do not echo control characters either', async () => {
      for (const argv of [['check', '--format', '\u001b[31mred'], ['check', '--\u001b]0;x\u0007'], ['\n::error::x']]) {
        const { code, stderr } = await cli(argv);
        expect(code).toBe(2);
        expectSafe(stderr);
      }
    });
  });
});
