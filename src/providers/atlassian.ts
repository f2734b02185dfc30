import { crc32 } from 'node:zlib';
import { ProblemError } from '../check/problems.js';
import type { HttpRequest, HttpResponse } from '../http/types.js';
import { oneLine } from '../sanitize.js';
import { jsonObject, malformed, rateLimitFrom, rejected, tryJson, unexpected, valid } from './kit.js';
import type { CheckContext, Example, Provider, Verdict } from './provider.js';

// GET /rest/api/3/myself with Basic email:API token: developer.atlassian.com/cloud/jira/platform/basic-auth-for-rest-apis/
// and …/rest/v3/api-group-myself/ (accountId, displayName). Scoped API tokens are
// refused by the site with 401 and work through https://api.atlassian.com/ex/jira/<cloudId>, the
// cloud id read from https://<site>/_edge/tenant_info without credentials
// (support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/;
// observed in sooperset/mcp-atlassian#968, stablyai/orca#20092). After failed logins Jira asks for a
// CAPTCHA: 403 with X-Seraph-LoginReason: AUTHENTICATION_DENIED. Rate limits:
// developer.atlassian.com/cloud/jira/platform/rate-limiting/ (X-RateLimit-Reset: an ISO 8601 time).
//
// An account API token (ATATT…) serves every Atlassian product, so its format is this provider's
// alone: a found one maps here. Neither this provider nor bitbucket can verify it found alone (it
// goes with the account's email, and here with a site too, which a diff does not carry); configured,
// it is checked here on the site, or by the bitbucket provider with the email as username.
// Token shape: `ATATT3` + body + `=` + 8 upper-case hex, the CRC-32 of everything before them
// (192 characters in public samples, where the CRC held on every one; Atlassian calls the length varied).

export const API_TOKEN = /^ATATT3[A-Za-z0-9_-]{100,400}=[0-9A-F]{8}$/;

/** An Atlassian Cloud site's own host: `<name>.atlassian.net`. */
const SITE = /^[a-z0-9][a-z0-9-]{0,61}\.atlassian\.net$/;
const GATEWAY = 'api.atlassian.com';
const CLOUD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RATE_LIMIT = { limit: 'x-ratelimit-limit', remaining: 'x-ratelimit-remaining', reset: 'x-ratelimit-reset', resetFormat: 'date' } as const;

/** Real-shaped fakes for the examples (the token's checksum holds). */
const ATATT = `ATATT3xFfGF0${'x'.repeat(171)}=EE0DB28D`;
const CLOUD = '1324a887-45db-1bf4-1e99-ef0ff456d421';
const MIA = {
  accountId: '5b10a2844c20165700ede21g',
  accountType: 'atlassian',
  active: true,
  displayName: 'Mia Krystof',
  emailAddress: 'mia@example.com',
  key: '',
  name: '',
  self: 'https://your-domain.atlassian.net/rest/api/3/user?accountId=5b10a2844c20165700ede21g',
  timeZone: 'Australia/Sydney',
};

const siteOf = (settings: Readonly<Record<string, unknown>>) => (typeof settings.site === 'string' && SITE.test(settings.site) ? settings.site : undefined);

