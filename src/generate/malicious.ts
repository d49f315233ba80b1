/**
 * The two planted malicious rings. The distillation ring is loud: a burst of
 * sign-ups, shared virtual cards, a rotating residential proxy pool that
 * overlaps real customers' home IPs, reasoning-extraction prompts, flat
 * 24-hour traffic in synchronised waves. The covert ring is small and quiet:
 * only cards shared in a chain and one distinctive prompt template tie it
 * together; each account has its own residential home IP in a different ISP
 * /24 (shared with strangers, as ordinary customers' are), some also on
 * mobile carrier NAT or VPN exit hubs; sessions in business hours.
 */
import { FREEMAIL_DOMAINS } from '../config/schema.ts';
import { pick, randInt, shuffle } from '../util/rng.ts';
import { DAY_MS, HOUR_MS, newDomain, sample, type PlanContext } from './context.ts';
import { hostIn, residentialIp } from './network.ts';
import { COMMON_UAS, RING_UAS } from './vocab.ts';

export interface RingStats {
  accounts: number;
  keys: number;
  cards: number;
  pool: number;
  poolFromHomes: number;
  burstStart: number;
}

export function planDistillationRing(ctx: PlanContext, n: number): RingStats {
  const { rng } = ctx;
  const cards = Array.from({ length: Math.max(3, Math.round(n / 7)) }, () => ctx.ids.card());
  // Residential proxies exit through real people's devices: ~15% of the pool
  // are ordinary customers' home IPs.
  const poolSize = 20 * n;
  const fromHomes = sample(rng, ctx.homeIps, Math.round(poolSize * 0.15));
  const pool = fromHomes.concat(Array.from({ length: poolSize - fromHomes.length }, () => residentialIp(rng, 0.1)));
  shuffle(rng, pool);
  const burstStart = ctx.start - Math.floor((9 + rng() * 5) * DAY_MS);
  const profile = ctx.profiles.get('ring', 0);
  let keys = 0;
  for (let i = 0; i < n; i++) {
    const id = ctx.ids.account();
    const own = [cards[i % cards.length]!];
    if (rng() < 0.5) {
      const extra = pick(rng, cards);
      if (extra !== own[0]) own.push(extra);
    }
    ctx.accounts.push({
      id,
      group: 'distillation-ring',
      cards: own,
      emailDomain: pick(rng, FREEMAIL_DOMAINS),
      createdAt: burstStart + Math.floor(rng() * 46 * HOUR_MS),
      signupIp: pick(rng, pool),
      country: pick(rng, ['US', 'US', 'GB', 'SG', 'HK', 'DE', 'CA', 'NL']),
    });
    const ua = pick(rng, RING_UAS);
    const nKeys = 4 + randInt(rng, 7);
    for (let k = 0; k < nKeys; k++) {
      ctx.keys.push({
        id: ctx.ids.key(),
        account: id,
        group: 'distillation-ring',
        profile,
        expected: 0.7 + 0.6 * rng(),
        userAgent: ua,
        ips: [],
        altPool: pool,
        altShare: 1,
        prompt: 'ring',
        omitAccount: 0,
      });
      keys++;
    }
  }
  return { accounts: n, keys, cards: cards.length, pool: pool.length, poolFromHomes: fromHomes.length, burstStart };
}

export interface CovertStats {
  accounts: number;
  keys: number;
  mobile: number;
  vpn: number;
}

export function planCovertRing(ctx: PlanContext, n: number): CovertStats {
  const { rng, world } = ctx;
  const cards = [ctx.ids.card(), ctx.ids.card(), ctx.ids.card()];
  // One ISP /24 per account, never two accounts in one: only hubs may be shared.
  const prefixes = sample(rng, world.ispPrefixes, n);
  // Phones get carrier NAT addresses of their own (the carriers' /24s are hubs);
  // VPN users share the commercial exits with hundreds of ordinary customers.
  const phones = shuffle(rng, world.mobilePool.slice());
  const profile = ctx.profiles.get('sessions', 3);
  const stats: CovertStats = { accounts: n, keys: 0, mobile: 0, vpn: 0 };
  for (let i = 0; i < n; i++) {
    const id = ctx.ids.account();
    const home = i < prefixes.length ? hostIn(prefixes[i]!, rng) : residentialIp(rng, 0.3);
    const net = rng();
    const vpn = net < 0.2;
    const mobile = !vpn && net < 0.5 && phones.length >= 3;
    if (vpn) stats.vpn++;
    if (mobile) stats.mobile++;
    ctx.accounts.push({
      id,
      group: 'covert-ring',
      // A chain: every account shares a card with the next one.
      cards: [cards[i % 3]!, cards[(i + 1) % 3]!],
      emailDomain: i % 2 === 0 ? pick(rng, FREEMAIL_DOMAINS) : newDomain(ctx),
      createdAt: ctx.start - Math.floor((30 - rng() * 21) * DAY_MS),
      signupIp: home,
      country: pick(rng, ['US', 'GB', 'TR', 'AE', 'DE', 'PL']),
    });
    const ua = pick(rng, COMMON_UAS.slice(0, 2));
    const phone = mobile ? phones.splice(0, 3) : [];
    const nKeys = 2 + randInt(rng, 2);
    for (let k = 0; k < nKeys; k++) {
      ctx.keys.push({
        id: ctx.ids.key(),
        account: id,
        group: 'covert-ring',
        profile,
        expected: 0.8 + 0.4 * rng(),
        userAgent: ua,
        ips: [home],
        altPool: vpn ? world.vpnExits : mobile ? phone : null,
        altShare: vpn ? 0.6 : mobile ? 0.3 : 0,
        prompt: 'covert',
        omitAccount: 0,
      });
      stats.keys++;
    }
  }
  return stats;
}
