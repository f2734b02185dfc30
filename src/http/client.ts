import { setImmediate as nextTurn } from 'node:timers/promises';
import { request, type Dispatcher } from 'undici';
import { ProblemError } from '../check/problems.js';
import { composeRequest, type ComposedRequest } from './compose.js';
import { backoffMs, retryAfterMs } from './retry.js';
import type { Credential, HttpRequest, HttpResponse, ProviderHttp, Throttling } from './types.js';

export interface HttpClientOptions {
  dispatcher: Dispatcher;
  /** Budget of one call: connect, proxy tunnel, TLS, headers, body, retries and back-off. */
  timeoutMs: number;
  maxAttempts?: number;
  maxBodyBytes?: number;
  userAgent?: string;
  random?: () => number;
  /** Scrubs secrets from what a provider sends back, before any provider code reads it. */
  redact?: (text: string) => string;
  /** Receives each encoded or derived form of a secret before it is sent, to be masked. */
  onSecret?: (value: string) => void;
}

/** One credential's view of the network: its requests reach only `hosts`. */
export interface SessionOptions {
  /** Relative request URLs are joined to it. */
  base: URL;
  /** The only hosts (`host[:port]`) this credential may be sent to. */
  hosts: readonly string[];
  credential: Credential;
  vars?: Readonly<Record<string, string>>;
  throttling?: Throttling;
  /** A different dispatcher for this session (the address-guarded one for found secrets). */
  dispatcher?: Dispatcher;
  /** At most this many requests: a check is a handful of calls, never a loop. */
  maxRequests?: number;
  /** Runs before each request goes out; throws to refuse it (the found-secret address check). */
  beforeSend?: (url: URL) => Promise<void>;
}

interface Failure {
  code: 'rate-limited' | 'unreachable' | 'unexpected-response';
  message: string;
  retryable: boolean;
  retryAfterMs?: number;
}

const CERT_ERRORS = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

export const MAX_REQUESTS_PER_CHECK = 4;

/**
 * The one HTTP layer every provider shares. It puts the credential where the request says (and
 * nowhere else: only the session's hosts, over https, never across a redirect), and owns the time
 * budget of each call — connect, proxy, TLS, headers, body, retries and back-off — the retries
 * themselves (network errors, 5xx, throttling) and the response size cap.
 */
export class HttpClient {
  private readonly maxAttempts: number;
  private readonly maxBodyBytes: number;
  private readonly random: () => number;

  constructor(private readonly options: HttpClientOptions) {
    this.maxAttempts = options.maxAttempts ?? 3;
    this.maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
    this.random = options.random ?? Math.random;
  }

  session(options: SessionOptions): ProviderHttp {
    const contacted = new Set<string>();
    const hosts = new Set(options.hosts.map((host) => host.toLowerCase()));
    const limit = options.maxRequests ?? MAX_REQUESTS_PER_CHECK;
    const credential: Record<string, string> = { ...options.credential };
    let sent = 0;
    return {
      contacted,
      remember: (name: string, value: string) => {
        if (Object.hasOwn(credential, name)) throw new Error(`the credential already has a part named ${name}`);
        this.options.onSecret?.(value);
        credential[name] = value;
      },
      send: async (req: HttpRequest) => {
        const composed = composeRequest(req, options.base, { credential, vars: options.vars });
        const host = composed.url.host.toLowerCase();
        if (composed.url.protocol !== 'https:') {
          throw new ProblemError('unexpected-response', `refused to send the credential to ${host} over ${composed.url.protocol.replace(':', '')}: only https is used`);
        }
        if (!hosts.has(host)) {
          const allowed = hosts.size ? `only ${[...hosts].join(', ')} may receive it` : 'this check sends it nowhere';
          throw new ProblemError('unexpected-response', `refused to send the credential to ${host}: ${allowed}`);
        }
        if (++sent > limit) throw new Error(`a check may make at most ${limit} requests`);
        for (const secret of composed.derivedSecrets) this.options.onSecret?.(secret);
        await options.beforeSend?.(composed.url);
        if (req.auth && 'signer' in req.auth) Object.assign(composed.headers, await req.auth.signer.sign(composed, credential));
        contacted.add(host);
        return this.call(composed, options.throttling ?? {}, options.dispatcher ?? this.options.dispatcher);
      },
    };
  }

