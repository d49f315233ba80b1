/**
 * Aggregation on an ingest worker: with an AggregateSpec in its piece specs,
 * a worker adds the events it validates to an Aggregator and prompt sample of
 * its own instead of sending them to the main thread, which then asks each
 * worker for its part once every file is read (IngestPool.collect) and merges
 * the parts (Aggregator.merge, PromptStage.merge). Both cores then parse and
 * aggregate; the merge is exact because the aggregate and the sample do not
 * depend on which rows went where.
 */
import { Aggregator, partBuffers, type PartialAggregate } from '../aggregate/index.ts';
import type { Config } from '../config/schema.ts';
import type { EventRecord } from '../model.ts';
import { PromptStage } from '../prompts/index.ts';
import { samplerPartBuffers, type SamplerPart } from '../templates/index.ts';

export interface AggregateSpec {
  /** Co-activity window, in ms (the main Aggregator's windowMs). */
  windowMs: number;
  /** The build's template options, or null when prompts are not sampled. */
  templates: Config['templates'] | null;
}

/** What a worker aggregated: see Aggregator.part and PromptStage.part. */
export interface WorkerPart {
  aggregate: PartialAggregate;
  prompts: { seen: number; sample: SamplerPart } | null;
}

let state: { aggregator: Aggregator; prompts: PromptStage | null } | null = null;

/** This worker's event sink for a build aggregating as `spec` says (one spec per build). */
export function aggregatingSink(spec: AggregateSpec): (e: EventRecord) => void {
  state ??= { aggregator: new Aggregator(spec.windowMs), prompts: spec.templates === null ? null : new PromptStage(spec.templates) };
  const { aggregator, prompts } = state;
  return (e) => {
    const seq = aggregator.addEvent(e);
    if (prompts !== null && e.prompt !== null) prompts.add(seq, e.prompt, e.timestamp);
  };
}

/** This worker's part, or null if it aggregated nothing; the worker starts afresh after it. */
export function takePart(): WorkerPart | null {
  if (state === null) return null;
  const part = { aggregate: state.aggregator.part(), prompts: state.prompts?.part() ?? null };
  state = null;
  return part;
}

export function workerPartBuffers(part: WorkerPart | null): ArrayBuffer[] {
  if (part === null) return [];
  return [...partBuffers(part.aggregate), ...(part.prompts === null ? [] : samplerPartBuffers(part.prompts.sample))];
}

/** Merge the workers' parts (IngestPool.collect) into the main thread's aggregator and prompt stage. */
export function mergeParts(parts: readonly (WorkerPart | null)[], aggregator: Aggregator, prompts: PromptStage | null): void {
  for (const part of parts) {
    if (part === null) continue;
    const seq = aggregator.merge(part.aggregate);
    if (prompts !== null && part.prompts !== null) prompts.merge(part.prompts, seq);
  }
}