export const atlassian: Provider = {
  id: 'atlassian',
  title: 'Atlassian (Jira and Confluence Cloud API token)',
  ping: '`GET https://{site}/rest/api/3/myself`; a scoped token: `GET api.atlassian.com/ex/jira/{cloudId}/rest/api/3/myself`',
  hostsFrom: 'the `site` (`*.atlassian.net`), and `api.atlassian.com` for a scoped token',
  fields: [
    { id: 'email', description: 'the email address of the Atlassian account', identifier: true },
    { id: 'token', description: 'an API token of that account (ATATT…)', rotates: true },
  ],
  hosts: [],
  apiRoot: '',
  can: { identity: true, scopes: false, expiry: false, mode: false, verifiesLeaks: false },
  settings: {
    properties: {
      site: {
        type: 'string',
        pattern: SITE.source,
        description:
          'The Atlassian Cloud site the account uses, as its host (acme.atlassian.net), not a custom domain or a URL; the site must have Jira, whose /rest/api/3/myself names the account. The token goes there, and to api.atlassian.com for a scoped token.',
      },
    },
    required: ['site'],
  },
  formats: [API_TOKEN],

  async check(credential, ctx) {
    const site = siteOf(ctx.settings);
    // An API token works on its account's sites only, and a diff tells neither the email nor the site.
    if (!site) throw new ProblemError('unexpected-response', 'an Atlassian API token is checked on a site of its account, which is not known here (site: acme.atlassian.net); the token was not sent');
    const res = await ctx.http.send(myself(`https://${site}/rest/api/3/myself`));
    if (res.status === 200) return account(res, 'API token');
    if (res.status !== 401) throw refusedOtherwise(res, site);
    return checkScoped(credential.token!, site, res, ctx);
  },

  fromSettings(settings) {
    const site = siteOf(settings);
    return { hosts: site ? [site, GATEWAY] : [] };
  },

  examples: [
    {
      name: 'a classic API token',
      source: 'tylernathanreed/jira-client-php tests/Unit/Operations/MyselfTest.php (testGetCurrentUser: the Jira Cloud OpenAPI example of GET /rest/api/3/myself, trimmed of avatars and groups)',
      credential: { email: 'mia@example.com', token: ATATT },
      settings: { site: 'acme.atlassian.net' },
      responses: [{ path: '/rest/api/3/myself', status: 200, body: MIA }],
      verdict: { outcome: 'valid', facts: { kind: 'API token', identity: '5b10a2844c20165700ede21g', notes: ['name: Mia Krystof'] } },
    },
    {
      name: 'a scoped API token, refused by the site and accepted through the API gateway',
      source: 'site 401 text as observed for scoped tokens (sooperset/mcp-atlassian#968); tenant_info and gateway URL per support.atlassian.com (manage API tokens); user as in the OpenAPI example',
      credential: { email: 'mia@example.com', token: ATATT },
      settings: { site: 'acme.atlassian.net' },
      responses: refusedBySiteThenGateway(200, MIA),
      verdict: { outcome: 'valid', facts: { kind: 'scoped API token', identity: '5b10a2844c20165700ede21g' } },
    },
    {
      name: 'a wrong email or token, refused by the site and the gateway',
      source: 'site 401 as above; gateway 401 body hand-written in the gateway\'s {"code", "message"} form (raycast/extensions#11212)',
      settings: { site: 'acme.atlassian.net' },
      responses: refusedBySiteThenGateway(401, { code: 401, message: 'Unauthorized' }),
      verdict: { outcome: 'rejected', code: 'invalid' },
    },
    {
      name: 'a scoped token without the scope /myself needs',
      source: 'raycast/extensions#11212 ({"code":401,"message":"Unauthorized; scope does not match"} from the gateway)',
      settings: { site: 'acme.atlassian.net' },
      responses: refusedBySiteThenGateway(401, { code: 401, message: 'Unauthorized; scope does not match' }),
      verdict: { outcome: 'unknown', code: 'unexpected-response' },
    },
    {
      name: 'an account held behind a CAPTCHA after failed logins',
      source: 'hand-written from Atlassian\'s CAPTCHA answer to REST logins (403, X-Seraph-LoginReason: AUTHENTICATION_DENIED)',
      settings: { site: 'acme.atlassian.net' },
      responses: [{ path: '/rest/api/3/myself', status: 403, headers: { 'x-seraph-loginreason': 'AUTHENTICATION_DENIED', 'x-authentication-denied-reason': 'CAPTCHA_CHALLENGE' }, body: '' }],
      verdict: { outcome: 'unknown', code: 'unexpected-response' },
    },
  ],
};

/** The site's 401 to any email and API token it does not take, its cloud id, then the gateway's answer. */
function refusedBySiteThenGateway(status: number, body: object): NonNullable<Example['responses']> {
  return [
    { path: '/rest/api/3/myself', status: 401, headers: { 'content-type': 'text/plain' }, body: 'Client must be authenticated to access this resource.' },
    { path: '/_edge/tenant_info', status: 200, body: { cloudId: CLOUD } },
    { path: `/ex/jira/${CLOUD}/rest/api/3/myself`, origin: `https://${GATEWAY}`, status, body },
  ];
}

function myself(url: string): HttpRequest {
  return { url, auth: { basic: { username: '${email}', password: '${token}' } }, headers: { accept: 'application/json' } };
}

