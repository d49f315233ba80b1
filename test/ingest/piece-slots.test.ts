import { describe, expect, it } from 'vitest';
import { PieceSlots } from '../../src/ingest/piece-slots.ts';

describe('PieceSlots', () => {
  it('hands out disjoint views of shared memory, and fresh arrays when none is free or a piece is too big', () => {
    const slots = new PieceSlots(2, 16);
    const a = slots.take(10);
    const b = slots.take(16);
    expect(a.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(b.buffer).toBe(a.buffer);
    a.fill(1);
    b.fill(2);
    expect([...a]).toEqual(new Array(10).fill(1));
    expect(slots.available).toBe(0);
    const c = slots.take(4);
    expect(c.buffer).toBeInstanceOf(ArrayBuffer);
    const big = slots.take(17);
    expect(big.buffer).toBeInstanceOf(ArrayBuffer);
    slots.give(c); // a fresh array: nothing to give back
    expect(slots.available).toBe(0);
    slots.give(a);
    slots.give(a); // twice: still one slot
    expect(slots.available).toBe(1);
    const d = slots.take(3);
    expect(d.byteOffset).toBe(a.byteOffset);
  });
});
