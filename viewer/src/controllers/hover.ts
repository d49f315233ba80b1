/**
 * Hover with a debounce: the pointer must rest on a node for a moment before neighbours light
 * up, and leaving waits a moment too, so that moving across the graph does not repaint on every
 * node it crosses. No UI.
 */
export interface HoverController {
  enter(node: string): void;
  leave(node: string): void;
  /** Forget the node under the pointer and any pending change (the graph was swapped). */
  reset(): void;
  teardown(): void;
}

/** @default enterDelay 60 ms, leaveDelay 120 ms */
export function createHoverController(onHover: (node: string | null) => void, enterDelay = 60, leaveDelay = 120): HoverController {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: string | null = null;
  const schedule = (node: string | null, delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (node === current) return;
      current = node;
      onHover(node);
    }, delay);
  };
  return {
    enter: (node) => schedule(node, enterDelay),
    leave: (node) => {
      if (current === node || current === null) schedule(null, leaveDelay);
    },
    reset: () => {
      clearTimeout(timer);
      current = null;
    },
    teardown: () => clearTimeout(timer),
  };
}
