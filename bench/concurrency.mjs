// Does `concurrency` hold? 20 GitHub tokens, a fake GitHub that answers each after 500 ms, reached
// through the test proxy and CA as in the e2e tests; wall time of the whole `node dist/index.js`
// process, median of 5 runs. Bounds, checked at the end (exit status 1 when one fails):
// - the limit holds: never more requests in flight than `concurrency`, at every concurrency;
// - the latency overlaps: at concurrency 8, the 500 ms latency adds at most 3 waves × 500 ms
//   + BENCH_OVERLAP_SLACK_MS (default 30 ms) to the wall time of the same run with instant answers
//   (each run paired with one such run, right before it).
// For reference, also the wall time against ceil(20 / concurrency) × 500 ms + the start-up of a
// token-less run, measured in this same run as in startup.mjs.
//   node bench/concurrency.mjs         (BENCH_RUNS, BENCH_STARTUP_RUNS override the run counts;
//                                       BENCH_DELAY_MS the 500 ms, for quick runs of the script itself)
import { fileURLToPath } from 'node:url';
import { CA_PATH, mintGitHubToken, startFakeGitHub } from '../__tests__/helpers/fake-github.mjs';
import { startProxy } from '../__tests__/helpers/proxy.mjs';
import { ACTION_BUNDLE, actionInputEnv, createRunnerSandbox, runNode } from '../__tests__/helpers/runner.mjs';
import { measureStartup, median, ms, numberFromEnv, printStartup, requireBundle } from './startup.mjs';

const TOKENS = 20;
const DELAY_MS = numberFromEnv('BENCH_DELAY_MS', 500);
export const OVERLAP_SLACK_MS = 30;

/**
 * Runs the action `runs` times with `concurrency`. Per run (`samples`): wall time of the process; from
 * the fake's clock, spawn → first request, first request → last answer (the HTTP span) and last
 * answer → exit; the tunnels opened. Their medians, and the most requests in flight at once.
 */
async function measure(github, proxy, concurrency, runs, delayMs = DELAY_MS) {
  const tokens = Array.from({ length: TOKENS }, () => mintGitHubToken('ghp_'));
  const config = ['version: 1', 'tokens:'];
  tokens.forEach((token, i) => {
    config.push(`  - name: bot-${i + 1}`, '    provider: github', `    secret: BOT_${i + 1}_TOKEN`);
    github.setToken(token, { kind: 'user', login: `bot-${i + 1}`, scopes: ['repo'], delayMs });
  });
  const secrets = Object.fromEntries(tokens.map((token, i) => [`BOT_${i + 1}_TOKEN`, token]));
  const samples = { wall: [], toFirst: [], span: [], tail: [], tunnels: [] };
  let maxInFlight = 0;
  for (let run = 0; run < runs; run++) {
    const sandbox = await createRunnerSandbox({ config: `${config.join('\n')}\n` });
    try {
      github.requests.length = 0;
      github.stats.maxInFlight = 0;
      proxy.reset();
      const env = {
        PATH: process.env.PATH ?? '',
        ...sandbox.env,
        // Token checks only: the sandbox is no git checkout, and the scan is measured by bench/scan.mjs.
        ...actionInputEnv({ concurrency: String(concurrency), scan: 'off' }, { 'github.token': mintGitHubToken('ghs_') }),
        HTTPS_PROXY: proxy.url,
        NODE_EXTRA_CA_CERTS: CA_PATH,
        ...secrets,
      };
      const spawned = Date.now();
      const result = await runNode([ACTION_BUNDLE], { env, cwd: sandbox.workspace, timeoutMs: 120_000 });
      const exited = Date.now();
      const outputs = await sandbox.readOutputs();
      if (result.code !== 0 || outputs.result !== 'pass' || github.requests.length !== TOKENS) {
        throw new Error(`run failed: exit ${result.code}, result ${outputs.result}, ${github.requests.length} requests\n${result.stdout}${result.stderr}`);
      }
      const first = Math.min(...github.requests.map((r) => r.at));
      const last = Math.max(...github.requests.map((r) => r.respondedAt ?? exited));
      samples.wall.push(result.durationMs);
      samples.toFirst.push(first - spawned);
      samples.span.push(last - first);
      samples.tail.push(exited - last);
      samples.tunnels.push(proxy.connects.length);
      maxInFlight = Math.max(maxInFlight, github.stats.maxInFlight);
    } finally {
      await sandbox.cleanup();
    }
  }
  return summarize(concurrency, [{ samples, maxInFlight }]);
}

/** The runs of several `measure` calls as one. */
function summarize(concurrency, measured) {
  const samples = {};
  for (const key of ['wall', 'toFirst', 'span', 'tail', 'tunnels']) samples[key] = measured.flatMap((m) => m.samples[key]);
  const med = Object.fromEntries(Object.entries(samples).map(([key, values]) => [key, median(values)]));
  return { concurrency, runs: samples.wall.length, median: med.wall, ...med, maxInFlight: Math.max(...measured.map((m) => m.maxInFlight)), samples };
}

