// Start-up cost of the action bundle: the milliseconds `node dist/index.js` with no tokens (an empty
// config) takes over a bare `node -e ""`, both measured in this run, interleaved, so that both see the
// same machine load. The bound is in milliseconds over bare Node too; the script exits 1 when the cost
// is over it.
//   node bench/startup.mjs [runs]      (default 20 each; BENCH_STARTUP_RUNS overrides)
//   BENCH_STARTUP_BOUND_MS=N           the bound (default 300)
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACTION_BUNDLE, runNode } from '../__tests__/helpers/runner.mjs';

export const STARTUP_BOUND_MS = 300;

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
export const ms = (value) => `${Math.round(value)} ms`;

export function requireBundle() {
  if (!existsSync(ACTION_BUNDLE)) {
    console.error(`${ACTION_BUNDLE} is missing: run \`npm run bundle\` first.`);
    process.exit(2);
  }
}

/** A number from the environment variable `name`, else `fallback`; anything else stops the bench. */
export function numberFromEnv(name, fallback) {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value)) {
    console.error(`${name} must be a number, got "${text}"`);
    process.exit(2);
  }
  return value;
}

/**
 * Wall times (ms) of `runs` token-less action runs and `runs` empty Node processes, interleaved,
 * after one discarded warm-up of each. The action sees only PATH, RUNNER_TEMP, GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY, and a workspace (its cwd) whose config lists no tokens. `overheadMs`, the
 * start-up cost: the median of the `runs` differences action − the bare Node run right after it.
 */
export async function measureStartup(runs = 20) {
  const root = await mkdtemp(path.join(os.tmpdir(), 'token-preflight-bench-'));
  try {
    const workspace = path.join(root, 'workspace');
    const runnerTemp = path.join(root, 'runner-temp');
    await mkdir(path.join(workspace, '.github'), { recursive: true });
    await mkdir(runnerTemp);
    await writeFile(path.join(workspace, '.github', 'token-preflight.yml'), 'version: 1\ntokens: []\n');
    const outputFile = path.join(root, 'output');
    const summaryFile = path.join(root, 'summary');
    const env = { PATH: process.env.PATH ?? '', RUNNER_TEMP: runnerTemp, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile };
    const action = async () => {
      await Promise.all([writeFile(outputFile, ''), writeFile(summaryFile, '')]);
      const result = await runNode([ACTION_BUNDLE], { env, cwd: workspace });
      if (result.code !== 0) throw new Error(`${ACTION_BUNDLE} exited ${result.code}:\n${result.stdout}${result.stderr}`);
      return result.durationMs;
    };
    const bare = async () => (await runNode(['-e', ''], { env: { PATH: env.PATH }, cwd: workspace })).durationMs;

    await action();
    await bare();
    const times = { action: [], bare: [] };
    for (let i = 0; i < runs; i++) {
      times.action.push(await action());
      times.bare.push(await bare());
    }
    const overheads = times.action.map((t, i) => t - times.bare[i]);
    return { ...times, overheads, actionMedian: median(times.action), bareMedian: median(times.bare), overheadMs: median(overheads) };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

export function printStartup({ action, bare, overheads, actionMedian, bareMedian, overheadMs }) {
  const row = (label, values, med) =>
    `${label.padEnd(26)} median ${ms(med).padStart(7)}   min ${ms(Math.min(...values)).padStart(7)}   max ${ms(Math.max(...values)).padStart(7)}`;
  console.log(`Start-up, ${action.length} runs each (interleaved), Node ${process.version}`);
  console.log(row('node dist/index.js', action, actionMedian));
  console.log(row('node -e ""', bare, bareMedian));
  console.log(row('over bare Node (each pair)', overheads, overheadMs));
}

/** The verdict on the start-up cost: `{ pass, line }`. */
export function judgeStartup({ overheadMs }, boundMs = STARTUP_BOUND_MS) {
  const pass = overheadMs <= boundMs;
  return { pass, line: `${pass ? 'PASS' : 'FAIL'}: start-up of the action takes ${ms(overheadMs)} more than bare Node (bound ${ms(boundMs)})` };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  requireBundle();
  const runs = Number(process.argv[2] ?? process.env.BENCH_STARTUP_RUNS ?? 20);
  const startup = await measureStartup(runs);
  printStartup(startup);
  const { pass, line } = judgeStartup(startup, numberFromEnv('BENCH_STARTUP_BOUND_MS', STARTUP_BOUND_MS));
  console.log(line);
  if (!pass) process.exitCode = 1;
}
