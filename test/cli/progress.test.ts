import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.ts';

describe('progress', () => {
  const capture = (isTTY: boolean) => {
    let err = '';
    const progress = createProgress({ stdout: () => {}, stderr: (t) => (err += t), isTTY });
    progress.stage('ingest');
    progress.rows(1_250_000);
    progress.stage('link');
    progress.done();
    return err;
  };

  it('shows stage, rows and elapsed time on a terminal, on one rewritten line', () => {
    const err = capture(true);
    expect(err).toMatch(/\r\x1b\[Kingest · 1,250,000 rows · \d+\.\ds/);
    expect(err).toMatch(/\r\x1b\[Klink · 1,250,000 rows/);
    expect(err).not.toContain('\n');
  });

  it('stays quiet when not on a terminal (CI, pipes)', () => {
    expect(capture(false)).toBe('');
  });
});
