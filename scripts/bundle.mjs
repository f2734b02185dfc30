// Builds the two committed bundles: dist/index.js (the action) and dist/cli.js (the CLI).
// tsc compiles src/ to lib/, then ncc bundles each entry with its dependencies into one file.
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;

rmSync('lib', { recursive: true, force: true });
rmSync('dist', { recursive: true, force: true });
run(bin('tsc'), ['-p', 'tsconfig.build.json']);
run(bin('ncc'), ['build', 'lib/index.js', '-o', 'dist', '--license', 'licenses.txt', '--quiet']);
run(bin('ncc'), ['build', 'lib/bin.js', '-o', 'dist/.cli', '--quiet']);
renameSync('dist/.cli/index.js', 'dist/cli.js');
rmSync('dist/.cli', { recursive: true, force: true });
const cli = readFileSync('dist/cli.js', 'utf8');
if (!cli.startsWith('#!')) writeFileSync('dist/cli.js', `#!/usr/bin/env node\n${cli}`);
chmodSync('dist/cli.js', 0o755);
rmSync('lib', { recursive: true, force: true });
