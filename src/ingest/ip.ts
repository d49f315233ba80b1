/**
 * Strict IP parsing for ingest: dotted-quad IPv4 (no octal, hex or short
 * forms) and IPv6 via ipaddr.js, normalised to one text form per address,
 * plus the /24 or /48 prefix that links neighbouring addresses.
 */
import ipaddr from 'ipaddr.js';

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
/** Four decimal octets without leading zeros: "010.1.1.1" and "0x7f.1" fail. */
const IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);

function hex16(high: number, low: number): string {
  return ((high << 8) | low).toString(16);
}

/** IPv6 text with an embedded dotted quad rewritten as two hex groups, or null if that quad is not strict. */
function rewriteEmbeddedIPv4(text: string): string | null {
  const colon = text.lastIndexOf(':');
  const quad = text.slice(colon + 1);
  if (!IPV4.test(quad)) return null;
  const o = quad.split('.').map(Number);
  return `${text.slice(0, colon + 1)}${hex16(o[0], o[1])}:${hex16(o[2], o[3])}`;
}

/** Memo of IPv6 text → canonical form and its /48 ('' when invalid); ipaddr.js parsing dominates otherwise. */
const CACHE_LIMIT = 50_000;
const v6Cache = new Map<string, string>();
const prefixCache = new Map<string, string>();

function remember(cache: Map<string, string>, key: string, value: string): string {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/**
 * Canonical form of an IP address, or null if `text` is not one.
 * IPv4 stays a dotted quad; IPv4-mapped IPv6 (::ffff:a.b.c.d) becomes IPv4;
 * other IPv6 becomes ipaddr.js's compact lower-case form. A zone id is dropped.
 */
export function normaliseIp(text: string): string | null {
  if (IPV4.test(text)) return text;
  if (text.indexOf(':') < 0) return null;
  const known = v6Cache.get(text);
  if (known !== undefined) return known === '' ? null : known;
  return remember(v6Cache, text, parseIPv6(text) ?? '') || null;
}

function parseIPv6(text: string): string | null {
  let v6 = text;
  const zone = v6.indexOf('%');
  if (zone >= 0) v6 = v6.slice(0, zone);
  // ipaddr.js reads "::1.2.3.4" as IPv4-mapped and accepts octal quads; do the quad ourselves.
  if (v6.indexOf('.') >= 0) {
    const rewritten = rewriteEmbeddedIPv4(v6);
    if (rewritten === null) return null;
    v6 = rewritten;
  }
  if (!ipaddr.IPv6.isValid(v6)) return null;
  const address = ipaddr.IPv6.parse(v6);
  if (address.isIPv4MappedAddress()) return address.toIPv4Address().toString();
  return address.toString();
}

/** `a.b.c.0/24` for IPv4, the compact /48 network for IPv6; `ip` must be normalised. */
export function ipPrefix(ip: string): string {
  if (ip.indexOf(':') < 0) return `${ip.slice(0, ip.lastIndexOf('.'))}.0/24`;
  const known = prefixCache.get(ip);
  if (known !== undefined) return known;
  const p = ipaddr.IPv6.parse(ip).parts;
  return remember(prefixCache, ip, `${new ipaddr.IPv6([p[0], p[1], p[2], 0, 0, 0, 0, 0]).toString()}/48`);
}
