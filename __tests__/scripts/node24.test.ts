// scripts/node24.mjs: the npm scripts run under Node 24 whatever Node the terminal has.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { OLDER_NODE, PRETEND_NODE20 } from '../helpers/older-node.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WRAPPER = path.join(ROOT, 'scripts', 'node24.mjs');
const temp = mkdtempSync(path.join(os.tmpdir(), 'token-preflight-node24-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A .ci/.node stand-in whose node_modules/.bin/node is this test's Node 24. */
function fakeNode24Dir(): string {
  const dir = mkdtempSync(path.join(temp, 'node24-'));
  mkdirSync(path.join(dir, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(process.execPath, path.join(dir, 'node_modules', '.bin', 'node'));
  return dir;
}

function wrapper(node: string, nodeArgs: string[], args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(node, [...nodeArgs, WRAPPER, ...args], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env }, timeout: 60_000 });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at /m);

describe('on Node 24', () => {
  it('runs the command as it is, with its exit status and output', () => {
    expect(wrapper(process.execPath, [], ['node', '-p', 'process.version'])).toMatchObject({ code: 0, stdout: `${process.version}\n`, stderr: '' });
    expect(wrapper(process.execPath, [], ['node', '-e', 'process.exit(7)']).code).toBe(7);
  });

  it('finds the project binaries outside `npm run` too', () => {
    expect(wrapper(process.execPath, [], ['tsc', '--version'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Version \d/) });
  });

  it('says in one line when the command does not exist', () => {
    const { code, stderr } = wrapper(process.execPath, [], ['no-such-command-here']);
    expect(code).toBe(1);
    expect(stderr).toBe('cannot run "no-such-command-here": not found (did `npm ci` run?)\n');
  });

  it('ends the way the command ended, signal included', () => {
    expect(wrapper(process.execPath, [], ['node', '-e', 'process.kill(process.pid, "SIGTERM")']).signal).toBe('SIGTERM');
  });
});

describe('on an older Node', () => {
  it('runs the command under Node 24 from .ci/.node, first on PATH for `#!/usr/bin/env node` scripts', () => {
    const dir = fakeNode24Dir();
    const probe = 'console.log(process.version, process.env.PATH.split(require("path").delimiter)[0])';
    const { code, stdout, stderr } = wrapper(process.execPath, ['--import', PRETEND_NODE20], ['node', '-e', probe], { TOKEN_PREFLIGHT_NODE24_DIR: dir });
    expect(code).toBe(0);
    expect(stdout).toBe(`${process.version} ${path.join(dir, 'node_modules', '.bin')}\n`);
    expect(stderr).toMatch(new RegExp(`^Node v20\\.20\\.2 is older than 24: running \`node -e .*\` with Node ${process.version.replace(/\./g, '\\.')} from ${dir}\\n$`));
  });

  it('installs node@24 when it is not there, and says in one line that Node 24 is needed when that fails', () => {
    const dir = path.join(temp, 'not-installed');
    // An npm registry that refuses connections at once, and an empty cache: the install must fail.
    const npm = { npm_config_registry: 'http://127.0.0.1:9/', npm_config_fetch_retries: '0', npm_config_cache: path.join(temp, 'npm-cache'), npm_config_update_notifier: 'false' };
    const { code, stdout, stderr } = wrapper(process.execPath, ['--import', PRETEND_NODE20], ['node', '-e', ''], { TOKEN_PREFLIGHT_NODE24_DIR: dir, ...npm });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(`Node v20.20.2 is older than 24: installing node@24 from the npm registry into ${dir}`);
    expect(lines[1]).toMatch(new RegExp(`^token-preflight's scripts need Node\\.js 24 or later; this is Node\\.js v20\\.20\\.2, and installing node@24 into ${dir} failed.*: install Node\\.js 24 and run it again\\.$`));
    noStackTrace(stderr);
  });

  it.skipIf(!OLDER_NODE)(`runs on a real ${OLDER_NODE?.version ?? 'older Node'} (${OLDER_NODE?.path ?? 'none found'})`, () => {
    const dir = fakeNode24Dir();
    const { code, stdout, stderr } = wrapper(OLDER_NODE!.path, [], ['node', '-p', 'process.version'], { TOKEN_PREFLIGHT_NODE24_DIR: dir });
    expect(code).toBe(0);
    expect(stdout).toBe(`${process.version}\n`);
    expect(stderr).toContain(`Node ${OLDER_NODE!.version} is older than 24: running`);
    noStackTrace(stderr);
  });
});

describe('package.json', () => {
  const scripts = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

  it.each(['test', 'bundle', 'bench', 'typecheck', 'lint', 'generate'])('runs `npm run %s` through scripts/node24.mjs', (name) => {
    const commands = scripts[name]!.split('&&').map((command) => command.trim());
    for (const command of commands) expect(command).toMatch(/^node scripts\/node24\.mjs \S/);
  });
});
