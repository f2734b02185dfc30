// Every data provider's example answers (recorded SDK responses and documented errors, cited in
// each provider's file) replayed through the real HTTP layer and the provider's own check.
import { describe, expect, it } from 'vitest';
import { useMockAgent } from '../helpers/mock-agent.js';
import { HttpClient } from '../../src/http/client.js';
import { composeRequest } from '../../src/http/compose.js';
import type { DataProvider } from '../../src/providers/declarative.js';
import type { Credential, Verdict } from '../../src/providers/provider.js';
import { PROVIDERS } from '../../src/providers/registry.js';
import { targetFor } from '../../src/run/target.js';

const mock = useMockAgent();
const dataProviders = PROVIDERS.filter((p): p is DataProvider => 'examples' in p);

/** A credential of the provider's parts, each a distinct sentinel of a plausible length. */
function credentialOf(provider: DataProvider): Credential {
  return Object.fromEntries(provider.fields.map((field, i) => [field.id, `SENTINEL${i}${'x'.repeat(24)}`]));
}

async function check(provider: DataProvider, credential: Credential): Promise<Verdict> {
  const http = new HttpClient({ dispatcher: mock(), timeoutMs: 2_000, random: () => 0, maxAttempts: 1 });
  const target = targetFor(provider, { purpose: 'preflight', env: {} });
  const session = http.session({ base: target.base, hosts: target.hosts, credential, throttling: target.throttling });
  return provider.check(credential, { http: session, env: target.env, purpose: 'preflight', settings: {} }).catch((error: { code: string; message: string }) => ({
    outcome: 'unknown' as const,
    code: error.code as never,
    message: error.message,
  }));
}

it('there are data providers to replay', () => {
  expect(dataProviders.map((p) => p.id)).toContain('twilio');
});

for (const provider of dataProviders) {
  describe(`${provider.id}: example answers`, () => {
    it('has examples for a working credential, a refused one and an answer that proves nothing', () => {
      const outcomes = provider.examples.map((e) => e.verdict.outcome);
      expect(outcomes).toEqual(expect.arrayContaining(['valid', 'rejected', 'unknown']));
      for (const example of provider.examples) expect(example.source, example.name).not.toBe('');
    });

    it.each(provider.examples.map((e) => [e.name, e] as const))('%s', async (_, example) => {
      const credential = credentialOf(provider);
      const target = targetFor(provider, { purpose: 'preflight', env: {} });
      const { url, method } = composeRequest(provider.http.request, target.base, { credential });
      const body = typeof example.response.body === 'string' ? example.response.body : JSON.stringify(example.response.body);
      mock()
        .get(url.origin)
        .intercept({ path: `${url.pathname}${url.search}`, method })
        .reply(example.response.status, body, { headers: { 'content-type': 'application/json', ...example.response.headers } });
      const verdict = await check(provider, credential);
      expect(verdict.outcome, JSON.stringify(verdict)).toBe(example.verdict.outcome);
      if (example.verdict.code) expect('code' in verdict && verdict.code).toBe(example.verdict.code);
      if (example.verdict.facts) expect(verdict.outcome === 'valid' && verdict.facts).toMatchObject(example.verdict.facts);
      // Whatever the answer, the message and facts never carry the credential.
      for (const value of Object.values(credential)) expect(JSON.stringify(verdict)).not.toContain(value);
    });
  });
}
