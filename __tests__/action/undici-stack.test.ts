// Guards the dependency decision of docs/architecture.md ("Dependencies"): one undici 8 for
// everything, @actions/github and both @actions/http-client versions included (npm overrides).
//
// Why it matters: @actions/github calls *its* undici's fetch with a ProxyAgent made by *its*
// @actions/http-client's undici. When those two differ (fetch of undici 6, ProxyAgent of undici 8,
// which is what an override on @actions/http-client alone produced), every request behind a proxy
// fails with "invalid onRequestStart method": undici 8 dispatchers take only the new handler API.
// So the lockfile must hold a single undici, and a real request must pass through a real proxy.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CA_PATH, SERVER_CERT_PATH, SERVER_KEY_PATH } from '../helpers/fake-github.mjs';
import { startProxy, type TestProxy } from '../helpers/proxy.mjs';
import { runNode } from '../helpers/runner.mjs';
import { BASE_SHA, CONFIG_PATH, CONFIG_TEXT, fileBody, OWNER, REPO } from './contents-fixtures.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHILD = fileURLToPath(new URL('./read-config-child.mjs', import.meta.url));
const TOKEN = 'ghs_SENTINELundicistack0000000000000';

interface LockEntry {
  version?: string;
  dependencies?: Record<string, string>;
  link?: boolean;
}
const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
  overrides?: Record<string, unknown>;
};
const entriesOf = (name: string) => Object.keys(lock.packages).filter((key) => key === `node_modules/${name}` || key.endsWith(`/node_modules/${name}`));

