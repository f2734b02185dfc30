// Notion through the whole engine: the Bearer token with the Notion-Version header the API
// requires (without it Notion answers 400 missing_version). Answer recorded in ramnes/notion-sdk-py
// tests/cassettes/test_users_me.yaml (see src/providers/notion.ts).
import { describe, expect, it } from 'vitest';
import { runEngine, tokenSpec } from '../helpers/engine.js';
import { useMockAgent } from '../helpers/mock-agent.js';

const mock = useMockAgent();
const TOKEN = `ntn_12345678901SENTINEL${'x'.repeat(27)}`;
const BOT = { object: 'user', id: '7775f3a3-893f-43fa-b625-460c61094c78', name: 'release-notes', type: 'bot', bot: { owner: { type: 'workspace', workspace: true }, workspace_name: 'Acme' } };

describe('notion', () => {
  it('sends the token as Bearer with a Notion-Version, and names the bot and its workspace', async () => {
    const seen: Array<Record<string, string>> = [];
    mock().get('https://api.notion.com').intercept({ path: '/v1/users/me', method: 'GET' }).reply((req) => {
      seen.push(req.headers as Record<string, string>);
      return { statusCode: 200, data: JSON.stringify(BOT), responseOptions: { headers: { 'content-type': 'application/json' } } };
    });
    const { token } = await runEngine([tokenSpec('notion', { token: 'NOTION_TOKEN' })], { NOTION_TOKEN: TOKEN }, mock());
    expect(seen[0]).toMatchObject({ authorization: `Bearer ${TOKEN}`, 'notion-version': expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(token).toMatchObject({ status: 'ok', identity: 'release-notes', notes: ['workspace: Acme', 'owner: workspace'] });
  });
});
