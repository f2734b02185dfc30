// Builds the two committed bundles: dist/index.js (the action) and dist/cli.js (the CLI).
// tsc compiles src/ to lib/, then ncc bundles each entry with its dependencies into one file (the two
// ncc builds run side by side).
//   node scripts/bundle.mjs                   → dist/ (what CI compares with the committed dist/)
//   node scripts/bundle.mjs --out-dir DIR     → the same files in DIR, compiled in a temporary
//                                               directory without type checking (that is `npm run
//                                               typecheck`'s job): dist/ and lib/ are left alone.
//                                               The e2e tests bundle the current sources this way.
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { 'out-dir': { type: 'string' } } });
const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);
const run = (cmd, args) =>
  new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${path.basename(cmd)} ${args.join(' ')} failed: ${signal ?? `exit ${code}`}`))));
  });

const work = mkdtempSync(path.join(os.tmpdir(), 'token-preflight-bundle-'));
let outDir;
let lib;
if (values['out-dir'] === undefined) {
  // The committed bundles: compiled in lib/ as ever, since ncc names modules after their paths.
  outDir = path.join(ROOT, 'dist');
  lib = path.join(ROOT, 'lib');
  rmSync(outDir, { recursive: true, force: true });
} else {
  outDir = path.resolve(values['out-dir']);
  lib = path.join(work, 'lib');
  // lib/ imports packages by name: resolve them from the project's node_modules. And lib/ is ESM, as
  // package.json says at the root (ncc builds an ES module bundle from that).
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(work, 'node_modules'), 'junction');
  writeFileSync(path.join(work, 'package.json'), `${JSON.stringify({ type: JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).type })}\n`);
  mkdirSync(outDir, { recursive: true });
}
const cliOut = path.join(work, 'cli'); // not inside outDir: ncc deletes the *.js already in its output directory
try {
  rmSync(lib, { recursive: true, force: true });
  await run(bin('tsc'), ['-p', 'tsconfig.build.json', '--outDir', lib, ...(values['out-dir'] === undefined ? [] : ['--noCheck'])]);
  await Promise.all([
    run(bin('ncc'), ['build', path.join(lib, 'index.js'), '-o', outDir, '--license', 'licenses.txt', '--quiet']),
    run(bin('ncc'), ['build', path.join(lib, 'bin.js'), '-o', cliOut, '--quiet']),
  ]);
  const cliFile = path.join(outDir, 'cli.js');
  copyFileSync(path.join(cliOut, 'index.js'), cliFile);
  const cli = readFileSync(cliFile, 'utf8');
  if (!cli.startsWith('#!')) writeFileSync(cliFile, `#!/usr/bin/env node\n${cli}`);
  chmodSync(cliFile, 0o755);
} finally {
  rmSync(lib, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
}
