import type { HttpResponse } from '../http/types.js';
import { oneLine } from '../sanitize.js';
import { jsonObject, malformed, rateLimitFrom, tryJson, unexpected, valid } from './kit.js';
import type { Provider } from './provider.js';
import { askRegions, refusedInRegions, regional, type Region } from './regions.js';

// Call: twilio.com/docs/sendgrid/api-reference/api-key-permissions/retrieve-a-list-of-scopes-for-which-this-user-has-access
// (GET /v3/scopes: the calling key's own scopes; servers api.sendgrid.com for global users and
// subusers, api.eu.sendgrid.com for EU regional subusers). Answers: the examples of
// twilio/sendgrid-oai spec/json/tsg_scopes_v3.json (200, 401 "authorization required", 403 "access
// forbidden"); the 401 of a revoked key as pasted in sendgrid/sendgrid-php#793. Rate limits:
// twilio.com/docs/sendgrid/api-reference/how-to-use-the-sendgrid-v3-api/rate-limits
// (X-RateLimit-Limit/Remaining, X-RateLimit-Reset in epoch seconds). Format: the gitleaks rule sendgrid-api-token.

const REGIONS: Region[] = [
  { id: 'global', host: 'api.sendgrid.com', label: 'global' },
  { id: 'eu', host: 'api.eu.sendgrid.com', label: 'EU' },
];

const RATE_LIMIT = { limit: 'x-ratelimit-limit', remaining: 'x-ratelimit-remaining', reset: 'x-ratelimit-reset', resetFormat: 'epoch-seconds' } as const;

const KEY = { token: `SG.${'x'.repeat(22)}.${'y'.repeat(43)}` };
const GLOBAL = 'https://api.sendgrid.com';
const EU = 'https://api.eu.sendgrid.com';
/** The 401 of GET /v3/scopes: twilio/sendgrid-oai spec/json/tsg_scopes_v3.json, its example. */
const AUTHORIZATION_REQUIRED = { status: 401, body: { errors: [{ field: null, message: 'authorization required' }] } };
/** The 401 of a revoked key, as sendgrid/sendgrid-php#793 shows it (HTTP 401, application/json). */
const REVOKED = { status: 401, body: { errors: [{ message: 'The provided authorization grant is invalid, expired, or revoked', field: null, help: null }] } };

export const sendgrid: Provider = {
  id: 'sendgrid',
  title: 'SendGrid (Twilio SendGrid)',
  ping: '`GET /v3/scopes`',
  fields: [{ id: 'token', description: 'a SendGrid API key (SG.…)', rotates: true }],
  ...regional(REGIONS, 'SendGrid user (`eu` for an EU regional subuser)'),
  can: { identity: false, scopes: true, expiry: false, mode: true, verifiesLeaks: true },
  formats: [/^SG\.[\w-]{22}\.[\w-]{43}$/],

  async check(_credential, ctx) {
    const answer = await askRegions(ctx, REGIONS, (r) => ({ url: `https://${r.host}/v3/scopes`, auth: { bearer: '${token}' } }));
    const { res, region } = answer;
    const said = sendgridMessage(res);
    if (res.status === 401) return refusedInRegions('SendGrid', answer, said, 'it is unknown, revoked or deleted');
    // 403 "access forbidden" is what SendGrid answers a known key that lacks a permission: it proves nothing either way here.
    if (res.status !== 200) throw unexpected(res, said ? `: ${said}` : '');
    const scopes = jsonObject(res, 'GET /v3/scopes').scopes;
    if (!Array.isArray(scopes)) throw malformed(res, 'GET /v3/scopes', 'it has no "scopes" list');
    const granted = scopes.filter((s): s is string => typeof s === 'string' && s !== '').map((s) => oneLine(s, 100));
    return valid({ kind: 'API key', scopes: granted, mode: region.id, rateLimit: rateLimitFrom(res, RATE_LIMIT) }, res);
  },

  examples: [
    {
      name: 'a key lists its scopes',
      source: 'twilio/sendgrid-oai spec/json/tsg_scopes_v3.json (GET /v3/scopes, the 200 example)',
      credential: KEY,
      responses: [
        {
          path: '/v3/scopes',
          origin: GLOBAL,
          status: 200,
          headers: { 'x-ratelimit-limit': '600', 'x-ratelimit-remaining': '599', 'x-ratelimit-reset': '1735689600' },
          body: { scopes: ['mail.send', 'alerts.create', 'alerts.read'] },
        },
      ],
      verdict: {
        outcome: 'valid',
        facts: { scopes: ['mail.send', 'alerts.create', 'alerts.read'], mode: 'global', rateLimit: { limit: 600, remaining: 599, resetAt: '2025-01-01T00:00:00.000Z' } },
      },
    },
    {
      name: 'a found key of an EU regional subuser: refused globally, accepted in the EU',
      source: 'twilio/sendgrid-oai spec/json/tsg_scopes_v3.json (the 401 and 200 examples; its servers name the EU host for EU regional subusers)',
      credential: KEY,
      purpose: 'leak',
      responses: [
        { path: '/v3/scopes', origin: GLOBAL, ...AUTHORIZATION_REQUIRED },
        { path: '/v3/scopes', origin: EU, status: 200, body: { scopes: ['mail.send'] } },
      ],
      verdict: { outcome: 'valid', facts: { scopes: ['mail.send'], mode: 'eu' } },
    },
    {
      name: 'a revoked key, refused in both regions',
      source: 'sendgrid/sendgrid-php#793 (the 401 body "The provided authorization grant is invalid, expired, or revoked", as pasted there), from each region',
      credential: KEY,
      responses: [
        { path: '/v3/scopes', origin: GLOBAL, ...REVOKED },
        { path: '/v3/scopes', origin: EU, ...REVOKED },
      ],
      verdict: { outcome: 'rejected', code: 'invalid' },
    },
    {
      name: 'access forbidden',
      source: 'twilio/sendgrid-oai spec/json/tsg_scopes_v3.json (the GetScopes403 example): a known key without a permission, not a refusal',
      credential: KEY,
      responses: [{ path: '/v3/scopes', origin: GLOBAL, status: 403, body: { errors: [{ message: 'access forbidden', field: 'null' }] } }],
      verdict: { outcome: 'unknown', code: 'unexpected-response' },
    },
  ],
};

/** `{"errors":[{"field":null,"message":"…"}]}`: the first message. */
function sendgridMessage(res: HttpResponse): string {
  const errors = (tryJson(res.body) as { errors?: Array<{ message?: unknown }> } | undefined)?.errors;
  const message = Array.isArray(errors) ? errors[0]?.message : undefined;
  return typeof message === 'string' ? oneLine(message, 200) : '';
}
