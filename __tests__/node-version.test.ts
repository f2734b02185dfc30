import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MIN_NODE_MAJOR, nodeVersionProblem } from '../src/node-version.js';

describe('nodeVersionProblem', () => {
  it.each(['v20.20.2', 'v22.15.0', 'v23.11.1', 'v18.0.0', 'v4.9.1'])('refuses %s in one line', (version) => {
    expect(nodeVersionProblem(version)).toBe(`token-preflight needs Node.js 24 or later; this is Node.js ${version}.`);
  });

  it.each(['v24.0.0', 'v24.21.0', 'v25.1.0', 'v100.0.0'])('accepts %s', (version) => {
    expect(nodeVersionProblem(version)).toBeUndefined();
  });

  it('asks for the Node version package.json and .node-version require', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { engines: { node: string } };
    expect(pkg.engines.node).toBe(`>=${MIN_NODE_MAJOR}.0.0`);
    expect(readFileSync(new URL('../.node-version', import.meta.url), 'utf8').trim()).toBe(String(MIN_NODE_MAJOR));
  });
});

describe('the CLI entry point', () => {
  // ES modules are evaluated in import order: the check runs before cli.js and its dependencies
  // (undici fails to load on Node 20) only while it is the first import and imports nothing itself.
  // The e2e test old-node.test.ts runs the bundle under a pretend and a real Node 20.
  const imports = (file: string) => [...readFileSync(new URL(file, import.meta.url), 'utf8').matchAll(/^import\s+(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm)].map((m) => m[1]);

  it('imports node-version.js first', () => {
    expect(imports('../src/bin.ts')[0]).toBe('./node-version.js');
  });

  it('node-version.ts imports nothing', () => {
    expect(imports('../src/node-version.ts')).toEqual([]);
  });
});
