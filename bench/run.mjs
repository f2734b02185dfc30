// `npm run bench`: start-up, then concurrency (which measures start-up again for its own reference),
// then many tokens (the engine's own cost with 10,000 tokens), then providers (40 tokens over every
// provider: a slow one never holds up the others), then scan (the leak scan's recall, false
// positives, throughput beside secretlint, and memory).
// Each runs in its own Node process so one cannot warm the other. Every script runs; the exit status
// is 1 when any of them failed a bound (or failed to run).
//   node bench/run.mjs [startup] [concurrency] [many-tokens] [providers] [scan]      (default: all)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPTS = ['startup', 'concurrency', 'many-tokens', 'providers', 'scan'];
const chosen = process.argv.slice(2).map((name) => name.replace(/\.mjs$/, ''));
const unknown = chosen.filter((name) => !SCRIPTS.includes(name));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; there are: ${SCRIPTS.join(', ')}`);
  process.exit(2);
}

const failed = [];
for (const name of chosen.length > 0 ? chosen : SCRIPTS) {
  console.log(`\n=== bench/${name}.mjs`);
  const { status, signal } = spawnSync(process.execPath, [fileURLToPath(new URL(`${name}.mjs`, import.meta.url))], { stdio: 'inherit' });
  if (status !== 0) failed.push(`${name}.mjs (${signal ?? `exit ${status}`})`);
}
console.log(failed.length > 0 ? `\nbench: FAIL: ${failed.join(', ')}` : '\nbench: PASS: every bound held');
process.exitCode = failed.length > 0 ? 1 : 0;
