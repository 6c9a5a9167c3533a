import { BlockList, isIP } from 'node:net';

/** Who may be called: public HTTPS only, unless a setting lets tests and development use this machine. */
export interface EndpointUrlPolicy {
  /** http(s)://127.0.0.1, [::1] and localhost are allowed (tests, local development); never in production. */
  allowLoopback: boolean;
}

export const MAX_ENDPOINT_URL_LENGTH = 2000;

// Addresses a partner endpoint may never be: this machine, private networks, link-local (cloud
// metadata at 169.254.169.254), carrier-grade NAT, documentation, multicast and reserved ranges.
// Calling them on a partner's say-so would let anyone probe our own network (SSRF).
const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** The IPv4 address inside an IPv4-mapped or NAT64 IPv6 address (`::ffff:7f00:1` is 127.0.0.1), if any. */
function embeddedIpv4(address: string): string | undefined {
  const match = /^(?:::ffff:|64:ff9b::)(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i.exec(address);
  if (!match) return undefined;
  if (match[1]) return match[1];
  const high = parseInt(match[2], 16);
  const low = parseInt(match[3], 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

function classify(address: string, list: BlockList): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family === 4) return list.check(bare, 'ipv4');
  if (family === 6) {
    const v4 = embeddedIpv4(bare.toLowerCase());
    return v4 ? list.check(v4, 'ipv4') : list.check(bare, 'ipv6');
  }
  return false;
}

export const isLoopbackAddress = (address: string) => classify(address, LOOPBACK);

/** An address a partner endpoint may resolve to: public, or this machine where the policy allows it. */
export function isAllowedAddress(address: string, policy: EndpointUrlPolicy): boolean {
  if (policy.allowLoopback && isLoopbackAddress(address)) return true;
  const bare = address.replace(/^\[|\]$/g, '');
  return isIP(bare) !== 0 && !classify(bare, NOT_PUBLIC);
}

const LOOPBACK_NAMES = /^(localhost|.+\.localhost)$/i;
// Names that only make sense inside a network: single labels and the special-use internal domains.
const INTERNAL_NAMES = /(^[^.]+$)|\.(local|internal|intranet|lan|home\.arpa|localhost)$/i;

/**
 * Why `raw` may not be an endpoint, or undefined when it may. This checks the URL as written; the
 * sender checks again the address a name resolves to when it connects, so a public name pointing
 * at a private address (or rebinding to one later) is refused there.
 */
export function endpointUrlProblem(raw: string, policy: EndpointUrlPolicy): string | undefined {
  if (raw.length > MAX_ENDPOINT_URL_LENGTH) return `must be at most ${MAX_ENDPOINT_URL_LENGTH} characters`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an absolute URL';
  }
  // The URL is shown back in lists and logs; credentials in it would leak there.
  if (url.username || url.password) return 'must not carry a user name or password';
  if (url.hash) return 'must not have a fragment';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const loopback = isIP(host) ? isLoopbackAddress(host) : LOOPBACK_NAMES.test(host);
  if (policy.allowLoopback && loopback) {
    return ['https:', 'http:'].includes(url.protocol) ? undefined : 'must use https or http';
  }
  if (url.protocol !== 'https:') return 'must use https';
  if (isIP(host)) return isAllowedAddress(host, policy) ? undefined : 'must not be a private or reserved address';
  if (loopback || INTERNAL_NAMES.test(host)) return 'must be a public host name';
  return undefined;
}
