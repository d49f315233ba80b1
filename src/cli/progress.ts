/** Progress on a terminal (stage, rows, elapsed), silent elsewhere. */
import type { Progress } from '../pipeline.ts';
import type { Io } from './command.ts';
import { fmtInt } from '../util/format.ts';

export function createProgress(io: Io): Progress & { done(): void } {
  const start = performance.now();
  let stage = '';
  let rows = 0;
  const show = () => {
    if (!io.isTTY) return;
    const secs = ((performance.now() - start) / 1000).toFixed(1);
    io.stderr(`\r\x1b[K${stage} · ${fmtInt(rows)} rows · ${secs}s`);
  };
  return {
    stage(name) {
      stage = name;
      show();
    },
    rows(n) {
      rows = n;
      show();
    },
    done() {
      if (io.isTTY) io.stderr('\r\x1b[K');
    },
  };
}
