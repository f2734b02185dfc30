import { request, type Dispatcher } from 'undici';
import { ProblemError } from '../check/problems.js';
import type { ProviderHttp } from '../providers/provider.js';
import { Limiter } from './limiter.js';
import { backoffMs, retryDelayMs } from './retry.js';

export interface HttpResponse {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: string;
  /** Duration of the attempt that produced this response (not of the retries before it). */
  latencyMs: number;
  attempts: number;
  url: URL;
}

export interface HttpClientOptions {
  dispatcher: Dispatcher;
  /** Budget of one call, retries and back-off included. */
  timeoutMs: number;
  /** Requests in flight at once, over the whole run. */
  concurrency: number;
  maxAttempts?: number;
  maxBodyBytes?: number;
  userAgent?: string;
  random?: () => number;
  /** Scrubs secrets from what a provider sends back, before any provider code reads it. */
  redact?: (text: string) => string;
}

export interface CallOptions {
  /** A provider's own throttling signal beyond HTTP 429 (e.g. GitHub's 403 with no remaining quota). */
  isThrottled?: (response: HttpResponse) => boolean;
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

/**
 * The one HTTP layer every provider shares: it owns time-outs, retries with back-off
 * (network errors, 5xx, throttling, honouring Retry-After), the response size cap and the
 * concurrency limit, and it never follows a redirect, so a token cannot leave its provider's host.
 */
export class HttpClient {
  private readonly limiter: Limiter;
  private readonly maxAttempts: number;
  private readonly maxBodyBytes: number;
  private readonly random: () => number;

  constructor(private readonly options: HttpClientOptions) {
    this.limiter = new Limiter(options.concurrency);
    this.maxAttempts = options.maxAttempts ?? 3;
    this.maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
    this.random = options.random ?? Math.random;
  }

  /** A view of this client that only reaches `base`'s origin; relative paths resolve against `base`. */
  forOrigin(base: URL, callOptions: CallOptions = {}): ProviderHttp {
    return {
      get: (path, headers) => {
        const url = new URL(path, base);
        if (url.origin !== base.origin) {
          throw new ProblemError('unexpected-response', `refused to send a token to ${url.host}: only ${base.host} may receive it`);
        }
        return this.get(url, headers, callOptions);
      },
    };
  }

  async get(url: URL, headers: Record<string, string>, callOptions: CallOptions = {}): Promise<HttpResponse> {
    let release = await this.limiter.acquire();
    let held = true;
    const started = Date.now();
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    try {
      for (let attempt = 1; ; attempt++) {
        if (!held) {
          release = await this.limiter.acquire();
          held = true;
        }
        const result = await this.attempt(url, headers, signal, attempt);
        const failure = 'status' in result ? classify(result, callOptions) : result;
        if (!failure) return result as HttpResponse;
        const final = this.giveUp(failure, attempt, started);
        if (final) throw new ProblemError(final.code, final.message);
        release();
        held = false;
        await sleep(failure.retryAfterMs ?? backoffMs(attempt, this.random), signal);
      }
    } catch (error) {
      if (error instanceof ProblemError) throw error;
      if (signal.aborted) throw new ProblemError('unreachable', `${url.host} did not answer within ${seconds(this.options.timeoutMs)}`);
      throw error;
    } finally {
      if (held) release();
    }
  }

  /** The final failure when no retry is left or it would not fit in the time budget; undefined to retry. */
  private giveUp(failure: Failure, attempt: number, started: number): Failure | undefined {
    const attempts = `${attempt} attempt${attempt === 1 ? '' : 's'}`;
    if (!failure.retryable) return failure;
    const left = this.options.timeoutMs - (Date.now() - started);
    if (failure.retryAfterMs !== undefined && failure.retryAfterMs > left) {
      const wait = `the provider asks to wait ${seconds(failure.retryAfterMs)}, longer than the ${seconds(this.options.timeoutMs)} time-out`;
      return { ...failure, message: `${failure.message}; ${wait} (${attempts})` };
    }
    if (attempt >= this.maxAttempts || left <= 0) return { ...failure, message: `${failure.message} (${attempts})` };
    return undefined;
  }

  private async attempt(url: URL, headers: Record<string, string>, signal: AbortSignal, attempt: number): Promise<HttpResponse | Failure> {
    const began = performance.now();
    let res: Dispatcher.ResponseData;
    try {
      res = await request(url, {
        method: 'GET',
        headers: { 'user-agent': this.options.userAgent ?? 'token-preflight', ...headers },
        dispatcher: this.options.dispatcher,
        signal,
      });
    } catch (error) {
      if (signal.aborted) throw error;
      return networkFailure(url, error);
    }
    const body = await readCapped(res.body, this.maxBodyBytes);
    if (body === undefined) {
      return { code: 'unexpected-response', message: `${url.host} sent a response larger than ${this.maxBodyBytes} bytes`, retryable: false };
    }
    const redact = this.options.redact ?? ((text: string) => text);
    const responseHeaders = Object.fromEntries(Object.entries(flattenHeaders(res.headers)).map(([name, value]) => [name, redact(value)]));
    return {
      status: res.statusCode,
      headers: responseHeaders,
      body: redact(body),
      latencyMs: Math.round(performance.now() - began),
      attempts: attempt,
      url,
    };
  }
}

function classify(res: HttpResponse, options: CallOptions): Failure | undefined {
  const host = res.url.host;
  if (res.status >= 300 && res.status < 400) {
    const location = res.headers.location;
    const where = location ? ` to ${safeHost(location, res.url)}` : '';
    const message = `${host} answered HTTP ${res.status}, a redirect${where}; redirects are not followed, so the token is never sent anywhere else`;
    return { code: 'unexpected-response', message, retryable: false };
  }
  if (res.status === 429 || options.isThrottled?.(res)) {
    const retryAfterMs = retryDelayMs(res.headers, Date.now());
    return { code: 'rate-limited', message: `${host} throttled the call (HTTP ${res.status})`, retryable: true, retryAfterMs };
  }
  if (res.status >= 500) return { code: 'unexpected-response', message: `${host} answered HTTP ${res.status}`, retryable: true };
  return undefined;
}

function networkFailure(url: URL, error: unknown): Failure {
  const err = error as { code?: string; cause?: { code?: string; message?: string }; message?: string };
  const code = err.cause?.code ?? err.code;
  const detail = code ?? err.cause?.message ?? err.message ?? String(error);
  if (code && CERT_ERRORS.has(code)) {
    return {
      code: 'unreachable',
      message: `TLS certificate of ${url.host} not trusted (${code}); if a proxy on this network inspects TLS, point NODE_EXTRA_CA_CERTS at its CA certificate`,
      retryable: false,
    };
  }
  return { code: 'unreachable', message: `could not reach ${url.host}: ${detail}`, retryable: true };
}

async function readCapped(body: AsyncIterable<Buffer> & { destroy(): void }, max: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > max) {
      body.destroy();
      return undefined;
    }
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

function safeHost(location: string, base: URL): string {
  try {
    return new URL(location, base).host;
  } catch {
    return 'an unparsable location';
  }
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
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
