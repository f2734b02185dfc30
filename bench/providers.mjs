// A slow provider never holds up the others: 40 tokens over every built-in provider (each answered
// with its own first working example, so every provider's real check runs: several requests for
// some, a signed or minted request for others) at `concurrency: 8`, through the engine compiled by
// tsc and undici's MockAgent, which delays each answer (the scheduling is what is measured here;
// bench/concurrency.mjs measures the real stack: proxy, TLS, process).
//
// Side by side in one run, median of BENCH_PROVIDERS_RUNS (default 3) runs each:
// - uniform: every answer after D = BENCH_DELAY_MS (default 300 ms). The slowest ping S is measured
//   by running all 40 at once (a check of two requests takes 2 × D). Bound: concurrency 8 within
//   ⌈40 / 8⌉ × S + 10 % + 100 ms. Concurrency 1 for reference (the sum of all checks).
// - one slow provider: one provider's answers take 5 × D, the others' between D / 3 and D. Bound
//   (list scheduling, Graham): within Σ check times / 8 + the slowest check + 10 % + 100 ms; and
//   side by side, the same mix with that provider as fast as the others: it adds about its own check.
// Exit 1 when a bound fails. BENCH_DELAY_MS, BENCH_PROVIDERS_RUNS and BENCH_PROVIDERS_MARGIN (a factor
// on both bounds) make quick runs of the script itself.
import { MockAgent } from 'undici';
import { compileEngine } from './engine.mjs';
import { answersOf, intercept } from '../__tests__/helpers/replay.mjs';
import { median, ms, numberFromEnv } from './startup.mjs';

const TOKENS = 40;
const CONCURRENCY = 8;
const DELAY_MS = numberFromEnv('BENCH_DELAY_MS', 300);
const RUNS = numberFromEnv('BENCH_PROVIDERS_RUNS', 3);
const SLOW_FACTOR = 5;
// The bounds' margin over their ideal (BENCH_PROVIDERS_MARGIN=0 makes them fail: the tests check the gate).
const MARGIN = numberFromEnv('BENCH_PROVIDERS_MARGIN', 1);

const { lib } = compileEngine();
const { runPreflight } = await lib('run/run.js');
const { PROVIDERS } = await lib('providers/registry.js');
const { composeRequest } = await lib('http/compose.js');
const { targetFor } = await lib('run/target.js');

/** Per built-in provider, its first working example of a configured token. */
const cases = PROVIDERS.flatMap((provider) => {
  const example = provider.examples?.find((e) => e.verdict.outcome === 'valid' && (e.purpose ?? 'preflight') === 'preflight');
  if (!example) return [];
  const credential = example.credential ?? Object.fromEntries(provider.fields.filter((f) => !f.optional).map((f, i) => [f.id, `SENTINEL${i}${'x'.repeat(24)}`]));
  const target = targetFor(provider, { purpose: 'preflight', env: {}, settings: example.settings });
  const answers = answersOf(provider, example, credential, target.base, composeRequest);
  return [{ provider, example, credential, answers }];
});

/** 40 tokens cycling through the providers; `delayOf(provider)` per answer. */
async function run(concurrency, delayOf) {
  const agent = new MockAgent();
  agent.disableNetConnect();
  for (const c of cases) intercept(agent, c.answers, { delayMs: delayOf(c.provider.id), persist: true });
  const env = {};
  const tokens = Array.from({ length: TOKENS }, (_, i) => {
    const c = cases[i % cases.length];
    const secret = Object.fromEntries(Object.entries(c.credential).map(([part, value]) => {
      const variable = `T${i}_${part.toUpperCase().replace(/-/g, '_')}`;
      env[variable] = value;
      return [part, variable];
    }));
    return { name: `t${i}-${c.provider.id}`, provider: c.provider.id, secret, optional: false, expiryWarningDays: 0, rejectInvalid: false, settings: c.example.settings ?? {}, source: {} };
  });
  const started = performance.now();
  const result = await runPreflight({ tokens, timeoutMs: 30_000, concurrency, context: { surface: 'cli' } }, { env, mask: () => {}, dispatcher: agent });
  const wall = performance.now() - started;
  await agent.close();
  const broken = result.tokens.filter((t) => t.problems.some((p) => ['unreachable', 'unexpected-response', 'rate-limited', 'invalid'].includes(p.code)));
  if (broken.length) throw new Error(`checks failed: ${broken.map((t) => `${t.name}: ${t.problems.map((p) => p.message).join('; ')}`).join('\n')}`);
  return { wall, latency: Object.fromEntries(result.tokens.map((t) => [t.name, t.latencyMs ?? 0])), result };
}

