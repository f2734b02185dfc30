// Heroku beyond its examples (src/providers/heroku.ts): the request itself, which the examples do
// not match on — GET /account with the version 3 Accept header and the token as a Bearer.
import { expect, it } from 'vitest';
import { runEngine, tokenSpec } from '../helpers/engine.js';
import { useMockAgent } from '../helpers/mock-agent.js';
import { heroku } from '../../src/providers/heroku.js';

const mock = useMockAgent();

it('asks GET /account with Accept: application/vnd.heroku+json; version=3 and the token as a Bearer', async () => {
  const token = `HRKU-AA${'a1B2c3'.repeat(9)}xyzz`;
  mock()
    .get('https://api.heroku.com')
    .intercept({ path: '/account', method: 'GET', headers: { accept: 'application/vnd.heroku+json; version=3', authorization: `Bearer ${token}` } })
    .reply(200, { id: '01234567-89ab-cdef-0123-456789abcdef', email: 'ops@example.com' }, { headers: { 'content-type': 'application/json' } });
  const run = await runEngine([tokenSpec('heroku', { token: 'HEROKU_API_KEY' })], { HEROKU_API_KEY: token }, mock());
  expect(run.token).toMatchObject({ status: 'ok', identity: 'ops@example.com', host: 'api.heroku.com' });
  expect(heroku.formats?.some((format) => format.test(token))).toBe(true);
});
