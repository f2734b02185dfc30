import type { HttpRequest, HttpResponse } from '../http/types.js';
import { oneLine } from '../sanitize.js';
import { jsonObject, malformed, rejected, tryJson, unexpected, valid } from './kit.js';
import type { Provider, TokenFacts, Verdict } from './provider.js';

// Keys and modes: docs.stripe.com/keys (secret sk_, restricted rk_, test and live); the balance:
// docs.stripe.com/api/balance/balance_retrieve (its `livemode`); the account:
// docs.stripe.com/api/accounts/retrieve; errors: docs.stripe.com/error-codes (api_key_expired,
// platform_api_key_expired), docs.stripe.com/rate-limits (429 only, no quota headers).
// Recorded answers: the balance and account fixtures of stripe/openapi (openapi/fixtures3.json,
// which stripe-mock serves); refusals as pasted in stripe/stripe-node#1437 (401 unknown key),
// stripe/stripe-cli#792 (401 api_key_expired) and stripe/stripe-node#2246 (403 of a restricted key).

const MODE_OF_PREFIX: Array<[RegExp, string]> = [
  [/^[rs]k_live_/, 'live'],
  [/^[rs]k_test_/, 'test'],
];

/** A restricted key's 403: "The provided key 'rk_…' does not have the required permissions for this endpoint on account 'acct_…'." */
const PERMISSION = /does not have the required permissions|required permissions are not available for use by restricted keys/i;

/** GET /v1/balance as stripe-mock answers it: stripe/openapi, openapi/fixtures3.json, resources.balance. */
const BALANCE = {
  available: [{ amount: 0, currency: 'usd', source_types: { card: 0 } }],
  connect_reserved: [{ amount: 0, currency: 'usd' }],
  livemode: false,
  object: 'balance',
  pending: [{ amount: 0, currency: 'usd', source_types: { card: 0 } }],
};

/** GET /v1/account: stripe/openapi, openapi/fixtures3.json, resources.account, trimmed of its requirements and most settings. */
const ACCOUNT = {
  id: 'acct_1PgafTB7WZ01zgkW',
  object: 'account',
  business_profile: { mcc: null, name: null, support_email: null, url: null },
  charges_enabled: false,
  country: 'US',
  default_currency: 'usd',
  details_submitted: false,
  email: 'site@stripe.com',
  payouts_enabled: false,
  settings: { dashboard: { display_name: null, timezone: 'Etc/UTC' } },
};

const SECRET_TEST_KEY = { token: `sk_test_${'x'.repeat(24)}` };
const RESTRICTED_TEST_KEY = { token: `rk_test_${'x'.repeat(24)}` };
const MASKED = `rk_test_${'*'.repeat(93)}qs8Kgd`;

/** A restricted key's 403, as stripe/stripe-node#2246 shows it (its message, for GET /v1/accounts), here for the permission each call needs. */
function missingPermission(permission: string) {
  return {
    status: 403,
    body: {
      error: {
        message: `The provided key '${MASKED}' does not have the required permissions for this endpoint on account 'acct_1PJBLEBBLEfV'. Having the '${permission}' permission would allow this request to continue.`,
        type: 'invalid_request_error',
      },
    },
  };
}

