/**
 * Strict IP parsing for ingest: dotted-quad IPv4 (no octal, hex or short
 * forms) and IPv6, normalised to one text form per address (RFC 5952, as
 * ipaddr.js `toString()`), plus the /24 or /48 prefix that links
 * neighbouring addresses. Plain IPv6 text is parsed by a small hand parser
 * (ipaddr.js was the hot spot of ingest); anything it refuses goes to
 * ipaddr.js, which stays the judge of validity.
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

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const lower = c | 0x20;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}

/** The eight 16-bit groups of plain IPv6 text (no zone, no dotted quad), or null. */
function parseGroups(text: string): number[] | null {
  const n = text.length;
  if (n < 2 || n > 39) return null;
  const groups: number[] = [];
  let gap = -1; // where "::" stands, as an index into groups
  let i = 0;
  if (text.charCodeAt(0) === 58) {
    if (text.charCodeAt(1) !== 58) return null;
    gap = 0;
    i = 2;
  }
  while (i < n) {
    let value = 0;
    let digits = 0;
    for (let h; i < n && (h = hexValue(text.charCodeAt(i))) >= 0; i++, digits++) value = value * 16 + h;
    if (digits === 0 || digits > 4) return null;
    groups.push(value);
    if (i === n) break;
    if (text.charCodeAt(i++) !== 58 || i === n) return null;
    if (text.charCodeAt(i) === 58) {
      if (gap >= 0) return null;
      gap = groups.length;
      i++;
    }
  }
  if (gap < 0) return groups.length === 8 ? groups : null;
  const zeros = 8 - groups.length;
  if (zeros < 1) return null;
  const tail = groups.splice(gap);
  for (let k = 0; k < zeros; k++) groups.push(0);
  for (const value of tail) groups.push(value);
  return groups;
}

function hexRun(g: readonly number[], from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) out += i === from ? g[i].toString(16) : `:${g[i].toString(16)}`;
  return out;
}

/** RFC 5952 text: lower-case, no leading zeros, the longest run (≥ 2) of zero groups as "::". */
function formatGroups(g: readonly number[]): string {
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  if (bestStart < 0) return hexRun(g, 0, 8);
  return `${hexRun(g, 0, bestStart)}::${hexRun(g, bestStart + bestLength, 8)}`;
}

function isV4Mapped(g: readonly number[]): boolean {
  return g[0] === 0 && g[1] === 0 && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0xffff;
}

/** Groups of the last IPv6 address normalised, so its prefix needs no second parse. */
let lastIp = '';
let lastGroups: readonly number[] = [];

/**
 * Canonical form of an IP address, or null if `text` is not one.
 * IPv4 stays a dotted quad; IPv4-mapped IPv6 (::ffff:a.b.c.d) becomes IPv4;
 * other IPv6 becomes the compact lower-case form. A zone id is dropped.
 */
export function normaliseIp(text: string): string | null {
  if (IPV4.test(text)) return text;
  if (text.indexOf(':') < 0) return null;
  let v6 = text;
  const zone = v6.indexOf('%');
  if (zone >= 0) v6 = v6.slice(0, zone);
  // ipaddr.js reads "::1.2.3.4" as IPv4-mapped and accepts octal quads; do the quad ourselves.
  if (v6.indexOf('.') >= 0) {
    const rewritten = rewriteEmbeddedIPv4(v6);
    if (rewritten === null) return null;
    v6 = rewritten;
  }
  let groups = parseGroups(v6);
  if (groups === null) {
    if (!ipaddr.IPv6.isValid(v6)) return null;
    groups = ipaddr.IPv6.parse(v6).parts;
  }
  if (isV4Mapped(groups)) return `${groups[6] >> 8}.${groups[6] & 255}.${groups[7] >> 8}.${groups[7] & 255}`;
  lastGroups = groups;
  lastIp = formatGroups(groups);
  return lastIp;
}

/** `a.b.c.0/24` for IPv4, the compact /48 network for IPv6; `ip` must come from normaliseIp. */
export function ipPrefix(ip: string): string {
  if (ip.indexOf(':') < 0) return `${ip.slice(0, ip.lastIndexOf('.'))}.0/24`;
  // The reader asks for the prefix of the address it just normalised: reuse its groups.
  const g = ip === lastIp ? lastGroups : (parseGroups(ip) ?? ipaddr.IPv6.parse(ip).parts);
  return `${formatGroups([g[0], g[1], g[2], 0, 0, 0, 0, 0])}/48`;
}
