// Runs N tokens' worth of calls through the real dispatcher and a stalling proxy (./stalling-proxy.ts),
// timing each, for the time-budget tests of __tests__/http.
import tls from 'node:tls';
import { afterAll, beforeAll, type TestContext } from 'vitest';
import { ProblemError } from '../../src/check/problems.js';
import { HttpClient } from '../../src/http/client.js';
import { closeQuietly, createDispatcher } from '../../src/http/dispatcher.js';
import { Limiter } from '../../src/http/limiter.js';
import type { HttpResponse } from '../../src/http/types.js';
import { startStallingProxy, TEST_CA, type StallingProxy, type StallingProxyOptions } from './stalling-proxy.js';

/** How late past its budget a call may settle (timers, a loaded CI machine). */
export const SLACK_MS = 400;

/**
 * The certificate behind the stalling proxy is signed by the test CA: trust it in this test file's
 * process, the way NODE_EXTRA_CA_CERTS does in a child process, and only while the file runs.
 */
export function trustTestCa(): void {
  const defaultCAs = tls.getCACertificates('default');
  beforeAll(() => tls.setDefaultCACertificates([...defaultCAs, TEST_CA]));
  afterAll(() => tls.setDefaultCACertificates(defaultCAs));
}

export interface Outcome {
  response?: HttpResponse;
  error?: ProblemError;
  ms: number;
}

export interface Run {
  outcomes: Outcome[];
  totalMs: number;
  proxy: StallingProxy;
}

export interface RunOptions {
  calls?: number;
  concurrency?: number;
  timeoutMs?: number;
  /** `user:password` for the proxy URL. */
  proxyUser?: string;
  /** Leave the dispatcher alone until the test ends. */
  keep?: boolean;
  /** The dispatcher's own stage time-outs, when not the budget. */
  dispatcherTimeoutMs?: number;
}

/**
 * `calls` calls to api.github.com, each its own session (one token each), at most `concurrency` at
 * once, through a real dispatcher (createDispatcher, HTTPS_PROXY) pointed at a stalling proxy. The
 * dispatcher is destroyed at the end (closeQuietly) unless `keep`; the proxy is closed after the test
 * (`test`: the test's context, so that concurrent tests each clean up their own).
 */
export async function runCalls(test: Pick<TestContext, 'onTestFinished'>, plan: StallingProxyOptions, options: RunOptions = {}): Promise<Run> {
  const { onTestFinished } = test;
  const { calls = 8, timeoutMs = 1_500, proxyUser = '', keep = false } = options;
  const concurrency = options.concurrency ?? calls;
  const proxy = await startStallingProxy(plan);
  onTestFinished(() => proxy.close());
  const proxyUrl = proxyUser ? proxy.url.replace('//', `//${proxyUser}@`) : proxy.url;
  const dispatcher = createDispatcher({ timeoutMs: options.dispatcherTimeoutMs ?? timeoutMs, env: { HTTPS_PROXY: proxyUrl } });
  const http = new HttpClient({ dispatcher, timeoutMs, random: () => 0.5 });
  const limiter = new Limiter(concurrency);
  const started = performance.now();
  const outcomes = await Promise.all(
    Array.from({ length: calls }, (_, i) =>
      limiter.run(async (): Promise<Outcome> => {
        const began = performance.now();
        const session = http.session({ base: new URL('https://api.github.com/'), hosts: ['api.github.com'], credential: { token: `ghp_token${i}` } });
        try {
          const response = await session.send({ url: '/user', auth: { bearer: '${token}' } });
          return { response, ms: performance.now() - began };
        } catch (error) {
          if (!(error instanceof ProblemError)) throw error;
          return { error, ms: performance.now() - began };
        }
      }),
    ),
  );
  const totalMs = performance.now() - started;
  if (keep) onTestFinished(() => closeQuietly(dispatcher));
  else closeQuietly(dispatcher);
  console.log(`${plan.plan.join(',')}: ${calls} calls, concurrency ${concurrency}, budget ${timeoutMs} ms: ${Math.round(totalMs)} ms in all`);
  return { outcomes, totalMs, proxy };
}
