import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';

const SCHEMA_FILE = fileURLToPath(new URL('../../schema/token-preflight.schema.json', import.meta.url));

describe('published JSON Schema', () => {
  it('schema/token-preflight.schema.json exists (run `npm run generate`)', () => {
    expect(existsSync(SCHEMA_FILE)).toBe(true);
  });

  it('is exactly configSchema(): regenerate it with `npm run generate` after changing src/config/schema.ts', () => {
    const published: unknown = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));
    expect(published).toEqual(JSON.parse(JSON.stringify(configSchema())));
  });
});

describe('configSchema', () => {
  // Validated as an editor would, against documents: a provider list or a per-provider rule that
  // drifts from what the providers take makes one of these fail.
  const validate = new Ajv({ allErrors: true, allowUnionTypes: true }).compile(configSchema());
  const accepts = (token: Record<string, unknown>) => validate({ version: 1, tokens: [{ name: 't', ...token }] });

  it.each([
    ['a GitHub token', { provider: 'github', secret: 'GH_TOKEN', 'require-scopes': ['repo'], 'base-url': 'https://ghe.example.com/api/v3' }],
    ['a GitHub token as a one-part map', { provider: 'github', secret: { token: 'GH_TOKEN' } }],
    ['a Twilio credential pair with a mode', { provider: 'twilio', secret: { 'account-sid': 'SID', 'auth-token': 'TOKEN' }, 'expect-mode': 'live' }],
    ['a Twilio rotation of the auth token only', { provider: 'twilio', secret: { 'account-sid': 'SID', 'auth-token': 'TOKEN' }, 'previous-secret': { 'auth-token': 'OLD' } }],
    ['an http check', { provider: 'http', secret: 'API_TOKEN', request: { url: 'https://api.example.com/me', auth: { bearer: '${token}' } }, expect: { status: 200, json: { '$.active': true } }, 'reject-invalid': true }],
    ['an http check with a two-part secret', { provider: 'http', secret: { user: 'U', password: 'P' }, request: { url: 'https://api.example.com/me', auth: { basic: { username: '${user}', password: '${password}' } } } }],
  ])('accepts %s', (_, token) => {
    expect(accepts(token), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    ['an unknown provider', { provider: 'gitlab-typo', secret: 'X' }],
    ['a Twilio secret given as one variable', { provider: 'twilio', secret: 'TWILIO' }],
    ['a Twilio secret missing its auth token', { provider: 'twilio', secret: { 'account-sid': 'SID' } }],
    ['an unknown part of a GitHub secret', { provider: 'github', secret: { tokn: 'X' } }],
    ['base-url for Twilio (no self-hosted form)', { provider: 'twilio', secret: { 'account-sid': 'S', 'auth-token': 'T' }, 'base-url': 'https://twilio.example.com' }],
    ['an expect-mode Twilio does not have', { provider: 'twilio', secret: { 'account-sid': 'S', 'auth-token': 'T' }, 'expect-mode': 'staging' }],
    ['expect-mode for GitHub (no modes)', { provider: 'github', secret: 'X', 'expect-mode': 'live' }],
    ['scopes for Twilio (it cannot tell them)', { provider: 'twilio', secret: { 'account-sid': 'S', 'auth-token': 'T' }, 'require-scopes': ['x'] }],
    ['an http check without its request', { provider: 'http', secret: 'X' }],
    ['an http request key on a GitHub token', { provider: 'github', secret: 'X', request: { url: 'https://x.example.com' } }],
    ['an http request over plain http', { provider: 'http', secret: 'X', request: { url: 'http://api.example.com/me' } }],
    ['a secret value instead of a variable name', { provider: 'github', secret: 'ghp-not a variable' }],
    ['an unknown key', { provider: 'github', secret: 'X', requre: [] }],
  ])('refuses %s', (_, token) => {
    expect(accepts(token)).toBe(false);
  });

  it('refuses unknown top-level keys and requires name, provider and secret', () => {
    expect(validate({ version: 1, tokenz: [] })).toBe(false);
    expect(validate({ version: 1, tokens: [{ name: 't', provider: 'github' }] })).toBe(false);
    expect(validate({ version: 1, 'allowed-hosts': ['gitlab.internal.example', '10.0.0.5'], tokens: [] })).toBe(true);
  });

  it('has every per-token key of the public contract (docs/contract.md)', () => {
    const keys = Object.keys(configSchema().definitions.token.properties);
    for (const key of ['name', 'provider', 'secret', 'environment', 'require-scopes', 'allow-scopes', 'expect-identity', 'expect-mode', 'previous-secret', 'optional', 'base-url', 'expiry-warning-days', 'max-latency-ms', 'max-lifetime-days']) {
      expect(keys).toContain(key);
    }
  });

  it('takes max-lifetime-days, a described whole number of 1 or more, per token and in defaults', () => {
    expect(accepts({ provider: 'github', secret: 'X', 'max-lifetime-days': 90 })).toBe(true);
    expect(validate({ version: 1, defaults: { 'max-lifetime-days': 90 }, tokens: [] })).toBe(true);
    for (const bad of [0, -1, 1.5, '90']) {
      expect(accepts({ provider: 'github', secret: 'X', 'max-lifetime-days': bad })).toBe(false);
      expect(validate({ version: 1, defaults: { 'max-lifetime-days': bad }, tokens: [] })).toBe(false);
    }
    const schema = configSchema();
    expect(schema.definitions.token.properties['max-lifetime-days'].description).toMatch(/long-lived/);
    expect(schema.properties.defaults.properties['max-lifetime-days'].description).toMatch(/long-lived/);
  });

  it('is a valid draft-07 schema with no keyword Ajv does not know (the loader skips this check at run time)', () => {
    const ajv = new Ajv({ strict: true, allowUnionTypes: true });
    expect(ajv.validateSchema(configSchema()), JSON.stringify(ajv.errors)).toBe(true);
    expect(() => ajv.compile(configSchema())).not.toThrow();
  });
});