/** The site refuses scoped API tokens as it refuses wrong ones: only the API gateway tells them apart. */
async function checkScoped(token: string, site: string, refusal: HttpResponse, ctx: CheckContext): Promise<Verdict> {
  const tenant = await ctx.http.send({ url: `https://${site}/_edge/tenant_info`, headers: { accept: 'application/json' } });
  const cloudId = tenant.status === 200 ? (tryJson(tenant.body) as { cloudId?: unknown } | undefined)?.cloudId : undefined;
  if (typeof cloudId !== 'string' || !CLOUD_ID.test(cloudId)) {
    throw new ProblemError(
      'unexpected-response',
      `${site} refused the email and token (HTTP 401), and its cloud id could not be read (/_edge/tenant_info answered HTTP ${tenant.status}) to try the token as a scoped one through ${GATEWAY}`,
    );
  }
  const res = await ctx.http.send(myself(`https://${GATEWAY}/ex/jira/${cloudId}/rest/api/3/myself`));
  if (res.status === 200) return account(res, 'scoped API token');
  if (res.status === 401 && /scope does not match/i.test(res.body)) {
    throw new ProblemError('unexpected-response', `${GATEWAY} says the token lacks a scope that GET /rest/api/3/myself needs (read:jira-user): a scoped API token this check cannot confirm`);
  }
  if (res.status !== 401) throw unexpected(res);
  const message = `Atlassian refused the email and token on ${site} and through ${GATEWAY} (HTTP 401${said(refusal)}): a wrong email, or an unknown, revoked or expired API token (Atlassian does not say which)`;
  return rejected('invalid', `${message}${checksumHint(token, [API_TOKEN])}`, res);
}

function account(res: HttpResponse, kind: string): Verdict {
  const user = jsonObject(res, 'GET /rest/api/3/myself');
  if (typeof user.accountId !== 'string' || !user.accountId) throw malformed(res, 'GET /rest/api/3/myself', 'it has no "accountId"');
  // Not the email: it is a part of the credential, masked wherever it would show.
  const notes = typeof user.displayName === 'string' && user.displayName ? [`name: ${oneLine(user.displayName, 100)}`] : undefined;
  return valid({ kind, identity: oneLine(user.accountId, 100), notes, rateLimit: rateLimitFrom(res, RATE_LIMIT) }, res);
}

function refusedOtherwise(res: HttpResponse, site: string): ProblemError {
  if (res.status === 403 && /AUTHENTICATION_DENIED/i.test(res.headers['x-seraph-loginreason'] ?? '')) {
    return new ProblemError(
      'unexpected-response',
      `${site} asks for a CAPTCHA before it takes this account's logins again, after failed ones (HTTP 403, X-Seraph-LoginReason: AUTHENTICATION_DENIED): sign in once at https://${site} in a browser; the token was not evaluated`,
    );
  }
  if (/basic auth\w* with passwords is deprecated/i.test(res.body)) {
    return new ProblemError('unexpected-response', `${site} answered HTTP ${res.status}: "Basic authentication with passwords is deprecated": it takes the secret for a password; use an API token`);
  }
  if (res.status === 404) return new ProblemError('unexpected-response', `${site} has no Jira REST API to ask (HTTP 404 on /rest/api/3/myself): check site:`);
  return unexpected(res, said(res));
}

/** Jira's words: `{"errorMessages": ["…"]}`, or a plain-text body. */
function said(res: HttpResponse): string {
  const body = tryJson(res.body) as { errorMessages?: unknown } | undefined;
  const first = Array.isArray(body?.errorMessages) ? body.errorMessages[0] : body === undefined && !/^\s*</.test(res.body) ? res.body : undefined;
  return typeof first === 'string' && first.trim() ? `: ${oneLine(first, 200)}` : '';
}

/** Atlassian tokens (ATATT…, ATCTT…, ATBB…) end with the CRC-32 of everything before, as 8 upper-case hex digits. */
export function atlassianChecksumHolds(token: string): boolean {
  return crc32(token.slice(0, -8)).toString(16).toUpperCase().padStart(8, '0') === token.slice(-8);
}

/** What a refusal adds when a token of one of these Atlassian shapes fails its checksum. */
export function checksumHint(token: string, shapes: readonly RegExp[]): string {
  if (!shapes.some((shape) => shape.test(token)) || atlassianChecksumHolds(token)) return '';
  return '; its checksum does not match either, so it was probably truncated or mistyped when the secret was saved';
}
