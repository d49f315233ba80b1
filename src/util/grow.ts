/** Copy `old` into the front of the larger `next` and return `next`: growing a typed-array column. */
export function grow<A extends Int32Array | Uint32Array | Uint8Array | Float64Array>(old: A, next: A): A {
  next.set(old);
  return next;
}
