/** A worker thread of the template miner: serves the lane operations (miner-ops.ts). */
import { minerOps } from './miner-ops.ts';
import { serve } from './worker-pool.ts';

serve(minerOps());
