// The engine as compiled by tsc (no bundle; type-checking is `npm run typecheck`'s job), for the
// benchmarks that measure our code alone: in a temporary directory removed when the process exits.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Compiles src/ once; returns the temporary directory and an importer of its modules (`run/run.js`). */
export function compileEngine() {
  const work = mkdtempSync(path.join(os.tmpdir(), 'token-preflight-bench-'));
  process.on('exit', () => rmSync(work, { recursive: true, force: true }));
  // lib/ imports packages by name, and is ESM.
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(work, 'node_modules'), 'junction');
  writeFileSync(path.join(work, 'package.json'), '{ "type": "module" }\n');
  const libDir = path.join(work, 'lib');
  execFileSync(path.join(ROOT, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json', '--outDir', libDir, '--noCheck'], { cwd: ROOT, stdio: 'inherit' });
  return { work, libDir, lib: (file) => import(path.join(libDir, file)) };
}