export const stripe: Provider = {
  id: 'stripe',
  title: 'Stripe',
  ping: '`GET /v1/balance`, then `GET /v1/account`',
  fields: [{ id: 'token', description: 'a secret (sk_…) or restricted (rk_…) API key', rotates: true }],
  hosts: ['api.stripe.com'],
  apiRoot: 'https://api.stripe.com/',
  modes: { values: ['test', 'live'] },
  can: { identity: true, scopes: false, expiry: false, mode: true, verifiesLeaks: true },
  formats: [/^[rs]k_(?:test|live)_[0-9A-Za-z]{24,247}$/],

  async check(credential, ctx) {
    const token = credential.token!;
    const balance = await ctx.http.send(get('v1/balance'));
    const balanceRefused = refused(balance);
    if (balanceRefused) return balanceRefused;
    const { mode, missing: noBalance } = modeOf(balance, MODE_OF_PREFIX.find(([pattern]) => pattern.test(token))?.[1]);
    const account = await ctx.http.send(get('v1/account'));
    const accountRefused = refused(account);
    if (accountRefused) return accountRefused;
    const { identity, name, missing: noAccount } = accountOf(account);

    const facts: TokenFacts = { kind: token.startsWith('rk_') ? 'restricted key' : 'secret key' };
    if (mode) facts.mode = mode;
    if (identity) facts.identity = identity;
    const missing = [noBalance, noAccount].filter((permission) => permission !== undefined);
    const notes = [...(name ? [`account name: ${name}`] : []), ...(missing.length ? [`a restricted key without ${missing.join(' and ')}`] : [])];
    if (notes.length) facts.notes = notes;
    return valid(facts, account);
  },
  examples: [
    {
      name: 'a secret key in test mode, and its account',
      source: 'stripe/openapi openapi/fixtures3.json (resources.balance and resources.account, as stripe-mock serves them)',
      credential: SECRET_TEST_KEY,
      responses: [
        { path: '/v1/balance', status: 200, body: BALANCE },
        { path: '/v1/account', status: 200, body: ACCOUNT },
      ],
      verdict: { outcome: 'valid', facts: { identity: 'acct_1PgafTB7WZ01zgkW', mode: 'test', kind: 'secret key' } },
    },
    {
      name: 'a restricted key that may read neither the balance nor the account',
      source: 'stripe/stripe-node#2246 (the 403 of a restricted key, message as pasted there; the permission named per endpoint)',
      credential: RESTRICTED_TEST_KEY,
      responses: [
        { path: '/v1/balance', ...missingPermission('rak_balance_read') },
        { path: '/v1/account', ...missingPermission('rak_accounts_kyc_id_numbers_read') },
      ],
      verdict: {
        outcome: 'valid',
        facts: { identity: 'acct_1PJBLEBBLEfV', mode: 'test', kind: 'restricted key', notes: ['a restricted key without rak_balance_read and rak_accounts_kyc_id_numbers_read'] },
      },
    },
    {
      name: 'an unknown key',
      source: 'stripe/stripe-node#1437 (the 401 body as logged there: no code)',
      credential: SECRET_TEST_KEY,
      responses: [{ path: '/v1/balance', status: 401, body: { error: { message: 'Invalid API Key provided: sk_test_*********************JhB', type: 'invalid_request_error' } } }],
      verdict: { outcome: 'rejected', code: 'invalid' },
    },
    {
      name: 'an expired key',
      source: 'stripe/stripe-cli#792 (the 401 api_key_expired body as printed there)',
      credential: RESTRICTED_TEST_KEY,
      responses: [
        {
          path: '/v1/balance',
          status: 401,
          body: {
            error: {
              code: 'api_key_expired',
              doc_url: 'https://stripe.com/docs/error-codes/api-key-expired',
              message: `Expired API Key provided: ${MASKED}`,
              type: 'invalid_request_error',
            },
          },
        },
      ],
      verdict: { outcome: 'rejected', code: 'expired' },
    },
    {
      name: 'a live key whose balance says test mode',
      source: 'hand-written: the fixture balance (livemode false) answering a sk_live_ key; the answer contradicts the key',
      credential: { token: `sk_live_${'x'.repeat(24)}` },
      responses: [{ path: '/v1/balance', status: 200, body: BALANCE }],
      verdict: { outcome: 'unknown', code: 'unexpected-response' },
    },
  ],
};

function get(path: string): HttpRequest {
  return { url: path, auth: { bearer: '${token}' } };
}

/**
 * The mode the balance's `livemode` tells, which must agree with the key's prefix; a restricted key
 * that may not read the balance: its prefix's mode, and the permission it lacks.
 */
function modeOf(res: HttpResponse, prefixMode: string | undefined): { mode?: string; missing?: string } {
  if (isPermissionError(res)) return { mode: prefixMode, missing: permissionOf(res) ?? 'permission to read the balance' };
  if (res.status !== 200) throw unexpected(res);
  const body = jsonObject(res, 'GET /v1/balance');
  if (body.object !== 'balance' || typeof body.livemode !== 'boolean') throw malformed(res, 'GET /v1/balance', 'it is not a balance with "livemode"');
  const mode = body.livemode ? 'live' : 'test';
  if (prefixMode && prefixMode !== mode) throw malformed(res, 'GET /v1/balance', `it says ${mode} mode for a key whose prefix says ${prefixMode}`);
  return { mode };
}

/** The account's id and name; a restricted key that may not read the account: the id its 403 names, and the permission it lacks. */
function accountOf(res: HttpResponse): { identity?: string; name?: string; missing?: string } {
  if (isPermissionError(res)) return { identity: /on account '(acct_\w+)'/.exec(stripeError(res).message)?.[1], missing: permissionOf(res) ?? 'permission to read the account' };
  if (res.status !== 200) throw unexpected(res);
  const body = jsonObject(res, 'GET /v1/account') as { id?: unknown; settings?: { dashboard?: { display_name?: unknown } } };
  if (typeof body.id !== 'string') throw malformed(res, 'GET /v1/account', 'it has no account "id"');
  const name = body.settings?.dashboard?.display_name;
  return { identity: body.id, name: typeof name === 'string' && name ? oneLine(name, 100) : undefined };
}

/** 401: an unknown, deleted or rolled key (no `code`), or an expired one (`api_key_expired`). */
function refused(res: HttpResponse): Verdict | undefined {
  if (res.status !== 401) return undefined;
  const { code, message } = stripeError(res);
  if (code === 'api_key_expired' || code === 'platform_api_key_expired') {
    return rejected('expired', `Stripe says the key has expired (${code}): a rolled key past the expiry set when rolling it, or a Stripe CLI key older than 90 days`, res);
  }
  return rejected('invalid', `Stripe refused the key (HTTP 401${message ? `: ${oneLine(message, 200)}` : ''}): it is unknown, deleted or rolled`, res);
}

/** The `error` object of a Stripe answer (its message may be long: a masked key of 100 characters). */
function stripeError(res: HttpResponse): { code?: string; message: string } {
  const error = (tryJson(res.body) as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  return { code: typeof error?.code === 'string' ? error.code : undefined, message: typeof error?.message === 'string' ? error.message : '' };
}

function isPermissionError(res: HttpResponse): boolean {
  return res.status === 403 && PERMISSION.test(stripeError(res).message);
}

function permissionOf(res: HttpResponse): string | undefined {
  return /'(rak_\w+)'/.exec(stripeError(res).message)?.[1];
}
