import net from 'node:net';

/*
 * Which addresses a call to a URL someone typed in (a webhook) may reach. Private, loopback,
 * link-local, shared, documentation, multicast and reserved ranges are refused, so a webhook cannot
 * be turned on the server's own network (server-side request forgery): 127.0.0.1, the cloud
 * metadata address 169.254.169.254, an intranet 10.x host. IPv4 written inside IPv6 is unwrapped.
 */
const refused = new net.BlockList();
for (const [prefix, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) refused.addSubnet(prefix, bits, 'ipv4');
for (const [prefix, bits] of [
  // ::/96 holds :: and ::1 and the old IPv4-compatible form; NAT64 reaches IPv4 through a gateway
  ['::', 96], ['64:ff9b::', 96], ['100::', 64], ['2001:db8::', 32], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) refused.addSubnet(prefix, bits, 'ipv6');

/** `::ffff:7f00:1` and `::ffff:127.0.0.1` are 127.0.0.1. */
function unwrapMapped(address: string): string | undefined {
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (dotted) return dotted[1];
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return undefined;
  const [hi, lo] = [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16)];
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
}

/** Whether an IP address (v4 or v6, without brackets) lies on the public internet. */
export function isPublicAddress(address: string): boolean {
  const mapped = unwrapMapped(address);
  if (mapped) return isPublicAddress(mapped);
  const family = net.isIP(address);
  if (family === 4) return !refused.check(address, 'ipv4');
  if (family === 6) return !refused.check(address, 'ipv6');
  return false;
}

/** A URL's host as an IP address when it is one (`[::1]` → `::1`), else undefined. */
export function literalAddress(hostname: string): string | undefined {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return net.isIP(bare) ? bare : undefined;
}
