/**
 * The address space of the synthetic world: residential ISP /24s shared by
 * several unrelated customers, mobile carrier pools, cloud NAT and VPN exit
 * hubs, and helpers to draw IPv4 and IPv6 addresses from them.
 */
import { pick, randInt, shuffle, type Rng } from '../util/rng.ts';
import { RESIDENTIAL_FIRST_OCTETS } from './vocab.ts';

const hex = (rng: Rng) => randInt(rng, 0x10000).toString(16);

/** First three octets of a random residential /24, e.g. `73.41.208`. */
export function residentialPrefix(rng: Rng): string {
  return `${pick(rng, RESIDENTIAL_FIRST_OCTETS)}.${1 + randInt(rng, 254)}.${randInt(rng, 256)}`;
}

/** A host address inside a /24 given by its first three octets. */
export function hostIn(prefix: string, rng: Rng): string {
  return `${prefix}.${2 + randInt(rng, 252)}`;
}

/** `n` distinct host addresses in a /24 given by its first three octets. */
export function distinctHosts(prefix: string, n: number, rng: Rng): string[] {
  return shuffle(rng, Array.from({ length: 250 }, (_, i) => i + 2))
    .slice(0, n)
    .map((h) => `${prefix}.${h}`);
}

/** First three hextets of a random /48 under `top` (e.g. `2a02`). */
export function v6Prefix(rng: Rng, top = pick(rng, ['2a02', '2a01', '2600', '2601', '2003', '240e'])): string {
  return `${top}:${(0x100 + randInt(rng, 0xfe00)).toString(16)}:${hex(rng)}`;
}

/** A full eight-group IPv6 address inside a /48. */
export function hostIn6(prefix48: string, rng: Rng): string {
  return `${prefix48}:${hex(rng)}:${(0x1000 + randInt(rng, 0xf000)).toString(16)}:${hex(rng)}:${hex(rng)}:${(1 + randInt(rng, 0xffff)).toString(16)}`;
}

/** A residential address anywhere (IPv6 with probability `v6`). */
export function residentialIp(rng: Rng, v6 = 0.1): string {
  return rng() < v6 ? hostIn6(v6Prefix(rng), rng) : hostIn(residentialPrefix(rng), rng);
}

export interface World {
  /** Residential ISP /24s; each is home to several unrelated customers. */
  ispPrefixes: string[];
  /** Carrier-grade NAT addresses of mobile networks (IPv4 and IPv6). */
  mobilePool: string[];
  /** Big cloud NAT gateways, each shared by many customers' workloads. */
  cloudNats: string[];
  /** A few commercial VPN exits shared by hundreds. */
  vpnExits: string[];
}

/** Builds the shared address space for `ordinaryAccounts` ordinary customers. */
export function buildWorld(rng: Rng, ordinaryAccounts: number, cloudAccounts: number): World {
  const ispPrefixes = Array.from({ length: Math.max(8, Math.round(ordinaryAccounts / 5)) }, () =>
    residentialPrefix(rng),
  );
  const mobilePool: string[] = [];
  for (let c = 0; c < 6; c++) {
    const p4 = `${pick(rng, [100, 172, 176, 188, 37, 39])}.${randInt(rng, 256)}.${randInt(rng, 256)}`;
    const p6 = v6Prefix(rng, pick(rng, ['2607', '2a00', '2409']));
    for (let i = 0; i < 30; i++) mobilePool.push(hostIn(p4, rng), hostIn6(p6, rng));
  }
  const natTops = ['34', '35', '52', '54', '20', '13'];
  const cloudNats = Array.from(
    { length: Math.max(2, Math.round(cloudAccounts / 120)) },
    (_, i) => `${natTops[i % natTops.length]}.${randInt(rng, 256)}.${randInt(rng, 256)}.${2 + randInt(rng, 252)}`,
  );
  const vpnExits = ['185.159', '193.32', '89.187'].map((p) => `${p}.${randInt(rng, 256)}.${2 + randInt(rng, 252)}`);
  return { ispPrefixes, mobilePool, cloudNats, vpnExits };
}
