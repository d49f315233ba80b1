/**
 * Golden files: compare an artefact with its checked-in expected copy. On a
 * mismatch, write `<name>-changed.<ext>` beside it for a person to diff and
 * accept (copy over the expected file, or run with UPDATE_GOLDEN=1).
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

export function expectGolden(expectedPath: string, actual: string): void {
  const changed = expectedPath.replace(/(\.[^./]+)$/, '-changed$1');
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(expectedPath)) writeFileSync(expectedPath, actual);
  const expected = readFileSync(expectedPath, 'utf8');
  if (expected === actual) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, actual);
  expect(actual, `golden mismatch; see ${changed}`).toBe(expected);
}

/** summary.json without what a run measures (timings, memory). */
export function stableSummary(text: string): string {
  const summary = JSON.parse(text);
  delete summary.run;
  return JSON.stringify(summary, null, 2) + '\n';
}
