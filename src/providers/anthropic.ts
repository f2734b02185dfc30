import { ProblemError } from '../check/problems.js';
import type { HttpRequest, HttpResponse } from '../http/types.js';
import { oneLine } from '../sanitize.js';
import { jsonObject, malformed, rateLimitFrom, rejected, tryJson, unexpected, valid } from './kit.js';
import type { CheckContext, Provider, TokenFacts, Verdict } from './provider.js';

// Calls: platform.claude.com/docs/en/api/models/list (any API key) and
// platform.claude.com/docs/en/api/admin/organizations/me ("the organization associated with the
// authenticated API key"; Admin API keys take only the organization endpoints).
// Errors: docs.claude.com/en/api/errors (401 authentication_error, 403 permission_error, 429
// rate_limit_error, 529 overloaded_error; `{"type":"error","error":{"type","message"}}`).
// Rate limits: docs.claude.com/en/api/rate-limits (anthropic-ratelimit-requests-*, reset in RFC 3339).
// Formats: the gitleaks rules anthropic-api-key and anthropic-admin-api-key.

const VERSION = '2023-06-01';

const API_KEY = { token: `sk-ant-api03-${'x'.repeat(93)}AA` };
const ADMIN_KEY = { token: `sk-ant-admin01-${'x'.repeat(93)}AA` };

/** GET /v1/models: the response example of platform.claude.com/docs/en/api/models/list, one model, its capabilities left out. */
const MODELS = {
  data: [{ created_at: '2025-02-19T00:00:00Z', display_name: 'Claude Sonnet 4', id: 'claude-sonnet-4-20250514', type: 'model' }],
  first_id: 'claude-sonnet-4-20250514',
  has_more: true,
  last_id: 'claude-sonnet-4-20250514',
};

/** GET /v1/organizations/me: the response example of platform.claude.com/docs/en/api/admin/organizations/me. */
const ORGANIZATION = { id: '12345678-1234-5678-1234-567812345678', name: 'Organization Name', type: 'organization' };

export const anthropic: Provider = {
  id: 'anthropic',
  title: 'Anthropic (Claude API)',
  ping: '`GET /v1/models?limit=1`, then `GET /v1/organizations/me` (admin keys: only the latter)',
  fields: [{ id: 'token', description: 'an API key (sk-ant-api03-…) or an Admin API key (sk-ant-admin01-…)', rotates: true }],
  hosts: ['api.anthropic.com'],
  apiRoot: 'https://api.anthropic.com/',
  can: { identity: true, scopes: false, expiry: false, mode: false, verifiesLeaks: true },
  formats: [/^sk-ant-api03-[\w-]{93}AA$/, /^sk-ant-admin01-[\w-]{93}AA$/],

  async check(credential, ctx) {
    if (credential.token!.startsWith('sk-ant-admin01-')) {
      const res = await ctx.http.send(request('v1/organizations/me'));
      if (res.status !== 200) return refusal(res);
      return valid({ kind: 'Admin API key', ...organizationOf(res, true), rateLimit: rateLimitOf(res) }, res);
    }
    const res = await ctx.http.send({ ...request('v1/models'), query: { limit: '1' } });
    if (res.status !== 200) return refusal(res);
    if (!Array.isArray(jsonObject(res, 'GET /v1/models').data)) throw malformed(res, 'GET /v1/models', 'it has no "data" list');
    return valid({ kind: 'API key', ...(await organization(ctx)), rateLimit: rateLimitOf(res) }, res);
  },

  examples: [
    {
      name: 'an API key lists the models, and names its organization',
      source: 'platform.claude.com/docs/en/api/models/list and /docs/en/api/admin/organizations/me (their response examples)',
      credential: API_KEY,
      responses: [
        { path: '/v1/models', status: 200, body: MODELS },
        { path: '/v1/organizations/me', status: 200, body: ORGANIZATION },
      ],
      verdict: { outcome: 'valid', facts: { kind: 'API key', identity: 'Organization Name', notes: ['organization 12345678-1234-5678-1234-567812345678'] } },
    },
    {
      name: 'an API key that may not read its organization',
      source: 'docs.claude.com/en/api/errors (the 403 permission_error shape and wording) after the models list example',
      credential: API_KEY,
      responses: [
        { path: '/v1/models', status: 200, body: MODELS },
        {
          path: '/v1/organizations/me',
          status: 403,
          body: { type: 'error', error: { type: 'permission_error', message: 'Your API key does not have permission to use the specified resource.' } },
        },
      ],
      verdict: { outcome: 'valid', facts: { kind: 'API key' } },
    },
    {
      name: 'an Admin API key names its organization',
      source: 'platform.claude.com/docs/en/api/admin/organizations/me (its response example)',
      credential: ADMIN_KEY,
      responses: [{ path: '/v1/organizations/me', status: 200, body: ORGANIZATION }],
      verdict: { outcome: 'valid', facts: { kind: 'Admin API key', identity: 'Organization Name' } },
    },
    {
      name: 'an unknown key',
      source: 'docs.claude.com/en/api/errors (401 authentication_error, the error shape); the message "invalid x-api-key" as public client tests quote it: assembled, not one recording',
      credential: API_KEY,
      responses: [{ path: '/v1/models', status: 401, body: { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } } }],
      verdict: { outcome: 'rejected', code: 'invalid' },
    },
    {
      name: 'a key refused the models list',
      source: 'docs.claude.com/en/api/errors (403 permission_error): it says nothing certain of the key',
      credential: API_KEY,
      responses: [
        { path: '/v1/models', status: 403, body: { type: 'error', error: { type: 'permission_error', message: 'Your API key does not have permission to use the specified resource.' } } },
      ],
      verdict: { outcome: 'unknown', code: 'unexpected-response' },
    },
  ],
};

