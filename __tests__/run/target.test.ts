import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../src/check/problems.js';
import { github } from '../../src/providers/github.js';
import { http } from '../../src/providers/http.js';
import { twilio } from '../../src/providers/twilio.js';
import { targetFor } from '../../src/run/target.js';
import { HttpClient } from '../../src/http/client.js';
import { MockAgent } from 'undici';

describe('targetFor: where a credential may go', () => {
  it('a configured GitHub token: GITHUB_API_URL or base-url, and that host only', () => {
    expect(targetFor(github, { purpose: 'preflight', env: {} })).toMatchObject({ hosts: ['api.github.com'] });
    const ghes = targetFor(github, { purpose: 'preflight', env: { GITHUB_API_URL: 'https://ghe.corp.example/api/v3' } });
    expect(ghes.base.href).toBe('https://ghe.corp.example/api/v3/');
    expect(ghes.hosts).toEqual(['ghe.corp.example']);
    expect(targetFor(github, { purpose: 'preflight', baseUrl: 'https://api.acme.ghe.com', env: { GITHUB_API_URL: 'https://ghe.corp.example/api/v3' } }).hosts).toEqual(['api.acme.ghe.com']);
  });

  it('holds GITHUB_API_URL to the rules of base-url: a token never goes out over plain http', () => {
    for (const value of ['http://ghe.corp.example/api/v3', 'https://user:pw@ghe.corp.example/api/v3', 'https://127.0.0.1/api/v3']) {
      expect(() => targetFor(github, { purpose: 'preflight', env: { GITHUB_API_URL: value } })).toThrow(ProblemError);
    }
    expect(() => targetFor(github, { purpose: 'preflight', env: { GITHUB_API_URL: 'http://ghe.corp.example/api/v3' } })).toThrow(/GITHUB_API_URL \(set by the runner\) must use https.*the token was not sent/);
  });

  it('gives a provider only the environment variables it declares', () => {
    const env = { GITHUB_API_URL: 'https://api.github.com', GITHUB_REPOSITORY: 'acme/app', AWS_SECRET_ACCESS_KEY: 'x', 'INPUT_GITHUB-TOKEN': 'y' };
    expect(targetFor(github, { purpose: 'preflight', env }).env).toEqual({ GITHUB_API_URL: 'https://api.github.com', GITHUB_REPOSITORY: 'acme/app' });
    expect(targetFor(twilio, { purpose: 'preflight', env }).env).toEqual({});
  });

  it('a found secret goes to the built-in hosts only: never a base-url, never an environment variable', () => {
    const leak = targetFor(github, { purpose: 'leak', baseUrl: 'https://evil.example.net', env: { GITHUB_API_URL: 'https://evil.example.net/api/v3', GITHUB_REPOSITORY: 'acme/app' } });
    expect(leak.base.href).toBe('https://api.github.com/');
    expect(leak.hosts).toEqual(['api.github.com']);
    expect(leak.env).toEqual({});
    expect(targetFor(github, { purpose: 'leak', env: {}, extraHosts: ['gitlab.internal.example'] }).hosts).toEqual(['api.github.com', 'gitlab.internal.example']);
  });

  it('the http provider: the host of its request URL', () => {
    const target = targetFor(http, { purpose: 'preflight', env: {}, settings: { request: { url: 'https://api.example.com:8443/v1/me' } } });
    expect(target.hosts).toEqual(['api.example.com:8443']);
  });

  it('a provider whose own keys choose the host: its API root, and nothing at all for an offline check', async () => {
    const sited = { ...twilio, fromSettings: (settings: Readonly<Record<string, unknown>>) => ({ hosts: [`api.${String(settings.site ?? 'example.com')}`], base: `https://api.${String(settings.site ?? 'example.com')}/v2` }) };
    expect(targetFor(sited, { purpose: 'preflight', env: {}, settings: { site: 'example.eu' } })).toMatchObject({ hosts: ['api.example.eu'], base: new URL('https://api.example.eu/v2/') });
    const offline = targetFor({ ...twilio, fromSettings: () => ({ hosts: [] }) }, { purpose: 'preflight', env: {} });
    expect(offline.hosts).toEqual([]);
    expect(offline.base.hostname).toMatch(/\.invalid$/);
    const session = new HttpClient({ dispatcher: new MockAgent(), timeoutMs: 1_000 }).session({ base: offline.base, hosts: offline.hosts, credential: { token: 'x'.repeat(12) } });
    await expect(session.send({ url: 'me', auth: { bearer: '${token}' } })).rejects.toThrow(/refused to send the credential to offline\.invalid: this check sends it nowhere/);
  });
});
