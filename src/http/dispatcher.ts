import { EnvHttpProxyAgent, type Dispatcher } from 'undici';

/**
 * The dispatcher for provider calls. It honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY (either case),
 * as self-hosted runners behind a proxy expect; NODE_EXTRA_CA_CERTS is applied by Node itself to
 * every TLS connection, including the tunnel through the proxy.
 */
export function createDispatcher(): Dispatcher {
  return new EnvHttpProxyAgent({ connect: { timeout: 10_000 } });
}
