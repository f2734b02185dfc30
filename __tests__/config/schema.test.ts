import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { providerIds } from '../../src/providers/registry.js';

const SCHEMA_FILE = fileURLToPath(new URL('../../schema/token-preflight.schema.json', import.meta.url));

describe('published JSON Schema', () => {
  it('schema/token-preflight.schema.json exists (run `npm run schema`)', () => {
    expect(existsSync(SCHEMA_FILE)).toBe(true);
  });

  it('is exactly configSchema(): regenerate it with `npm run schema` after changing src/config/schema.ts', () => {
    const published: unknown = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));
    expect(published).toEqual(JSON.parse(JSON.stringify(configSchema())));
  });
});

describe('configSchema', () => {
  it('offers every registered provider and refuses unknown keys', () => {
    const schema = configSchema();
    expect(schema.definitions.token.properties.provider.enum).toEqual(providerIds());
    expect(schema.additionalProperties).toBe(false);
    expect(schema.definitions.token.additionalProperties).toBe(false);
    expect(schema.definitions.token.required).toEqual(['name', 'provider', 'secret']);
  });

  it('has every per-token key of SPEC.md', () => {
    const keys = Object.keys(configSchema().definitions.token.properties);
    for (const key of ['name', 'provider', 'secret', 'environment', 'require-scopes', 'allow-scopes', 'expect-identity', 'expect-mode', 'previous-secret', 'optional', 'base-url', 'expiry-warning-days', 'max-latency-ms']) {
      expect(keys).toContain(key);
    }
  });

  it('is a valid draft-07 schema with no keyword Ajv does not know (the loader skips this check at run time)', () => {
    const ajv = new Ajv({ strict: true });
    expect(ajv.validateSchema(configSchema()), JSON.stringify(ajv.errors)).toBe(true);
    expect(() => ajv.compile(configSchema())).not.toThrow();
  });
});
