// Real git repositories for the scan's sources: an "origin" with commits, and shallow clones of it
// as actions/checkout makes them (depth 1, `origin` remote), so fetching what a checkout lacks is
// tested against git itself, not a fake.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Git without the machine's or the user's config: the tests see only what they set up. */
export const GIT_ENV = { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_TERMINAL_PROMPT: '0' };

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

export interface Repo {
  dir: string;
  /** Writes the files (path → text; null deletes), commits them, returns the commit. */
  commit(files: Record<string, string | null>, message?: string): string;
}

export function tempDir(prefix = 'tp-git-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function makeRepo(dir = tempDir()): Repo {
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.email', 'dev@example.com');
  git(dir, 'config', 'user.name', 'Dev');
  return {
    dir,
    commit(files, message = 'change') {
      for (const [file, text] of Object.entries(files)) {
        const full = path.join(dir, file);
        if (text === null) rmSync(full, { force: true });
        else {
          mkdirSync(path.dirname(full), { recursive: true });
          writeFileSync(full, text);
        }
      }
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '--allow-empty', '-m', message);
      return git(dir, 'rev-parse', 'HEAD');
    },
  };
}

/** A depth-1 clone of `origin` at `ref`, as actions/checkout leaves it. */
export function shallowClone(origin: string, ref = 'main'): string {
  const dir = tempDir('tp-clone-');
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'remote', 'add', 'origin', `file://${origin}`);
  git(dir, 'fetch', '-q', '--no-tags', '--depth=1', 'origin', ref);
  git(dir, 'checkout', '-q', 'FETCH_HEAD');
  return dir;
}
