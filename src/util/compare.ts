/** Comparators that do not depend on locale, so sort order is the same everywhere. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortedStrings(values: Iterable<string>): string[] {
  return [...values].sort(compareStrings);
}
