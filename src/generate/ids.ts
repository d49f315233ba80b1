/**
 * Random identifiers (API keys, accounts, payment fingerprints). Drawn from
 * the seeded rng and checked for uniqueness; they encode nothing about the
 * group that owns them.
 */
import { randInt, type Rng } from '../util/rng.ts';

const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';
const HEX = '0123456789abcdef';

function chars(rng: Rng, alphabet: string, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[randInt(rng, alphabet.length)];
  return s;
}

/** Issues ids that are unique across the whole generated world. */
export class IdFactory {
  private readonly seen = new Set<string>();
  constructor(private readonly rng: Rng) {}

  private unique(make: () => string): string {
    for (;;) {
      const id = make();
      if (!this.seen.has(id)) {
        this.seen.add(id);
        return id;
      }
    }
  }

  key(): string {
    return this.unique(() => 'sk-' + chars(this.rng, BASE36, 12));
  }

  account(): string {
    return this.unique(() => 'acct_' + chars(this.rng, BASE36, 10));
  }

  card(): string {
    return this.unique(() => 'pm_' + chars(this.rng, HEX, 16));
  }
}
