// Global setup of the e2e project (vitest.config.ts): bundles the current sources once per `vitest run`
// with `scripts/bundle.mjs --out-dir` into a temporary directory, and points the e2e suites at it
// through TOKEN_PREFLIGHT_BUNDLE_DIR (read by runner.mjs), so that they test the code as it is now
// and not a stale dist/. The committed dist/ is never written. Already set (for instance
// `TOKEN_PREFLIGHT_BUNDLE_DIR=dist` to test the committed bundles), the variable is used as it is.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** name → size and mtime of each file of dist/, to prove the build left it alone. */
async function snapshot(dir: string): Promise<string> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  const files = await Promise.all(entries.sort().map(async (name) => {
    const info = await stat(path.join(dir, name));
    return `${name} ${info.size} ${info.mtimeMs}`;
  }));
  return files.join('\n');
}

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.TOKEN_PREFLIGHT_BUNDLE_DIR) return undefined;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'token-preflight-e2e-bundle-'));
  const dist = path.join(ROOT, 'dist');
  const before = await snapshot(dist);
  const startedAt = Date.now();
  const output: Buffer[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'bundle.mjs'), '--out-dir', dir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`e2e tests: bundling the current sources failed (scripts/bundle.mjs --out-dir, exit ${code}):\n${Buffer.concat(output).toString('utf8')}`);
  }
  if ((await snapshot(dist)) !== before) throw new Error('e2e tests: building the test bundle changed dist/; it must only write its --out-dir');
  // Inherited by the test workers, which start after this.
  process.env.TOKEN_PREFLIGHT_BUNDLE_DIR = dir;
  process.env.TOKEN_PREFLIGHT_BUNDLE_BUILT_AFTER = String(startedAt);
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
