import { VERSION } from '../version.js';
import { dataProvider } from './declarative.js';

// Get Current User: https://discord.com/developers/docs/resources/user#get-current-user
// Authentication (`Authorization: Bot <token>`) and the User-Agent Discord asks of bots:
// https://discord.com/developers/docs/reference#authentication, #user-agent
// Status codes: https://discord.com/developers/docs/topics/opcodes-and-status-codes#http
// Rate limits (X-RateLimit-*, and Cloudflare bans of IPs that send too many 401/403/429):
// https://discord.com/developers/docs/topics/rate-limits
// (discord/discord-api-docs developers/resources/user.mdx, topics/rate-limits.mdx, reference.mdx)

/** The docs' "Example User" (developers/resources/user.mdx), trimmed, as a bot user answers it. */
const BOT_USER = {
  id: '80351110224678912',
  username: 'Nelly',
  global_name: null,
  discriminator: '1337',
  avatar: '8342729096ea3675442027381ff50dfe',
  bot: true,
  verified: true,
  flags: 64,
  public_flags: 64,
};

export const discord = dataProvider({
  id: 'discord',
  title: 'Discord (bot token)',
  ping: '`GET /api/v10/users/@me`',
  fields: [{ id: 'token', description: "a bot token (the application's Bot page)", rotates: true }],
  hosts: ['discord.com'],
  apiRoot: 'https://discord.com/api/v10/',
  can: { identity: true, scopes: false, expiry: false, mode: false, verifiesLeaks: true },
  // Three base64url parts: the bot's user id (a 17–20 digit snowflake, so M, N or O first), a
  // timestamp, an HMAC (27 characters in older tokens, 38 in newer ones).
  formats: [/^[MNO][A-Za-z0-9_-]{22,26}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}$/],
  http: {
    request: {
      url: 'users/@me',
      auth: { header: { name: 'authorization', value: 'Bot ${token}' } },
      headers: { 'user-agent': `DiscordBot (token-preflight, ${VERSION})` },
    },
    expect: { status: 200, json: { '$.id': { exists: true }, '$.username': { exists: true } } },
    outcomes: [
      { when: { status: 401 }, result: 'invalid', message: 'Discord refused the bot token (HTTP 401: unknown, reset, or not a bot token)' },
      {
        // users/@me needs no permission: a 403 is Discord or Cloudflare refusing this runner, not the token.
        when: { status: 403 },
        result: 'unexpected',
        message: 'Discord answered HTTP 403, which says nothing about the token (an IP address blocked after too many invalid requests?)',
      },
    ],
    extract: { kind: 'bot token', identity: '$.username', notes: [{ label: 'user id', from: '$.id' }] },
    ratelimit: { limit: 'x-ratelimit-limit', remaining: 'x-ratelimit-remaining', reset: 'x-ratelimit-reset', format: 'epoch-seconds' },
  },
  examples: [
    {
      name: 'a bot token',
      source: 'discord/discord-api-docs developers/resources/user.mdx ("Example User", bot: true); rate-limit headers from topics/rate-limits.mdx',
      response: {
        status: 200,
        headers: { 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '4', 'x-ratelimit-reset': '1470173023.123', 'x-ratelimit-bucket': 'abcd1234' },
        body: BOT_USER,
      },
      verdict: { outcome: 'valid', facts: { kind: 'bot token', identity: 'Nelly', notes: ['user id: 80351110224678912'], rateLimit: { limit: 5, remaining: 4 } } },
    },
    {
      name: 'an invalid token',
      source: 'discord/discord-api-docs#1499 and discord-php/DiscordPHP#238 (users/@me: HTTP 401, {"message": "401: Unauthorized", "code": 0})',
      response: { status: 401, body: { message: '401: Unauthorized', code: 0 } },
      verdict: { outcome: 'rejected', code: 'invalid' },
    },
    {
      name: 'a runner blocked by Cloudflare',
      source: 'discord/discord-api-docs topics/rate-limits.mdx ("Invalid Request Limit aka Cloudflare bans"); body hand-written',
      response: { status: 403, headers: { 'content-type': 'text/html' }, body: '<html>Access denied | discord.com used Cloudflare to restrict access</html>' },
      verdict: { outcome: 'unknown', code: 'unexpected-response' },
    },
    {
      name: 'throttled',
      source: 'discord/discord-api-docs topics/rate-limits.mdx ("Example Exceeded User Rate Limit Response")',
      response: {
        status: 429,
        headers: { 'retry-after': '65', 'x-ratelimit-limit': '10', 'x-ratelimit-remaining': '0', 'x-ratelimit-scope': 'user' },
        body: { message: 'You are being rate limited.', retry_after: 64.57, global: false },
      },
      verdict: { outcome: 'unknown', code: 'rate-limited' },
    },
  ],
});