export async function benchConcurrency({ runs = 5, startupRuns = 20, slackMs = OVERLAP_SLACK_MS } = {}) {
  const startup = await measureStartup(startupRuns);
  printStartup(startup);
  console.log('');

  const github = await startFakeGitHub();
  const proxy = await startProxy({ targetPort: github.port });
  try {
    const results = [];
    await measure(github, proxy, 8, 1, 0); // warm-up of the fake and the proxy, discarded
    for (const [concurrency, n] of [[8, runs], [20, runs], [1, Math.min(runs, 3)]]) {
      // Each run is paired with the same run with instant answers, right before it: the action's own
      // fixed cost for 20 tokens (config, TLS through the proxy, publishing). The latency added is the
      // median of the `wall − instant` differences of the pairs, which saw the same machine load.
      const pairs = [];
      for (let i = 0; i < n; i++) pairs.push([await measure(github, proxy, concurrency, 1, 0), await measure(github, proxy, concurrency, 1)]);
      const instant = summarize(concurrency, pairs.map(([fast]) => fast));
      const result = summarize(concurrency, pairs.map(([, slow]) => slow));
      const waves = Math.ceil(TOKENS / concurrency);
      const bound = waves * DELAY_MS + startup.actionMedian;
      const added = median(pairs.map(([fast, slow]) => slow.median - fast.median));
      results.push({ ...result, waves, bound, ratio: result.median / bound, spanRatio: result.span / (waves * DELAY_MS), instant: instant.median, added, addedRatio: added / (waves * DELAY_MS) });
    }
    console.log(`Concurrency: ${TOKENS} tokens, each answered after ${DELAY_MS} ms, through the CONNECT proxy; start-up ${ms(startup.actionMedian)} (above)`);
    console.log(`medians      | process wall time vs reference = waves × ${DELAY_MS} ms + start-up | fake GitHub clock: spawn→1st request, HTTP span (vs waves × ${DELAY_MS}), last answer→exit | in flight | tunnels`);
    for (const r of results) {
      console.log(
        [
          `concurrency ${String(r.concurrency).padStart(2)}, ${r.runs} runs`.padEnd(24),
          `wall ${ms(r.median).padStart(8)}`,
          `ref ${`${r.waves}×${DELAY_MS}+${Math.round(startup.actionMedian)}`.padStart(11)} = ${ms(r.bound).padStart(8)}`,
          `ratio ${r.ratio.toFixed(2)}`,
          `| →1st ${ms(r.toFirst).padStart(6)}`,
          `span ${ms(r.span).padStart(8)} (${r.spanRatio.toFixed(2)})`,
          `→exit ${ms(r.tail).padStart(6)}`,
          `| max ${String(r.maxInFlight).padStart(2)}`,
          `| ${r.tunnels}`,
        ].join('  '),
      );
    }
    console.log('');
    console.log(`latency added = median of (wall − wall of the same run with instant answers, run just before), vs waves × ${DELAY_MS} ms`);
    for (const r of results) {
      console.log(`concurrency ${String(r.concurrency).padStart(2)}: instant ${ms(r.instant).padStart(7)}, added ${ms(r.added).padStart(8)} vs ${r.waves}×${DELAY_MS} ms: ratio ${r.addedRatio.toFixed(2)}`);
    }
    const gate = results[0];
    console.log(
      `reference: concurrency 8 took ${ms(gate.median)} = ${gate.ratio.toFixed(2)} × (${gate.waves} × ${DELAY_MS} ms + the start-up of a token-less run) = ${ms(gate.bound)}`,
    );
    const limitPass = results.every((r) => r.maxInFlight <= r.concurrency);
    console.log(
      `${limitPass ? 'PASS' : 'FAIL'}: the limit holds: at most ${results.map((r) => `${r.maxInFlight} of ${r.concurrency}`).join(', ')} requests in flight`,
    );
    const overlapBound = gate.waves * DELAY_MS + slackMs;
    const overlapPass = gate.added <= overlapBound;
    console.log(
      `${overlapPass ? 'PASS' : 'FAIL'}: at concurrency 8 the ${DELAY_MS} ms latency added ${ms(gate.added)} (bound ${gate.waves} × ${DELAY_MS} ms + ${ms(slackMs)} for scheduling = ${ms(overlapBound)})`,
    );
    return { startup, results, pass: limitPass && overlapPass };
  } finally {
    await proxy.close();
    await github.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  requireBundle();
  const { pass } = await benchConcurrency({
    runs: numberFromEnv('BENCH_RUNS', 5),
    startupRuns: numberFromEnv('BENCH_STARTUP_RUNS', 20),
    slackMs: numberFromEnv('BENCH_OVERLAP_SLACK_MS', OVERLAP_SLACK_MS),
  });
  if (!pass) process.exitCode = 1;
}
