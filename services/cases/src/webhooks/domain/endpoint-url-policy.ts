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
// IPv6 outside global unicast (2000::/3) is refused as a whole (isAllowedAddress): loopback, ULA
// fc00::/7, link-local, the deprecated site-local fec0::/10, multicast, local-use NAT64 64:ff9b:1::/48
// (it translates into a network of the operator's choosing) and whatever is not yet allocated. These are
// the ranges inside it that are not public either, or that tunnel to an IPv4 address we cannot judge
// (Teredo hides its client's address).
for (const [network, prefix] of [
  ['2001::', 23], // IETF protocol assignments: Teredo 2001::/32, benchmarking, ORCHID, AS112
  ['2001:db8::', 32], // documentation
  ['3fff::', 20], // documentation (RFC 9637)
] as const)
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');
const GLOBAL_UNICAST = new BlockList();
GLOBAL_UNICAST.addSubnet('2000::', 3, 'ipv6');

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** The eight 16-bit groups of an IPv6 address (a trailing dotted quad too), or undefined if it is not one. */
function ipv6Groups(address: string): number[] | undefined {
  if (isIP(address) !== 6) return undefined;
  let text = address.toLowerCase();
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number);
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const parse = (part: string | undefined) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const first = parse(head);
  const last = parse(tail);
  const groups =
    tail === undefined ? first : [...first, ...Array<number>(8 - first.length - last.length).fill(0), ...last];
  return groups.length === 8 ? groups : undefined;
}

const ipv4Of = (high: number, low: number) => [high >> 8, high & 255, low >> 8, low & 255].join('.');

/**
 * The IPv4 address an IPv6 address carries and reaches, if it is one of the forms that do: IPv4-mapped
 * (::ffff:0:0/96), IPv4-compatible (::/96), SIIT (::ffff:0:0:0/96), well-known NAT64 (64:ff9b::/96)
 * and 6to4 (2002::/16, the address in its second and third groups). That address is what is judged:
 * `::ffff:7f00:1`, `::7f00:1` and `2002:7f00:1::` all reach 127.0.0.1.
 */
export function embeddedIpv4(address: string): string | undefined {
  const g = ipv6Groups(address);
  if (!g) return undefined;
  const zero = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zero(0, 5) && (g[5] === 0 || g[5] === 0xffff)) return ipv4Of(g[6], g[7]);
  if (zero(0, 4) && g[4] === 0xffff && g[5] === 0) return ipv4Of(g[6], g[7]);
  if (g[0] === 0x64 && g[1] === 0xff9b && zero(2, 6)) return ipv4Of(g[6], g[7]);
  if (g[0] === 0x2002) return ipv4Of(g[1], g[2]);
  return undefined;
}

/** The address without brackets or an interface zone (`fe80::1%eth0`), which judging ignores. */
const bareAddress = (address: string) => address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');

function classify(address: string, list: BlockList): boolean {
  const bare = bareAddress(address);
  const family = isIP(bare);
  if (family === 4) return list.check(bare, 'ipv4');
  if (family === 6) {
    const v4 = embeddedIpv4(bare);
    return list.check(bare, 'ipv6') || (v4 !== undefined && list.check(v4, 'ipv4'));
  }
  return false;
}

export const isLoopbackAddress = (address: string) => classify(address, LOOPBACK);

/** An address a partner endpoint may resolve to: public, or this machine where the policy allows it. */
export function isAllowedAddress(address: string, policy: EndpointUrlPolicy): boolean {
  if (policy.allowLoopback && isLoopbackAddress(address)) return true;
  const bare = bareAddress(address);
  const family = isIP(bare);
  if (family === 0 || classify(bare, NOT_PUBLIC)) return false;
  // An IPv6 address that carries an IPv4 one has been judged by it; any other must be global unicast.
  return family === 4 || embeddedIpv4(bare) !== undefined || GLOBAL_UNICAST.check(bare, 'ipv6');
}

const LOOPBACK_NAMES = /^(localhost|.+\.localhost)$/i;
// Names that only make sense inside a network: single labels and the special-use internal domains.
// Kubernetes' service names (`name.namespace.svc`, `....svc.cluster.local`) are the cluster's own too.
const INTERNAL_NAMES = /(^[^.]+$)|\.(local|internal|intranet|lan|home\.arpa|localhost|svc)$/i;

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
  // A name may end in the root's dot (`localhost.` is `localhost`): judge it without, or the name
  // checks below are passed by adding one.
  const host = url.hostname.replace(/^\[|\]$/g, '').replace(/\.+$/, '');
  const loopback = isIP(host) ? isLoopbackAddress(host) : LOOPBACK_NAMES.test(host);
  if (policy.allowLoopback && loopback) {
    return ['https:', 'http:'].includes(url.protocol) ? undefined : 'must use https or http';
  }
  if (url.protocol !== 'https:') return 'must use https';
  // 443, or an unprivileged port (1024 and up): receivers behind a proxy or firewall often listen on
  // 8443 and the like, while the ports below 1024 are other services' (SSH, SMTP, LDAP...) that our
  // deliveries must not be aimed at, on any host.
  if (url.port !== '' && Number(url.port) < 1024) return 'must use port 443 or a port from 1024 up';
  if (isIP(host)) return isAllowedAddress(host, policy) ? undefined : 'must not be a private or reserved address';
  if (host === '' || loopback || INTERNAL_NAMES.test(host)) return 'must be a public host name';
  return undefined;
}

/**
 * Whether two endpoint URLs name the same receiver, for "one endpoint per URL": compared as the URL
 * parser spells them (host case, default port, percent-encoding), and without a host's trailing dot.
 */
export function sameEndpointUrl(a: string, b: string): boolean {
  const key = (raw: string) => {
    try {
      const url = new URL(raw);
      url.hostname = url.hostname.replace(/\.+$/, '');
      return url.href;
    } catch {
      return raw;
    }
  };
  return key(a) === key(b);
}
