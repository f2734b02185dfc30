import { ProblemError } from '../check/problems.js';
import type { HttpResponse } from '../http/types.js';
import { oneLine } from '../sanitize.js';
import { jsonObject, malformed, rejected, tryJson, unexpected, valid } from './kit.js';
import type { Example, Provider, RateLimit } from './provider.js';

// GET /admin/oauth/access_scopes.json: shopify.dev/docs/api/admin-rest/latest/resources/accessscope
// (the scopes granted to the token; launched in shopify.dev/changelog "We're launching the
// AccessScope resource"). Status codes: shopify.dev/docs/api/usage/response-codes (401 wrong
// credentials, 402 frozen shop, 423 locked shop, 429 throttled) and the changelog "Admin API requests
// to locked stores will return a 423". Rate limits: shopify.dev/docs/api/admin-rest/usage/rate-limits
// (X-Shopify-Shop-Api-Call-Limit: used/bucket size; Retry-After in seconds). Token prefixes:
// shopify.dev/changelog/length-of-the-shopify-access-token-is-increasing (shpat_, shpca_, shppa_ + 32).

/** A shop's own host: `<name>.myshopify.com`, never a custom domain or an address from elsewhere. */
const SHOP = /^[a-z0-9][a-z0-9-]{0,61}\.myshopify\.com$/;

const KINDS: Array<[string, string]> = [
  ['shpat_', 'Admin API access token'],
  ['shpca_', 'custom app access token'],
  ['shppa_', 'private app password'],
];

const shopOf = (settings: Readonly<Record<string, unknown>>) => (typeof settings.shop === 'string' && SHOP.test(settings.shop) ? settings.shop : undefined);

