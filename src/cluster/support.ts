/**
 * Weak members out. Louvain puts a key wherever its edges point, so a home
 * user whose IP a residential proxy also exits through lands in the ring
 * that rented it. Coordination needs more than one coincidence: an account
 * stays in a cluster when it shares a payment method with another account of
 * it, or at least `minSupport` distinct identifiers (IP addresses — exact or
 * signup, counted once —, email domains, user agents, prompt templates). Prefixes are derived
 * from IPs and do not count on their own. Clusters of a single account keep
 * their keys: the account itself links them.
 */
import { ownerOf, type Dataset } from '../aggregate/index.ts';
import type { EvidenceType } from '../config/schema.ts';
import { valuesOf, type ValueTable } from '../link/index.ts';

const SUPPORT_TYPES: EvidenceType[] = ['payment', 'ip', 'signup_ip', 'email_domain', 'user_agent', 'template'];
/** ip and signup_ip name the same kind of thing: one address counts once. */
const TOKEN_KIND: Partial<Record<EvidenceType, string>> = { ip: 'ip', signup_ip: 'ip' };

/** Members of one cluster whose owners are supported, ascending. */
export function supportedMembers(members: number[], data: Dataset, tables: ValueTable[], minSupport: number): number[] {
  let current = members;
  for (;;) {
    const owners = new Set(current.map((k) => ownerOf(data, k)));
    if (owners.size < 2) return current;
    const strong = new Set<number>();
    const tokens = new Map<number, Set<string>>();
    for (const table of tables) {
      if (!SUPPORT_TYPES.includes(table.type)) continue;
      const holders = new Map<number, Set<number>>();
      for (const key of current) {
        for (const v of valuesOf(table, key)) {
          let h = holders.get(v);
          if (!h) holders.set(v, (h = new Set()));
          h.add(ownerOf(data, key));
        }
      }
      for (const [v, h] of holders) {
        if (h.size < 2) continue;
        for (const owner of h) {
          if (table.type === 'payment') strong.add(owner);
          let t = tokens.get(owner);
          if (!t) tokens.set(owner, (t = new Set()));
          t.add(`${TOKEN_KIND[table.type] ?? table.type}\u0000${table.values[v]}`);
        }
      }
    }
    const keep = (owner: number) => strong.has(owner) || (tokens.get(owner)?.size ?? 0) >= minSupport;
    const next = current.filter((k) => keep(ownerOf(data, k)));
    if (next.length === current.length) return current;
    current = next;
  }
}
