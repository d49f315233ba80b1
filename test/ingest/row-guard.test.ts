import { describe, expect, it } from 'vitest';
import { compileGuard } from '../../src/ingest/row-guard.ts';
import { AccountCellsSchema, EventCellsSchema } from '../../src/ingest/schemas.ts';

const values = ['s', '', 0, 1.5, NaN, Infinity, null, undefined, true, {}, []];

describe('compileGuard', () => {
  it('never passes a row that the zod shape refuses (and passes every plain row)', () => {
    let seed = 3;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (const schema of [EventCellsSchema, AccountCellsSchema]) {
      const guard = compileGuard(schema.shape);
      const keys = Object.keys(schema.shape);
      for (let i = 0; i < 3000; i++) {
        const row = Object.fromEntries(keys.map((k) => [k, values[Math.floor(next() * values.length)]]));
        if (guard(row)) expect(schema.safeParse(row).success, JSON.stringify(row)).toBe(true);
      }
      expect(guard(Object.fromEntries(keys.map((k) => [k, 'text'])))).toBe(true);
    }
  });

  it('declines shapes it does not understand instead of guessing', async () => {
    const { z } = await import('zod');
    expect(compileGuard({ a: z.string().min(2) })({ a: 'x' })).toBe(false);
    expect(compileGuard({ a: z.boolean() })({ a: true })).toBe(false);
    const guard = compileGuard({ a: z.string().optional() });
    expect(guard({ a: undefined })).toBe(true);
    expect(guard({ a: null })).toBe(false);
  });
});
