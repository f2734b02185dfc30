import { ProblemError } from '../check/problems.js';
import type { HttpRequest, HttpResponse } from '../http/types.js';
import { oneLine } from '../sanitize.js';
import { jsonObject, malformed, providerMessage, tryJson, unexpected, valid } from './kit.js';
import type { CheckContext, Provider, TokenFacts } from './provider.js';
import { askRegions, refusedInRegions, regional, type Region } from './regions.js';

// REST API v2, OpenAPI (PagerDuty/api-schema reference/REST/openapiv3.json): GET /abilities
// ("List abilities", any REST API key); GET /users/me ("can only be used with a user-level API key
// … This will not work if the request is made with an account-level access token": a 400 whose
// error says so, as PagerDuty/pdpyras `api_key_access` reads it). Auth:
// `Authorization: Token token=<key>` with `Accept: application/vnd.pagerduty+json;version=2`
// (https://developer.pagerduty.com/docs/rest-api-v2/authentication/). Service regions, each with
// its own API host (api.pagerduty.com, api.eu.pagerduty.com): https://support.pagerduty.com/docs/service-regions.
// A key may be read-only: only a write would tell, and this check never writes.

const REGIONS: Region[] = [
  { id: 'us', host: 'api.pagerduty.com', label: 'US' },
  { id: 'eu', host: 'api.eu.pagerduty.com', label: 'EU' },
];

function request(region: Region, path: string): HttpRequest {
  return {
    url: `https://${region.host}/${path}`,
    auth: { header: { name: 'authorization', value: 'Token token=${token}' } },
    headers: { accept: 'application/vnd.pagerduty+json;version=2' },
  };
}

const ABILITIES = { abilities: ['teams', 'read_only_users', 'service_support_hours', 'urgencies'] };
/** The OpenAPI example of GET /users/me, trimmed. */
const USER = {
  user: { id: 'PXPGF42', type: 'user', summary: 'Earline Greenholt', name: 'Earline Greenholt', email: '125.greenholt.earline@graham.name', time_zone: 'America/Lima', role: 'admin' },
};
const UNAUTHORIZED = { error: { message: 'Authentication failed', code: 2006 } };
const SPEC = 'PagerDuty/api-schema reference/REST/openapiv3.json';

export const pagerduty: Provider = {
  id: 'pagerduty',
  title: 'PagerDuty (REST API key)',
  ping: '`GET /abilities`, then `GET /users/me`',
  fields: [{ id: 'token', description: 'a REST API key: an account-level key or a user token', rotates: true }],
  ...regional(REGIONS, 'PagerDuty account (`eu` for accounts at app.eu.pagerduty.com)'),
  can: { identity: true, scopes: false, expiry: false, mode: true, verifiesLeaks: true },
  // User tokens as commonly seen (`u+` and 18 more); account-level keys (20 characters) have no
  // distinctive shape, so they are left out rather than matched loosely.
  formats: [/^u\+[A-Za-z0-9_+-]{18}$/],

  async check(_credential, ctx) {
    const answer = await askRegions(ctx, REGIONS, (region) => request(region, 'abilities'));
    const { res, region } = answer;
    if (res.status === 401) return refusedInRegions('PagerDuty', answer, providerMessage(res), 'it is unknown or deleted');
    if (res.status !== 200) throw unexpected(res);
    if (!Array.isArray(jsonObject(res, 'GET /abilities').abilities)) throw malformed(res, 'GET /abilities', 'it has no "abilities" list');
    return valid({ ...(await identityOf(region, ctx)), mode: region.id }, res);
  },

  examples: [
    {
      name: 'a user token',
      source: `${SPEC} (listAbilities and getCurrentUser response examples)`,
      responses: [
        { path: '/abilities', status: 200, body: ABILITIES },
        { path: '/users/me', status: 200, body: USER },
      ],
      verdict: { outcome: 'valid', facts: { kind: 'user API token', identity: '125.greenholt.earline@graham.name', mode: 'us', notes: ['name: Earline Greenholt', 'role: admin'] } },
    },
    {
      name: 'an account-level key of an EU account',
      source: `${SPEC} (listAbilities example; getCurrentUser: not for account-level keys); bodies of the 401 and 400 hand-written in the API's error shape, the 400 naming the "account-level access token" that PagerDuty/pdpyras api_key_access looks for`,
      responses: [
        { path: '/abilities', status: 401, body: UNAUTHORIZED },
        { path: '/abilities', origin: 'https://api.eu.pagerduty.com', status: 200, body: ABILITIES },
        { path: '/users/me', origin: 'https://api.eu.pagerduty.com', status: 400, body: { error: { message: 'Because this request was made using an account-level access token, we were unable to determine the user', code: 2001 } } },
      ],
      verdict: { outcome: 'valid', facts: { kind: 'account-level API key', mode: 'eu' } },
    },
    {
      name: 'a key both regions refuse',
      source: `${SPEC} (401 Unauthorized: "If you are using an API key, it may be invalid"); error shape from PagerDuty/pdpyras test_pdpyras.py (401, code 2006)`,
      responses: [
        { path: '/abilities', status: 401, body: UNAUTHORIZED },
        { path: '/abilities', origin: 'https://api.eu.pagerduty.com', status: 401, body: UNAUTHORIZED },
      ],
      verdict: { outcome: 'rejected', code: 'invalid' },
    },
    {
      name: 'a key refused in the configured region only',
      source: `${SPEC} (401 Unauthorized)`,
      settings: { region: 'us' },
      responses: [{ path: '/abilities', status: 401, body: UNAUTHORIZED }],
      verdict: { outcome: 'rejected', code: 'invalid' },
    },
    {
      name: 'a key without access to abilities',
      source: `${SPEC} (403 Forbidden: "While your authentication is valid, the authenticated user or token does not have permission"); body hand-written`,
      settings: { region: 'eu' },
      responses: [{ path: '/abilities', origin: 'https://api.eu.pagerduty.com', status: 403, body: { error: { message: 'Access Denied', code: 2010 } } }],
      verdict: { outcome: 'unknown', code: 'unexpected-response' },
    },
  ],
};

/**
 * Who the key belongs to: GET /users/me names the user of a user token and refuses an
 * account-level key with a 400 that says so. Its failure leaves the key valid, only unnamed.
 */
async function identityOf(region: Region, ctx: CheckContext): Promise<TokenFacts> {
  let res: HttpResponse;
  try {
    res = await ctx.http.send(request(region, 'users/me'));
  } catch (error) {
    if (error instanceof ProblemError) return userUnknown(error.message);
    throw error;
  }
  const said = providerMessage(res);
  if (res.status === 400 && /account-level/i.test(said)) return { kind: 'account-level API key', notes: ['an account-level key acts for no user, so it has no identity'] };
  const user = res.status === 200 ? (tryJson(res.body) as { user?: { email?: unknown; name?: unknown; role?: unknown } } | undefined)?.user : undefined;
  if (typeof user?.email !== 'string') return userUnknown(`${res.host} answered HTTP ${res.status} to GET /users/me${said ? `: ${said}` : ''}`);
  const notes = [
    ['name', user.name],
    ['role', user.role],
  ].flatMap(([label, value]) => (typeof value === 'string' && value ? [`${label}: ${oneLine(value, 100)}`] : []));
  return { kind: 'user API token', identity: oneLine(user.email, 200), ...(notes.length ? { notes } : {}) };
}

function userUnknown(why: string): TokenFacts {
  return { notes: [`the key's user is unknown: ${why}`] };
}
