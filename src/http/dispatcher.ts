import { EnvHttpProxyAgent, type Dispatcher } from 'undici';

/**
 * The dispatcher for provider calls. It honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY (either case),
 * as self-hosted runners behind a proxy expect; NODE_EXTRA_CA_CERTS is applied by Node itself to
 * every TLS connection, including the tunnel through the proxy.
 *
 * At most `concurrency` connections per host: a request that follows a finished one waits the
 * instant it takes to free that keep-alive connection instead of paying a new TLS handshake.
 */
export function createDispatcher(concurrency: number): Dispatcher {
  return new EnvHttpProxyAgent({ connections: concurrency, connect: { timeout: 10_000 } });
}

/** Drops the keep-alive connections without waiting for them, so the process can exit at once. */
export function closeQuietly(dispatcher: Dispatcher): void {
  dispatcher.destroy().catch(() => undefined);
}
