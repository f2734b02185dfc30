import type { HttpRequest, HttpResponse } from '../http/types.js';
import { oneLine } from '../sanitize.js';
import { jsonObject, malformed, rejected, tryJson, unexpected, valid } from './kit.js';
import type { Provider, Verdict } from './provider.js';

// Calls: platform.openai.com/docs/api-reference/models/list (any project, user or service-account
// key) and /admin-api-keys/list (admin keys, which only the organization endpoints take).
// Errors: platform.openai.com/docs/guides/error-codes (401 invalid_api_key; 401 "insufficient
// permissions … Missing scopes" for a restricted key; 403 unsupported_country_region_territory;
// 429). Formats: the gitleaks rule openai-api-key (`T3BlbkFJ` is base64 of "OpenAI").
// Answers: the examples of openai/openai-openapi openapi.yaml (listModels, admin-api-keys-list);
// refusals as pasted in continuedev/continue#11409, marcusquinn/aidevops#24564, bytedance/trae-agent#162
// and nalgeon/pokitoki#42.

const KINDS: Array<[RegExp, string]> = [
  [/^sk-admin-/, 'admin key'],
  [/^sk-proj-/, 'project key'],
  [/^sk-(svcacct|service)-/, 'service account key'],
];

/** The cheapest read a key of each kind may make: admin keys take only the organization endpoints. */
interface Call {
  what: string;
  /** What a restricted key refused it may not do. */
  denied: string;
  request: HttpRequest;
}

const LIST_MODELS: Call = { what: 'GET /v1/models', denied: 'list models', request: { url: 'v1/models', auth: { bearer: '${token}' } } };
const LIST_ADMIN_KEYS: Call = {
  what: 'GET /v1/organization/admin_api_keys',
  denied: 'list admin keys',
  request: { url: 'v1/organization/admin_api_keys', query: { limit: '1' }, auth: { bearer: '${token}' } },
};

