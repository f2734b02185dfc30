// The e2e suites must run a bundle of the current sources, not whatever dist/ holds: see
// helpers/bundle-setup.ts.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { VERSION } from '../../src/version.js';
import { ACTION_BUNDLE, BUNDLE_DIR, CLI_BUNDLE, ROOT, runNode } from '../helpers/runner.mjs';

// Set by hand (`TOKEN_PREFLIGHT_BUNDLE_DIR=dist npx vitest run`) to test given bundles instead.
const chosenByHand = process.env.TOKEN_PREFLIGHT_BUNDLE_DIR !== undefined && process.env.TOKEN_PREFLIGHT_BUNDLE_BUILT_AFTER === undefined;

describe('the bundles under test', () => {
  it.skipIf(chosenByHand)('were built from the sources in this run, outside dist/', () => {
    expect(process.env.TOKEN_PREFLIGHT_BUNDLE_BUILT_AFTER).toMatch(/^\d+$/);
    expect(path.relative(path.join(ROOT, 'dist'), BUNDLE_DIR).startsWith('..')).toBe(true);
    for (const bundle of [ACTION_BUNDLE, CLI_BUNDLE]) {
      expect(statSync(bundle).mtimeMs).toBeGreaterThanOrEqual(Number(process.env.TOKEN_PREFLIGHT_BUNDLE_BUILT_AFTER));
    }
  });

  it('are ES modules, with the CLI executable and its shebang, as dist/ has them', () => {
    expect(JSON.parse(readFileSync(path.join(BUNDLE_DIR, 'package.json'), 'utf8'))).toEqual({ type: 'module' });
    expect(readFileSync(CLI_BUNDLE, 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
    expect(statSync(CLI_BUNDLE).mode & 0o111).not.toBe(0);
    expect(readFileSync(path.join(BUNDLE_DIR, 'licenses.txt'), 'utf8')).toContain('undici');
  });

  it('behave as the sources do', async () => {
    let help = '';
    await runCli(['check', '--help'], { stdout: (text) => (help += text), stderr: () => {}, env: {}, cwd: ROOT });
    const env = { PATH: process.env.PATH ?? '' };
    expect(await runNode([CLI_BUNDLE, 'check', '--help'], { env })).toMatchObject({ code: 0, stdout: help, stderr: '' });
    expect(await runNode([CLI_BUNDLE, '--version'], { env })).toMatchObject({ code: 0, stdout: `${VERSION}\n` });
  });
});
