import https from 'node:https';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, request } from 'undici';
import { assertPublicHost, guardedLookup, isPrivateAddress } from '../../src/http/address.js';
import { CA_PATH, SERVER_CERT_PATH, SERVER_KEY_PATH } from '../helpers/fake-github.mjs';

describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1', '127.8.9.10', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.100.100.200',
    '0.0.0.0', '::1', '::', 'fe80::1', 'fd00:ec2::254', 'fc12::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:a9fe:a9fe', '64:ff9b::169.254.169.254', '[::1]',
  ])('%s is not public', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(['140.82.112.6', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700::1111', '::ffff:8.8.8.8', 'api.github.com'])('%s is public (or not an address)', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });
});

type Lookup = Parameters<typeof guardedLookup>[1];
/** A resolver answering from a table, as DNS would for names such as 169.254.169.254.nip.io. */
const table = (entries: Record<string, string[]>): Lookup => (host, _options, callback) => {
  const addresses = entries[host];
  if (!addresses) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }), []);
  callback(null, addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
};

describe('assertPublicHost: before a found secret is sent', () => {
  const dns = table({ '169.254.169.254.nip.io': ['169.254.169.254'], 'api.github.com': ['140.82.112.6'], 'mixed.example': ['140.82.112.6', '10.0.0.8'] });

  it('refuses a name that resolves into the runner network, however it is spelt', async () => {
    await expect(assertPublicHost('169.254.169.254.nip.io', new Set(), dns)).rejects.toMatchObject({ code: 'EADDRNOTALLOWED', message: expect.stringContaining('169.254.169.254') });
    await expect(assertPublicHost('mixed.example', new Set(), dns)).rejects.toMatchObject({ code: 'EADDRNOTALLOWED' });
    await expect(assertPublicHost('[::1]:8443', new Set(), dns)).rejects.toMatchObject({ code: 'EADDRNOTALLOWED' });
  });

  it('lets public addresses through, and private ones only when allowed by address', async () => {
    await expect(assertPublicHost('api.github.com', new Set(), dns)).resolves.toBeUndefined();
    await expect(assertPublicHost('mixed.example', new Set(['10.0.0.8']), dns)).resolves.toBeUndefined();
  });
});

describe('guardedLookup: at connect time', () => {
  let server: https.Server;
  let port: number;
  beforeAll(async () => {
    server = https.createServer({ cert: readFileSync(SERVER_CERT_PATH), key: readFileSync(SERVER_KEY_PATH) }, (_req, res) => res.end('reached'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const agent = (allowed: string[]) =>
    new Agent({ connect: { ca: readFileSync(CA_PATH), lookup: guardedLookup(new Set(allowed), table({ 'api.github.com': ['127.0.0.1'] })) } });

  it('refuses a connection to a name that resolves to loopback', async () => {
    const error = await request(`https://api.github.com:${port}/`, { dispatcher: agent([]) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'EADDRNOTALLOWED' });
  });

  it('connects when that address is allowed', async () => {
    const res = await request(`https://api.github.com:${port}/`, { dispatcher: agent(['127.0.0.1']) });
    expect(await res.body.text()).toBe('reached');
  });
});
