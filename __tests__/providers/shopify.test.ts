// Shopify through the whole engine: the token goes to its own shop only, in X-Shopify-Access-Token;
// its scopes meet require-scopes; the shop setting admits myshopify.com hosts only; a throttle (with
// Shopify's decimal Retry-After) and a server error are no verdict. Answers: shopify.dev, cited in
// src/providers/shopify.ts.
import { describe, expect, it } from 'vitest';
import { runEngine, tokenSpec } from '../helpers/engine.js';
import { useMockAgent } from '../helpers/mock-agent.js';
import type { TokenSpec } from '../../src/config/types.js';
import { shopify } from '../../src/providers/shopify.js';

const mock = useMockAgent();
const TOKEN = `shpat_${'0123456789abcdef'.repeat(2)}`;
const SCOPES = { access_scopes: [{ handle: 'read_products' }, { handle: 'write_orders' }] };

async function run(overrides: Partial<TokenSpec> = {}, timeoutMs?: number) {
  const spec = tokenSpec('shopify', { token: 'SHOPIFY_TOKEN' }, { settings: { shop: 'acme.myshopify.com' }, ...overrides });
  return (await runEngine([spec], { SHOPIFY_TOKEN: TOKEN }, mock(), { timeoutMs })).token;
}

describe('shopify', () => {
  it('sends the token to its shop in X-Shopify-Access-Token, and names the shop and its scopes', async () => {
    const seen: string[] = [];
    mock()
      .get('https://acme.myshopify.com')
      .intercept({ path: '/admin/oauth/access_scopes.json', method: 'GET' })
      .reply((req) => {
        const headers = req.headers as Record<string, string>;
        seen.push(`${headers['x-shopify-access-token'] === TOKEN} ${headers.authorization ?? 'no authorization'}`);
        return { statusCode: 200, data: JSON.stringify(SCOPES), responseOptions: { headers: { 'content-type': 'application/json' } } };
      });
    const token = await run({ requireScopes: ['read_products'], allowScopes: ['read_products'] });
    expect(seen).toEqual(['true no authorization']);
    expect(token).toMatchObject({ status: 'warn', identity: 'acme.myshopify.com', host: 'acme.myshopify.com', scopes: ['read_products', 'write_orders'], extraScopes: ['write_orders'] });
  });

  it('turns a server error into unknown', async () => {
    mock().get('https://acme.myshopify.com').intercept({ path: '/admin/oauth/access_scopes.json', method: 'GET' }).reply(503, 'Service Unavailable');
    expect((await run({}, 100)).problems).toMatchObject([{ code: 'unexpected-response', message: expect.stringContaining('503') }]);
  });

  it('reports a throttle as such, reading its decimal Retry-After', async () => {
    mock()
      .get('https://acme.myshopify.com')
      .intercept({ path: '/admin/oauth/access_scopes.json', method: 'GET' })
      .reply(429, JSON.stringify({ errors: 'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.' }), { headers: { 'content-type': 'application/json', 'retry-after': '2.0' } })
      .persist();
    const started = Date.now();
    const token = await run();
    expect(token.problems).toMatchObject([{ code: 'rate-limited', message: expect.stringContaining('asks to wait 2 s') }]);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('sends the token to *.myshopify.com hosts only, and nowhere without a shop', () => {
    expect(shopify.fromSettings!({ shop: 'acme.myshopify.com' }).hosts).toEqual(['acme.myshopify.com']);
    for (const shop of ['acme.com', 'https://acme.myshopify.com', 'acme.myshopify.com.evil.example', 'ACME.myshopify.com', undefined]) {
      expect(shopify.fromSettings!({ shop }).hosts, String(shop)).toEqual([]);
    }
    const pattern = new RegExp((shopify.settings!.properties.shop as { pattern: string }).pattern);
    expect(['acme.myshopify.com', 'my-shop-2.myshopify.com'].every((shop) => pattern.test(shop))).toBe(true);
    expect(['acme.com', 'admin.shopify.com', 'x.myshopify.com/admin'].some((shop) => pattern.test(shop))).toBe(false);
  });
});
