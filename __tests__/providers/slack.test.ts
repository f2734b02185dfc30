// Slack through the whole engine: auth.test's HTTP 200 `ok:false` dialect, scopes from
// x-oauth-scopes against require-scopes, the 12-hour expiry of rotating tokens, refresh tokens
// never sent. Answers: slackapi/bolt-python tests/mock_web_api_server/mock_handler.py and
// docs.slack.dev/reference/methods/auth.test (see src/providers/slack.ts).
import { describe, expect, it } from 'vitest';
import { runEngine, tokenSpec } from '../helpers/engine.js';
import { useMockAgent } from '../helpers/mock-agent.js';
import type { TokenSpec } from '../../src/config/types.js';

const mock = useMockAgent();
const BOT = `xoxb-17653672481-19874698323-SENTINELbot0123456789abc`;
const ROTATING = `xoxe.xoxb-1-SENTINEL${'7'.repeat(148)}`;
const REFRESH = `xoxe-1-SENTINEL${'9'.repeat(138)}`;
const AUTH_TEST = { ok: true, url: 'https://subarachnoid.slack.com/', team: 'Subarachnoid Workspace', user: 'bot', team_id: 'T0G9PQBBK', user_id: 'W23456789', bot_id: 'BZYBOTHED' };

/** Answers auth.test as Slack does, recording the Authorization header of each call. */
function slack(status: number, body: object, headers: Record<string, string> = {}) {
  const seen: string[] = [];
  mock().get('https://slack.com').intercept({ path: '/api/auth.test', method: 'POST' }).reply((req) => {
    seen.push(String((req.headers as Record<string, string>).authorization));
    return { statusCode: status, data: JSON.stringify(body), responseOptions: { headers: { 'content-type': 'application/json; charset=utf-8', ...headers } } };
  }).persist();
  return seen;
}

async function run(token: string, overrides: Partial<TokenSpec> = {}) {
  return (await runEngine([tokenSpec('slack', { token: 'SLACK_TOKEN' }, overrides)], { SLACK_TOKEN: token }, mock())).token;
}

describe('slack', () => {
  it('POSTs auth.test with the token as Bearer, names user@team, and reads comma-separated scopes', async () => {
    const seen = slack(200, AUTH_TEST, { 'x-oauth-scopes': 'chat:write,commands' });
    const token = await run(BOT, { requireScopes: ['chat:write'] });
    expect(seen).toEqual([`Bearer ${BOT}`]);
    expect(token).toMatchObject({ status: 'ok', kind: 'bot token', identity: 'bot@Subarachnoid Workspace', scopes: ['chat:write', 'commands'], host: 'slack.com' });
    expect(token.notes).toEqual(['workspace id: T0G9PQBBK', 'bot id: BZYBOTHED']);
  });

  it('fails require-scopes with the scope the header lacks', async () => {
    slack(200, AUTH_TEST, { 'x-oauth-scopes': 'commands' });
    const token = await run(BOT, { requireScopes: ['chat:write'] });
    expect(token.problems).toMatchObject([{ code: 'insufficient-scope' }]);
  });

  it("reads a rotating token's expiry from expires_in, and warns that it is near", async () => {
    slack(200, { ...AUTH_TEST, expires_in: 43_200 });
    const before = Date.now();
    const token = await run(ROTATING);
    expect(token.kind).toBe('rotating bot token');
    const expires = Date.parse(token.expiresAt!);
    expect(expires - before).toBeGreaterThanOrEqual(43_200_000);
    expect(expires - Date.now()).toBeLessThanOrEqual(43_200_000);
    expect(token.problems).toMatchObject([{ code: 'expiring-soon' }]);
  });

  it('claims no expiry for a rotating token whose answer does not tell', async () => {
    slack(200, AUTH_TEST);
    const token = await run(ROTATING);
    expect(token.expiresAt).toBeUndefined();
  });

  it('never sends a refresh token, and says why', async () => {
    const seen = slack(200, AUTH_TEST);
    const token = await run(REFRESH);
    expect(seen).toEqual([]);
    expect(token.host).toBeUndefined();
    expect(token.problems).toMatchObject([{ code: 'unexpected-response', message: expect.stringContaining('refresh token') }]);
  });

  it.each([
    ['account_inactive', 'revoked'],
    ['not_authed', 'invalid'],
  ])('maps ok:false %s to %s', async (error, code) => {
    slack(200, { ok: false, error });
    const token = await run(BOT);
    expect(token.problems).toMatchObject([{ code, message: expect.stringContaining(error) }]);
  });

  it('treats a 200 ok:false ratelimited as a throttle, not a verdict', async () => {
    slack(200, { ok: false, error: 'ratelimited' }, { 'retry-after': '30' });
    const token = await run(BOT);
    expect(token.problems).toMatchObject([{ code: 'rate-limited' }]);
  });
});
