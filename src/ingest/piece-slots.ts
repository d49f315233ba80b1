/**
 * Shared memory for pieces on their way to the ingest workers. A piece sent
 * in a fresh ArrayBuffer is new external memory on both threads, and V8
 * starts a full collection of a heap for every ~64 MiB of it: at 24 GB of
 * input that was hundreds of full collections of each worker's heap (which
 * holds millions of interned ids), most of ingest's garbage-collector time.
 * Here a fixed set of slots in one SharedArrayBuffer is allocated once: the
 * cutter writes a piece into a free slot, the worker reads it in place, and
 * the slot is free again when the worker's reply arrives. A piece that does
 * not fit a slot, or finds none free, gets a fresh buffer as before.
 */
export class PieceSlots {
  private readonly memory: SharedArrayBuffer;
  private readonly free: number[] = [];
  private readonly slotOf = new WeakMap<Uint8Array, number>();

  /**
   * @param count slots (at least the pieces that can be in flight at once, plus one)
   * @param bytes bytes per slot
   */
  constructor(
    count: number,
    readonly bytes: number,
  ) {
    this.memory = new SharedArrayBuffer(count * bytes);
    for (let s = count - 1; s >= 0; s--) this.free.push(s);
  }

  /** `n` bytes to write a piece into: a view of a free slot, or a fresh array when none fits. */
  take(n: number): Uint8Array {
    if (n > this.bytes || this.free.length === 0) return new Uint8Array(n);
    const slot = this.free.pop()!;
    const view = new Uint8Array(this.memory, slot * this.bytes, n);
    this.slotOf.set(view, slot);
    return view;
  }

  /** The slot behind `view` is free again (nothing if it was a fresh array, or given back already). */
  give(view: Uint8Array): void {
    const slot = this.slotOf.get(view);
    if (slot === undefined) return;
    this.slotOf.delete(view);
    this.free.push(slot);
  }

  /** Slots free now. */
  get available(): number {
    return this.free.length;
  }
}
