import { providerIds } from '../providers/registry.js';

const ENV_NAME = '^[A-Za-z_][A-Za-z0-9_]*$';

/**
 * The config file's JSON Schema. It is also published as schema/token-preflight.schema.json
 * (`npm run schema`) so editors can complete and check the file.
 */
export function configSchema() {
  const scopeList = { type: 'array', items: { type: 'string', minLength: 1 } };
  const token = {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'provider', 'secret'],
    properties: {
      name: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$', description: 'Unique name: letters, digits, ".", "_" and "-".' },
      provider: { type: 'string', enum: providerIds(), description: 'Which API the token belongs to.' },
      secret: { type: 'string', pattern: ENV_NAME, description: 'Name of the environment variable that holds the token (never the token itself).' },
      environment: { type: 'string', minLength: 1, description: 'Label such as staging or production; one secret serving two environments is an error.' },
      'require-scopes': { ...scopeList, description: 'Scopes the token must have.' },
      'allow-scopes': { ...scopeList, description: 'Scopes the token may have; any other is excess-scope.' },
      'expect-identity': { type: 'string', minLength: 1, description: 'Who the token must belong to (login, account or app).' },
      'expect-mode': { type: 'string', enum: ['test', 'live'], description: 'For providers with test and live keys.' },
      'previous-secret': { type: 'string', pattern: ENV_NAME, description: 'Variable holding the token this one replaced: it must now be rejected.' },
      optional: { type: 'boolean', description: 'A missing secret is skipped instead of an error.' },
      'base-url': { type: 'string', minLength: 1, description: 'API root of a self-hosted instance, e.g. https://ghe.example.com/api/v3.' },
      'expiry-warning-days': { type: 'integer', minimum: 0 },
      'max-latency-ms': { type: 'integer', minimum: 1 },
    },
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
        },
      },
      tokens: { $ref: '#/definitions/tokens' },
    },
    definitions: {
      token,
      tokens: { type: 'array', items: { $ref: '#/definitions/token' } },
    },
  };
}
