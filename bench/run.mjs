// `npm run bench`: start-up, then concurrency (which measures start-up again for its own bound).
// Each runs in its own Node process so one cannot warm the other.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

for (const script of ['startup.mjs', 'concurrency.mjs']) {
  console.log(`\n=== bench/${script}`);
  const { status } = spawnSync(process.execPath, [fileURLToPath(new URL(script, import.meta.url))], { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}
