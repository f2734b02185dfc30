// Twilio through the whole engine: a credential of two parts read from two variables, sent as
// HTTP Basic to api.twilio.com only, its rotation (previous auth token) and its modes.
// Response shapes: twilio/twilio-python tests/integration/api/v2010/test_account.py and
// twilio.com/docs/errors/20003, /20008 (see src/providers/twilio.ts).
import { describe, expect, it } from 'vitest';
import { useMockAgent } from '../helpers/mock-agent.js';
import type { TokenSpec } from '../../src/config/types.js';
import { runPreflight } from '../../src/run/run.js';

const mock = useMockAgent();
const SID = `AC${'0123456789abcdef'.repeat(2)}`;
const AUTH = 'SENTINELauthTOKEN0123456789abcde';
const OLD_AUTH = 'SENTINELoldAUTH0123456789abcdefg';
const TEST_SID = `AC${'fedcba9876543210'.repeat(2)}`;

const ACCOUNT = { friendly_name: 'Acme Production', sid: SID, owner_account_sid: SID, status: 'active', type: 'Full', auth_token: AUTH };
const AUTH_ERROR = { code: 20003, detail: 'Your AccountSid or AuthToken was incorrect.', message: 'Authentication Error - No credentials provided', more_info: 'https://www.twilio.com/docs/errors/20003', status: 401 };
const TEST_CREDENTIALS = { code: 20008, message: 'Resource not accessible with Test Account Credentials', more_info: 'https://www.twilio.com/docs/errors/20008', status: 403 };

function spec(overrides: Partial<TokenSpec> = {}): TokenSpec {
  return {
    name: 'sms',
    provider: 'twilio',
    secret: { 'account-sid': 'TWILIO_ACCOUNT_SID', 'auth-token': 'TWILIO_AUTH_TOKEN' },
    optional: false,
    expiryWarningDays: 14,
    rejectInvalid: false,
    settings: {},
    source: { file: '.github/token-preflight.yml', line: 3 },
    ...overrides,
  };
}

/** Answers as Twilio does, by the Basic credentials of each request. */
function twilio(accounts: Record<string, { status: number; body: object }>) {
  const seen: string[] = [];
  mock().get('https://api.twilio.com').intercept({ path: /^\/2010-04-01\/Accounts\/AC[0-9a-f]{32}\.json$/, method: 'GET' }).reply((req) => {
    const auth = String((req.headers as Record<string, string>).authorization ?? '');
    const pair = Buffer.from(auth.replace(/^Basic /, ''), 'base64').toString('utf8');
    seen.push(`${req.path} ${pair}`);
    const answer = accounts[pair] ?? { status: 401, body: AUTH_ERROR };
    return { statusCode: answer.status, data: JSON.stringify(answer.body), responseOptions: { headers: { 'content-type': 'application/json' } } };
  }).persist();
  return seen;
}

async function run(tokens: TokenSpec[], env: Record<string, string>) {
  const masked: string[] = [];
  const result = await runPreflight({ tokens, timeoutMs: 2_000, concurrency: 4, context: { surface: 'action' } }, { env, mask: (v) => masked.push(v), dispatcher: mock() });
  for (const secret of [AUTH, OLD_AUTH]) expect(JSON.stringify(result)).not.toContain(secret);
  return { result, token: result.tokens[0]!, masked };
}

describe('twilio', () => {
  it('checks the account SID and auth token pair with Basic auth, and names the account', async () => {
    const seen = twilio({ [`${SID}:${AUTH}`]: { status: 200, body: ACCOUNT } });
    const { token, masked } = await run([spec({ expectMode: 'live', expectIdentity: 'Acme Production' })], { TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: AUTH });
    expect(seen).toEqual([`/2010-04-01/Accounts/${SID}.json ${SID}:${AUTH}`]);
    expect(token).toMatchObject({ status: 'ok', identity: 'Acme Production', mode: 'live', kind: 'account SID and auth token', notes: ['account type: Full'], host: 'api.twilio.com' });
    // Both parts, and the Basic header's base64 form, are masked before anything is sent.
    expect(masked).toEqual(expect.arrayContaining([SID, AUTH, Buffer.from(`${SID}:${AUTH}`).toString('base64')]));
  });

  it('refuses wrong credentials as invalid, and says what error 20003 covers', async () => {
    twilio({});
    const { token } = await run([spec()], { TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: AUTH });
    expect(token.problems).toMatchObject([{ code: 'invalid', message: expect.stringContaining('error 20003') }]);
  });

  it('tells test credentials apart, so expect-mode: live catches them', async () => {
    twilio({ [`${TEST_SID}:${AUTH}`]: { status: 403, body: TEST_CREDENTIALS } });
    const { token } = await run([spec({ expectMode: 'live' })], { TWILIO_ACCOUNT_SID: TEST_SID, TWILIO_AUTH_TOKEN: AUTH });
    expect(token).toMatchObject({ status: 'fail', mode: 'test' });
    expect(token.problems).toMatchObject([{ code: 'wrong-mode', message: 'is in mode "test", expected "live"' }]);
  });

  it('checks a rotation: the previous auth token, with the same SID, must now be refused', async () => {
    twilio({ [`${SID}:${AUTH}`]: { status: 200, body: ACCOUNT }, [`${SID}:${OLD_AUTH}`]: { status: 200, body: ACCOUNT } });
    const env = { TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: AUTH, OLD_TWILIO_AUTH_TOKEN: OLD_AUTH };
    const { token } = await run([spec({ previousSecret: { 'auth-token': 'OLD_TWILIO_AUTH_TOKEN' } })], env);
    expect(token).toMatchObject({ status: 'fail', previous: 'accepted' });
    expect(token.problems).toMatchObject([{ code: 'previous-still-valid', message: expect.stringContaining('OLD_TWILIO_AUTH_TOKEN is still accepted as "Acme Production"') }]);
  });

  it('names every unset part', async () => {
    const { token } = await run([spec()], {});
    expect(token.problems).toMatchObject([{ code: 'missing-secret', message: expect.stringContaining('TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN') }]);
  });

  it('redacts the auth token Twilio returns in the account resource, wherever it would show', async () => {
    twilio({ [`${SID}:${AUTH}`]: { status: 200, body: { ...ACCOUNT, friendly_name: `bot ${AUTH.slice(0, 16)}` } } });
    const { token } = await run([spec()], { TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: AUTH });
    expect(token.identity).toBe('bot ***');
  });
});
