// Mailgun's two regions through the whole engine: a configured `region` sends the key to that
// region's host only; without one, a 401 from the US host is not taken as a refusal until the EU
// host refused it too. Answer shapes: mailgun/mailgun-ruby vcr_cassettes (see src/providers/mailgun.ts).
import { describe, expect, it } from 'vitest';
import { runEngine, tokenSpec } from '../helpers/engine.js';
import { useMockAgent } from '../helpers/mock-agent.js';
import type { TokenSpec } from '../../src/config/types.js';
import { mailgun } from '../../src/providers/mailgun.js';

const mock = useMockAgent();
const KEY = `${'0123456789abcdef'.repeat(2)}-5e71e7e1-5e71e7e1`;
const DOMAINS = { total_count: 1, items: [{ name: 'mg.example.com', state: 'active', type: 'custom' }] };

/** Each region's host answers GET /v4/domains as given (a region not given has no interceptor: a request there fails the test). */
function regions(answers: { us?: number; eu?: number }) {
  const seen: string[] = [];
  for (const [region, origin] of [['us', 'https://api.mailgun.net'], ['eu', 'https://api.eu.mailgun.net']] as const) {
    const status = answers[region];
    if (status === undefined) continue;
    mock().get(origin).intercept({ path: '/v4/domains?limit=1&sort=name', method: 'GET' }).reply((req) => {
      seen.push(`${region} ${Buffer.from(String((req.headers as Record<string, string>).authorization).replace(/^Basic /, ''), 'base64').toString()}`);
      return status === 200
        ? { statusCode: 200, data: JSON.stringify(DOMAINS), responseOptions: { headers: { 'content-type': 'application/json' } } }
        : { statusCode: status, data: 'Forbidden', responseOptions: { headers: { 'content-type': 'text/plain; charset=utf-8' } } };
    });
  }
  return seen;
}

const spec = (settings: Record<string, unknown> = {}, overrides: Partial<TokenSpec> = {}) => tokenSpec('mailgun', { token: 'MAILGUN_API_KEY' }, { settings, ...overrides });

async function run(token: TokenSpec) {
  return (await runEngine([token], { MAILGUN_API_KEY: KEY }, mock())).token;
}

describe('mailgun', () => {
  it('sends the key as Basic api:<key> to the US host, and names the first domain', async () => {
    const seen = regions({ us: 200 });
    const token = await run(spec());
    expect(seen).toEqual([`us api:${KEY}`]);
    expect(token).toMatchObject({ status: 'ok', identity: 'mg.example.com', mode: 'us', notes: ['1 domain'], host: 'api.mailgun.net' });
  });

  it('finds a key of the EU region when no region is set, so expect-mode: us catches it', async () => {
    const seen = regions({ us: 401, eu: 200 });
    const token = await run(spec({}, { expectMode: 'us' }));
    expect(seen).toEqual([`us api:${KEY}`, `eu api:${KEY}`]);
    expect(token).toMatchObject({ mode: 'eu', problems: [{ code: 'wrong-mode', message: 'is in mode "eu", expected "us"' }] });
  });

  it('with region: eu, asks the EU host only, and a refusal there points at the setting', async () => {
    const seen = regions({ eu: 401 });
    const token = await run(spec({ region: 'eu' }));
    expect(seen).toEqual([`eu api:${KEY}`]);
    expect(token.problems).toMatchObject([{ code: 'invalid', message: expect.stringMatching(/refused the key in the EU region \(HTTP 401: Forbidden\); a key of the US region is refused there: check `region`/) }]);
  });

  it('calls a key refused only when both regions refused it', async () => {
    regions({ us: 401, eu: 401 });
    const token = await run(spec());
    expect(token.problems).toMatchObject([{ code: 'invalid', message: expect.stringContaining('in the US and EU regions') }]);
  });

  it('routes by region: both hosts when none is set (a found secret), one when it is', () => {
    expect(mailgun.fromSettings!({})).toEqual({ hosts: ['api.mailgun.net', 'api.eu.mailgun.net'] });
    expect(mailgun.fromSettings!({ region: 'us' })).toEqual({ hosts: ['api.mailgun.net'] });
    expect(mailgun.fromSettings!({ region: 'eu' })).toEqual({ hosts: ['api.eu.mailgun.net'] });
  });
});