  private async call(req: ComposedRequest, throttling: Throttling, dispatcher: Dispatcher): Promise<HttpResponse> {
    const budget = this.options.timeoutMs;
    const started = Date.now();
    const signal = AbortSignal.timeout(budget);
    const host = req.url.host;
    let seen: { failure: Failure; attempts: number } | undefined;
    try {
      for (let attempt = 1; ; attempt++) {
        const began = Date.now();
        const result = await this.attempt(req, dispatcher, signal, attempt, started + budget);
        const failure = 'status' in result ? classify(result, throttling) : result;
        if (!failure) return result as HttpResponse;
        seen = { failure, attempts: attempt };
        const now = Date.now();
        const wait = failure.retryAfterMs ?? backoffMs(attempt, this.random);
        const final = this.giveUp(failure, attempt, wait, now - began, budget - (now - started));
        if (final) throw new ProblemError(final.code, final.message);
        await sleep(wait, signal);
      }
    } catch (error) {
      if (error instanceof ProblemError) throw error;
      if (!signal.aborted && !isStageTimeout(error)) throw error;
      // Out of time. After an answer (a 503, a throttle) or a failure, that is what is reported.
      if (seen) {
        const { failure, attempts } = seen;
        throw new ProblemError(failure.code, `${failure.message} (${attempts + 1} attempts, the last unanswered within the ${seconds(budget)} time-out)`);
      }
      throw new ProblemError('unreachable', `${host} did not answer within ${seconds(budget)}`);
    }
  }

  /**
   * The final failure when no retry is left, or when waiting `waitMs` and then another attempt as
   * long as the last one (`lastMs`) would not fit in the time left; undefined to retry.
   */
  private giveUp(failure: Failure, attempt: number, waitMs: number, lastMs: number, leftMs: number): Failure | undefined {
    const attempts = `${attempt} attempt${attempt === 1 ? '' : 's'}`;
    if (!failure.retryable) return failure;
    if (failure.retryAfterMs !== undefined && failure.retryAfterMs >= leftMs) {
      const wait = `the provider asks to wait ${seconds(failure.retryAfterMs)}, longer than the ${seconds(this.options.timeoutMs)} time-out`;
      return { ...failure, message: `${failure.message}; ${wait} (${attempts})` };
    }
    // A retry that would outlast the budget reports what was seen, not a time-out.
    if (attempt >= this.maxAttempts || waitMs + lastMs >= leftMs) return { ...failure, message: `${failure.message} (${attempts})` };
    return undefined;
  }

  /** One request and its body; a network failure is returned, the end of the budget (at `deadline`) thrown. */
  private async attempt(req: ComposedRequest, dispatcher: Dispatcher, signal: AbortSignal, attempt: number, deadline: number): Promise<HttpResponse | Failure> {
    const began = performance.now();
    let res: Dispatcher.ResponseData | undefined;
    try {
      // undici does not give up a connect (or a proxy CONNECT) when the signal fires: race it.
      res = await untilAborted(
        request(req.url, {
          method: req.method,
          headers: { 'user-agent': this.options.userAgent ?? 'token-preflight', ...req.headers },
          body: req.body,
          dispatcher,
          signal,
        }),
        signal,
      );
      const body = await untilAborted(readCapped(res.body, this.maxBodyBytes), signal);
      // undici frees a kept-alive connection one event-loop turn after its answer ends; the dispatcher
      // does not cap connections, so the next call (this check's, or the next token's) would open
      // another tunnel instead of reusing this one unless it waits that turn too.
      await nextTurn();
      if (body === undefined) {
        return { code: 'unexpected-response', message: `${req.url.host} sent a response larger than ${this.maxBodyBytes} bytes`, retryable: false };
      }
      const redact = this.options.redact ?? ((text: string) => text);
      const headers = Object.fromEntries(Object.entries(flattenHeaders(res.headers)).map(([name, value]) => [name, redact(value)]));
      return { status: res.statusCode, headers, body: redactBody(body, redact), latencyMs: Math.round(performance.now() - began), attempts: attempt, host: req.url.host };
    } catch (error) {
      res?.body.destroy();
      if (signal.aborted || (isStageTimeout(error) && deadline - Date.now() < STAGE_TIMER_SLACK_MS)) throw error;
      // A connection dropped before the headers or in the middle of the body (a reset, a bad chunk,
      // a body shorter than its length): both are network failures, and retried alike.
      return networkFailure(req.url.host, error, res !== undefined);
    }
  }
}

