// The CLI's first import (see bin.ts): on a Node.js older than 24 it prints one line and exits 2
// before any other module is evaluated — undici, for one, fails at load time on Node 20 with a stack
// trace (it needs zlib's zstd, new in Node 22.15). An ES module's imports are evaluated in order, in
// the bundle too, so this must stay the first import of bin.ts and import nothing itself.

export const MIN_NODE_MAJOR = 24;

/** The one-line message for a Node.js too old to run the CLI, or undefined when `version` will do. */
export function nodeVersionProblem(version: string): string | undefined {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1]);
  if (major >= MIN_NODE_MAJOR) return undefined;
  return `token-preflight needs Node.js ${MIN_NODE_MAJOR} or later; this is Node.js ${version}.`;
}

const problem = nodeVersionProblem(process.version);
if (problem !== undefined) {
  process.stderr.write(`${problem}\n`);
  process.exit(2);
}
