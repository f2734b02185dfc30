// The end-to-end harness itself: if the fake, the proxy or the leak check were wrong, the e2e suites
// would prove nothing. In-process and fast.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { ProxyAgent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasValidCrc32Suffix } from '../../src/providers/checksum.js';
import { CA_PATH, daysFromNow, githubExpirationHeader, mintGitHubToken, randomPartOf, startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.mjs';
import { startProxy, type TestProxy } from '../helpers/proxy.mjs';
import { parseOutputFile, parseWorkflowCommands } from '../helpers/runner.mjs';
import { expectNoLeak, windowsOf } from '../helpers/e2e-assert.js';

let github: FakeGitHub;
let proxy: TestProxy;
let agent: ProxyAgent;

beforeAll(async () => {
  github = await startFakeGitHub();
  proxy = await startProxy({ targetPort: github.port });
  agent = new ProxyAgent({ uri: proxy.url, requestTls: { ca: readFileSync(CA_PATH, 'utf8') } });
});
afterAll(async () => {
  await agent?.close();
  await proxy?.close();
  await github?.close();
});

async function get(url: string, token: string) {
  const res = await request(url, { dispatcher: agent, headers: { authorization: `Bearer ${token}` } });
  return { status: res.statusCode, headers: res.headers, body: (await res.body.json()) as Record<string, unknown> };
}

describe('test tokens', () => {
  it('are checksum-valid GitHub tokens carrying the sentinel, each one different', () => {
    const tokens = ['ghp_', 'ghs_', 'gho_'].flatMap((prefix) => [mintGitHubToken(prefix as 'ghp_'), mintGitHubToken(prefix as 'ghp_')]);
    for (const token of tokens) {
      expect(token).toMatch(/^gh[pso]_SENTINEL[0-9A-Za-z]{28}$/);
      expect(hasValidCrc32Suffix(token, token.slice(0, 4))).toBe(true);
      expect(randomPartOf(token)).toHaveLength(30);
    }
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('leak check catches the whole token and any 8-character window of its random part', () => {
    const token = mintGitHubToken('ghp_');
    expect(windowsOf(token)).toHaveLength(23);
    expect(() => expectNoLeak({ log: 'nothing here' }, [token])).not.toThrow();
    expect(() => expectNoLeak({ log: `x ${token} y` }, [token])).toThrow();
    expect(() => expectNoLeak({ log: `prefix ${randomPartOf(token).slice(11, 19)} suffix` }, [token])).toThrow();
    expect(() => expectNoLeak({ log: 'SENTINEL' }, [token])).toThrow();
  });
});

describe('fake GitHub behind the test proxy', () => {
  it('answers GET /user like GitHub for a known token, and records who asked where', async () => {
    const token = mintGitHubToken('ghp_');
    const expires = daysFromNow(30);
    github.setToken(token, { kind: 'user', login: 'octocat', scopes: ['repo', 'read:org'], expiresAt: expires });
    const res = await get('https://api.github.com/user', token);

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ login: 'octocat', type: 'User' });
    expect(res.headers['x-oauth-scopes']).toBe('repo, read:org');
    expect(res.headers['github-authentication-token-expiration']).toBe(githubExpirationHeader(expires));
    expect(res.headers['github-authentication-token-expiration']).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
    for (const name of ['limit', 'remaining', 'reset', 'used', 'resource']) expect(res.headers[`x-ratelimit-${name}`]).toBeDefined();
    expect(proxy.connects.at(-1)).toBe('api.github.com:443');
    expect(github.requests.at(-1)).toMatchObject({ method: 'GET', path: '/user', host: 'api.github.com', servername: 'api.github.com', token });
  });

  it('answers 401 Bad credentials for an unknown or revoked token', async () => {
    const res = await get('https://api.github.com/user', mintGitHubToken('ghp_'));
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
  });

  it('gives a ghs_ token 403 on /user and its repositories on /installation/repositories', async () => {
    const token = mintGitHubToken('ghs_');
    github.setToken(token, { kind: 'installation', owner: 'acme', repo: 'app' });
    const user = await get('https://api.github.com/user', token);
    expect(user.status).toBe(403);
    expect(user.body.message).toBe('Resource not accessible by integration');
    const repos = await get('https://api.github.com/installation/repositories?per_page=1', token);
    expect(repos.status).toBe(200);
    expect(repos.body).toMatchObject({ total_count: 1, repositories: [{ full_name: 'acme/app', owner: { login: 'acme' } }] });
  });

  it('serves the GitHub Enterprise hosts of the test certificate', async () => {
    const token = mintGitHubToken('ghp_');
    github.setToken(token, { kind: 'user', login: 'ghe-user' });
    expect((await get('https://ghe.example.com/api/v3/user', token)).body.login).toBe('ghe-user');
    expect((await get('https://api.acme.ghe.com/user', token)).body.login).toBe('ghe-user');
    expect(proxy.connects).toContain('ghe.example.com:443');
    expect(proxy.connects).toContain('api.acme.ghe.com:443');
  });

  it('the proxy records and refuses a plain (non-CONNECT) request', async () => {
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: proxy.port, path: 'http://api.github.com/user', headers: { host: 'api.github.com' } }, (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(502);
    expect(proxy.plainRequests.at(-1)).toEqual({ method: 'GET', url: 'http://api.github.com/user', host: 'api.github.com' });
  });
});

describe('runner file formats', () => {
  it('parses GITHUB_OUTPUT heredocs and workflow commands as @actions/core writes them', () => {
    expect(parseOutputFile('result<<ghadelimiter_1\npass\nghadelimiter_1\nx=1\nmulti<<EOF\na\nb\nEOF\n')).toEqual({ result: 'pass', x: '1', multi: 'a\nb' });
    const [command] = parseWorkflowCommands('::error title=a%3A b%2C c,file=f.yml,line=3::one%0Atwo %25');
    expect(command).toMatchObject({ command: 'error', properties: { title: 'a: b, c', file: 'f.yml', line: '3' }, message: 'one\ntwo %' });
  });
});
