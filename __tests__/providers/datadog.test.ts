// Datadog through the whole engine: its site setting (one host per site, every site refusing the keys
// of the others with 403), the application key, rate-limit headers, a found key tried on several
// sites, and formats that leave bare hex alone. Answers: docs.datadoghq.com validate pages and the cassettes cited in src/providers/datadog.ts.
import { describe, expect, it } from 'vitest';
import { runEngine, tokenSpec } from '../helpers/engine.js';
import { useMockAgent } from '../helpers/mock-agent.js';
import { configSchema } from '../../src/config/schema.js';
import type { TokenSpec } from '../../src/config/types.js';
import { HttpClient } from '../../src/http/client.js';
import { atlassian } from '../../src/providers/atlassian.js';
import { datadog } from '../../src/providers/datadog.js';
import { targetFor } from '../../src/run/target.js';

const mock = useMockAgent();
const API_KEY = '0123456789abcdef0123456789abcdef';
const APP_KEY = 'fedcba9876543210fedcba9876543210fedcba98';
const FORBIDDEN = { errors: ['Forbidden'] };

const spec = (overrides: Partial<TokenSpec> = {}) => tokenSpec('datadog', { 'api-key': 'DD_API_KEY' }, overrides);

/** Each site accepts the keys listed for it and refuses any other with 403, as Datadog does. */
function sites(accepted: Record<string, { apiKey: string; appKey?: string }>, headers: Record<string, string> = {}) {
  const seen: string[] = [];
  for (const host of datadog.hosts) {
    const site = host.slice('api.'.length);
    mock()
      .get(`https://${host}`)
      .intercept({ path: /^\/api\/v[12]\/validate(_keys)?$/, method: 'GET' })
      .reply((req) => {
        const h = req.headers as Record<string, string>;
        seen.push(`${host}${req.path}`);
        const keys = accepted[site];
        const both = req.path.endsWith('validate_keys');
        const ok = keys !== undefined && keys.apiKey === h['dd-api-key'] && (!both || (keys.appKey !== undefined && keys.appKey === h['dd-application-key']));
        const body = !ok ? FORBIDDEN : both ? { status: 'ok' } : { valid: true };
        return { statusCode: ok ? 200 : 403, data: JSON.stringify(body), responseOptions: { headers: { 'content-type': 'application/json', ...headers } } };
      })
      .persist();
  }
  return seen;
}

async function run(tokens: TokenSpec[], env: Record<string, string>, timeoutMs?: number) {
  return (await runEngine(tokens, env, mock(), { timeoutMs })).token;
}