describe('one undici for everything (lockfile and resolution)', () => {
  it('the lockfile holds exactly one undici, version 8, at the top', () => {
    const undici = entriesOf('undici');
    expect(undici).toEqual(['node_modules/undici']);
    expect(lock.packages['node_modules/undici']!.version).toMatch(/^8\./);
    expect(manifest.devDependencies.undici).toMatch(/^\^8\./);
  });

  it('package.json overrides give @actions/github and every @actions/http-client our undici', () => {
    expect(manifest.overrides).toMatchObject({
      '@actions/http-client': { undici: '$undici' },
      '@actions/github': { undici: '$undici' },
    });
  });

  it('the packages that asked for undici 6 are still those the decision covers', () => {
    // A new dependant of undici would need the decision re-made (and this list, the overrides and the docs updated).
    const dependants = Object.entries(lock.packages)
      .filter(([key, entry]) => key !== '' && entry.dependencies?.undici)
      .map(([key]) => key.replace(/^.*node_modules\//, ''));
    expect([...new Set(dependants)].sort()).toEqual(['@actions/github', '@actions/http-client']);
    // Both @actions/http-client majors are there: 4 (of @actions/core) and 3 (of @actions/github).
    const versions = entriesOf('@actions/http-client').map((key) => lock.packages[key]!.version);
    expect(versions.map((v) => v?.split('.')[0]).sort()).toEqual(['3', '4']);
  });

  it('node_modules resolves undici to the same file from each of them', () => {
    const ours = createRequire(path.join(ROOT, 'package.json')).resolve('undici');
    for (const key of [...entriesOf('@actions/github'), ...entriesOf('@actions/http-client')]) {
      expect(createRequire(path.join(ROOT, key, 'package.json')).resolve('undici'), key).toBe(ours);
    }
  });
});

interface Asked {
  method: string;
  url: string;
  host?: string;
  authorization?: string;
  servername?: string;
}

describe('getOctokit of @actions/github, as installed, through a CONNECT proxy', () => {
  let server: https.Server;
  let proxy: TestProxy;
  const asked: Asked[] = [];

  beforeAll(async () => {
    // A GitHub API over TLS with the TEST-ONLY certificate of __tests__/fixtures/tls
    // (api.github.com, ghe.example.com), trusted by the child through NODE_EXTRA_CA_CERTS.
    server = https.createServer({ cert: readFileSync(SERVER_CERT_PATH), key: readFileSync(SERVER_KEY_PATH) }, (req, res) => {
      asked.push({
        method: req.method ?? '',
        url: req.url ?? '',
        host: req.headers.host,
        authorization: req.headers.authorization,
        servername: (req.socket as import('node:tls').TLSSocket).servername || undefined,
      });
      const url = new URL(req.url ?? '/', 'https://x');
      const prefix = req.headers.host === 'ghe.example.com' ? '/api/v3' : '';
      if (url.pathname !== `${prefix}/repos/${OWNER}/${REPO}/contents/.github%2Ftoken-preflight.yml`) {
        res.writeHead(404, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ message: 'Not Found', status: '404' }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(fileBody(CONFIG_TEXT)));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    proxy = await startProxy({ targetPort: (server.address() as net.AddressInfo).port });
  });
  afterAll(async () => {
    await proxy?.close();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });
  beforeEach(() => {
    asked.length = 0;
    proxy.reset();
  });

  const childEnv = (extra: Record<string, string>) => ({ PATH: process.env.PATH ?? '', NODE_EXTRA_CA_CERTS: CA_PATH, ...extra });
  const read = async (env: Record<string, string>, apiUrl?: string) => {
    const request = { owner: OWNER, repo: REPO, ref: BASE_SHA, path: CONFIG_PATH, token: TOKEN, apiUrl, timeoutMs: 10_000 };
    const run = await runNode([CHILD, JSON.stringify(request)], { env: childEnv(env), cwd: ROOT });
    expect(run.code, run.stderr).toBe(0);
    return JSON.parse(run.stdout) as { result?: unknown; error?: { message: string } };
  };

  it('reads the config from api.github.com through HTTPS_PROXY, trusting NODE_EXTRA_CA_CERTS', async () => {
    const out = await read({ HTTPS_PROXY: proxy.url, GITHUB_API_URL: 'https://api.github.com' }, 'https://api.github.com');
    expect(out).toEqual({ result: { text: CONFIG_TEXT } });
    expect(proxy.connects).toEqual(['api.github.com:443']);
    expect(proxy.plainRequests).toEqual([]);
    expect(asked).toEqual([
      {
        method: 'GET',
        url: `/repos/${OWNER}/${REPO}/contents/.github%2Ftoken-preflight.yml?ref=${BASE_SHA}`,
        host: 'api.github.com',
        authorization: `token ${TOKEN}`,
        servername: 'api.github.com',
      },
    ]);
  });

  it('reads it from a GHES API (GITHUB_API_URL with /api/v3) through the lower-case https_proxy', async () => {
    const out = await read({ https_proxy: proxy.url, GITHUB_API_URL: 'https://ghe.example.com/api/v3' }, 'https://ghe.example.com/api/v3');
    expect(out).toEqual({ result: { text: CONFIG_TEXT } });
    expect(proxy.connects).toEqual(['ghe.example.com:443']);
    expect(asked.map((a) => [a.host, a.url])).toEqual([['ghe.example.com', `/api/v3/repos/${OWNER}/${REPO}/contents/.github%2Ftoken-preflight.yml?ref=${BASE_SHA}`]]);
  });

  it('sends the proxy credentials of HTTPS_PROXY on the CONNECT (ProxyAgent `token`)', async () => {
    // A second proxy, that records Proxy-Authorization and tunnels to the same server.
    const authorizations: Array<string | undefined> = [];
    const sockets = new Set<net.Socket>();
    const authProxy = http.createServer((_, res) => res.writeHead(502).end());
    authProxy.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
      authorizations.push(req.headers['proxy-authorization']);
      const upstream = net.connect((server.address() as net.AddressInfo).port, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        if (head.length) upstream.write(head);
        upstream.pipe(client).pipe(upstream);
      });
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('error', () => undefined).on('close', () => sockets.delete(s));
      }
    });
    await new Promise<void>((resolve) => authProxy.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = authProxy.address() as net.AddressInfo;
      const out = await read({ HTTPS_PROXY: `http://runner:s3cret@127.0.0.1:${port}` }, 'https://api.github.com');
      expect(out).toEqual({ result: { text: CONFIG_TEXT } });
      expect(authorizations).toEqual([`Basic ${Buffer.from('runner:s3cret').toString('base64')}`]);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => authProxy.close(resolve));
    }
  });

  it('fails with a plain message, not a crash, when the proxy refuses (and never leaks the token)', async () => {
    // A port with nothing listening: the CONNECT cannot be made.
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as net.AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const out = await read({ HTTPS_PROXY: `http://127.0.0.1:${port}` }, 'https://api.github.com');
    expect(out.error?.message).toContain('the GitHub API at https://api.github.com could not be reached (');
    expect(out.error?.message).not.toContain(TOKEN);
    expect(out.error?.message).not.toContain('onRequestStart');
    expect(asked).toEqual([]);
  });
});
