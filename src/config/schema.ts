import type { Provider } from '../providers/provider.js';
import { PROVIDERS } from '../providers/registry.js';
import { mintSchema } from './mint.js';

export const ENV_NAME = '^[A-Za-z_][A-Za-z0-9_]*$';
export const PART_NAME = '^[a-z][a-z0-9]*(-[a-z0-9]+)*$';
const MAX_LIFETIME = 'Longest lifetime a token may have left, in days: one that never expires, or expires further ahead, is long-lived (a warning).';

/**
 * The config file's JSON Schema, generated from the provider registry: each provider's credential
 * parts, modes, self-hosted form and own keys. It is also published as
 * schema/token-preflight.schema.json (`npm run generate`) so editors can complete and check the file.
 */
export function configSchema({ settings = true, only }: { settings?: boolean | readonly string[]; only?: readonly string[] } = {}) {
  const compiles = (provider: Provider) => (typeof settings === 'boolean' ? settings : settings.includes(provider.id));
  const scopeList = { type: 'array', items: { type: 'string', minLength: 1 } };
  // One schema for both forms: `pattern` applies to a string, the others to a map of part → variable.
  const secretRef = (what: string) => ({
    type: ['string', 'object'],
    pattern: ENV_NAME,
    minProperties: 1,
    propertyNames: { pattern: PART_NAME },
    additionalProperties: { type: 'string', pattern: ENV_NAME },
    description: `${what}: the name of the environment variable holding it, or a map of credential part → variable name (never the value).`,
  });
  // A provider's own keys are checked under its `provider:` (two providers may share a name such as
  // `site`). Without `settings` they are accepted as they are: compiling the http provider's
  // request/expect schema is most of the compile time, so it is compiled only for the providers
  // (`settings: [ids]`) a config uses.
  const owners = new Map<string, string[]>();
  for (const p of PROVIDERS) for (const key of Object.keys(p.settings?.properties ?? {})) owners.set(key, [...(owners.get(key) ?? []), p.id]);
  const settingsKeys = Object.fromEntries([...owners].map(([key, ids]) => [key, { description: `Only for provider ${ids.join(', ')}.` }]));
  const token = {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'provider', 'secret'],
    properties: {
      name: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$', description: 'Unique name: letters, digits, ".", "_" and "-".' },
      provider: { type: 'string', enum: PROVIDERS.map((p) => p.id), description: 'Which API the token belongs to.' },
      secret: secretRef('The credential'),
      environment: { type: 'string', minLength: 1, description: 'Label such as staging or production; one secret serving two environments is an error.' },
      'require-scopes': { ...scopeList, description: 'Scopes the token must have.' },
      'allow-scopes': { ...scopeList, description: 'Scopes the token may have; any other is excess-scope.' },
      'expect-identity': { type: 'string', minLength: 1, description: 'Who the token must belong to (login, account or app).' },
      'expect-mode': { type: 'string', minLength: 1, description: "The mode the credential must be in (the provider's own: test/live, …)." },
      'previous-secret': secretRef('The credential this one replaced, which must now be refused'),
      optional: { type: 'boolean', description: 'A missing secret is skipped instead of an error.' },
      'base-url': { type: 'string', minLength: 1, description: 'API root of a self-hosted instance (providers that have one).' },
      'expiry-warning-days': { type: 'integer', minimum: 0 },
      'max-latency-ms': { type: 'integer', minimum: 1 },
      'max-lifetime-days': { type: 'integer', minimum: 1, description: MAX_LIFETIME },
      'reject-invalid': { type: 'boolean', description: 'Also send a corrupted copy of the credential: it must be refused (accepts-invalid).' },
      ...settingsKeys,
    },
    // `only`: the rules of these providers alone (those a config names), so a config of three
    // providers does not compile the rules of thirty-six.
    allOf: PROVIDERS.filter((provider) => !only || only.includes(provider.id)).map((provider) => ({
      if: { type: 'object', properties: { provider: { const: provider.id } }, required: ['provider'] },
      then: providerRules(provider, Object.keys(settingsKeys), compiles(provider)),
    })),
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'token-preflight configuration',
    type: 'object',
    additionalProperties: false,
    properties: {
      version: { type: 'integer', enum: [1] },
      defaults: {
        type: 'object',
        additionalProperties: false,
        properties: {
          'expiry-warning-days': { type: 'integer', minimum: 0 },
          'max-latency-ms': { type: 'integer', minimum: 1 },
          'max-lifetime-days': { type: 'integer', minimum: 1, description: MAX_LIFETIME },
        },
      },
      tokens: { $ref: '#/definitions/tokens' },
      scan: {
        type: 'object',
        additionalProperties: false,
        description: 'The leak scan.',
        properties: {
          exclude: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Path globs never scanned (`**`, `*`, `?`, `{a,b}`), relative to the repository root.' },
          'disable-rules': { type: 'array', items: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' }, description: 'Rule ids switched off (`token-preflight rules` lists them).' },
        },
      },
      mint: mintSchema(),
      'allowed-hosts': {
        type: 'array',
        items: { type: 'string', pattern: '^[A-Za-z0-9.:\\[\\]-]+$' },
        description: 'Hosts (or addresses) taken from scanned text that a found secret may be sent to for verification.',
      },
    },
    definitions: {
      token,
      tokens: { type: 'array', items: { $ref: '#/definitions/token' } },
    },
  };
}

/** What one provider accepts: its credential parts, modes, base-url, scopes, identity and own keys. */
function providerRules(provider: Provider, allSettingsKeys: string[], settings: boolean) {
  const parts = provider.fields.map((field) => field.id);
  const required = provider.fields.filter((field) => !field.optional).map((field) => field.id);
  const properties: Record<string, unknown> = {};
  if (!provider.anyFields) {
    const partProperties = Object.fromEntries(provider.fields.map((field) => [field.id, { type: 'string', pattern: ENV_NAME, description: `Variable holding ${field.description}.` }]));
    const shape = { properties: partProperties, propertyNames: { enum: parts } };
    properties.secret = required.length > 1 ? { type: 'object', ...shape, required } : { type: ['string', 'object'], ...shape, required };
    properties['previous-secret'] = { type: ['string', 'object'], ...shape };
  }
  const modes = provider.modes;
  properties['expect-mode'] = !modes ? false : 'values' in modes ? { enum: [...modes.values] } : { type: 'string', pattern: modes.pattern };
  if (!provider.selfHosted) properties['base-url'] = false;
  if (!provider.can.scopes) Object.assign(properties, { 'require-scopes': false, 'allow-scopes': false });
  if (!provider.can.identity) properties['expect-identity'] = false;
  for (const key of allSettingsKeys) {
    const own = provider.settings?.properties[key];
    properties[key] = own ? (settings ? own : {}) : false;
  }
  return { type: 'object', properties, required: [...(provider.settings?.required ?? [])] };
}