/**
 * A JSON body is scrubbed value by value, so it stays JSON: a provider that echoes a number its
 * token embeds (Telegram's bot id) gets `"***"` in that place, not a broken document. What the
 * values hide (a secret spanning keys and values) is still caught by a pass over the whole text.
 */
export function redactBody(body: string, redact: (text: string) => string): string {
  const flat = redact(body);
  if (flat === body) return body;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return flat;
  }
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return redact(value);
    if (typeof value === 'number') {
      const text = String(value);
      const scrubbed = redact(text);
      return scrubbed === text ? value : scrubbed;
    }
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [redact(key), walk(inner)]));
    return value;
  };
  return redact(JSON.stringify(walk(parsed)));
}

function classify(res: HttpResponse, throttling: Throttling): Failure | undefined {
  if (res.status >= 300 && res.status < 400) {
    const location = res.headers.location;
    const where = location ? ` to ${locationHost(location, res.host)}` : '';
    const message = `${res.host} answered HTTP ${res.status}, a redirect${where}; redirects are not followed, so the credential is never sent anywhere else`;
    return { code: 'unexpected-response', message, retryable: false };
  }
  if (res.status === 429 || throttling.isThrottled?.(res)) {
    const now = Date.now();
    const wait = retryAfterMs(res.headers, now) ?? throttling.retryDelayMs?.(res, now);
    return { code: 'rate-limited', message: `${res.host} throttled the call (HTTP ${res.status})`, retryable: true, retryAfterMs: wait };
  }
  if (res.status >= 500) return { code: 'unexpected-response', message: `${res.host} answered HTTP ${res.status}`, retryable: true };
  return undefined;
}

/**
 * undici's own time-outs of one stage (connect, headers, body). createDispatcher sets each to the
 * call's budget; undici's timers are coarse (they tick every ~0.5 s) and may fire a little before
 * the budget's own, so one that fires this close to the end means the budget is spent. Earlier (a
 * dispatcher with shorter time-outs), it is a network failure like any other.
 */
const STAGE_TIMER_SLACK_MS = 1_000;
const STAGE_TIMEOUTS = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

function isStageTimeout(error: unknown): boolean {
  const err = error as { code?: unknown; cause?: { code?: unknown } } | undefined;
  return STAGE_TIMEOUTS.has(String(err?.code)) || STAGE_TIMEOUTS.has(String(err?.cause?.code));
}

function networkFailure(host: string, error: unknown, midBody = false): Failure {
  const err = error as { code?: string; cause?: { code?: string; message?: string }; message?: string };
  const code = err.cause?.code ?? err.code;
  if (code && CERT_ERRORS.has(code)) {
    return {
      code: 'unreachable',
      message: `TLS certificate of ${host} not trusted (${code}); if a proxy on this network inspects TLS, point NODE_EXTRA_CA_CERTS at its CA certificate`,
      retryable: false,
    };
  }
  if (code === 'EADDRNOTALLOWED') return { code: 'unreachable', message: err.cause?.message ?? err.message ?? 'address not allowed', retryable: false };
  const detail = code ?? err.cause?.message ?? err.message ?? String(error);
  if (midBody) return { code: 'unreachable', message: `the answer of ${host} broke off after the headers: ${detail}`, retryable: true };
  return { code: 'unreachable', message: `could not reach ${host}: ${detail}`, retryable: true };
}

async function readCapped(body: AsyncIterable<Buffer>, max: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > max) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

/** Only the host of a redirect's target: its path or query may carry anything. */
function locationHost(location: string, host: string): string {
  try {
    return new URL(location, `https://${host}/`).host;
  } catch {
    return 'an unparsable location';
  }
}

export function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

/** `promise`, or the signal's reason as soon as it fires, whichever comes first. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
