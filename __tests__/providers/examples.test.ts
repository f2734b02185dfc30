// Every provider's example answers (recorded SDK responses and documented errors, cited in each
// provider's file) replayed through the real HTTP layer and the provider's own check.
import { describe, expect, it } from 'vitest';
import { useMockAgent } from '../helpers/mock-agent.js';
import { answersOf, intercept } from '../helpers/replay.mjs';
import { HttpClient } from '../../src/http/client.js';
import { composeRequest } from '../../src/http/compose.js';
import type { Answer, Credential, Example, Provider, Verdict } from '../../src/providers/provider.js';
import { PROVIDERS } from '../../src/providers/registry.js';
import { targetFor } from '../../src/run/target.js';

const mock = useMockAgent();
/** The user-defined provider has no answers of its own: its tests are in http.test.ts. */
const USER_DEFINED = new Set(['http']);

/** A credential of the provider's parts, each a distinct sentinel of a plausible length. */
function credentialOf(provider: Provider, example: Example): Credential {
  return example.credential ?? Object.fromEntries(provider.fields.filter((f) => !f.optional).map((field, i) => [field.id, `SENTINEL${i}${'x'.repeat(24)}`]));
}

async function check(provider: Provider, example: Example, credential: Credential, { timeoutMs = 2_000, delayMs = 0 } = {}): Promise<Verdict> {
  const secrets: string[] = [];
  const purpose = example.purpose ?? 'preflight';
  const http = new HttpClient({ dispatcher: mock(), timeoutMs, random: () => 0, maxAttempts: 1, onSecret: (v) => secrets.push(v) });
  const target = targetFor(provider, { purpose, env: {}, settings: example.settings });
  intercept(mock(), answersOf(provider, example, credential, target.base, composeRequest), { delayMs });
  const session = http.session({ base: target.base, hosts: target.hosts, credential, throttling: target.throttling });
  return provider.check(credential, { http: session, env: target.env, purpose, settings: example.settings ?? {} }).catch((error: { code: string; message: string }) => ({
    outcome: 'unknown' as const,
    code: error.code as never,
    message: error.message,
  }));
}

const replayed = PROVIDERS.filter((p) => !USER_DEFINED.has(p.id));

it('every built-in provider has example answers, and says what its check asks and where it goes', () => {
  expect(replayed.filter((p) => !p.examples?.length).map((p) => p.id)).toEqual([]);
  expect(PROVIDERS.filter((p) => !p.ping).map((p) => p.id)).toEqual([]);
  expect(PROVIDERS.filter((p) => p.hosts.length === 0 && !p.hostsFrom).map((p) => p.id)).toEqual([]);
  // The leak scan finds a secret by its provider's formats: one that verifies leaks has them, anchored.
  expect(PROVIDERS.filter((p) => p.can.verifiesLeaks && !p.formats?.length).map((p) => p.id)).toEqual([]);
  const loose = PROVIDERS.flatMap((p) => (p.formats ?? []).filter((f) => !f.source.startsWith('^') || !f.source.endsWith('$')).map((f) => `${p.id}: ${f.source}`));
  expect(loose).toEqual([]);
});

const PORTAL = { status: 200, headers: { 'content-type': 'text/html' }, body: '<html><form action="/login">Sign in to the network</form></html>' };

for (const provider of replayed) {
  const examples = provider.examples ?? [];
  describe(`${provider.id}: example answers`, () => {
    it('has examples for a working credential, a refused one and an answer that proves nothing, each with its source', () => {
      const outcomes = examples.map((e) => e.verdict.outcome);
      expect(outcomes).toEqual(expect.arrayContaining(['valid', 'rejected', 'unknown']));
      for (const example of examples) expect(example.source.trim(), example.name).not.toBe('');
    });

    // The failures every provider's check must survive, whatever its dialect: each answer of its
    // first working example replaced by one that proves nothing about the credential.
    const working = examples.find((e) => e.verdict.outcome === 'valid' && (e.response || e.responses?.length));
    const instead = (answer: Partial<Answer> & { delayMs?: number }): Example => ({
      ...working!,
      response: working!.response && { ...working!.response, headers: {}, ...answer },
      responses: working!.responses?.map((r) => ({ ...r, headers: {}, ...answer })),
    });
    const failures: Array<[string, Partial<Answer> & { delayMs?: number }, (v: Verdict) => void]> = [
      ['a 200 that is an HTML page (a captive portal, a proxy login)', PORTAL, (v) => expect(v.outcome).not.toBe('valid')],
      ['a 200 whose JSON is cut off', { status: 200, body: '{"ok": tr' }, (v) => expect(v.outcome).not.toBe('valid')],
      ['a 503', { status: 503, body: 'Service Unavailable' }, (v) => expect(v).toMatchObject({ outcome: 'unknown', code: 'unexpected-response' })],
      ['a 429 with Retry-After', { status: 429, headers: { 'retry-after': '1' }, body: '{}' }, (v) => expect(v).toMatchObject({ outcome: 'unknown', code: 'rate-limited' })],
      ['a redirect to another host', { status: 302, headers: { location: 'https://evil.example.net/collect' }, body: '' }, (v) => expect(v).toMatchObject({ outcome: 'unknown', code: 'unexpected-response' })],
      ['no answer within the time-out', { status: 200, body: '{}', delayMs: 1_000 }, (v) => expect(v).toMatchObject({ outcome: 'unknown', code: 'unreachable' })],
    ];
    it.skipIf(!working).each(failures)('survives %s: never valid, and says why', async (_, answer, judgeVerdict) => {
      const { delayMs, ...reply } = answer;
      const example = instead(reply);
      const credential = credentialOf(provider, working!);
      const verdict = await check(provider, example, credential, delayMs ? { timeoutMs: 150, delayMs } : {});
      judgeVerdict(verdict);
      for (const value of Object.values(credential)) expect(JSON.stringify(verdict)).not.toContain(value);
    });

    // A secret found by the leak scan goes through the same check, with no settings and no environment.
    const leakable = provider.can.verifiesLeaks && examples.find((e) => e.verdict.outcome === 'valid' && !e.settings && (e.purpose ?? 'preflight') === 'preflight');
    it.skipIf(!leakable)('verifies a found secret with the same check: its working example is live', async () => {
      const example: Example = { ...(leakable as Example), purpose: 'leak' };
      const verdict = await check(provider, example, credentialOf(provider, example));
      expect(verdict.outcome, JSON.stringify(verdict)).toBe('valid');
    });

    it.each(examples.map((e) => [e.name, e] as const))('%s', async (_, example) => {
      const credential = credentialOf(provider, example);
      const verdict = await check(provider, example, credential);
      expect(verdict.outcome, JSON.stringify(verdict)).toBe(example.verdict.outcome);
      if (example.verdict.code) expect('code' in verdict && verdict.code).toBe(example.verdict.code);
      if (example.verdict.facts) expect(verdict.outcome === 'valid' && verdict.facts).toMatchObject(example.verdict.facts);
      // Every answer the example gives was asked for.
      mock().assertNoPendingInterceptors();
      // Whatever the answer, the message and facts never carry the credential.
      for (const value of Object.values(credential)) expect(JSON.stringify(verdict)).not.toContain(value);
    });
  });
}
