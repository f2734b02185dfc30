import { runHttpCheck, throttlingOf, type HttpCheck } from './declarative.js';
import type { JsonSchema, Provider } from './provider.js';
import { credentialUrlProblem, hostOf } from './url-setting.js';

const TEMPLATE = /\$\{([^}]*)\}/g;

const stringMap = { type: 'object', additionalProperties: { type: 'string' } };
const jsonCondition = {
  anyOf: [
    { type: ['string', 'number', 'boolean', 'null'] },
    { type: 'array', items: { type: ['string', 'number', 'boolean', 'null'] } },
    { type: 'object', required: ['exists'], additionalProperties: false, properties: { exists: { type: 'boolean' } } },
  ],
};
const matcher = {
  type: 'object',
  additionalProperties: false,
  properties: {
    status: { anyOf: [{ type: 'integer', minimum: 100, maximum: 599 }, { type: 'array', items: { type: 'integer', minimum: 100, maximum: 599 }, minItems: 1 }] },
    json: { type: 'object', propertyNames: { pattern: '^\\$' }, additionalProperties: jsonCondition },
    headers: { type: 'object', additionalProperties: { anyOf: [{ type: 'string' }, { type: 'object', required: ['exists'], additionalProperties: false, properties: { exists: { type: 'boolean' } } }] } },
    body: { type: 'string', minLength: 1 },
  },
};
const source = {
  anyOf: [
    { type: 'string', pattern: '^(\\$|header:)' },
    {
      type: 'object',
      required: ['from'],
      additionalProperties: false,
      properties: {
        from: { type: 'string', pattern: '^(\\$|header:)' },
        split: { type: 'string' },
        map: stringMap,
        format: { enum: ['date', 'epoch-seconds', 'epoch-millis'] },
      },
    },
  ],
};
const templated = { type: 'string', minLength: 1 };

/** The declarative check as config keys: the same form the built-in data providers are written in. */
export const HTTP_CHECK_SCHEMA: Record<string, JsonSchema> = {
  request: {
    type: 'object',
    required: ['url'],
    additionalProperties: false,
    description: 'The read-only request: `${token}` (or `${part}` of a secret map) is replaced by the credential.',
    properties: {
      method: { enum: ['GET', 'HEAD', 'POST'] },
      url: { type: 'string', pattern: '^https://', description: 'Absolute https URL; the credential is sent to this host only.' },
      headers: stringMap,
      query: stringMap,
      form: stringMap,
      json: {},
      auth: {
        type: 'object',
        minProperties: 1,
        maxProperties: 1,
        additionalProperties: false,
        properties: {
          bearer: templated,
          basic: {
            type: 'object',
            required: ['username', 'password'],
            additionalProperties: false,
            properties: { username: { type: 'string' }, password: { type: 'string' }, encode: { enum: ['form'], description: 'form: form-urlencode each part first (RFC 6749 §2.3.1).' } },
          },
          header: { type: 'object', required: ['name', 'value'], additionalProperties: false, properties: { name: { type: 'string', pattern: '^[A-Za-z0-9-]+$' }, value: templated } },
          query: { type: 'object', required: ['name', 'value'], additionalProperties: false, properties: { name: { type: 'string', minLength: 1 }, value: templated } },
        },
      },
    },
  },
  expect: { ...matcher, description: 'The answer of a working credential (default: any 2xx).' },
  outcomes: {
    type: 'array',
    description: 'Checked first, in order: answers that mean invalid, revoked, expired, throttled, … (first match wins).',
    items: {
      type: 'object',
      required: ['when', 'result'],
      additionalProperties: false,
      properties: {
        when: matcher,
        result: { enum: ['valid', 'invalid', 'revoked', 'expired', 'throttled', 'unexpected'] },
        message: { type: 'string', minLength: 1 },
        mode: { type: 'string', minLength: 1 },
        note: { type: 'string', minLength: 1 },
      },
    },
  },
  extract: {
    type: 'object',
    additionalProperties: false,
    description: 'Where the answer tells identity, scopes, expiry, mode: `$.json.path` or `header:name`.',
    properties: {
      identity: source,
      kind: { type: 'string', minLength: 1 },
      scopes: source,
      expires: source,
      mode: source,
      notes: { type: 'array', items: { type: 'object', required: ['label', 'from'], additionalProperties: false, properties: { label: { type: 'string' }, from: source } } },
    },
  },
  ratelimit: {
    type: 'object',
    additionalProperties: false,
    description: 'Header names of the rate limit.',
    properties: { limit: { type: 'string' }, remaining: { type: 'string' }, reset: { type: 'string' }, format: { enum: ['epoch-seconds', 'epoch-millis', 'seconds-left', 'date'] } },
  },
};

/** Any HTTP API: the user's own request and expectations, in the form built-in providers use. */
export const http: Provider = {
  id: 'http',
  title: 'Any HTTP API (your request and expectations)',
  fields: [{ id: 'token', description: 'the credential; with a map, any parts the request names', rotates: true }],
  anyFields: true,
  hosts: [],
  apiRoot: '',
  ping: 'your `request`',
  hostsFrom: 'the host of `request.url`',
  can: { identity: true, scopes: true, expiry: true, mode: true, verifiesLeaks: false },
  settings: { properties: HTTP_CHECK_SCHEMA, required: ['request'] },

  check(_credential, ctx) {
    const check = ctx.settings as unknown as HttpCheck;
    return runHttpCheck(check, ctx.http, new URL(check.request.url).host);
  },

  fromSettings(settings) {
    const check = settings as unknown as HttpCheck;
    return { hosts: [hostOf(check.request.url)], throttling: throttlingOf(check) };
  },

  /** A literal https host, and templates that name parts of the secret. */
  settingsProblems(settings, parts, show) {
    const request = settings.request as { url?: unknown } | undefined;
    if (!request || typeof request.url !== 'string') return [];
    const problems: Array<[string, string]> = [];
    const urlProblem = credentialUrlProblem(request.url);
    if (urlProblem) problems.push(['request.url', urlProblem]);
    const named = [...JSON.stringify(request).matchAll(TEMPLATE)].map((m) => m[1]!);
    const unknown = [...new Set(named.filter((name) => !parts.includes(name)))];
    // `${name}` as written, when the name is shaped like a key; a template may hold anything.
    const template = (name: string) => (show(name) === name ? `\${${name}}` : '${…} (name not shown)');
    if (unknown.length) {
      problems.push(['request', `names ${unknown.map(template).join(', ')}, which ${unknown.length === 1 ? 'is not a part' : 'are not parts'} of "secret" (its parts: ${parts.map(show).join(', ')})`]);
    } else if (named.length === 0) {
      problems.push(['request', 'never sends the credential: write ${token} where it goes, e.g. auth: { bearer: "${token}" } or headers: { Authorization: "Bearer ${token}" }']);
    }
    return problems;
  },
};