function request(path: string): HttpRequest {
  return { url: path, headers: { 'anthropic-version': VERSION }, auth: { header: { name: 'x-api-key', value: '${token}' } } };
}

/**
 * The organization an API key belongs to, when it may read it: the key is already known to work,
 * so a refusal or a failure here only leaves the identity unknown.
 */
async function organization(ctx: CheckContext): Promise<TokenFacts> {
  try {
    const res = await ctx.http.send(request('v1/organizations/me'));
    return res.status === 200 ? organizationOf(res, false) : {};
  } catch (error) {
    if (error instanceof ProblemError) return {};
    throw error;
  }
}

function organizationOf(res: HttpResponse, required: boolean): TokenFacts {
  const body = tryJson(res.body) as { id?: unknown; name?: unknown; type?: unknown } | undefined;
  if (body?.type !== 'organization' || typeof body.id !== 'string') {
    if (required) throw malformed(res, 'GET /v1/organizations/me', 'it is not an organization');
    return {};
  }
  return { identity: typeof body.name === 'string' && body.name ? body.name : body.id, notes: [`organization ${oneLine(body.id, 60)}`] };
}

function refusal(res: HttpResponse): Verdict {
  const error = (tryJson(res.body) as { error?: { type?: unknown; message?: unknown } } | undefined)?.error;
  const said = typeof error?.message === 'string' && error.message ? `: ${oneLine(error.message, 200)}` : '';
  if (res.status === 401) return rejected('invalid', `Anthropic refused the key (HTTP 401 ${typeof error?.type === 'string' ? error.type : 'authentication_error'}${said})`, res);
  // permission_error: a known key without access to this resource, which says nothing of the key itself.
  throw unexpected(res);
}

function rateLimitOf(res: HttpResponse) {
  return rateLimitFrom(res, {
    limit: 'anthropic-ratelimit-requests-limit',
    remaining: 'anthropic-ratelimit-requests-remaining',
    reset: 'anthropic-ratelimit-requests-reset',
    resetFormat: 'date',
  });
}
