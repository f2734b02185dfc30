// The proxy settings: read like the runner's toolkit reads them, and a bad one is one clear line
// (a usage error, exit 2), never a crash and never the value, which may hold the proxy's password.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { EnvHttpProxyAgent } from 'undici';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { runCli } from '../../src/cli.js';
import { HttpClient } from '../../src/http/client.js';
import { closeQuietly, createDispatcher, proxySettings, SettingsError } from '../../src/http/dispatcher.js';
import { OK_BODY, startStallingProxy, TEST_CA } from '../helpers/stalling-proxy.js';

function settingsError(env: Record<string, string>): SettingsError {
  let thrown: unknown;
  try {
    closeQuietly(createDispatcher({ timeoutMs: 1_000, env }));
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(SettingsError);
  return thrown as SettingsError;
}

describe('proxySettings', () => {
  it('takes a value without a scheme as http://, as @actions/http-client does', () => {
    expect(proxySettings({ HTTPS_PROXY: 'proxy.corp:3128' }).httpsProxy).toBe('http://proxy.corp:3128/');
    expect(proxySettings({ HTTPS_PROXY: 'localhost:3128' }).httpsProxy).toBe('http://localhost:3128/');
    expect(proxySettings({ HTTPS_PROXY: '10.1.2.3:8080' }).httpsProxy).toBe('http://10.1.2.3:8080/');
    expect(proxySettings({ HTTPS_PROXY: '  proxy.corp:3128\n' }).httpsProxy).toBe('http://proxy.corp:3128/');
  });

  it('keeps http:// and https:// proxies, with their credentials, for the CONNECT', () => {
    expect(proxySettings({ HTTPS_PROXY: 'http://user:pass@proxy:3128' }).httpsProxy).toBe('http://user:pass@proxy:3128/');
    expect(proxySettings({ HTTPS_PROXY: 'https://proxy.corp' }).httpsProxy).toBe('https://proxy.corp/');
    expect(proxySettings({ HTTPS_PROXY: 'HTTP://[::1]:3128' }).httpsProxy).toBe('http://[::1]:3128/');
  });

  it('ignores a path, query or fragment (undici would throw InvalidArgumentError on it)', () => {
    const value = 'http://proxy.corp:3128/some/path?x=1#y';
    expect(() => new EnvHttpProxyAgent({ httpsProxy: value, httpProxy: '', noProxy: '' })).toThrow(/invalid url/);
    expect(proxySettings({ HTTPS_PROXY: value }).httpsProxy).toBe('http://proxy.corp:3128/');
    expect(() => closeQuietly(createDispatcher({ timeoutMs: 1_000, env: { HTTPS_PROXY: value } }))).not.toThrow();
  });

  it('lets the lower-case variable win over the upper-case one, and skips an empty one', () => {
    const env = { https_proxy: 'http://lower:1', HTTPS_PROXY: 'http://upper:2', http_proxy: 'http://lower:3', HTTP_PROXY: 'http://upper:4', no_proxy: 'a.example', NO_PROXY: 'b.example' };
    expect(proxySettings(env)).toEqual({ httpsProxy: 'http://lower:1/', httpProxy: 'http://lower:3/', noProxy: 'a.example' });
    expect(proxySettings({ https_proxy: '  ', HTTPS_PROXY: 'http://upper:2' }).httpsProxy).toBe('http://upper:2/');
    // A garbled upper-case variable shadowed by a good lower-case one is never read.
    expect(proxySettings({ https_proxy: 'http://lower:1', HTTPS_PROXY: ':::' }).httpsProxy).toBe('http://lower:1/');
  });

  it('sends https traffic through HTTP_PROXY when HTTPS_PROXY is unset, and nothing through a proxy when neither is set', () => {
    expect(proxySettings({ HTTP_PROXY: 'proxy:3128' })).toEqual({ httpsProxy: 'http://proxy:3128/', httpProxy: 'http://proxy:3128/', noProxy: '' });
    expect(proxySettings({})).toEqual({ httpsProxy: '', httpProxy: '', noProxy: '' });
  });
});

describe('a bad proxy setting is a SettingsError: one line, naming the variable, never the value', () => {
  const BAD: Array<[string, RegExp]> = [
    [':::', /^HTTPS_PROXY is not a proxy URL \(value not shown\); write it as http:\/\/HOST:PORT$/],
    ['ftp://x', /^HTTPS_PROXY uses the scheme "ftp"; write it as http:\/\/HOST:PORT \(or https:\/\/\)$/],
    ['socks5://proxy.corp:1080', /^HTTPS_PROXY uses the scheme "socks5"/],
    ['http://', /^HTTPS_PROXY is not a proxy URL/],
    ['http://h:99999', /^HTTPS_PROXY is not a proxy URL/],
    ['http://h:0', /^HTTPS_PROXY has an impossible port/],
    ['http://pro xy:3128', /^HTTPS_PROXY is not a proxy URL/],
    ['http://user:s3cr%zzet@proxy.corp:3128', /^HTTPS_PROXY has a malformed %-escape in its user name or password \(value not shown\)/],
    ['http://us%zzer:s3cret@proxy.corp:3128', /^HTTPS_PROXY has a malformed %-escape/],
    ['http://user:s3cret@proxy.corp:99999', /^HTTPS_PROXY is not a proxy URL/],
  ];

  it.each(BAD)('HTTPS_PROXY=%s', (value, message) => {
    const error = settingsError({ HTTPS_PROXY: value });
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('\n');
    // Nothing of the value (the advice `http://HOST:PORT` aside): not the host, not the credentials.
    const said = error.message.replace(/\bhttps?:\/\/(?:[A-Z]+[:@]?)*/g, '');
    for (const part of [value, 's3cr', 'user:', 'us%zz', 'proxy.corp', 'pro xy', 'h:']) {
      if (value.includes(part)) expect(said).not.toContain(part);
    }
    // Not undici's own error with a stack trace: what the CLI turns into exit 2.
    expect(error.name).toBe('SettingsError');
  });

  it('names the variable that was read: the lower-case one, or HTTP_PROXY, or NO_PROXY never (any text is a list)', () => {
    expect(settingsError({ https_proxy: ':::', HTTPS_PROXY: 'http://fine:1' }).message).toMatch(/^https_proxy /);
    expect(settingsError({ HTTP_PROXY: 'ftp://x' }).message).toMatch(/^HTTP_PROXY /);
    expect(() => closeQuietly(createDispatcher({ timeoutMs: 1_000, env: { NO_PROXY: ':::,*,[' } }))).not.toThrow();
  });

  it('the malformed %-escape is caught here: undici itself would crash on it with a URIError', () => {
    expect(() => new EnvHttpProxyAgent({ httpsProxy: 'http://user:s3cr%zzet@proxy.corp:3128', httpProxy: '', noProxy: '' })).toThrow(URIError);
  });
});

describe('createDispatcher reads only the environment it is given', () => {
  const defaultCAs = tls.getCACertificates('default');
  beforeAll(() => tls.setDefaultCACertificates([...defaultCAs, TEST_CA]));
  afterAll(() => tls.setDefaultCACertificates(defaultCAs));

  it('goes through a proxy written without a scheme, with its credentials on the CONNECT', async () => {
    const proxy = await startStallingProxy({ plan: ['ok'] });
    onTestFinished(() => proxy.close());
    const value = `user:pa%40ss@127.0.0.1:${proxy.port}`;
    const dispatcher = createDispatcher({ timeoutMs: 2_000, env: { https_proxy: value } });
    onTestFinished(() => closeQuietly(dispatcher));
    const http = new HttpClient({ dispatcher, timeoutMs: 2_000 });
    const session = http.session({ base: new URL('https://api.github.com/'), hosts: ['api.github.com'], credential: { token: 't' } });
    await expect(session.send({ url: '/user' })).resolves.toMatchObject({ status: 200, body: OK_BODY });
    expect(proxy.connects).toEqual(['api.github.com:443']);
    expect(proxy.proxyAuthorizations).toEqual([`Basic ${Buffer.from('user:pa@ss').toString('base64')}`]);
  });

  it("ignores the process's own proxy variables (NO_PROXY included)", async () => {
    const proxy = await startStallingProxy({ plan: ['ok'] });
    onTestFinished(() => proxy.close());
    vi.stubEnv('no_proxy', 'api.github.com');
    vi.stubEnv('HTTPS_PROXY', ':::');
    onTestFinished(() => {
      vi.unstubAllEnvs();
    });
    const dispatcher = createDispatcher({ timeoutMs: 2_000, env: { HTTPS_PROXY: proxy.url } });
    onTestFinished(() => closeQuietly(dispatcher));
    const http = new HttpClient({ dispatcher, timeoutMs: 2_000 });
    const session = http.session({ base: new URL('https://api.github.com/'), hosts: ['api.github.com'], credential: { token: 't' } });
    await expect(session.send({ url: '/user' })).resolves.toMatchObject({ status: 200 });
    expect(proxy.connects).toEqual(['api.github.com:443']);
  });
});

describe('the CLI with a bad proxy setting', () => {
  it.each([':::', 'ftp://x', 'http://', 'http://h:99999', 'http://user:s3cret@proxy.corp:99999', 'http://user:s3cr%zzet@proxy.corp:3128'])(
    'HTTPS_PROXY=%s: exit 2, one line naming the variable, no stack, not the value',
    async (value) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'tp-proxy-'));
      onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
      writeFileSync(path.join(dir, 'tokens.yml'), 'version: 1\ntokens:\n  - name: a\n    provider: github\n    secret: A_TOKEN\n');
      let stdout = '';
      let stderr = '';
      const code = await runCli(['check', '--config', 'tokens.yml'], {
        stdout: (t) => (stdout += t),
        stderr: (t) => (stderr += t),
        env: { A_TOKEN: 'ghp_x', HTTPS_PROXY: value },
        cwd: dir,
      });
      expect(code).toBe(2);
      expect(stdout).toBe('');
      // One line says what is wrong, and nothing else (the command line was fine: no help text).
      expect(stderr).toMatch(/^token-preflight: HTTPS_PROXY (is not a proxy URL|uses the scheme|has a malformed)[^\n]*\n$/);
      expect(stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)|InvalidArgumentError|URIError/);
      for (const part of ['s3cr', 'user:', 'proxy.corp', ':::', 'ftp://x', 'h:99999']) if (value.includes(part)) expect(stderr).not.toContain(part);
    },
  );
});
