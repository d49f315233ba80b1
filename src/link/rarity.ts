/**
 * Rarity weight of a shared value. A value held by `a` distinct accounts adds
 * 1/(a−1)^exponent to each pair it links; within one account (a = 1) it adds 1.
 * Exponent 1 is the resource-allocation index (Zhou, Lü & Zhang 2009): a
 * value's total pull on one account stays ≈ 1 however many share it. The
 * default 0.5 sits between that and plain counting: a card shared by 15
 * colleagues still binds them, while a value shared by 50 adds 1/7 per pair and
 * values past the hub limit add nothing.
 */
export function rarityWeight(accounts: number, exponent: number): number {
  return accounts <= 1 ? 1 : 1 / Math.pow(accounts - 1, exponent);
}
