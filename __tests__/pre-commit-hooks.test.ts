// .pre-commit-hooks.yaml is what the pre-commit framework runs: each hook's entry, with the file
// names it passes, must be a CLI call that stops a commit adding a secret and lets a clean one by.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../src/cli.js';
import { GIT_ENV, git, makeRepo } from './helpers/git-repo.js';
import { githubToken } from './providers/github-fixtures.js';

interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  pass_filenames?: boolean;
  stages?: string[];
}

const HOOKS = parse(readFileSync(path.join(import.meta.dirname, '..', '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const LEAK = githubToken('ghp_', 'Zq8Yw3Vx6Ut1Sr4Qp7On0Ml3Kj6Ih9G');

async function runHook(hook: Hook, cwd: string, staged: string[]) {
  const [bin, ...args] = hook.entry.split(' ');
  expect(bin).toBe('token-preflight');
  let stdout = '';
  let stderr = '';
  // pre-commit appends the staged file names unless pass_filenames is false.
  const argv = hook.pass_filenames === false ? args : [...args, ...staged];
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: GIT_ENV, cwd });
  expect(stdout + stderr).not.toContain(LEAK);
  return { code, stdout, stderr };
}

describe('.pre-commit-hooks.yaml', () => {
  it('declares node hooks whose entry is the package bin', () => {
    expect(HOOKS.map((h) => h.id)).toEqual(['token-preflight', 'token-preflight-files']);
    for (const hook of HOOKS) expect(hook).toMatchObject({ language: 'node', entry: expect.stringMatching(/^token-preflight scan\b/) });
    const pkg = JSON.parse(readFileSync(path.join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(Object.keys(pkg.bin)).toEqual(['token-preflight']);
  });

  it.each(HOOKS.map((hook) => [hook.id, hook] as const))('%s stops a commit that adds a secret and lets a clean one by', async (_id, hook) => {
    const repo = makeRepo();
    repo.commit({ 'README.md': 'hello\n' });
    writeFileSync(path.join(repo.dir, 'deploy.sh'), `export GH_TOKEN=${LEAK}\n`);
    git(repo.dir, 'add', 'deploy.sh');
    const dirty = await runHook(hook, repo.dir, ['deploy.sh']);
    expect(dirty.code).toBe(1);
    expect(dirty.stdout).toMatch(/^deploy\.sh:1:17: github-pat \(github\) github-pat:deploy\.sh:[0-9a-f]{12} ghp_…$/m);

    writeFileSync(path.join(repo.dir, 'deploy.sh'), 'export GH_TOKEN="$GH_TOKEN_FROM_VAULT"\n');
    git(repo.dir, 'add', 'deploy.sh');
    const clean = await runHook(hook, repo.dir, ['deploy.sh']);
    expect(clean).toMatchObject({ code: 0, stderr: '' });
  });
});
