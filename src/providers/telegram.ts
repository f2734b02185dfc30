import { dataProvider, judge, type HttpCheck } from './declarative.js';
import { jsonPath, tryJson } from './kit.js';

// getMe ("a simple method for testing your bot's authentication token"):
// https://core.telegram.org/bots/api#getme; requests and the `ok`/`error_code`/`description`
// answer, and `parameters.retry_after` of a throttled one: https://core.telegram.org/bots/api#making-requests,
// #responseparameters; the token's form
// ("123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"): https://core.telegram.org/bots/api#authorizing-your-bot.
// The token travels in the URL path: the HTTP layer encodes it as one segment and keeps its `:`.
// The bot's id, the token's first part, is masked in the answer (`"id":"***"`): the check reads no id.

const GET_ME: HttpCheck = {
  request: { url: 'https://api.telegram.org/bot${token}/getMe' },
  expect: { status: 200, json: { '$.ok': true, '$.result.username': { exists: true } } },
  outcomes: [
    { when: { status: 401 }, result: 'invalid', message: 'Telegram refused the bot token (401 Unauthorized: unknown, or revoked with BotFather)' },
    {
      // Telegram's own JSON 404, not a proxy's page: what it answers a token it cannot read.
      when: { status: 404, json: { '$.ok': false, '$.error_code': 404 } },
      result: 'invalid',
      message: 'Telegram does not know this bot token (404 Not Found: it answers so for a token it cannot read)',
    },
  ],
  extract: {
    kind: 'bot token',
    identity: '$.result.username',
    notes: [{ label: 'reads all group messages (privacy mode off)', from: '$.result.can_read_all_group_messages' }],
  },
};

/** getMe of a bot, as tgbot's tests record it (tests/data/get-bot-base.json), trimmed. */
const BOT = {
  ok: true,
  result: { id: 1, is_bot: true, first_name: 'Test', username: 'test', can_join_groups: true, can_read_all_group_messages: true, supports_inline_queries: true },
};

const base = dataProvider({
  id: 'telegram',
  title: 'Telegram (bot token)',
  ping: '`GET /bot{token}/getMe`',
  fields: [{ id: 'token', description: 'a bot token from BotFather (<bot id>:<secret>)', rotates: true }],
  hosts: ['api.telegram.org'],
  apiRoot: 'https://api.telegram.org/',
  can: { identity: true, scopes: false, expiry: false, mode: false, verifiesLeaks: true },
  formats: [/^\d{5,16}:[A-Za-z0-9_-]{35}$/],
  http: GET_ME,
  examples: [
    {
      name: 'a bot token',
      source: 'tgbot crate tests/data/get-bot-base.json (getMe rep_body), trimmed; is_bot as core.telegram.org/bots/api#getme returns it',
      credential: { token: `123456:${'x'.repeat(35)}` },
      response: { status: 200, body: BOT },
      verdict: { outcome: 'valid', facts: { kind: 'bot token', identity: '@test', notes: ['reads all group messages (privacy mode off): true'] } },
    },
    {
      name: 'a revoked or unknown token',
      source: 'eternnoir/pyTelegramBotAPI#168 (HTTP 401 and its body, as logged there); tdlib/telegram-bot-api#80 ("The only way to receive error with code 401 is to provide a wrong bot token")',
      response: { status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } },
      verdict: { outcome: 'rejected', code: 'invalid' },
    },
    {
      name: 'a malformed token',
      source: 'eternnoir/pyTelegramBotAPI#817 (HTTP 404 and its body, answered to an incorrect token, as logged there)',
      response: { status: 404, body: { ok: false, error_code: 404, description: 'Not Found' } },
      verdict: { outcome: 'rejected', code: 'invalid' },
    },
    {
      name: 'a 404 page that is not Telegram\'s answer',
      source: 'hand-written: a 404 without Telegram\'s {"ok":false} body proves nothing about the token',
      response: { status: 404, headers: { 'content-type': 'text/html' }, body: '<html><h1>404 Not Found</h1></html>' },
      verdict: { outcome: 'unknown', code: 'unexpected-response' },
    },
    {
      name: 'throttled',
      source: 'core.telegram.org/bots/api#responseparameters (retry_after); body hand-written in that shape',
      response: { status: 429, body: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 5', parameters: { retry_after: 5 } } },
      verdict: { outcome: 'unknown', code: 'rate-limited' },
    },
    {
      name: 'a 200 whose ok is false',
      source: 'hand-written from core.telegram.org/bots/api#making-requests: ok false is never a working token',
      response: { status: 200, body: { ok: false, error_code: 400, description: 'Bad Request' } },
      verdict: { outcome: 'unknown', code: 'unexpected-response' },
    },
  ],
});

/** getMe, naming the bot `@username` as Telegram users know it. */
export const telegram = {
  ...base,
  throttling: {
    ...base.throttling,
    retryDelayMs: (res) => {
      const seconds = jsonPath(tryJson(res.body), '$.parameters.retry_after');
      return typeof seconds === 'number' && seconds >= 0 ? seconds * 1000 : undefined;
    },
  },
  async check(_credential, ctx) {
    const res = await ctx.http.send(GET_ME.request);
    const verdict = judge(GET_ME, res, 'Telegram');
    if (verdict.outcome === 'valid' && verdict.facts.identity) verdict.facts.identity = `@${verdict.facts.identity}`;
    return verdict;
  },
} satisfies typeof base;

