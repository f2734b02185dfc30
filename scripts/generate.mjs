// Writes what is generated from the provider registry (src/providers/registry.ts), after tsc has
// compiled src/ to lib/ (run through `npm run generate`):
//   schema/token-preflight.schema.json   the config's JSON Schema, for editors
//   README.md                            the provider table between its markers
// Tests fail when either is stale (__tests__/generated.test.ts).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const { configSchema } = await import('../lib/config/schema.js');
const { providerTable } = await import('../lib/providers/catalog.js');
const { replaceGenerated } = await import('../lib/providers/readme-table.js');

mkdirSync('schema', { recursive: true });
writeFileSync('schema/token-preflight.schema.json', `${JSON.stringify(configSchema(), null, 2)}\n`);
writeFileSync('README.md', replaceGenerated(readFileSync('README.md', 'utf8'), providerTable()));
rmSync('lib', { recursive: true, force: true });
console.log('wrote schema/token-preflight.schema.json and the provider table of README.md');
