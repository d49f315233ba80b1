/**
 * Quality of a template mining against planted templates. planted[i] is the
 * planted template of prompt i (−1 for a free-form prompt), mined[i] the mined
 * template (−1 for none). Each mined template is labelled by the planted
 * template most of its members carry (its majority).
 *   purity  = share of assigned prompts whose planted template is their mined
 *             template's majority (a free-form prompt assigned anywhere is impure);
 *   recall  = share of templated prompts assigned to the largest mined template
 *             whose majority is their planted one (a planted template split in
 *             two only gets credit for the larger part);
 *   ari     = adjusted Rand index (Hubert & Arabie 1985) over templated prompts,
 *             unassigned ones as singletons;
 *   freeAssigned = share of free-form prompts assigned to some template.
 */
export interface TemplateQuality {
  purity: number;
  recall: number;
  ari: number;
  freeAssigned: number;
  templated: number;
  assigned: number;
}

export function templateQuality(planted: ArrayLike<number>, mined: ArrayLike<number>): TemplateQuality {
  const n = planted.length;
  const table = new Map<number, Map<number, number>>(); // mined → planted → count
  let templated = 0;
  let free = 0;
  let freeAssigned = 0;
  let assigned = 0;
  for (let i = 0; i < n; i++) {
    const p = planted[i]!;
    const m = mined[i]!;
    if (p >= 0) templated++;
    else free++;
    if (m < 0) continue;
    assigned++;
    if (p < 0) freeAssigned++;
    let row = table.get(m);
    if (!row) table.set(m, (row = new Map()));
    row.set(p, (row.get(p) ?? 0) + 1);
  }
  let pure = 0;
  const best = new Map<number, number>(); // planted → largest majority cluster size
  for (const row of table.values()) {
    let maj = -1;
    let majCount = -1;
    for (const [p, c] of row) if (c > majCount || (c === majCount && p < maj)) (maj = p), (majCount = c);
    pure += majCount;
    if (maj >= 0) best.set(maj, Math.max(best.get(maj) ?? 0, majCount));
  }
  let recalled = 0;
  for (const c of best.values()) recalled += c;
  return {
    purity: assigned ? pure / assigned : 1,
    recall: templated ? recalled / templated : 1,
    ari: adjustedRand(planted, mined),
    freeAssigned: free ? freeAssigned / free : 0,
    templated,
    assigned,
  };
}

function adjustedRand(planted: ArrayLike<number>, mined: ArrayLike<number>): number {
  const pairs = (x: number) => (x * (x - 1)) / 2;
  const cells = new Map<string, number>();
  const rowsP = new Map<number, number>();
  const colsM = new Map<string, number>();
  let n = 0;
  for (let i = 0; i < planted.length; i++) {
    const p = planted[i]!;
    if (p < 0) continue;
    n++;
    const m = mined[i]! >= 0 ? String(mined[i]) : `u${i}`;
    cells.set(`${p}:${m}`, (cells.get(`${p}:${m}`) ?? 0) + 1);
    rowsP.set(p, (rowsP.get(p) ?? 0) + 1);
    colsM.set(m, (colsM.get(m) ?? 0) + 1);
  }
  let index = 0;
  for (const c of cells.values()) index += pairs(c);
  let a = 0;
  for (const c of rowsP.values()) a += pairs(c);
  let b = 0;
  for (const c of colsM.values()) b += pairs(c);
  const expected = n > 1 ? (a * b) / pairs(n) : 0;
  const max = (a + b) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
}