export const openai: Provider = {
  id: 'openai',
  title: 'OpenAI',
  ping: '`GET /v1/models`; admin keys `GET /v1/organization/admin_api_keys?limit=1`',
  fields: [{ id: 'token', description: 'an API key (sk-proj-…, sk-svcacct-…, sk-admin-… or a legacy sk-…)', rotates: true }],
  hosts: ['api.openai.com'],
  apiRoot: 'https://api.openai.com/',
  can: { identity: false, scopes: false, expiry: false, mode: false, verifiesLeaks: true },
  formats: [
    /^sk-(?:proj|svcacct|admin)-(?:[A-Za-z0-9_-]{74}|[A-Za-z0-9_-]{58})T3BlbkFJ(?:[A-Za-z0-9_-]{74}|[A-Za-z0-9_-]{58})$/,
    /^sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}$/,
  ],

  async check(credential, ctx) {
    const kind = KINDS.find(([pattern]) => pattern.test(credential.token!))?.[1] ?? 'user key';
    const call = kind === 'admin key' ? LIST_ADMIN_KEYS : LIST_MODELS;
    const res = await ctx.http.send(call.request);
    if (res.status !== 200) return verdictOfError(res, kind, call);
    if (!Array.isArray(jsonObject(res, call.what).data)) throw malformed(res, call.what, 'it has no "data" list');
    return valid({ kind }, res);
  },

  examples: [
    {
      name: 'a project key lists the models',
      source: 'openai/openai-openapi openapi.yaml, listModels x-oaiMeta response example (its trailing comma removed)',
      credential: { token: `sk-proj-${'x'.repeat(58)}T3BlbkFJ${'x'.repeat(58)}` },
      responses: [
        {
          path: '/v1/models',
          status: 200,
          body: {
            object: 'list',
            data: [
              { id: 'model-id-0', object: 'model', created: 1686935002, owned_by: 'organization-owner', shutdown_date: null },
              { id: 'model-id-1', object: 'model', created: 1686935002, owned_by: 'organization-owner', shutdown_date: null },
              { id: 'model-id-2', object: 'model', created: 1686935002, owned_by: 'openai', shutdown_date: '2026-10-23' },
            ],
          },
        },
      ],
      verdict: { outcome: 'valid', facts: { kind: 'project key' } },
    },
    {
      name: 'an admin key lists the admin keys',
      source: 'openai/openai-openapi openapi.yaml, admin-api-keys-list x-oaiMeta response example',
      credential: { token: `sk-admin-${'x'.repeat(58)}T3BlbkFJ${'x'.repeat(58)}` },
      responses: [
        {
          path: '/v1/organization/admin_api_keys?limit=1',
          status: 200,
          body: {
            object: 'list',
            data: [
              {
                object: 'organization.admin_api_key',
                id: 'key_abc',
                name: 'Main Admin Key',
                redacted_value: 'sk-admin...def',
                created_at: 1711471533,
                expires_at: 1714063533,
                last_used_at: 1711471534,
                owner: { type: 'service_account', object: 'organization.service_account', id: 'sa_456', name: 'My Service Account', created_at: 1711471533, role: 'member' },
              },
            ],
            first_id: 'key_abc',
            last_id: 'key_abc',
            has_more: false,
          },
        },
      ],
      verdict: { outcome: 'valid', facts: { kind: 'admin key' } },
    },
    {
      name: 'a restricted key without the models read scope',
      source: 'marcusquinn/aidevops#24564 (GET /v1/models, the message) in the error object of bytedance/trae-agent#162',
      responses: [
        {
          path: '/v1/models',
          status: 401,
          body: {
            error: {
              message:
                "You have insufficient permissions for this operation. Missing scopes: api.model.read. Check that you have the correct role in your organization (Reader, Writer, Owner) and project (Viewer, Member, Owner), and if you're using a restricted API key, that it has the necessary scopes.",
              type: 'invalid_request_error',
              param: null,
              code: null,
            },
          },
        },
      ],
      verdict: { outcome: 'valid', facts: { notes: ['restricted: may not list models (missing scopes: api.model.read)'] } },
    },
    {
      name: 'an unknown key',
      source: 'continuedev/continue#11409 (the 401 invalid_api_key error object as logged there)',
      responses: [
        {
          path: '/v1/models',
          status: 401,
          body: {
            error: {
              message: 'Incorrect API key provided: sk-proj-****2829. You can find your API key at https://platform.openai.com/account/api-keys.',
              type: 'invalid_request_error',
              param: null,
              code: 'invalid_api_key',
            },
          },
        },
      ],
      verdict: { outcome: 'rejected', code: 'invalid' },
    },
    {
      name: 'a runner in a country OpenAI does not serve',
      source: 'nalgeon/pokitoki#42 and home-assistant/core#120072 (the 403 unsupported_country_region_territory error object, as logged there)',
      responses: [
        {
          path: '/v1/models',
          status: 403,
          body: { error: { code: 'unsupported_country_region_territory', message: 'Country, region, or territory not supported', param: null, type: 'request_forbidden' } },
        },
      ],
      verdict: { outcome: 'unknown', code: 'unexpected-response' },
    },
    {
      name: 'throttled',
      source: 'platform.openai.com/docs/guides/error-codes (429 "Rate limit reached for requests"); body hand-written in the error shape above',
      responses: [
        {
          path: '/v1/models',
          status: 429,
          body: { error: { message: 'Rate limit reached for requests', type: 'requests', param: null, code: 'rate_limit_exceeded' } },
        },
      ],
      verdict: { outcome: 'unknown', code: 'rate-limited' },
    },
  ],
};

/** A 401 refuses the key, unless it only lacks a permission; anything else says nothing of it. */
function verdictOfError(res: HttpResponse, kind: string, call: Call): Verdict {
  const error = openaiError(res);
  if (res.status === 403 && error.code === 'unsupported_country_region_territory') {
    throw unexpected(res, ': OpenAI refuses calls from where this runner is, so the key was not checked');
  }
  if (res.status !== 401) throw unexpected(res);
  // A restricted key (or a Reader role) is authenticated, and told which scope it lacks.
  if (/insufficient permissions/i.test(error.message)) {
    const missing = /Missing scopes: ([\w.:, -]+?)\.(?:\s|$)/.exec(error.message)?.[1];
    return valid({ kind, notes: [`restricted: may not ${call.denied}${missing ? ` (missing scopes: ${oneLine(missing, 100)})` : ''}`] }, res);
  }
  const said = error.message ? `: ${oneLine(error.message, 200)}` : '';
  return rejected('invalid', `OpenAI refused the key (HTTP 401${error.code ? ` ${error.code}` : ''}${said})`, res);
}

function openaiError(res: HttpResponse): { code?: string; message: string } {
  const body = tryJson(res.body) as { error?: unknown } | undefined;
  const error = body?.error;
  // Some gateways answer `{"error": "…"}`; OpenAI itself `{"error": {"message", "type", "param", "code"}}`.
  if (typeof error === 'string') return { message: error };
  const object = error && typeof error === 'object' ? (error as { code?: unknown; message?: unknown }) : {};
  return { code: typeof object.code === 'string' ? object.code : undefined, message: typeof object.message === 'string' ? object.message : '' };
}
