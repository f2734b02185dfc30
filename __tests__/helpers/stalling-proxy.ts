// A misbehaving CONNECT proxy on 127.0.0.1 for the time-budget tests: each tunnel can stall or break
// at one stage of a call. Behind the tunnel the proxy itself plays the server, with the TEST-ONLY
// certificate of __tests__/fixtures/tls (api.github.com, ghe.example.com, api.acme.ghe.com), whatever
// host was asked for, so the client's certificate check passes once it trusts ca.pem.
//
// Raw sockets throughout (no node:http server): no server-side time-out ever ends a stall early, and
// a broken answer is written byte for byte.
import { readFileSync } from 'node:fs';
import net from 'node:net';
import tls from 'node:tls';
import { fileURLToPath } from 'node:url';

const TLS_DIR = fileURLToPath(new URL('../fixtures/tls/', import.meta.url));
/** The test CA (PEM) that signed the certificate the proxy serves. */
export const TEST_CA = readFileSync(`${TLS_DIR}ca.pem`, 'utf8');

/** What one tunnel does. */
export type Stage =
  /** (a) accepts the TCP connection, reads CONNECT and never answers it */
  | 'connect-silent'
  /** (b) answers `200 Connection Established`, then swallows every byte: no TLS handshake */
  | 'tls-silent'
  /** (c) completes TLS, reads the request, never sends response headers */
  | 'headers-silent'
  /** (d) sends the headers (Content-Length 64), then no body byte */
  | 'body-stall'
  /** (e) sends the headers and half the body, then drops the connection (no FIN) */
  | 'body-drop'
  /** (f) a chunked body whose chunk size is not hex */
  | 'bad-chunk'
  /** (g) Content-Length 64, 10 bytes sent, then a clean close */
  | 'short-body'
  /** a 200 with `OK_BODY` (keep-alive) */
  | 'ok'
  /** a 503, after `delayMs`, and the connection closed: a retry opens the next tunnel of the plan */
  | '503';

export const OK_BODY = '{"login":"octocat"}';

export interface StallingProxyOptions {
  /**
   * The stage of each tunnel in the order they are opened; the last one repeats. Every request
   * on a kept-alive tunnel gets that tunnel's stage.
   */
  plan: Stage[];
  /** Wait this long before answering an `ok` or `503` request. */
  delayMs?: number;
}

export interface StallingProxy {
  /** `http://127.0.0.1:<port>` (with `user:pass@` when asked), for HTTPS_PROXY. */
  url: string;
  port: number;
  /** Every CONNECT target (`host:port`), in order. */
  readonly connects: string[];
  /** The Proxy-Authorization header of each CONNECT ('' if none). */
  readonly proxyAuthorizations: string[];
  /** TLS handshakes completed behind the tunnels. */
  readonly handshakes: number;
  /** HTTP requests read behind the tunnels (request line only, e.g. `GET /user`). */
  readonly requests: string[];
  /** Client connections still open. */
  readonly open: number;
  /** Resolves once no client connection is open, or rejects after `ms`. */
  idle(ms: number): Promise<void>;
  close(): Promise<void>;
}

const KEY = readFileSync(`${TLS_DIR}server-key.pem`);
const CERT = readFileSync(`${TLS_DIR}server.pem`);

export async function startStallingProxy(options: StallingProxyOptions): Promise<StallingProxy> {
  const connects: string[] = [];
  const proxyAuthorizations: string[] = [];
  const requests: string[] = [];
  const sockets = new Set<net.Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let handshakes = 0;
  let onIdle: (() => void) | undefined;
  const secureContext = tls.createSecureContext({ key: KEY, cert: CERT });
  const stageOf = (tunnel: number): Stage => options.plan[Math.min(tunnel, options.plan.length - 1)]!;

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      if (sockets.size === 0) onIdle?.();
    });
    socket.on('error', () => undefined);
    readHead(socket, (head) => {
      const [requestLine = '', ...lines] = head.split('\r\n');
      const [method, target = ''] = requestLine.split(' ');
      if (method !== 'CONNECT') return socket.destroy();
      const stage = stageOf(connects.length);
      connects.push(target);
      proxyAuthorizations.push(headerOf(lines, 'proxy-authorization') ?? '');
      if (stage === 'connect-silent') return swallow(socket);
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (stage === 'tls-silent') return swallow(socket);
      const secure = new tls.TLSSocket(socket, { isServer: true, secureContext });
      secure.on('error', () => socket.destroy());
      secure.on('secure', () => handshakes++);
      serve(secure, socket, stage);
    });
  });

  function serve(socket: tls.TLSSocket, raw: net.Socket, stage: Stage): void {
    readHead(socket, (head) => {
      requests.push(head.split('\r\n', 1)[0]!.replace(/ HTTP\/1\.1$/, ''));
      const later = (ms: number, fn: () => void) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          fn();
        }, ms);
        timers.add(timer);
      };
      switch (stage) {
        case 'headers-silent':
          return swallow(socket);
        case 'body-stall':
          socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 64\r\n\r\n');
          return swallow(socket);
        case 'body-drop':
          socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n');
          socket.write('20\r\n{"login":"octocat","half":"of-it\r\n');
          // Let the bytes leave, then drop the connection without a TLS close or a FIN.
          return later(20, () => raw.resetAndDestroy());
        case 'bad-chunk':
          socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n');
          socket.write('zz\r\n{"login":"octocat"}\r\n0\r\n\r\n');
          return swallow(socket);
        case 'short-body':
          socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 64\r\n\r\n');
          socket.end('{"login":"');
          return;
        case 'ok':
          return later(options.delayMs ?? 0, () => {
            if (socket.destroyed) return;
            socket.write(`HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(OK_BODY)}\r\n\r\n${OK_BODY}`);
            serve(socket, raw, stage); // the next request on this kept-alive tunnel
          });
        case '503':
          return later(options.delayMs ?? 0, () => {
            if (!socket.destroyed) socket.end('HTTP/1.1 503 Service Unavailable\r\nconnection: close\r\ncontent-length: 4\r\n\r\ndown');
          });
        default:
          return socket.destroy();
      }
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    connects,
    proxyAuthorizations,
    requests,
    get handshakes() {
      return handshakes;
    },
    get open() {
      return sockets.size;
    },
    idle(ms) {
      if (sockets.size === 0) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${sockets.size} connection(s) still open after ${ms} ms`)), ms);
        onIdle = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Calls `then` once with the head of a request (up to the blank line); anything after it is ignored. */
function readHead(socket: net.Socket, then: (head: string) => void): void {
  let buffered = '';
  const onData = (chunk: Buffer) => {
    buffered += chunk.toString('latin1');
    const end = buffered.indexOf('\r\n\r\n');
    if (end < 0) return;
    socket.off('data', onData);
    socket.pause();
    then(buffered.slice(0, end));
  };
  socket.on('data', onData);
  socket.resume();
}

/** Reads and drops whatever arrives, so the peer is never held up by back-pressure — and never answered. */
function swallow(socket: net.Socket): void {
  socket.on('data', () => undefined);
  socket.resume();
}

function headerOf(lines: string[], name: string): string | undefined {
  const line = lines.find((l) => l.toLowerCase().startsWith(`${name}:`));
  return line?.slice(name.length + 1).trim();
}
