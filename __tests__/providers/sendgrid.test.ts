// SendGrid through the whole engine: the key's own scopes (GET /v3/scopes) against require-scopes
// and allow-scopes, its rate limit, and the EU host of regional subusers. Answer shapes:
// twilio/sendgrid-oai spec/json/tsg_scopes_v3.json (see src/providers/sendgrid.ts).
import { describe, expect, it } from 'vitest';
import { runEngine, tokenSpec } from '../helpers/engine.js';
import { useMockAgent } from '../helpers/mock-agent.js';
import type { TokenSpec } from '../../src/config/types.js';

const mock = useMockAgent();
const KEY = `SG.SENTINELsendgrid012345.${'SENTINELsendgridSECRET0123456789abcdefghij'}k`;

function answer(origin: string, status: number, body: object, headers: Record<string, string> = {}) {
  const seen: string[] = [];
  mock().get(origin).intercept({ path: '/v3/scopes', method: 'GET' }).reply((req) => {
    seen.push(String((req.headers as Record<string, string>).authorization));
    return { statusCode: status, data: JSON.stringify(body), responseOptions: { headers: { 'content-type': 'application/json', ...headers } } };
  });
  return seen;
}

const spec = (overrides: Partial<TokenSpec> = {}) => tokenSpec('sendgrid', { token: 'SENDGRID_API_KEY' }, overrides);

async function run(token: TokenSpec) {
  return (await runEngine([token], { SENDGRID_API_KEY: KEY }, mock())).token;
}

describe('sendgrid', () => {
  it('reads the key’s scopes with a Bearer header, and checks them against require-scopes and allow-scopes', async () => {
    const seen = answer('https://api.sendgrid.com', 200, { scopes: ['mail.send', 'api_keys.read'] }, { 'x-ratelimit-limit': '600', 'x-ratelimit-remaining': '12' });
    const token = await run(spec({ requireScopes: ['mail.send', 'stats.read'], allowScopes: ['mail.send', 'stats.read'] }));
    expect(seen).toEqual([`Bearer ${KEY}`]);
    expect(token).toMatchObject({ scopes: ['mail.send', 'api_keys.read'], mode: 'global', rateLimit: { limit: 600, remaining: 12 } });
    expect(token.problems.map((p) => p.code)).toEqual(['insufficient-scope', 'excess-scope']);
  });

  it('with region: global, never sends the key to the EU host, and a refusal points at the setting', async () => {
    answer('https://api.sendgrid.com', 401, { errors: [{ field: null, message: 'authorization required' }] });
    const token = await run(spec({ settings: { region: 'global' } }));
    expect(token.problems).toMatchObject([{ code: 'invalid', message: expect.stringMatching(/in the global region \(HTTP 401: authorization required\).*a key of the EU region is refused there: check `region`/) }]);
  });

  it('with region: eu, asks the EU host', async () => {
    const seen = answer('https://api.eu.sendgrid.com', 200, { scopes: ['mail.send'] });
    const token = await run(spec({ settings: { region: 'eu' }, expectMode: 'eu' }));
    expect(seen).toHaveLength(1);
    expect(token).toMatchObject({ status: 'ok', mode: 'eu', host: 'api.eu.sendgrid.com' });
  });

  it('does not call a key refused for a 403: SendGrid answers that to known keys that lack a permission', async () => {
    answer('https://api.sendgrid.com', 403, { errors: [{ field: null, message: 'access forbidden' }] });
    const token = await run(spec());
    expect(token.problems).toMatchObject([{ code: 'unexpected-response', message: expect.stringContaining('access forbidden') }]);
  });
});