async function medianOf(concurrency, delayOf) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await run(concurrency, delayOf));
  return { wall: median(runs.map((r) => r.wall)), runs };
}

const requestsOf = (id) => cases.find((c) => c.provider.id === id).answers.length;
const uniform = () => DELAY_MS;
// Spread between D/3 and D, fixed per provider; the first provider is the slow one.
const slowId = cases[0].provider.id;
const spread = (id) => (id === slowId ? SLOW_FACTOR * DELAY_MS : Math.round(DELAY_MS / 3 + ((cases.findIndex((c) => c.provider.id === id) * 37) % 67) / 100 * (DELAY_MS * 2 / 3)));

console.log(`${TOKENS} tokens over the ${cases.length} built-in providers (each answered as its first working example), ${RUNS} runs each, medians`);
const all = await medianOf(TOKENS, uniform);
const slowest = all.wall;
const eight = await medianOf(CONCURRENCY, uniform);
const one = await medianOf(1, uniform);
const waves = Math.ceil(TOKENS / CONCURRENCY);
const uniformBound = MARGIN * (waves * slowest * 1.1 + 100);
console.log(`uniform, every answer after ${DELAY_MS} ms:`);
console.log(`  all ${TOKENS} at once (the slowest ping S): ${ms(slowest)}`);
console.log(`  concurrency ${CONCURRENCY}: ${ms(eight.wall)} — bound ⌈${TOKENS}/${CONCURRENCY}⌉ × S + 10 % + 100 ms = ${ms(uniformBound)}`);
console.log(`  concurrency 1 (reference): ${ms(one.wall)}`);

// Check times of the slow mix: each token's requests × its provider's delay.
const checkMs = Array.from({ length: TOKENS }, (_, i) => {
  const c = cases[i % cases.length];
  return requestsOf(c.provider.id) * spread(c.provider.id);
});
const slowMix = await medianOf(CONCURRENCY, spread);
const graham = checkMs.reduce((a, b) => a + b, 0) / CONCURRENCY + Math.max(...checkMs);
const slowBound = MARGIN * (graham * 1.1 + 100);
console.log(`one slow provider (${slowId}, answers after ${SLOW_FACTOR * DELAY_MS} ms; the others after ${DELAY_MS / 3 | 0}–${DELAY_MS} ms):`);
console.log(`  concurrency ${CONCURRENCY}: ${ms(slowMix.wall)} — bound Σ checks / ${CONCURRENCY} + slowest check + 10 % + 100 ms = ${ms(slowBound)}`);
const calm = await medianOf(CONCURRENCY, (id) => (id === slowId ? spread(cases[1]?.provider.id ?? id) : spread(id)));
console.log(`  the same mix with ${slowId} as fast as the others: ${ms(calm.wall)}; the slow provider adds ${ms(slowMix.wall - calm.wall)} (its own check: ${ms(requestsOf(slowId) * SLOW_FACTOR * DELAY_MS)})`);

const ok = eight.wall <= uniformBound && slowMix.wall <= slowBound;
console.log(ok ? 'PASS' : 'FAIL');
process.exitCode = ok ? 0 : 1;
