// Telegram through the whole engine: the token in the URL path (its `:` kept), and the bot id —
// the token's first part — masked in the answer (`"id":"***"`) without breaking its JSON. getMe shape:
// core.telegram.org/bots/api#getme (see src/providers/telegram.ts).
import { describe, expect, it } from 'vitest';
import { runEngine, tokenSpec } from '../helpers/engine.js';
import { useMockAgent } from '../helpers/mock-agent.js';
import type { TokenSpec } from '../../src/config/types.js';

const mock = useMockAgent();
const BOT_ID = 7123456789;
const TOKEN = `${BOT_ID}:AAHSENTINEL0123456789abcdefghijklmn`;
const GET_ME = { ok: true, result: { id: BOT_ID, is_bot: true, first_name: 'Deploy notices', username: 'acme_deploy_bot', can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false } };

function telegram(status: number, body: object) {
  const paths: string[] = [];
  mock().get('https://api.telegram.org').intercept({ path: /^\/bot.*\/getMe$/, method: 'GET' }).reply((req) => {
    paths.push(req.path);
    return { statusCode: status, data: JSON.stringify(body), responseOptions: { headers: { 'content-type': 'application/json' } } };
  });
  return paths;
}

/** The whole engine; the token, and its bot id alone, appear nowhere in the result. */
async function run(overrides: Partial<TokenSpec> = {}) {
  const { result, token } = await runEngine([tokenSpec('telegram', { token: 'TELEGRAM_BOT_TOKEN' }, overrides)], { TELEGRAM_BOT_TOKEN: TOKEN }, mock());
  expect(JSON.stringify(result)).not.toContain(String(BOT_ID));
  return token;
}

describe('telegram', () => {
  it('puts the token in the path with its colon, and names the bot @username although its id is masked', async () => {
    const paths = telegram(200, GET_ME);
    const token = await run({ expectIdentity: '@acme_deploy_bot' });
    expect(paths).toEqual([`/bot${TOKEN}/getMe`]);
    expect(token).toMatchObject({ status: 'ok', kind: 'bot token', identity: '@acme_deploy_bot', host: 'api.telegram.org' });
    expect(token.notes).toEqual(['reads all group messages (privacy mode off): false']);
  });

  it('refuses a token Telegram answers 401 for, naming BotFather', async () => {
    telegram(401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const token = await run();
    expect(token.problems).toMatchObject([{ code: 'invalid', message: expect.stringContaining('BotFather') }]);
  });

  it("waits as long as a 429's retry_after asks, and gives up when that outlasts the time-out", async () => {
    telegram(429, { ok: false, error_code: 429, description: 'Too Many Requests: retry after 5', parameters: { retry_after: 5 } });
    const token = await run();
    expect(token.problems).toMatchObject([{ code: 'rate-limited', message: expect.stringContaining('asks to wait 5 s') }]);
  });

  it('reports a 200 without a bot as unexpected, never valid', async () => {
    telegram(200, { ok: true, result: { id: BOT_ID } });
    const token = await run();
    expect(token.problems).toMatchObject([{ code: 'unexpected-response' }]);
  });
});
