import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AtomicDir } from '../../src/output/atomic-dir.ts';

describe('AtomicDir', () => {
  it('replaces the folder only on commit and leaves it intact on abort', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'sybilscope-out-'));
    const target = join(parent, 'out');
    const first = await AtomicDir.create(target);
    await first.write('a.txt', 'one');
    expect(existsSync(target)).toBe(false);
    await first.commit();
    expect(readFileSync(join(target, 'a.txt'), 'utf8')).toBe('one');

    const failed = await AtomicDir.create(target);
    await failed.write('a.txt', 'two');
    await failed.abort();
    expect(readFileSync(join(target, 'a.txt'), 'utf8')).toBe('one');

    const second = await AtomicDir.create(target);
    const lines = second.lines('b.txt');
    for (let i = 0; i < 100_000; i++) lines.line(String(i));
    await lines.close();
    await second.commit();
    expect(existsSync(join(target, 'a.txt'))).toBe(false);
    expect(readFileSync(join(target, 'b.txt'), 'utf8').split('\n')).toHaveLength(100_001);
    expect(readdirSync(parent)).toEqual(['out']);
  });
});
