// The workflow's own GitHub calls (a pull request's files, a comparison, the config at the base
// commit) go through @actions/github's Octokit: proxy-aware (HTTPS_PROXY, NO_PROXY), GHES-aware
// (GITHUB_API_URL). These are its shared pieces: the client, and reading its errors.
import type { getOctokit } from '@actions/github';
import { fetch as undiciFetch, type Dispatcher } from 'undici';
import { oneLine } from '../sanitize.js';
import { VERSION } from '../version.js';

export const DEFAULT_API_URL = 'https://api.github.com';

export type Octokit = ReturnType<typeof getOctokit>;

export interface GitHubClientOptions {
  token: string;
  /** GITHUB_API_URL (`https://ghe.example.com/api/v3` on GHES); https://api.github.com when unset. */
  apiUrl?: string;
  /**
   * Tests only: a fetch for Octokit, or an undici dispatcher (a MockAgent) for undici's fetch.
   * Without either, @actions/github's own proxy-aware fetch is used.
   */
  request?: { fetch?: typeof globalThis.fetch };
  dispatcher?: Dispatcher;
  /** Tests only: the base of the retry back-off (1 s, then 4 s after a second failure). */
  retryBaseMs?: number;
  /** Tests only: `false` turns off the plugin that spaces writes a second apart and honours rate limits. */
  throttle?: false;
}

/** A wait GitHub asks for (Retry-After, a reset) longer than this is not waited for: the call fails and says so. */
export const MAX_RATE_LIMIT_WAIT_S = 20;

/**
 * The workflow's Octokit, with retries of 5xx and network failures (twice, 1 s then 4 s apart) and
 * GitHub's rate limits honoured once when the wait is short (plugin-throttling also spaces writes a
 * second apart, as GitHub asks of content-creating requests). A longer wait is not waited for: a
 * run never hangs on a rate limit; the call fails, and its caller degrades and says so.
 */
export async function gitHubClient(options: GitHubClientOptions): Promise<Octokit> {
  // Loaded on first use: Octokit and its plugins are most of a no-op run's start-up otherwise.
  // `eager` keeps them in the one bundle file (no chunk next to it), evaluated only now.
  const [{ getOctokit }, { retry }, { throttling }] = await Promise.all([
    import(/* webpackMode: "eager" */ '@actions/github'),
    import(/* webpackMode: "eager" */ '@octokit/plugin-retry'),
    import(/* webpackMode: "eager" */ '@octokit/plugin-throttling'),
  ]);
  const fetch = options.request?.fetch ?? (options.dispatcher ? viaDispatcher(options.dispatcher) : undefined);
  const once = (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) => retryCount < 1 && retryAfter <= MAX_RATE_LIMIT_WAIT_S;
  return getOctokit(
    options.token,
    {
      baseUrl: apiBase(options.apiUrl),
      userAgent: `token-preflight/${VERSION}`,
      // Passing `request` replaces @actions/github's proxy-aware fetch, so only tests pass one.
      ...(fetch && { request: { fetch } }),
      retry: { retries: 2, ...(options.retryBaseMs !== undefined && { retryAfterBaseValue: options.retryBaseMs }) },
      throttle: { onRateLimit: once, onSecondaryRateLimit: once, ...(options.throttle === false && { enabled: false }) },
    },
    retry,
    throttling,
  );
}

export function apiBase(apiUrl: string | undefined): string {
  return (apiUrl || DEFAULT_API_URL).replace(/\/+$/, '');
}

function viaDispatcher(dispatcher: Dispatcher): typeof globalThis.fetch {
  return ((url: string, init: Parameters<typeof undiciFetch>[1]) => undiciFetch(url, { ...init, dispatcher })) as unknown as typeof globalThis.fetch;
}

interface OctokitErrorLike {
  status?: unknown;
  response?: { status?: unknown; data?: unknown; headers?: Record<string, unknown> };
}

export function statusOf(error: unknown): number | undefined {
  const status = (error as OctokitErrorLike | undefined)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** Octokit turns a network failure into a status-500 error without a response; GitHub's own answers have one. */
export function hasResponse(error: unknown): boolean {
  return typeof (error as OctokitErrorLike | undefined)?.response?.status === 'number';
}

export function githubMessage(error: unknown): string {
  const data = (error as OctokitErrorLike | undefined)?.response?.data;
  if (data && typeof data === 'object' && typeof (data as { message?: unknown }).message === 'string') return (data as { message: string }).message;
  return '';
}

export function rateLimited(error: unknown): boolean {
  const headers = (error as OctokitErrorLike).response?.headers ?? {};
  return String(headers['x-ratelimit-remaining']) === '0' || headers['retry-after'] !== undefined || /rate limit/i.test(githubMessage(error));
}

/**
 * A failed GitHub call in a few words, for a notice that says what was skipped: GitHub's status
 * and message, a time-out, or the network error. `token` is scrubbed from what GitHub echoed.
 */
export function describeGitHubError(error: unknown, token: string, signal?: AbortSignal): string {
  const scrub = (text: string) => oneLine(token ? text.split(token).join('***') : text, 300);
  if (signal?.aborted) return 'the GitHub API did not answer in time';
  const status = statusOf(error);
  if (status === undefined || !hasResponse(error)) return `the GitHub API could not be reached (${scrub(error instanceof Error ? error.message : String(error))})`;
  const said = githubMessage(error);
  const why = status === 401 ? 'the token was rejected' : (status === 403 || status === 429) && rateLimited(error) ? 'rate limited' : status === 403 ? 'the token may not read this' : status === 404 ? 'not found, or the token may not see it' : status >= 500 ? "a failure on GitHub's side" : '';
  return `GitHub answered ${status}${why ? `, ${why}` : ''}${said ? ` (${scrub(said)})` : ''}`;
}
