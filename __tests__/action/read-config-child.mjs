// Runs readConfigAtRef in a process of its own, with no test double: @actions/github's default
// fetch, its @actions/http-client proxy dispatcher and the undici our lockfile resolves for them.
// The environment (HTTPS_PROXY, NODE_EXTRA_CA_CERTS, GITHUB_API_URL) is read at start, as on a runner.
// Argument: the request as JSON (without dispatcher or fetch). Prints `{ result }` or `{ error }`.
import { registerHooks } from 'node:module';

// Node strips the TypeScript types itself; the sources import each other as `.js` (NodeNext).
registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      if (/^\.\.?\//.test(specifier) && specifier.endsWith('.js')) return nextResolve(`${specifier.slice(0, -3)}.ts`, context);
      throw error;
    }
  },
});

const { readConfigAtRef } = await import('../../src/action/trusted-config.ts');
try {
  const result = await readConfigAtRef(JSON.parse(process.argv[2] ?? '{}'));
  process.stdout.write(JSON.stringify({ result }));
} catch (error) {
  process.stdout.write(JSON.stringify({ error: { name: error?.name, message: error?.message, status: error?.status } }));
}
