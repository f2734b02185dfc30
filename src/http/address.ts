import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * Addresses a found secret must never be sent to: the runner's own network and the cloud metadata
 * services (SSRF). IANA special-purpose registries (RFC 6890 and successors).
 */
const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT, incl. Alibaba Cloud's metadata 100.100.100.200
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, incl. 169.254.169.254 (AWS, GCP, Azure metadata)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) PRIVATE.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7], // unique local, incl. AWS's fd00:ec2::254
  ['fe80::', 10],
  ['ff00::', 8],
] as const) PRIVATE.addSubnet(net, prefix, 'ipv6');

/** The IPv4 address inside an IPv4-mapped (`::ffff:a.b.c.d`) or NAT64 (`64:ff9b::a.b.c.d`) IPv6 address. */
function embeddedIpv4(address: string): string | undefined {
  const m = /^(?:::ffff:|64:ff9b::)(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i.exec(address);
  if (!m) return undefined;
  if (m[1]) return m[1];
  const hi = parseInt(m[2]!, 16);
  const lo = parseInt(m[3]!, 16);
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
}

/** Whether `address` (an IP literal) is loopback, link-local, private, metadata or otherwise not public. */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const v4 = isIP(bare) === 6 ? embeddedIpv4(bare) : undefined;
  if (v4) return PRIVATE.check(v4, 'ipv4');
  const family = isIP(bare);
  if (family === 0) return false;
  return PRIVATE.check(bare, family === 4 ? 'ipv4' : 'ipv6');
}

export class AddressNotAllowedError extends Error {
  readonly code = 'EADDRNOTALLOWED';
}

function refusal(host: string, address: string): AddressNotAllowedError {
  return new AddressNotAllowedError(
    `refused to connect to ${host}: it resolves to ${address}, an address of the runner's own network or a cloud metadata service; list that address in allowed-hosts to allow it`,
  );
}

/** Refuses `address` for `host` unless it is public or listed in `allowed`. */
export function checkAddress(host: string, address: string, allowed: ReadonlySet<string>): AddressNotAllowedError | undefined {
  return isPrivateAddress(address) && !allowed.has(address) ? refusal(host, address) : undefined;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
export type Lookup = (hostname: string, options: { all?: boolean; family?: number | string }, callback: LookupCallback) => void;

/**
 * A `dns.lookup` for `net.connect` that refuses private addresses at connect time — the address
 * actually connected to, so a name that resolves into the runner's network (say
 * `169.254.169.254.nip.io`) is refused however it is spelt.
 */
export function guardedLookup(allowed: ReadonlySet<string>, resolve: Lookup = dnsLookup as unknown as Lookup): Lookup {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, options.all ? [] : '');
      const list = addresses as LookupAddress[];
      const refused = list.map((a) => checkAddress(hostname, a.address, allowed)).find(Boolean);
      if (refused) return callback(refused, options.all ? [] : '');
      if (options.all) return callback(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

/** Resolves `host` now and refuses a private address: for a request that a proxy will resolve again. */
export async function assertPublicHost(host: string, allowed: ReadonlySet<string>, resolve: Lookup = dnsLookup as unknown as Lookup): Promise<void> {
  const bare = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  if (isIP(bare)) {
    const refused = checkAddress(bare, bare, allowed);
    if (refused) throw refused;
    return;
  }
  const addresses = await new Promise<LookupAddress[]>((done, fail) =>
    resolve(bare, { all: true }, (error, list) => (error ? fail(error) : done(list as LookupAddress[]))),
  );
  for (const { address } of addresses) {
    const refused = checkAddress(bare, address, allowed);
    if (refused) throw refused;
  }
}

/** The IP addresses among `allowed-hosts` (`[::1]` written with brackets or without): what the address guard lets through. */
export function addressesOf(hosts: readonly string[]): Set<string> {
  return new Set(hosts.map((host) => host.replace(/^\[|\]$/g, '')).filter((host) => isIP(host) !== 0));
}
