// Discord through the whole engine: `Authorization: Bot <token>` with the User-Agent Discord asks
// of bots, the rate-limit headers, and a 403 (Cloudflare) that is no verdict on the token.
// Shapes: discord/discord-api-docs developers/resources/user.mdx, topics/rate-limits.mdx.
import { describe, expect, it } from 'vitest';
import { runEngine, tokenSpec } from '../helpers/engine.js';
import { useMockAgent } from '../helpers/mock-agent.js';

const mock = useMockAgent();
const TOKEN = 'MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.SENTINELm1XVW7vRze4b7Cq4se7k';
const USER = { id: '198622483471925248', username: 'deploy-bot', global_name: null, discriminator: '0', avatar: null, bot: true, flags: 0 };

function discord(status: number, body: object | string, headers: Record<string, string> = {}) {
  const seen: Array<Record<string, string>> = [];
  mock().get('https://discord.com').intercept({ path: '/api/v10/users/@me', method: 'GET' }).reply((req) => {
    seen.push(req.headers as Record<string, string>);
    return { statusCode: status, data: typeof body === 'string' ? body : JSON.stringify(body), responseOptions: { headers: { 'content-type': 'application/json', ...headers } } };
  });
  return seen;
}

async function run() {
  return (await runEngine([tokenSpec('discord', { token: 'DISCORD_TOKEN' })], { DISCORD_TOKEN: TOKEN }, mock())).token;
}

describe('discord', () => {
  it('sends the token as "Bot <token>" with a DiscordBot User-Agent, and reads the rate limit', async () => {
    const seen = discord(200, USER, { 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '4', 'x-ratelimit-reset': '1767225600.5' });
    const token = await run();
    expect(seen[0]).toMatchObject({ authorization: `Bot ${TOKEN}`, 'user-agent': expect.stringMatching(/^DiscordBot \(/) });
    expect(token).toMatchObject({ status: 'ok', identity: 'deploy-bot', notes: ['user id: 198622483471925248'], rateLimit: { limit: 5, remaining: 4, resetAt: '2026-01-01T00:00:00.500Z' } });
  });

  it('calls a 401 invalid', async () => {
    discord(401, { message: '401: Unauthorized', code: 0 });
    const token = await run();
    expect(token.problems).toMatchObject([{ code: 'invalid' }]);
  });

  it('does not call a 403 (a blocked runner) invalid', async () => {
    discord(403, '<html>Access denied</html>', { 'content-type': 'text/html' });
    const token = await run();
    expect(token.problems).toMatchObject([{ code: 'unexpected-response', message: expect.stringContaining('says nothing about the token') }]);
  });
});
