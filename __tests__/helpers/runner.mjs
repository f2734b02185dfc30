// Runs the bundles as separate processes, the way a GitHub runner (or a user's shell) does, for the
// end-to-end tests and the benchmarks (types in runner.d.mts). The bundles are those of
// TOKEN_PREFLIGHT_BUNDLE_DIR: in `vitest run`, a bundle of the current sources that the e2e project's
// global setup (bundle-setup.ts) builds into a temporary directory. Unset (the benchmarks): dist/.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BUNDLE_DIR = path.resolve(ROOT, process.env.TOKEN_PREFLIGHT_BUNDLE_DIR || 'dist');
export const ACTION_BUNDLE = path.join(BUNDLE_DIR, 'index.js');
export const CLI_BUNDLE = path.join(BUNDLE_DIR, 'cli.js');
export const CONFIG_PATH = '.github/token-preflight.yml';

/** `INPUT_<NAME>`: upper-case, spaces to `_`, hyphens kept (as the runner names inputs). */
export function inputVariable(name) {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/**
 * The environment variables the runner sets for the action's inputs: every input of action.yml with
 * its default, then `inputs` on top. A default that is an expression (`${{ github.token }}`) takes
 * `expressions[expression]`, or '' (as a runner without that context would).
 */
export function actionInputEnv(inputs = {}, expressions = {}) {
  const manifest = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8'));
  const env = {};
  for (const [name, spec] of Object.entries(manifest.inputs ?? {})) {
    const fallback = String(spec?.default ?? '');
    const expression = /^\$\{\{\s*(.+?)\s*\}\}$/.exec(fallback)?.[1];
    env[inputVariable(name)] = expression === undefined ? fallback : (expressions[expression] ?? '');
  }
  for (const [name, value] of Object.entries(inputs)) env[inputVariable(name)] = value;
  return env;
}

/**
 * A throw-away runner layout: workspace (with the config file when `config` is given), RUNNER_TEMP,
 * the GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_ENV / GITHUB_PATH / GITHUB_STATE files and the event
 * payload, plus the runner's environment variables that point at them.
 */
export async function createRunnerSandbox(options = {}) {
  const root = await mkdtemp(path.join(os.tmpdir(), 'token-preflight-e2e-'));
  const workspace = path.join(root, 'workspace');
  const runnerTemp = path.join(root, 'runner-temp');
  const commandFiles = path.join(root, 'file_commands');
  await Promise.all([mkdir(workspace), mkdir(runnerTemp), mkdir(commandFiles)]);
  const file = (name) => path.join(commandFiles, name);
  const outputFile = file('set_output');
  const summaryFile = file('step_summary');
  const eventFile = path.join(root, 'event.json');
  const repository = options.repository ?? 'acme/app';
  const eventName = options.eventName ?? 'push';
  const event = options.event ?? pushEvent(repository);
  await Promise.all([
    ...['set_output', 'step_summary', 'set_env', 'add_path', 'save_state'].map((name) => writeFile(file(name), '')),
    writeFile(eventFile, JSON.stringify(event, null, 2)),
  ]);
  if (options.config !== undefined) {
    const configFile = path.join(workspace, CONFIG_PATH);
    await mkdir(path.dirname(configFile), { recursive: true });
    await writeFile(configFile, options.config);
  }
  const env = {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION: 'preflight',
    GITHUB_ACTOR: 'octocat',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_GRAPHQL_URL: 'https://api.github.com/graphql',
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: repository.split('/')[0],
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_ENV: file('set_env'),
    GITHUB_PATH: file('add_path'),
    GITHUB_STATE: file('save_state'),
    GITHUB_SHA: 'ffac537e6cbbf934b08745a378932722df287a53',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_RUN_ID: '1658821493',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'preflight',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_TEMP: runnerTemp,
  };
  return {
    root,
    workspace,
    runnerTemp,
    outputFile,
    summaryFile,
    eventFile,
    env,
    readOutputs: async () => parseOutputFile(await readFile(outputFile, 'utf8')),
    readSummary: () => readFile(summaryFile, 'utf8'),
    /** Every file under the sandbox, path → text. */
    readAllFiles: () => readTree(root),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

export function pushEvent(repository) {
  return {
    ref: 'refs/heads/main',
    before: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
    after: 'ffac537e6cbbf934b08745a378932722df287a53',
    repository: { full_name: repository, name: repository.split('/')[1], owner: { login: repository.split('/')[0] } },
    pusher: { name: 'octocat' },
  };
}

/** A `pull_request` payload whose head is in `headRepository` (a fork when it differs from `repository`). */
export function pullRequestEvent(repository, headRepository) {
  return {
    action: 'opened',
    number: 7,
    pull_request: {
      number: 7,
      head: { ref: 'feature', sha: 'ffac537e6cbbf934b08745a378932722df287a53', repo: { full_name: headRepository, fork: headRepository !== repository } },
      base: { ref: 'main', sha: '6113728f27ae82c7b1a177c8d03f9e96e0adf246', repo: { full_name: repository } },
    },
    repository: { full_name: repository, name: repository.split('/')[1], owner: { login: repository.split('/')[0] } },
  };
}

async function readTree(dir) {
  const files = {};
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files[full] = await readFile(full, 'utf8');
  }
  return files;
}

/** `node <args>` with exactly `env` (nothing inherited); resolves when it exits. */
export function runNode(args, { env, cwd = ROOT, timeoutMs = 30_000 } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        durationMs: performance.now() - started,
      });
    });
  });
}

/** The GITHUB_OUTPUT file as @actions/core writes it (`name<<delimiter` blocks, or `name=value`). */
export function parseOutputFile(text) {
  const outputs = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]);
      outputs[name] = value.join('\n');
    } else {
      const eq = line.indexOf('=');
      if (eq > 0) outputs[line.slice(0, eq)] = line.slice(eq + 1);
    }
  }
  return outputs;
}

const unescapeData = (s) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (s) => s.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');

/** The workflow commands (`::name key=value,…::message`) among stdout's lines, unescaped. */
export function parseWorkflowCommands(stdout) {
  const commands = [];
  stdout.split(/\r?\n/).forEach((raw, index) => {
    const m = /^::([A-Za-z][\w-]*)(?: ([^:]*))?::(.*)$/.exec(raw);
    if (!m) return;
    const properties = {};
    for (const pair of (m[2] ?? '').split(',').filter(Boolean)) {
      const eq = pair.indexOf('=');
      if (eq > 0) properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
    }
    commands.push({ index, command: m[1], properties, message: unescapeData(m[3]), raw });
  });
  return commands;
}
