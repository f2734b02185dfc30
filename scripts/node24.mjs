// Runs a contributor command under Node.js 24, which the project needs: `npm test`, `npm run bundle`,
// `npm run bench`, `npm run typecheck` and `npm run lint` all go through here, so they work in any
// terminal. With Node 24 or later the command runs as it is. With an older Node, the command runs with
// Node 24 from .ci/.node first on PATH, installed there from the npm registry's `node@24` package the
// first time (as .ci/node24.sh does); if that cannot be done, one line says so.
//   node scripts/node24.mjs COMMAND [ARGS…]       (`node` as COMMAND means the Node 24 executable)
// This file itself must run on old Node versions too: plain ESM and long-standing APIs only.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MIN_MAJOR = 24;
const ROOT = fileURLToPath(new URL('..', import.meta.url));
// Where Node 24 is installed when the machine's Node is older (overridable for the tests).
const NODE_DIR = process.env.TOKEN_PREFLIGHT_NODE24_DIR || path.join(ROOT, '.ci', '.node');
const NODE_BIN = path.join(NODE_DIR, 'node_modules', '.bin');
const WINDOWS = process.platform === 'win32';

const majorOf = (version) => Number(String(version).replace(/^v/, '').split('.')[0]);
const shown = (dir) => (path.relative(ROOT, dir).startsWith('..') ? dir : path.relative(ROOT, dir));

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** `node --version` of `executable`, or undefined when it does not run. */
function versionOf(executable) {
  const result = spawnSync(executable, ['--version'], { encoding: 'utf8', shell: WINDOWS });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** Node 24's executable in NODE_DIR, installing it there first when absent. */
function installedNode24() {
  const executable = path.join(NODE_BIN, WINDOWS ? 'node.cmd' : 'node');
  if (!existsSync(executable)) {
    process.stderr.write(`Node ${process.version} is older than ${MIN_MAJOR}: installing node@${MIN_MAJOR} from the npm registry into ${shown(NODE_DIR)}\n`);
    const args = ['install', '--prefix', NODE_DIR, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--loglevel=error', `node@${MIN_MAJOR}`];
    // Under `npm run`, the npm that runs us; else the one on PATH.
    const npmCli = process.env.npm_execpath;
    const install = npmCli && /\.[cm]?js$/.test(npmCli)
      ? spawnSync(process.execPath, [npmCli, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' })
      : spawnSync('npm', args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', shell: WINDOWS });
    if (install.status !== 0 || !existsSync(executable)) {
      const why = (install.stderr || '').split('\n').find((line) => /\S/.test(line) && !/^npm (warn|notice)/i.test(line));
      fail(
        `token-preflight's scripts need Node.js ${MIN_MAJOR} or later; this is Node.js ${process.version}, and installing node@${MIN_MAJOR} ` +
          `into ${shown(NODE_DIR)} failed${why ? ` (${why.replace(/^npm error /i, '').trim()})` : ''}: install Node.js ${MIN_MAJOR} and run it again.`,
      );
    }
  }
  const version = versionOf(executable);
  if (version === undefined || !(majorOf(version) >= MIN_MAJOR)) {
    fail(`token-preflight's scripts need Node.js ${MIN_MAJOR} or later; this is Node.js ${process.version}, and ${executable} is ${version ?? 'not runnable'}: delete ${NODE_DIR} and run the command again.`);
  }
  return { executable, version };
}

const [command, ...args] = process.argv.slice(2);
if (!command) fail('usage: node scripts/node24.mjs COMMAND [ARGS…]');

let node = process.execPath;
const PATH = Object.keys(process.env).find((key) => key.toUpperCase() === 'PATH') || 'PATH';
const dirs = [path.join(ROOT, 'node_modules', '.bin')]; // for `vitest`, `tsc`… outside `npm run` too
const env = { ...process.env };
if (!(majorOf(process.versions.node) >= MIN_MAJOR)) {
  // Set below for the command: an old Node here again means PATH did not keep Node 24 first.
  if (env.TOKEN_PREFLIGHT_NODE24) fail(`token-preflight's scripts need Node.js ${MIN_MAJOR} or later, and still got Node.js ${process.version} under ${env.TOKEN_PREFLIGHT_NODE24}.`);
  const installed = installedNode24();
  process.stderr.write(`Node ${process.version} is older than ${MIN_MAJOR}: running \`${[command, ...args].join(' ')}\` with Node ${installed.version} from ${shown(NODE_DIR)}\n`);
  node = installed.executable;
  dirs.unshift(NODE_BIN); // so that scripts starting with `#!/usr/bin/env node` get Node 24 too
  env.TOKEN_PREFLIGHT_NODE24 = installed.executable;
}
env[PATH] = [...dirs, process.env[PATH] || ''].join(path.delimiter);

const child = spawn(command === 'node' ? node : command, args, { stdio: 'inherit', env, shell: WINDOWS && command !== 'node' });
// Ctrl-C reaches the child from the terminal: the child decides how to end, and we end the same way.
const onSigint = () => {};
const onSigterm = () => child.kill('SIGTERM');
process.on('SIGINT', onSigint);
process.on('SIGTERM', onSigterm);
child.on('error', (error) => {
  fail(error.code === 'ENOENT' ? `cannot run "${command}": not found (did \`npm ci\` run?)` : `cannot run "${command}": ${error.message}`);
});
child.on('exit', (code, signal) => {
  if (!signal) process.exit(code ?? 1);
  process.off('SIGINT', onSigint);
  process.off('SIGTERM', onSigterm);
  process.kill(process.pid, signal);
});
