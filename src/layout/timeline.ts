/**
 * A cluster's activity per hour: requests and active keys per bucket, from
 * each key's per-hour counts (aggregate's `hourly`, which grows with active
 * hours, not events). Long spans are bucketed so a file stays small.
 */
import type { Dataset } from '../aggregate/index.ts';

export const MAX_TIMELINE_BUCKETS = 2_000;
const HOUR_MS = 3_600_000;

export interface Timeline {
  start: string | null;
  bucket_hours: number;
  requests: number[];
  keys: number[];
}

export function clusterTimeline(members: Int32Array, data: Dataset): Timeline {
  let lo = Infinity;
  let hi = -Infinity;
  for (const key of members) {
    for (const hour of data.keys[key].hourly.keys()) {
      if (hour < lo) lo = hour;
      if (hour > hi) hi = hour;
    }
  }
  if (!Number.isFinite(lo)) return { start: null, bucket_hours: 1, requests: [], keys: [] };
  const span = hi - lo + 1;
  const bucketHours = Math.ceil(span / MAX_TIMELINE_BUCKETS);
  const buckets = Math.ceil(span / bucketHours);
  const requests = new Array<number>(buckets).fill(0);
  const keys = new Array<number>(buckets).fill(0);
  // The last key counted in each bucket, so a key counts once per bucket.
  const seen = new Int32Array(buckets).fill(-1);
  for (const key of members) {
    for (const [hour, n] of data.keys[key].hourly) {
      const b = Math.floor((hour - lo) / bucketHours);
      requests[b] += n;
      if (seen[b] !== key) {
        seen[b] = key;
        keys[b]++;
      }
    }
  }
  return { start: new Date(lo * HOUR_MS).toISOString(), bucket_hours: bucketHours, requests, keys };
}
