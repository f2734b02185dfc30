// Bitbucket beyond its example answers: Bearer or Basic by the parts given, tokens that need their
// username never sent alone, the refusal hints (app passwords' end, Atlassian checksums), a found
// ATCTT… token left unverified when refused, naming the account when the username part is masked,
// scope nesting and the failure paths.
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { useMockAgent } from '../helpers/mock-agent.js';
import { HttpClient } from '../../src/http/client.js';
import { atlassianChecksumHolds } from '../../src/providers/atlassian.js';
import { bitbucket } from '../../src/providers/bitbucket.js';
import type { Credential, Purpose, Verdict } from '../../src/providers/provider.js';
import { targetFor } from '../../src/run/target.js';

const mock = useMockAgent();
const API = 'https://api.bitbucket.org';
const json = { headers: { 'content-type': 'application/json' } };
const USER = { type: 'user', uuid: '{768f8c62-7f2a-4914-bf33-3f412fc1d3a4}', username: 'example-dev', nickname: 'Example Developer', display_name: 'Example Developer' };

/** An Atlassian-shaped token whose last 8 characters are the CRC-32 of the rest. */
function withChecksum(body: string): string {
  return `${body}${crc32(body).toString(16).toUpperCase().padStart(8, '0')}`;
}
/** The same token with its last checksum digit changed. */
const broken = (token: string) => `${token.slice(0, -1)}${token.endsWith('0') ? '1' : '0'}`;
const APP_PASSWORD = withChecksum(`ATBB${'k2Pq'.repeat(6)}`);
const ACCESS_TOKEN = withChecksum(`ATCTT3xFfGN0${'Zq9_-x'.repeat(29)}=`);

function ping(credential: Credential, purpose: Purpose = 'preflight'): Promise<Verdict> {
  const http = new HttpClient({ dispatcher: mock(), timeoutMs: 2_000, random: () => 0, maxAttempts: 1 });
  const target = targetFor(bitbucket, { purpose, env: {} });
  const session = http.session({ base: target.base, hosts: target.hosts, credential, throttling: target.throttling });
  return bitbucket.check(credential, { http: session, env: target.env, purpose, settings: {} }).catch((error: { code: string; message: string }) => ({
    outcome: 'unknown' as const,
    code: error.code as never,
    message: error.message,
  }));
}

const message = (v: Verdict) => ('message' in v ? v.message : '');

describe('bitbucket', () => {
  it('sends Basic username:token when the username part is given, and Bearer otherwise', async () => {
    const basic = `Basic ${Buffer.from(`example-dev:${APP_PASSWORD}`).toString('base64')}`;
    mock().get(API).intercept({ path: '/2.0/user', method: 'GET', headers: { authorization: basic } }).reply(200, USER, json);
    // The username part is masked in every output, so the account is named otherwise.
    expect(await ping({ token: APP_PASSWORD, username: 'example-dev' })).toMatchObject({ outcome: 'valid', facts: { identity: 'Example Developer' } });
    mock().get(API).intercept({ path: '/2.0/user', method: 'GET', headers: { authorization: `Bearer ${ACCESS_TOKEN}` } }).reply(200, USER, json);
    expect(await ping({ token: ACCESS_TOKEN })).toMatchObject({ outcome: 'valid', facts: { identity: 'example-dev' } });
  });

  it('never sends an app password or API token without its username', async () => {
    const apiToken = withChecksum(`ATATT3xFfGF0${'Ab_-9z'.repeat(29)}=`);
    expect(await ping({ token: APP_PASSWORD })).toMatchObject({ outcome: 'unknown', code: 'missing-secret' });
    expect(await ping({ token: apiToken })).toMatchObject({ outcome: 'unknown', code: 'missing-secret' });
    expect(await ping({ token: APP_PASSWORD }, 'leak')).toMatchObject({ outcome: 'unknown', code: 'unexpected-response' });
  });

  it('says app passwords end, and flags a refused token that fails its checksum', async () => {
    mock().get(API).intercept({ path: '/2.0/user', method: 'GET' }).reply(401, '', { headers: { 'www-authenticate': 'Basic realm="Bitbucket.org HTTP"' } }).times(3);
    const intact = await ping({ token: APP_PASSWORD, username: 'example-dev' });
    expect(intact).toMatchObject({ outcome: 'rejected', code: 'invalid' });
    expect(message(intact)).toMatch(/2026-06-09/);
    expect(message(intact)).not.toMatch(/checksum/);
    expect(message(await ping({ token: broken(APP_PASSWORD), username: 'example-dev' }))).toMatch(/checksum does not match/);
    expect(message(await ping({ token: `${ACCESS_TOKEN.slice(0, 20)}Q${ACCESS_TOKEN.slice(21)}` }))).toMatch(/checksum does not match/);
  });

  it('leaves a found access token that Bitbucket refuses unverified, unless its checksum is broken', async () => {
    mock().get(API).intercept({ path: '/2.0/user', method: 'GET' }).reply(401, { type: 'error', error: { message: 'Token is invalid, expired, or not supported for this endpoint.' } }, json).times(3);
    expect(await ping({ token: ACCESS_TOKEN }, 'leak')).toMatchObject({ outcome: 'unknown', message: expect.stringContaining('organization admin API key') });
    expect(await ping({ token: broken(ACCESS_TOKEN) }, 'leak')).toMatchObject({ outcome: 'rejected', code: 'invalid' });
    expect(await ping({ token: ACCESS_TOKEN })).toMatchObject({ outcome: 'rejected', code: 'invalid' });
  });

  it('checks the Atlassian CRC-32 suffix', () => {
    expect(atlassianChecksumHolds(APP_PASSWORD)).toBe(true);
    expect(atlassianChecksumHolds(ACCESS_TOKEN)).toBe(true);
    expect(atlassianChecksumHolds(ACCESS_TOKEN.replace('Zq9', 'Zq8'))).toBe(false);
  });

  it('expands only the documented scope implications', () => {
    expect([...bitbucket.expandScopes!(['repository:write'])]).toEqual(['repository:write', 'repository']);
    expect([...bitbucket.expandScopes!(['project'])]).toEqual(['project', 'repository']);
    expect(bitbucket.expandScopes!(['repository:admin']).has('repository')).toBe(false);
    expect(bitbucket.expandScopes!(['write:repository:bitbucket']).has('read:repository:bitbucket')).toBe(false);
  });

  it('turns throttling, server errors and a malformed 200 into unknown', async () => {
    mock().get(API).intercept({ path: '/2.0/user', method: 'GET' }).reply(429, 'Too Many Requests', { headers: { 'retry-after': '0' } });
    expect(await ping({ token: ACCESS_TOKEN })).toMatchObject({ outcome: 'unknown', code: 'rate-limited' });
    mock().get(API).intercept({ path: '/2.0/user', method: 'GET' }).reply(500, 'oops');
    expect(await ping({ token: ACCESS_TOKEN })).toMatchObject({ outcome: 'unknown', code: 'unexpected-response' });
    mock().get(API).intercept({ path: '/2.0/user', method: 'GET' }).reply(200, { type: 'error' }, json);
    expect(await ping({ token: ACCESS_TOKEN })).toMatchObject({ outcome: 'unknown', code: 'unexpected-response' });
  });
});
