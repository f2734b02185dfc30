// What `npm run generate` writes from the provider registry must be committed up to date: the
// README's provider table (and schema/token-preflight.schema.json, checked in config/schema.test.ts).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { providerCatalog, providerTable } from '../src/providers/catalog.js';
import { replaceGenerated, TABLE_END, TABLE_START } from '../src/providers/readme-table.js';

const README = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');

describe("the README's provider table", () => {
  it('is what `npm run generate` makes of the registry (run it after changing a provider)', () => {
    expect(README).toBe(replaceGenerated(README, providerTable()));
  });

  it('names, for every provider, its parts, its hosts and what it tells', () => {
    const table = README.slice(README.indexOf(TABLE_START), README.indexOf(TABLE_END));
    for (const entry of providerCatalog()) {
      const row = table.split('\n').find((line) => line.startsWith(`| \`${entry.id}\` |`));
      expect(row, entry.id).toBeDefined();
      for (const host of entry.hosts) expect(row).toContain(`\`${host}\``);
      if (entry.parts.length > 1) for (const part of entry.parts) expect(row).toContain(`${part.id}: VAR`);
    }
    expect(table).toContain('`secret: { account-sid: VAR, auth-token: VAR }`');
  });

  it('refuses a README without the markers, rather than writing nowhere', () => {
    expect(() => replaceGenerated('# no markers here', 'x')).toThrow(/lacks the markers/);
  });
});

describe('config examples in the docs', () => {
  const blocks = (markdown: string) => [...markdown.matchAll(/```ya?ml\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const docs = { 'README.md': README, 'docs/contract.md': readFileSync(fileURLToPath(new URL('../docs/contract.md', import.meta.url)), 'utf8') };

  for (const [file, text] of Object.entries(docs)) {
    it(`every config file example of ${file} loads without a single issue`, async () => {
      const { parse } = await import('yaml');
      const { loadConfig } = await import('../src/config/load.js');
      const configs = blocks(text).filter((block) => {
        const value = parse(block) as Record<string, unknown> | null;
        return value !== null && typeof value === 'object' && Array.isArray(value.tokens) && !('jobs' in value);
      });
      expect(configs.length).toBeGreaterThan(0);
      for (const config of configs) {
        await expect(loadConfig({ path: 'example.yml', pathExplicit: true, cwd: '/', expiryWarningDays: 14, text: config }), config.slice(0, 200)).resolves.toBeDefined();
      }
    });
  }
});
