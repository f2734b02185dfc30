// Answers that break rather than stall — a connection dropped mid-body, a malformed chunk, a body
// shorter than its Content-Length — and 503s against the time left: real sockets on 127.0.0.1
// through the real dispatcher and a misbehaving proxy (../helpers/stalling-proxy.ts).
import { describe, expect, it } from 'vitest';
import { runCalls as run, SLACK_MS, trustTestCa } from '../helpers/stalled-calls.js';
import { OK_BODY, type Stage } from '../helpers/stalling-proxy.js';

trustTestCa();

const BROKEN: Array<[string, Stage, RegExp]> = [
  ['(e) a connection dropped mid-body', 'body-drop', /^the answer of api\.github\.com broke off after the headers: ECONNRESET/],
  ['(f) a malformed chunked body', 'bad-chunk', /^the answer of api\.github\.com broke off after the headers: .*chunk size/],
  ['(g) a body shorter than its Content-Length', 'short-body', /^the answer of api\.github\.com broke off after the headers: UND_ERR_SOCKET/],
];

describe.concurrent('a broken body is a network failure: unreachable and retried, like one before the headers', () => {
  it.for(BROKEN)('%s, then a good answer: the retry returns the answer', async ([, stage], t) => {
    const { outcomes, proxy } = await run(t, { plan: [stage, 'ok'] }, { calls: 1 });
    const [outcome] = outcomes;
    expect(outcome!.error).toBeUndefined();
    expect(outcome!.response).toMatchObject({ status: 200, body: OK_BODY, attempts: 2 });
    // The retry went out on a new connection: the broken one was not reused.
    expect(proxy.connects).toHaveLength(2);
    expect(proxy.requests).toEqual(['GET /user', 'GET /user']);
  });

  it.for(BROKEN)('%s every time: unreachable after three attempts, well within the budget', async ([, stage, message], t) => {
    const { outcomes, proxy } = await run(t, { plan: [stage] }, { calls: 1, timeoutMs: 5_000 });
    const [outcome] = outcomes;
    expect(outcome!.error?.code).toBe('unreachable');
    expect(outcome!.error?.message).toMatch(message);
    expect(outcome!.error?.message).toMatch(/\(3 attempts\)$/);
    expect(outcome!.error?.message).not.toMatch(/internal error/);
    expect(proxy.requests).toHaveLength(3);
    expect(outcome!.ms).toBeLessThan(2_500);
  });
});

describe.concurrent('back-off within the time left', () => {
  it('a slow 503 whose retry would not fit in the time left is reported as the 503, promptly, not as a time-out', async (t) => {
    // Each answer takes 0.7 s: after the first, a back-off and another 0.7 s would outlast 1.5 s.
    const { outcomes, proxy } = await run(t, { plan: ['503'], delayMs: 700 }, { calls: 1, timeoutMs: 1_500 });
    const [outcome] = outcomes;
    expect(outcome!.error).toMatchObject({ code: 'unexpected-response', message: 'api.github.com answered HTTP 503 (1 attempt)' });
    expect(outcome!.ms).toBeLessThan(1_200);
    expect(proxy.requests).toHaveLength(1);
  });

  it('a 503, then a retry that gets no answer: the 503 is reported, with the attempts, not a bare time-out', async (t) => {
    const { outcomes, proxy } = await run(t, { plan: ['503', 'headers-silent'] }, { calls: 1, timeoutMs: 1_500 });
    const [outcome] = outcomes;
    expect(outcome!.error).toMatchObject({
      code: 'unexpected-response',
      message: 'api.github.com answered HTTP 503 (2 attempts, the last unanswered within the 1.5 s time-out)',
    });
    expect(outcome!.ms).toBeLessThan(1_500 + SLACK_MS);
    expect(proxy.requests).toHaveLength(2);
  });

  it('a quick 503 is retried until the attempts run out, then reported with their count', async (t) => {
    const { outcomes, proxy } = await run(t, { plan: ['503'], delayMs: 50 }, { calls: 1, timeoutMs: 5_000 });
    expect(outcomes[0]!.error).toMatchObject({ code: 'unexpected-response', message: 'api.github.com answered HTTP 503 (3 attempts)' });
    expect(proxy.requests).toHaveLength(3);
  });

  it('a 503, then a 200 within the budget: the 200', async (t) => {
    const { outcomes } = await run(t, { plan: ['503', 'ok'], delayMs: 50 }, { calls: 1, timeoutMs: 5_000 });
    expect(outcomes[0]!.response).toMatchObject({ status: 200, body: OK_BODY, attempts: 2 });
  });
});
