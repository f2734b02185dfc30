// PagerDuty through the whole engine: `Authorization: Token token=<key>`, the service region
// (a `region` setting, else US then EU), the mode it reports, and identity only for user tokens.
// Shapes: PagerDuty/api-schema reference/REST/openapiv3.json (see src/providers/pagerduty.ts).
import { describe, expect, it } from 'vitest';
import { runEngine, tokenSpec } from '../helpers/engine.js';
import { useMockAgent } from '../helpers/mock-agent.js';
import type { TokenSpec } from '../../src/config/types.js';
import { pagerduty } from '../../src/providers/pagerduty.js';
import { targetFor } from '../../src/run/target.js';

const mock = useMockAgent();
const KEY = 'u+SENTINEL012345678';
const US = 'https://api.pagerduty.com';
const EU = 'https://api.eu.pagerduty.com';
const ABILITIES = { abilities: ['teams', 'urgencies'] };
const ME = { user: { id: 'PXPGF42', type: 'user', name: 'Earline Greenholt', email: 'earline@example.com', role: 'admin' } };
const UNAUTHORIZED = { error: { message: 'Authentication failed', code: 2006 } };

/** Answers `path` on `origin`, recording each call as "origin path authorization accept". */
function answer(seen: string[], origin: string, path: string, status: number, body: object) {
  mock().get(origin).intercept({ path, method: 'GET' }).reply((req) => {
    const headers = req.headers as Record<string, string>;
    seen.push(`${origin}${req.path} ${headers.authorization} ${headers.accept}`);
    return { statusCode: status, data: JSON.stringify(body), responseOptions: { headers: { 'content-type': 'application/json' } } };
  });
}

async function run(overrides: Partial<TokenSpec> = {}) {
  return (await runEngine([tokenSpec('pagerduty', { token: 'PAGERDUTY_TOKEN' }, overrides)], { PAGERDUTY_TOKEN: KEY }, mock())).token;
}

describe('pagerduty', () => {
  it('sends "Token token=<key>" with the v2 Accept header, and names the user of a user token', async () => {
    const seen: string[] = [];
    answer(seen, US, '/abilities', 200, ABILITIES);
    answer(seen, US, '/users/me', 200, ME);
    const token = await run({ expectMode: 'us' });
    const headers = `Token token=${KEY} application/vnd.pagerduty+json;version=2`;
    expect(seen).toEqual([`${US}/abilities ${headers}`, `${US}/users/me ${headers}`]);
    expect(token).toMatchObject({ status: 'ok', kind: 'user API token', identity: 'earline@example.com', mode: 'us', notes: ['name: Earline Greenholt', 'role: admin'] });
  });

  it('with region: eu, asks only the EU host, and expect-mode: us catches it', async () => {
    const seen: string[] = [];
    answer(seen, EU, '/abilities', 200, ABILITIES);
    answer(seen, EU, '/users/me', 400, { error: { message: 'Because this request was made using an account-level access token, we were unable to determine the user', code: 2001 } });
    const token = await run({ settings: { region: 'eu' }, expectMode: 'us' });
    expect(seen.map((call) => call.split(' ')[0])).toEqual([`${EU}/abilities`, `${EU}/users/me`]);
    expect(token).toMatchObject({ kind: 'account-level API key', mode: 'eu' });
    expect(token.identity).toBeUndefined();
    expect(token.problems).toMatchObject([{ code: 'wrong-mode' }]);
  });

  it('with region: us, does not try the EU host after a 401, and says a key of the EU region is refused there', async () => {
    const seen: string[] = [];
    answer(seen, US, '/abilities', 401, UNAUTHORIZED);
    const token = await run({ settings: { region: 'us' } });
    expect(seen).toHaveLength(1);
    expect(token.problems).toMatchObject([{ code: 'invalid', message: expect.stringMatching(/in the US region \(HTTP 401: Authentication failed\).*a key of the EU region is refused there/) }]);
  });

  it('refuses a key only once both regions refused it', async () => {
    const seen: string[] = [];
    answer(seen, US, '/abilities', 401, UNAUTHORIZED);
    answer(seen, EU, '/abilities', 401, UNAUTHORIZED);
    const token = await run();
    expect(seen.map((call) => call.split(' ')[0])).toEqual([`${US}/abilities`, `${EU}/abilities`]);
    expect(token.problems).toMatchObject([{ code: 'invalid', message: expect.stringContaining('in the US and EU regions') }]);
  });

  it.each([
    ['a 404', 404, { error: { message: 'Not Found', code: 2100 } }],
    ['a 400 that does not name an account-level key', 400, { error: { message: 'Invalid Input Provided', code: 2001 } }],
  ])('keeps a key valid when /users/me answers %s, saying its user is unknown', async (_, status, body) => {
    const seen: string[] = [];
    answer(seen, US, '/abilities', 200, ABILITIES);
    answer(seen, US, '/users/me', status, body);
    const token = await run();
    expect(token).toMatchObject({ status: 'ok', mode: 'us', notes: [expect.stringContaining("the key's user is unknown")] });
    expect(token.identity).toBeUndefined();
    expect(token.kind).toBeUndefined();
  });

  it('lets a found secret reach both regions, and a configured region only its own', () => {
    expect(targetFor(pagerduty, { purpose: 'leak', env: {} }).hosts).toEqual(['api.pagerduty.com', 'api.eu.pagerduty.com']);
    expect(targetFor(pagerduty, { purpose: 'preflight', env: {}, settings: { region: 'eu' } })).toMatchObject({ hosts: ['api.eu.pagerduty.com'] });
  });
});
