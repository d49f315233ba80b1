/** Copy `old` into the front of the larger `next` and return `next`. */
export function grow<A extends Int32Array | Uint32Array | Float64Array>(old: A, next: A): A {
  next.set(old);
  return next;
}
