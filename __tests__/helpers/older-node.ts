// A real Node.js older than 24 on this machine, if there is one (Debian's /usr/bin/node is 20 on the
// project's machines), for the tests of what happens when someone runs the project with it.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const PRETEND_NODE20 = new URL('../fixtures/pretend-node20.mjs', import.meta.url).href;

function findOlderNode(): { path: string; version: string } | undefined {
  const candidates = new Set(['/usr/bin/node', '/usr/local/bin/node']);
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir) candidates.add(path.join(dir, 'node'));
  for (const candidate of candidates) {
    if (!existsSync(candidate)) continue;
    try {
      const version = execFileSync(candidate, ['--version'], { encoding: 'utf8', timeout: 10_000 }).trim();
      if (Number(/^v(\d+)\./.exec(version)?.[1]) < 24) return { path: candidate, version };
    } catch {
      // not runnable: try the next one
    }
  }
  return undefined;
}

export const OLDER_NODE = findOlderNode();
