// Many tokens: the engine's own cost — reading and masking secrets, scrubbing every answer, judging,
// reporting — with 1,000 and 10,000 tokens against a provider that answers at once (undici's
// MockAgent: no network, so only our code is measured). Every answer quotes 16 characters of the token
// it refused, the worst case for redaction. Side by side, on the same 10,000-token result: the
// redaction before v2 (each string compared with each secret), which took ~60 % of a 13 s run.
//
// Bounds: 10,000 tokens within BENCH_MANY_TOKENS_BOUND_MS (default 6000 ms), and growth from 1,000
// to 10,000 tokens at most BENCH_MANY_TOKENS_GROWTH (default 15×; linear is 10×). Exit 1 on FAIL.
// BENCH_MANY_TOKENS_COUNTS=100,1000 runs smaller counts (the tests do, to check the gate quickly).
import { MockAgent } from 'undici';
import { compileEngine } from './engine.mjs';

const BOUND_MS = Number(process.env.BENCH_MANY_TOKENS_BOUND_MS ?? 6000);
const GROWTH = Number(process.env.BENCH_MANY_TOKENS_GROWTH ?? 15);
const [SMALL, LARGE] = (process.env.BENCH_MANY_TOKENS_COUNTS ?? '1000,10000').split(',').map(Number);
const n = (count) => count.toLocaleString('en-US');

// The engine as compiled by tsc (type-checking is `npm run typecheck`'s job).
const { lib } = compileEngine();
const { runPreflight } = await lib('run/run.js');
const { jsonReportText } = await lib('report/json.js');
const { renderSummary } = await lib('report/summary.js');

const token = (i) => `ghp_BENCH${String(i).padStart(6, '0')}abcdefghijklmnopq0123`;

function dispatcher() {
  const agent = new MockAgent();
  agent.disableNetConnect();
  agent
    .get('https://api.github.com')
    .intercept({ path: '/user', method: 'GET' })
    .reply((req) => {
      const auth = String(req.headers.authorization ?? '');
      return { statusCode: 401, data: JSON.stringify({ message: `Bad credentials for ${auth.slice(7, 23)}…` }) };
    })
    .persist();
  return agent;
}

async function run(n) {
  const tokens = Array.from({ length: n }, (_, i) => ({
    name: `t${i}`,
    provider: 'github',
    secret: { token: `T${i}_TOKEN` },
    optional: false,
    expiryWarningDays: 14,
    rejectInvalid: false,
    settings: {},
    source: {},
  }));
  const env = Object.fromEntries(tokens.map((t, i) => [t.secret.token, token(i)]));
  const agent = dispatcher();
  const started = performance.now();
  const result = await runPreflight({ tokens, timeoutMs: 10_000, concurrency: 64, context: { surface: 'cli' } }, { env, mask: () => {}, dispatcher: agent });
  const report = jsonReportText(result);
  renderSummary(result);
  const ms = performance.now() - started;
  await agent.close();
  if (report.includes(token(0).slice(4, 20))) throw new Error('a token leaked into the report');
  return { ms, result, secrets: Object.values(env) };
}

/** The redaction before v2: every string of the result, keys included, compared with every secret. */
function pairwiseRedaction(value, secrets) {
  const ordered = [...new Set(secrets)].sort((a, b) => b.length - a.length);
  const text = (s) => {
    let out = s;
    for (const secret of ordered) if (out.includes(secret)) out = out.split(secret).join('***');
    return out;
  };
  const walk = (v) => {
    if (typeof v === 'string') return text(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, inner]) => [text(k), walk(inner)]));
    return v;
  };
  return walk(value);
}

await run(Math.min(200, SMALL)); // warm-up
const small = await run(SMALL);
const large = await run(LARGE);
const before = performance.now();
pairwiseRedaction(large.result, large.secrets);
const pairwiseMs = performance.now() - before;

const growth = large.ms / small.ms;
console.log(`${n(SMALL)} tokens: ${Math.round(small.ms)} ms (whole engine: masking, scrubbing, judging, JSON report, summary)`);
console.log(`${n(LARGE)} tokens: ${Math.round(large.ms)} ms — bound ${BOUND_MS} ms; growth ${growth.toFixed(1)}× for ${LARGE / SMALL}× the tokens — bound ${GROWTH}×`);
console.log(`side by side, the pre-v2 pairwise redaction of that one ${n(LARGE)}-token result alone: ${Math.round(pairwiseMs)} ms`);
const ok = large.ms <= BOUND_MS && growth <= GROWTH;
console.log(ok ? 'PASS' : 'FAIL');
process.exitCode = ok ? 0 : 1;
