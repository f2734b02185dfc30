// Writes schema/token-preflight.schema.json from src/config/schema.ts (compiled to lib/ by tsc).
// Run through `npm run schema`; a test checks the committed file matches.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';

const { configSchema } = await import('../lib/config/schema.js');
const schema = configSchema();
mkdirSync('schema', { recursive: true });
writeFileSync('schema/token-preflight.schema.json', `${JSON.stringify(schema, null, 2)}\n`);
rmSync('lib', { recursive: true, force: true });
console.log('wrote schema/token-preflight.schema.json');
