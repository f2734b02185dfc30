// Types of proxy.mjs (plain ESM so that `node bench/*.mjs` can import it too).

export interface PlainProxyRequest {
  method: string;
  url: string;
  host?: string;
}

export interface TestProxy {
  port: number;
  /** `http://127.0.0.1:<port>`, for HTTPS_PROXY. */
  url: string;
  /** Every CONNECT target (`host:port`), in order. */
  readonly connects: string[];
  /** Every non-CONNECT request (refused with 502). */
  readonly plainRequests: PlainProxyRequest[];
  reset(): void;
  close(): Promise<void>;
}

/** A CONNECT proxy on 127.0.0.1 that records each target and tunnels it to 127.0.0.1:`targetPort`. */
export declare function startProxy(options: { targetPort: number }): Promise<TestProxy>;
