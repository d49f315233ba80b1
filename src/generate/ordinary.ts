/**
 * Ordinary customers: most accounts. Own cards, free-mail or small business
 * domains, residential home IPs in shared ISP /24s (some behind cloud NAT or
 * VPN hubs, some on mobile), common SDK user agents, popular prompt frames,
 * local business or evening hours and power-law volume.
 */
import { FREEMAIL_DOMAINS } from '../config/schema.ts';
import { pick, randInt } from '../util/rng.ts';
import { DAY_MS, newDomain, pickZone, powerLaw, type PlanContext } from './context.ts';
import { hostIn, hostIn6, v6Prefix } from './network.ts';
import type { KeyPlan } from './types.ts';
import { COMMON_UAS, HOSTILE, RARE_UAS } from './vocab.ts';

export interface OrdinaryStats {
  accounts: number;
  keys: number;
  cloud: number;
  vpn: number;
}

const SHAPES = ['business', 'business', 'business', 'evening', 'evening', 'mixed'] as const;

export function planOrdinary(ctx: PlanContext, n: number): OrdinaryStats {
  const { rng, world } = ctx;
  const stats: OrdinaryStats = { accounts: n, keys: 0, cloud: 0, vpn: 0 };
  let domain = '';
  let domainLeft = 0;
  for (let i = 0; i < n; i++) {
    const zone = pickZone(rng);
    const home = rng() < 0.12 ? hostIn6(v6Prefix(rng), rng) : hostIn(pick(rng, world.ispPrefixes), rng);
    const net = rng();
    const cloud = net < 0.2;
    const vpn = !cloud && net < 0.3;
    const mobile = !cloud && !vpn && rng() < 0.3;
    if (cloud) stats.cloud++;
    else ctx.homeIps.push(home);
    if (vpn) stats.vpn++;

    let email: string;
    if (rng() < 0.5) email = pick(rng, FREEMAIL_DOMAINS);
    else {
      // Small businesses: a domain shared by one to five accounts.
      if (domainLeft <= 0) {
        domain = newDomain(ctx);
        domainLeft = 1 + Math.floor(rng() * rng() * 5);
      }
      email = domain;
      domainLeft--;
    }
    const id = ctx.ids.account();
    const cards = [ctx.ids.card()];
    if (rng() < 0.05) cards.push(ctx.ids.card());
    const signupIp = vpn && rng() < 0.2 ? pick(rng, world.vpnExits) : rng() < 0.88 ? home : pick(rng, world.mobilePool);
    ctx.accounts.push({
      id,
      group: 'ordinary',
      cards,
      emailDomain: email,
      createdAt: ctx.start - Math.floor(rng() * 730 * DAY_MS) - DAY_MS,
      signupIp,
      country: zone.country,
    });

    const profile = ctx.profiles.get(pick(rng, SHAPES), zone.offset);
    const volume = powerLaw(rng);
    const nKeys = rng() < 0.6 ? 1 : rng() < 0.7 ? 2 : 3;
    for (let k = 0; k < nKeys; k++) {
      const ua = rng() < 0.85 ? COMMON_UAS[Math.min(randInt(rng, 5), randInt(rng, COMMON_UAS.length))]! : pick(rng, RARE_UAS);
      ctx.keys.push({
        id: ctx.ids.key(),
        account: id,
        group: 'ordinary',
        profile,
        expected: (volume * (0.2 + rng())) / nKeys,
        userAgent: ua,
        ips: [cloud ? world.cloudNats[i % world.cloudNats.length]! : home],
        altPool: vpn ? world.vpnExits : mobile ? world.mobilePool : null,
        altShare: vpn ? 0.7 : mobile ? 0.1 : 0,
        prompt: 'ordinary',
        omitAccount: 0.02,
      });
      stats.keys++;
    }
  }
  return stats;
}

/** Plants hostile-but-valid strings in a few ordinary keys (after budgets are set). */
export function plantHostile(keys: KeyPlan[]): void {
  const ordinary = keys.filter((k) => k.group === 'ordinary');
  const plant = (i: number, f: (k: KeyPlan) => void) => {
    const k = ordinary[Math.floor((i * ordinary.length) / 6)];
    if (!k) return;
    f(k);
    k.expected = Math.max(k.expected, 4);
  };
  plant(0, (k) => (k.userAgent = `Mozilla/5.0 ${HOSTILE.img}`));
  plant(1, (k) => (k.hostilePrompt = HOSTILE.script));
  plant(2, (k) => (k.hostilePrompt = HOSTILE.formula));
  plant(3, (k) => (k.userAgent = `curl/8.5.0 ${HOSTILE.rlo}gpj.exe`));
  plant(4, (k) => (k.hostilePrompt = `${HOSTILE.rlo}txt.exe ${HOSTILE.img}`));
}
