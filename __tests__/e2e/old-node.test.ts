// The CLI bundle on a Node.js older than 24: one line on stderr and exit 2, never a stack trace.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { OLDER_NODE, PRETEND_NODE20 } from '../helpers/older-node.js';
import { CLI_BUNDLE, runNode, type ProcessResult } from '../helpers/runner.mjs';

const env = { PATH: process.env.PATH ?? '' };

function expectRefusal(result: Pick<ProcessResult, 'code' | 'stdout' | 'stderr'>, version: string) {
  expect(result).toEqual({ code: 2, stdout: '', stderr: `token-preflight needs Node.js 24 or later; this is Node.js ${version}.\n` });
}

describe('dist/cli.js on an older Node', () => {
  it.each([[['--version']], [['check']], [['providers', '--help']]])('pretend Node 20 (no zstd in zlib): %j says it needs Node 24 and exits 2', async (args) => {
    const { code, stdout, stderr } = await runNode(['--import', PRETEND_NODE20, CLI_BUNDLE, ...args], { env });
    expectRefusal({ code, stdout, stderr }, 'v20.20.2');
  });

  it('the pretence is faithful: without the check, the bundled undici fails to load on it', async () => {
    // Importing the bundle's dependencies without bin.js's first import shows what the check prevents.
    const { code, stderr } = await runNode(['--import', PRETEND_NODE20, '--input-type=module', '-e', 'await import("undici")'], { env });
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/zstd|Zstd/);
  });

  it.skipIf(!OLDER_NODE)(`a real ${OLDER_NODE?.version ?? 'older Node'} (${OLDER_NODE?.path ?? 'none found'}): \`--version\` says it needs Node 24 and exits 2`, () => {
    const result = spawnSync(OLDER_NODE!.path, [CLI_BUNDLE, '--version'], { env, encoding: 'utf8' });
    expectRefusal({ code: result.status, stdout: result.stdout, stderr: result.stderr }, OLDER_NODE!.version);
  });
});