export const shopify: Provider = {
  id: 'shopify',
  title: 'Shopify (Admin API)',
  ping: '`GET https://{shop}/admin/oauth/access_scopes.json`',
  hostsFrom: 'the `shop` (`*.myshopify.com`)',
  fields: [{ id: 'token', description: 'an Admin API access token (shpat_, shpca_ or shppa_)', rotates: true }],
  hosts: [],
  apiRoot: '',
  can: { identity: true, scopes: true, expiry: false, mode: false, verifiesLeaks: false },
  settings: {
    properties: {
      shop: {
        type: 'string',
        pattern: SHOP.source,
        description: "The shop the token belongs to, as its myshopify.com domain in lower case (acme.myshopify.com), not a custom domain or a URL: the token is sent there only.",
      },
    },
    required: ['shop'],
  },
  formats: [/^shp(?:at|ca|pa)_[a-fA-F0-9]{32}$/],

  async check(credential, ctx) {
    const shop = shopOf(ctx.settings);
    // A found token comes without its shop, and the shop is the only host that may receive it.
    if (!shop) throw new ProblemError('unexpected-response', 'a Shopify token is checked on its own shop, which is not known here (shop: acme.myshopify.com); the token was not sent');
    const token = credential.token!;
    const kind = KINDS.find(([prefix]) => token.startsWith(prefix))?.[1] ?? 'access token';
    const res = await ctx.http.send({
      url: `https://${shop}/admin/oauth/access_scopes.json`,
      auth: { header: { name: 'X-Shopify-Access-Token', value: '${token}' } },
      headers: { accept: 'application/json' },
    });
    switch (res.status) {
      case 200:
        return valid({ kind, identity: shop, scopes: scopesOf(res), rateLimit: callLimit(res) }, res);
      case 401:
        return rejected('invalid', `Shopify refused the ${kind} for ${shop} (HTTP 401${said(res)}): it is wrong or revoked, or its app was uninstalled from the shop`, res);
      case 402:
        throw new ProblemError('unexpected-response', `${shop} is frozen (HTTP 402${said(res)}): its owner must pay the outstanding balance; Shopify did not say whether the token is valid`);
      case 423:
        throw new ProblemError('unexpected-response', `${shop} is locked (HTTP 423${said(res)}), for exceeding its API limits repeatedly or a problem with the account; Shopify did not say whether the token is valid`);
      case 404:
        throw new ProblemError('unexpected-response', `no shop answers at ${shop} (HTTP 404${said(res)}): check shop:`);
      default:
        throw unexpected(res, said(res));
    }
  },

  fromSettings(settings) {
    const shop = shopOf(settings);
    return { hosts: shop ? [shop] : [] };
  },

  examples: [
    {
      name: 'an Admin API token and its scopes',
      source: 'Shopify/shopify-api-ruby test/rest/2024_01/access_scope_test.rb (test_1), with the call-limit header of the rate-limits page',
      credential: { token: `shpat_${'0f'.repeat(16)}` },
      ...shopAnswers(200, { access_scopes: [{ handle: 'read_products' }, { handle: 'write_orders' }, { handle: 'read_orders' }] }, { 'x-shopify-shop-api-call-limit': '1/40' }),
      verdict: {
        outcome: 'valid',
        facts: { kind: 'Admin API access token', identity: 'acme.myshopify.com', scopes: ['read_products', 'write_orders', 'read_orders'], rateLimit: { limit: 40, remaining: 39 } },
      },
    },
    {
      name: 'a wrong or revoked token',
      source: 'shopify.dev/docs/api/usage/response-codes (401); body as recorded in public Shopify client tests',
      ...shopAnswers(401, { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' }),
      verdict: { outcome: 'rejected', code: 'invalid' },
    },
    {
      name: 'a frozen shop',
      source: 'shopify.dev/docs/api/usage/response-codes (402: the shop is frozen); body "Unavailable Shop" as reported by Shopify app developers',
      ...shopAnswers(402, { errors: 'Unavailable Shop' }),
      verdict: { outcome: 'unknown', code: 'unexpected-response' },
    },
    {
      name: 'a locked shop',
      source: 'shopify.dev/changelog/admin-api-requests-to-locked-stores-will-return-a-423-status-code-instead-of-420 (hand-written body)',
      ...shopAnswers(423, { errors: 'Locked' }),
      verdict: { outcome: 'unknown', code: 'unexpected-response' },
    },
    {
      name: 'a found token without its shop is not sent',
      source: 'hand-written: a Shopify token is valid on one shop only, which a diff does not tell',
      purpose: 'leak',
      credential: { token: `shpat_${'0f'.repeat(16)}` },
      responses: [],
      verdict: { outcome: 'unknown', code: 'unexpected-response' },
    },
  ],
};

/** An example's shop and the answer of its access-scopes call. */
function shopAnswers(status: number, body: string | object, headers?: Record<string, string>): Pick<Example, 'settings' | 'responses'> {
  return { settings: { shop: 'acme.myshopify.com' }, responses: [{ path: '/admin/oauth/access_scopes.json', status, headers, body }] };
}

/** The handles of `{"access_scopes": [{"handle": "read_products"}, …]}`. */
function scopesOf(res: HttpResponse): string[] {
  const scopes = jsonObject(res, 'GET /admin/oauth/access_scopes.json').access_scopes;
  if (!Array.isArray(scopes)) throw malformed(res, 'GET /admin/oauth/access_scopes.json', 'it has no "access_scopes" list');
  const handles = scopes.map((scope: { handle?: unknown } | null) => scope?.handle);
  return handles.filter((h): h is string => typeof h === 'string' && h !== '').map((h) => oneLine(h, 100));
}

/** `X-Shopify-Shop-Api-Call-Limit: 3/40`: calls in the bucket / its size. */
function callLimit(res: HttpResponse): RateLimit | undefined {
  const match = /^(\d{1,6})\/(\d{1,6})$/.exec(res.headers['x-shopify-shop-api-call-limit']?.trim() ?? '');
  if (!match) return undefined;
  const [used, limit] = [Number(match[1]), Number(match[2])];
  return { limit, remaining: Math.max(0, limit - used) };
}

/** Shopify's words: `{"errors": "[API] Invalid API key or access token …"}`. */
function said(res: HttpResponse): string {
  const errors = (tryJson(res.body) as { errors?: unknown } | undefined)?.errors;
  return typeof errors === 'string' && errors.trim() ? `: ${oneLine(errors, 200)}` : '';
}
