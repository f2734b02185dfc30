// The one time budget of a call, against a proxy (and a server behind it) that stalls at each
// stage: connect, proxy tunnel, TLS, headers, body. Real sockets on 127.0.0.1 through the real
// dispatcher (createDispatcher with HTTPS_PROXY), never the network. Broken (not stalled) answers
// are in broken-answers.test.ts.
import { describe, expect, it } from 'vitest';
import type { TokenSpec } from '../../src/config/types.js';
import { closeQuietly, createDispatcher } from '../../src/http/dispatcher.js';
import { runPreflight } from '../../src/run/run.js';
import { runCalls as run, SLACK_MS, trustTestCa } from '../helpers/stalled-calls.js';
import { OK_BODY, startStallingProxy, type Stage } from '../helpers/stalling-proxy.js';
import { githubToken } from '../providers/github-fixtures.js';

trustTestCa();

const STALLS: Array<[string, Stage]> = [
  ['(a) a proxy that never answers CONNECT', 'connect-silent'],
  ['(b) a tunnel where TLS never starts', 'tls-silent'],
  ['(c) a server that never sends the headers', 'headers-silent'],
  ['(d) a server that sends the headers and never the body', 'body-stall'],
];

describe('a stall at any stage costs one budget, in parallel, and holds nothing', () => {
  // The four stages side by side (each its own proxy and dispatcher): the calls only wait.
  it.concurrent.for(STALLS)('%s: 8 calls fail within one 1.5 s budget together, each naming the host and the budget', async ([, stage], t) => {
    const { outcomes, totalMs, proxy } = await run(t, { plan: [stage] }, { calls: 8, timeoutMs: 1_500 });
    for (const outcome of outcomes) {
      expect(outcome.error).toMatchObject({ code: 'unreachable', message: 'api.github.com did not answer within 1.5 s' });
      expect(outcome.ms).toBeGreaterThanOrEqual(1_450);
      expect(outcome.ms).toBeLessThan(1_500 + SLACK_MS);
    }
    // In parallel: eight tunnels at once, and about one budget in all, not eight.
    expect(proxy.connects).toHaveLength(8);
    expect(totalMs).toBeLessThan(1_500 + SLACK_MS);
    // Destroyed at the end (closeQuietly), the dispatcher lets go of every connection at once.
    await proxy.idle(500);
  });

  it.concurrent.for(STALLS)('%s: the dispatcher itself closes the stalled connection soon after the budget, even if never destroyed', async ([, stage], t) => {
    const { proxy } = await run(t, { plan: [stage] }, { calls: 2, timeoutMs: 1_000, keep: true });
    // The call gave up at 1 s; the connection it abandoned must not live on for minutes (undici's
    // 300 s headers time-out, its 10 s connect time-out), holding the process.
    await proxy.idle(1_000 + 1_000);
  });

  it('more tokens than concurrency: 16 stalled calls, 8 at a time, take two budgets, and none waits behind an abandoned connection', async (t) => {
    const { outcomes, totalMs, proxy } = await run(t, { plan: ['connect-silent'] }, { calls: 16, concurrency: 8, timeoutMs: 1_000 });
    for (const outcome of outcomes) {
      expect(outcome.error).toMatchObject({ code: 'unreachable', message: 'api.github.com did not answer within 1 s' });
      expect(outcome.ms).toBeLessThan(1_000 + SLACK_MS);
    }
    // Every call got its own attempt at the proxy, rather than queueing behind a stalled one.
    expect(proxy.connects).toHaveLength(16);
    expect(totalMs).toBeLessThan(2 * 1_000 + SLACK_MS);
  });

  it("undici's own stage time-out, firing just before the budget (its timers are coarse), is reported as the budget's", async (t) => {
    // The dispatcher's headers time-out fires at ~0.8–1.3 s of a 1.5 s budget: the budget is as good as spent.
    const { outcomes } = await run(t, { plan: ['headers-silent'] }, { calls: 1, timeoutMs: 1_500, dispatcherTimeoutMs: 800 });
    expect(outcomes[0]!.error).toMatchObject({ code: 'unreachable', message: 'api.github.com did not answer within 1.5 s' });
    expect(outcomes[0]!.ms).toBeLessThan(1_450);
  });

  it('calls that get answers are not held up by the stalled ones beside them', async (t) => {
    // Every other tunnel never gets its TLS handshake; the others answer at once.
    const { outcomes, totalMs } = await run(t, { plan: ['tls-silent', 'ok', 'tls-silent', 'ok', 'tls-silent', 'ok', 'tls-silent', 'ok'] }, { calls: 8, timeoutMs: 1_000 });
    const answered = outcomes.filter((o) => o.response);
    const stalled = outcomes.filter((o) => o.error);
    expect(answered).toHaveLength(4);
    expect(stalled).toHaveLength(4);
    for (const outcome of answered) {
      expect(outcome.response).toMatchObject({ status: 200, body: OK_BODY, attempts: 1 });
      expect(outcome.ms).toBeLessThan(500);
    }
    for (const outcome of stalled) expect(outcome.error).toMatchObject({ code: 'unreachable', message: 'api.github.com did not answer within 1 s' });
    expect(totalMs).toBeLessThan(1_000 + SLACK_MS);
  });
});