describe('datadog', () => {
  it('checks the key on its own site only, and reads the rate-limit headers', async () => {
    const seen = sites({ 'datadoghq.eu': { apiKey: API_KEY } }, { 'x-ratelimit-limit': '3000', 'x-ratelimit-remaining': '2999', 'x-ratelimit-reset': '17' });
    const token = await run([spec({ settings: { site: 'datadoghq.eu' }, expectMode: 'datadoghq.eu' })], { DD_API_KEY: API_KEY });
    expect(seen).toEqual(['api.datadoghq.eu/api/v1/validate']);
    expect(token).toMatchObject({ status: 'ok', kind: 'API key', mode: 'datadoghq.eu', host: 'api.datadoghq.eu', rateLimit: { limit: 3000, remaining: 2999 } });
    expect(Date.parse(token.rateLimit!.resetAt!) - Date.now()).toBeGreaterThan(10_000);
  });

  it("says a 403 may mean a key of another site, naming the default site when none is set", async () => {
    const seen = sites({ 'us5.datadoghq.com': { apiKey: API_KEY } });
    const token = await run([spec()], { DD_API_KEY: API_KEY });
    expect(seen).toEqual(['api.datadoghq.com/api/v1/validate']);
    expect(token.problems).toMatchObject([{ code: 'invalid', message: expect.stringMatching(/datadoghq\.com, the default site,.*another Datadog site.*set site:/) }]);
  });

  it('checks an application key along with the API key', async () => {
    const seen = sites({ 'datadoghq.com': { apiKey: API_KEY, appKey: APP_KEY } });
    const token = await run([spec({ secret: { 'api-key': 'DD_API_KEY', 'app-key': 'DD_APP_KEY' } })], { DD_API_KEY: API_KEY, DD_APP_KEY: APP_KEY });
    expect(seen).toEqual(['api.datadoghq.com/api/v2/validate_keys']);
    expect(token).toMatchObject({ status: 'ok', kind: 'API key and application key' });
  });

  it('tells a refused application key from a refused API key', async () => {
    const seen = sites({ 'datadoghq.com': { apiKey: API_KEY, appKey: 'another-application-key-0000000000000000' } });
    const token = await run([spec({ secret: { 'api-key': 'DD_API_KEY', 'app-key': 'DD_APP_KEY' } })], { DD_API_KEY: API_KEY, DD_APP_KEY: APP_KEY });
    expect(seen).toEqual(['api.datadoghq.com/api/v2/validate_keys', 'api.datadoghq.com/api/v1/validate']);
    expect(token.problems).toMatchObject([{ code: 'invalid', message: expect.stringContaining('accepts the API key but refused the application key') }]);
  });

  it('waits as X-RateLimit-Reset says when throttled, and reports the throttle', async () => {
    mock()
      .get('https://api.datadoghq.com')
      .intercept({ path: '/api/v1/validate', method: 'GET' })
      .reply(429, JSON.stringify({ errors: ['Rate limit exceeded'] }), { headers: { 'content-type': 'application/json', 'x-ratelimit-reset': '60' } })
      .persist();
    const started = Date.now();
    const token = await run([spec()], { DD_API_KEY: API_KEY });
    expect(token.problems).toMatchObject([{ code: 'rate-limited', message: expect.stringContaining('asks to wait 60 s') }]);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('tries a found key on four sites, one request each, and never calls it refused', async () => {
    const seen = sites({});
    const verdict = await checkFound();
    expect(seen).toEqual(['api.datadoghq.com', 'api.datadoghq.eu', 'api.us3.datadoghq.com', 'api.us5.datadoghq.com'].map((host) => `${host}/api/v1/validate`));
    expect(verdict).toMatchObject({ outcome: 'unknown', message: expect.stringContaining('ap1.datadoghq.com') });
  });

  it('names the site where a found key is live', async () => {
    const seen = sites({ 'us3.datadoghq.com': { apiKey: API_KEY } });
    expect(await checkFound()).toMatchObject({ outcome: 'valid', facts: { mode: 'us3.datadoghq.com' } });
    expect(seen).toHaveLength(3);
  });

  it('turns a server error into unknown', async () => {
    mock().get('https://api.datadoghq.com').intercept({ path: '/api/v1/validate', method: 'GET' }).reply(503, 'Service Unavailable');
    const token = await run([spec()], { DD_API_KEY: API_KEY }, 100);
    expect(token.problems).toMatchObject([{ code: 'unexpected-response', message: expect.stringContaining('503') }]);
  });

  it('recognizes prefixed application keys only, not every MD5 digest or git commit id', () => {
    const known = (value: string) => datadog.formats!.some((format) => format.test(value));
    expect(known(`ddapp_${'Ab3_'.repeat(8)}xy`)).toBe(true);
    expect([API_KEY, APP_KEY].map(known)).toEqual([false, false]);
  });

  it('sends a key to api.<site> hosts only', () => {
    expect(datadog.fromSettings!({}).hosts[0]).toBe('api.datadoghq.com');
    expect(datadog.fromSettings!({}).hosts).toHaveLength(9);
    expect(datadog.fromSettings!({ site: 'ddog-gov.com' }).hosts).toEqual(['api.ddog-gov.com']);
    expect(datadog.fromSettings!({ site: 'evil.example.com' }).hosts).toEqual([]);
  });

  it("keeps each provider's own schema for a setting two providers call site", () => {
    const rules = (configSchema().definitions.token.allOf as Array<{ if: { properties: { provider: { const: string } } }; then: { properties: Record<string, unknown> } }>).map(
      (rule) => [rule.if.properties.provider.const, rule.then.properties.site] as const,
    );
    const site = Object.fromEntries(rules);
    expect(site.datadog).toEqual(datadog.settings!.properties.site);
    expect(site.atlassian).toEqual(atlassian.settings!.properties.site);
    expect(site.github).toBe(false);
  });
});

async function checkFound() {
  const http = new HttpClient({ dispatcher: mock(), timeoutMs: 2_000, maxAttempts: 1 });
  const target = targetFor(datadog, { purpose: 'leak', env: {} });
  const session = http.session({ base: target.base, hosts: target.hosts, credential: { 'api-key': API_KEY }, throttling: target.throttling });
  return datadog.check({ 'api-key': API_KEY }, { http: session, env: {}, purpose: 'leak', settings: {} }).catch((error: { code: string; message: string }) => ({ outcome: 'unknown', ...error, message: error.message }));
}
