// An HTTP CONNECT proxy on 127.0.0.1 for the end-to-end tests and the benchmarks (types in proxy.d.mts).
//
// Every CONNECT is recorded (`host:port` as asked) and its tunnel is piped to one local port (the fake
// GitHub), whatever host was asked for: the client still does TLS with the asked host name, so the
// certificate check and the Host header show where a token was meant to go. A plain (non-CONNECT)
// proxy request is recorded and refused with 502: nothing may leave in clear text.
import http from 'node:http';
import net from 'node:net';

/** @param {{ targetPort: number }} options */
export async function startProxy({ targetPort }) {
  /** @type {string[]} */
  const connects = [];
  /** @type {Array<{ method: string; url: string; host?: string }>} */
  const plainRequests = [];
  const sockets = new Set();
  const track = (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };

  const server = http.createServer((req, res) => {
    plainRequests.push({ method: req.method ?? '', url: req.url ?? '', host: req.headers.host });
    res.writeHead(502, { 'content-type': 'text/plain' });
    res.end('test proxy: only CONNECT tunnels are served\n');
  });
  server.on('connection', track);
  server.on('connect', (req, client, head) => {
    connects.push(req.url ?? '');
    const upstream = net.connect(targetPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    track(upstream);
    const end = () => {
      upstream.destroy();
      client.destroy();
    };
    upstream.on('error', end);
    client.on('error', end);
    upstream.on('close', end);
    client.on('close', end);
  });

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    connects,
    plainRequests,
    reset() {
      connects.length = 0;
      plainRequests.length = 0;
    },
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
  };
}