describe('connections are not capped, and kept-alive tunnels are still reused', () => {
  it('12 calls, 3 at a time, against a quick proxy: at most 3 tunnels', async (t) => {
    const { outcomes, proxy } = await run(t, { plan: ['ok'], delayMs: 20 }, { calls: 12, concurrency: 3 });
    expect(outcomes.every((o) => o.response?.status === 200)).toBe(true);
    expect(proxy.requests).toHaveLength(12);
    // A call after a finished one takes its tunnel instead of opening (and paying TLS for) another.
    expect(proxy.connects.length).toBeLessThanOrEqual(3);
  });
});

describe('proxy credentials', () => {
  it('are sent to the proxy and never appear in what a failure says', async (t) => {
    const { outcomes, proxy } = await run(t, { plan: ['connect-silent'] }, { calls: 2, timeoutMs: 500, proxyUser: 'someone:pr0xy-s3cret' });
    expect(proxy.proxyAuthorizations[0]).toBe(`Basic ${Buffer.from('someone:pr0xy-s3cret').toString('base64')}`);
    for (const outcome of outcomes) {
      expect(outcome.error?.code).toBe('unreachable');
      expect(outcome.error?.message).not.toContain('pr0xy-s3cret');
      expect(outcome.error?.message).not.toContain('someone');
    }
  });
});

describe('the run as a whole', () => {
  // The two cases: a proxy that never answers CONNECT (held the run 5 minutes), and one that
  // never does TLS (10.5 s per token, one token at a time). The other stages are covered above.
  it.concurrent.for(STALLS.slice(0, 2))('%s: 8 GitHub tokens, concurrency 8, a 1 s time-out: the run takes one budget, each token unreachable', async ([, stage], t) => {
    const proxy = await startStallingProxy({ plan: [stage] });
    t.onTestFinished(() => proxy.close());
    const env = { HTTPS_PROXY: proxy.url };
    const dispatcher = createDispatcher({ timeoutMs: 1_000, env });
    const tokens: TokenSpec[] = Array.from({ length: 8 }, (_, i) => ({
      name: `bot-${i}`,
      provider: 'github',
      secret: { token: `BOT_${i}_TOKEN` },
      optional: false,
      expiryWarningDays: 14,
      rejectInvalid: false,
      settings: {},
      source: { file: '.github/token-preflight.yml', line: 3 + i },
    }));
    const secrets = Object.fromEntries(tokens.map((_, i) => [`BOT_${i}_TOKEN`, githubToken('ghp_', `BOT${i}`)]));
    const started = performance.now();
    const result = await runPreflight(
      { tokens, timeoutMs: 1_000, concurrency: 8, context: { surface: 'action' } },
      { env: { ...secrets, ...env }, mask: () => undefined, dispatcher },
    ).finally(() => closeQuietly(dispatcher));
    const ms = performance.now() - started;
    console.log(`run, ${stage}: 8 tokens, concurrency 8, time-out 1 s: ${Math.round(ms)} ms`);
    for (const token of result.tokens) {
      expect(token.status).toBe('fail');
      expect(token.problems).toEqual([expect.objectContaining({ code: 'unreachable', message: 'api.github.com did not answer within 1 s' })]);
    }
    expect(proxy.connects).toHaveLength(8);
    expect(ms).toBeLessThan(1_000 + SLACK_MS);
    await proxy.idle(500);
  });
});
