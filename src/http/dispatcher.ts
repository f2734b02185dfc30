import { Socket } from 'node:net';
import { buildConnector, EnvHttpProxyAgent, Pool, type Dispatcher } from 'undici';
import { guardedLookup } from './address.js';

type Env = Readonly<Record<string, string | undefined>>;

/** A setting of the environment that cannot work (a garbled proxy URL, …): a usage error, not a crash. */
export class SettingsError extends Error {
  override name = 'SettingsError';
}

/**
 * Connections are deliberately not capped (the engine's Limiter bounds the calls in flight): a call
 * must never queue behind a connection that a timed-out call abandoned (undici cannot cancel a
 * connect), or one stall would delay every call after it.
 */
export interface DispatcherOptions {
  /**
   * The budget of one call. Every stage undici times on its own — TCP connect, the proxy's answer
   * to CONNECT, TLS, headers, each gap in the body — is bounded by it too, so a connection a call
   * gave up on is closed by then instead of lingering for undici's defaults (10 s, 300 s).
   */
  timeoutMs: number;
  env: Env;
  /**
   * For found secrets: refuse, at connect time, any address of the runner's own network or a
   * metadata service, unless listed here.
   */
  guard?: { allowedAddresses: ReadonlySet<string> };
}

/** The sockets (direct, or to the proxy and so the tunnel) of each dispatcher, for closeQuietly. */
const sockets = new WeakMap<Dispatcher, Set<Socket>>();

/**
 * The dispatcher for provider calls. It honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY (either case),
 * as self-hosted runners behind a proxy expect; NODE_EXTRA_CA_CERTS is applied by Node itself to
 * every TLS connection, including the tunnel through the proxy.
 *
 * HTTP/2 is off: while undici waits to learn whether a host speaks h2, it queues every other
 * request behind the first connection, so one stalled handshake would serialise the whole run.
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const proxy = proxySettings(options.env);
  const lookup = options.guard ? guardedLookup(options.guard.allowedAddresses) : undefined;
  const timeout = options.timeoutMs;
  const open = new Set<Socket>();
  const track = (connect: buildConnector.connector): buildConnector.connector => (opts, callback) => {
    // undici's connectors return the socket they open (the type says void): keep it, to drop it at the end.
    const socket = (connect as (...args: Parameters<buildConnector.connector>) => unknown)(opts, callback);
    if (socket instanceof Socket && !open.has(socket)) {
      open.add(socket);
      socket.once('close', () => open.delete(socket));
    }
    return socket;
  };
  const agent = new EnvHttpProxyAgent({
    ...proxy,
    allowH2: false,
    headersTimeout: timeout,
    bodyTimeout: timeout,
    // TLS through the proxy's tunnel (the ProxyAgent times it with this, not with `connect`).
    connectTimeout: timeout,
    // Direct connections (NO_PROXY, or no proxy at all).
    connect: track(buildConnector({ timeout, allowH2: false, ...(lookup ? { lookup } : {}) })),
    // The connections to the proxy. Its answer to CONNECT is a response like any other: without a
    // headers time-out of its own, a proxy that never answers would hold the connection 300 s.
    clientFactory: (origin: URL, opts: object) => {
      const { connect } = opts as { connect: buildConnector.connector };
      return new Pool(origin, { ...opts, connect: track(connect), headersTimeout: timeout, bodyTimeout: timeout });
    },
  });
  sockets.set(agent, open);
  return agent;
}

/**
 * Drops every connection without waiting — kept-alive ones, and those still in a proxy CONNECT or
 * a TLS handshake that a timed-out call abandoned — so the process can exit at once.
 */
export function closeQuietly(dispatcher: Dispatcher): void {
  dispatcher.destroy().catch(() => undefined);
  for (const socket of sockets.get(dispatcher) ?? []) socket.destroy();
}

/**
 * The proxy variables, read the way the runner's own toolkit reads them (lower case first; a value
 * without a scheme is `http://`), and checked, so a garbled one is one clear line instead of a crash.
 */
export function proxySettings(env: Env): { httpProxy: string; httpsProxy: string; noProxy: string } {
  const pick = (lower: string, upper: string): [string, string] | undefined => {
    if (env[lower]?.trim()) return [lower, env[lower]!.trim()];
    if (env[upper]?.trim()) return [upper, env[upper]!.trim()];
    return undefined;
  };
  const http = pick('http_proxy', 'HTTP_PROXY');
  const https = pick('https_proxy', 'HTTPS_PROXY');
  return {
    httpProxy: http ? proxyUrl(...http) : '',
    httpsProxy: https ? proxyUrl(...https) : http ? proxyUrl(...http) : '',
    noProxy: (pick('no_proxy', 'NO_PROXY')?.[1] ?? '').trim(),
  };
}

/**
 * `value` as the proxy URL undici is given: `http://` when it has no scheme, and only the origin
 * and credentials (a path, query or fragment is ignored, as curl does; undici would throw on it).
 * Never prints the value, which may hold the proxy's credentials.
 */
function proxyUrl(variable: string, value: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new SettingsError(`${variable} is not a proxy URL (value not shown); write it as http://HOST:PORT`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    // Only the scheme, which cannot hold a credential.
    throw new SettingsError(`${variable} uses the scheme "${url.protocol.replace(':', '').slice(0, 20)}"; write it as http://HOST:PORT (or https://)`);
  }
  if (!url.hostname) throw new SettingsError(`${variable} names no host; write it as http://HOST:PORT`);
  if (url.port === '0') throw new SettingsError(`${variable} has an impossible port; write it as http://HOST:PORT`);
  try {
    decodeURIComponent(url.username);
    decodeURIComponent(url.password);
  } catch {
    throw new SettingsError(`${variable} has a malformed %-escape in its user name or password (value not shown); write it as http://USER:PASSWORD@HOST:PORT, %-encoding reserved characters`);
  }
  url.pathname = '/';
  url.search = '';
  url.hash = '';
  return url.href;
}
