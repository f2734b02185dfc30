// Stripe through the whole engine: the key as a Bearer token to api.stripe.com only, the mode from
// the balance's `livemode` checked against `expect-mode`, restricted keys, expiry and throttling.
// Answer shapes: stripe/openapi fixtures3.json, stripe/stripe-node#1437, #2246, stripe/stripe-cli#792
// (see src/providers/stripe.ts).
import { describe, expect, it } from 'vitest';
import { runEngine, tokenSpec } from '../helpers/engine.js';
import { useMockAgent } from '../helpers/mock-agent.js';
import type { TokenSpec } from '../../src/config/types.js';

const mock = useMockAgent();
const LIVE_KEY = `sk_live_${'SENTINELstripeLIVE0123'.repeat(2)}`;
const RESTRICTED_LIVE_KEY = `rk_live_${'SENTINELstripeRK01234'.repeat(2)}`;
const ACCOUNT = { id: 'acct_1PgafTB7WZ01zgkW', object: 'account', settings: { dashboard: { display_name: 'Acme', timezone: 'Etc/UTC' } } };

type Answer = { status: number; body: object; headers?: Record<string, string> };

/** Answers GET /v1/balance and /v1/account, recording each request's path and Authorization header. */
function stripe(answers: { balance: Answer; account?: Answer }) {
  const seen: string[] = [];
  const reply = (answer: Answer) => ({ statusCode: answer.status, data: JSON.stringify(answer.body), responseOptions: { headers: { 'content-type': 'application/json', ...answer.headers } } });
  const pool = mock().get('https://api.stripe.com');
  for (const [path, answer] of [['/v1/balance', answers.balance], ['/v1/account', answers.account]] as const) {
    if (!answer) continue;
    pool.intercept({ path, method: 'GET' }).reply((req) => {
      seen.push(`${req.path} ${String((req.headers as Record<string, string>).authorization)}`);
      return reply(answer);
    });
  }
  return seen;
}

const spec = (overrides: Partial<TokenSpec> = {}) => tokenSpec('stripe', { token: 'STRIPE_SECRET_KEY' }, overrides);

function run(token: TokenSpec, key: string) {
  return runEngine([token], { STRIPE_SECRET_KEY: key }, mock());
}

const balance = (livemode: boolean): Answer => ({ status: 200, body: { object: 'balance', livemode, available: [], pending: [] } });

describe('stripe', () => {
  it('sends the key as a Bearer token to api.stripe.com, and reports the live mode and the account', async () => {
    const seen = stripe({ balance: balance(true), account: { status: 200, body: ACCOUNT } });
    const { token, masked } = await run(spec({ expectMode: 'live', expectIdentity: 'acct_1PgafTB7WZ01zgkW' }), LIVE_KEY);
    expect(seen).toEqual([`/v1/balance Bearer ${LIVE_KEY}`, `/v1/account Bearer ${LIVE_KEY}`]);
    expect(masked).toContain(LIVE_KEY);
    expect(token).toMatchObject({ status: 'ok', mode: 'live', identity: 'acct_1PgafTB7WZ01zgkW', kind: 'secret key', notes: ['account name: Acme'], host: 'api.stripe.com' });
  });

  it('fails expect-mode: live for a key that answers in test mode', async () => {
    stripe({ balance: balance(false), account: { status: 200, body: ACCOUNT } });
    const { token } = await run(spec({ expectMode: 'live' }), `sk_test_${'SENTINELstripeTEST0123'.repeat(2)}`);
    expect(token.problems).toMatchObject([{ code: 'wrong-mode', message: 'is in mode "test", expected "live"' }]);
  });

  it('takes a restricted key that may not read the balance as valid, its mode from the prefix and the missing permission noted', async () => {
    const forbidden = {
      status: 403,
      body: {
        error: {
          message: `The provided key 'rk_live_${'*'.repeat(93)}RK0123' does not have the required permissions for this endpoint on account 'acct_1PgafTB7WZ01zgkW'. Having the 'rak_balance_read' permission would allow this request to continue.`,
          type: 'invalid_request_error',
        },
      },
    };
    stripe({ balance: forbidden, account: { status: 200, body: ACCOUNT } });
    const { token } = await run(spec({ expectMode: 'live' }), RESTRICTED_LIVE_KEY);
    expect(token).toMatchObject({ status: 'ok', mode: 'live', identity: 'acct_1PgafTB7WZ01zgkW', kind: 'restricted key' });
    expect(token.notes).toContain('a restricted key without rak_balance_read');
  });

  it('says why an expired key is refused', async () => {
    stripe({ balance: { status: 401, body: { error: { code: 'api_key_expired', message: 'Expired API Key provided: sk_live_****0123', type: 'invalid_request_error' } } } });
    const { token } = await run(spec(), LIVE_KEY);
    expect(token).toMatchObject({ status: 'fail', problems: [{ code: 'expired', message: expect.stringContaining('api_key_expired') }] });
  });

  it('refuses a key that the account call refuses after the balance accepted it', async () => {
    stripe({ balance: balance(true), account: { status: 401, body: { error: { message: 'Invalid API Key provided: sk_live_****0123', type: 'invalid_request_error' } } } });
    const { token } = await run(spec(), LIVE_KEY);
    expect(token.problems).toMatchObject([{ code: 'invalid', message: expect.stringContaining('Invalid API Key provided') }]);
  });

  it('reports a throttled call as rate-limited, never as a refusal', async () => {
    stripe({ balance: { status: 429, headers: { 'retry-after': '60' }, body: { error: { code: 'rate_limit', message: 'Too many requests', type: 'invalid_request_error' } } } });
    const { token } = await run(spec(), LIVE_KEY);
    expect(token.problems).toMatchObject([{ code: 'rate-limited' }]);
  });
});
