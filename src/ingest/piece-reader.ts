/**
 * Reads one piece of a JSONL or CSV file cut at record boundaries
 * (segment-cutter.ts): the same splitting, parsing and validation as a whole
 * file, with line numbers counted from the piece's start. Valid records are
 * packed into a compact columnar form to cross to the main thread cheaply:
 * numbers in typed arrays (transferred, not copied), the short repeated
 * strings (key, account, IP, prefix, user agent, model) as indices into a
 * per-piece dictionary, so structured cloning copies each distinct value once
 * and the aggregator's maps see one string object per value.
 */
import type { AccountRecord, EventRecord, FileStats, InputKind, Rejection } from '../model.ts';
import { RecordSplitter } from './record-splitter.ts';
import { csvRows, jsonlRows, type RowContext } from './row-readers.ts';
import { makeValidator } from './validate.ts';
import { murmur3Utf8 } from '../util/hash.ts';
import { Interner } from '../aggregate/interner.ts';
import { aggregatingSink, type AggregateSpec } from './worker-aggregate.ts';

export interface PieceSpec {
  file: string;
  kind: InputKind;
  format: 'jsonl' | 'csv';
  /** Column per role, in ROLES[kind] order. */
  cols: string[];
  maxLineBytes: number;
  rawPreviewChars: number;
  /** The CSV header record, read already; null for JSONL, or for the piece that holds the header. */
  header: string | null;
  /** The piece starts the file (its first record may carry a BOM). */
  first: boolean;
  /** Aggregate the events on this worker (worker-aggregate.ts) rather than return them; absent or null to return them. */
  aggregate?: AggregateSpec | null;
}

/** Events of a piece, by column; see packEvents. */
export interface PackedEvents {
  count: number;
  timestamp: Float64Array;
  /** input_tokens, output_tokens per event; NaN for null. */
  tokens: Float64Array;
  /** key_id, account_id, user_agent, model per event: an index into `strings`, or -1 for null. */
  refs: Int32Array;
  strings: string[];
  /** ip per event: an index into `ips` (and `prefixes`, its prefix), or -1 for null. */
  ipRefs: Int32Array;
  ips: string[];
  prefixes: (string | null)[];
  prompts: (string | null)[];
  /** Per event: murmur3Utf8 of its prompt (0 for none), hashed here so the thread that samples prompts need not. */
  promptHashes: Float64Array;
  /** [event index, extra] for events with extra columns. */
  extras: [number, Record<string, unknown>][];
}

export interface PieceResult {
  /** Line breaks in the piece: the next piece starts this many lines further. */
  lines: number;
  read: number;
  accepted: number;
  rejected: number;
  blank: number;
  /** Lines are counted from 1 at the piece's start. */
  rejections: Rejection[];
  events: PackedEvents | null;
  /** Events added to this worker's aggregate instead (PieceSpec.aggregate). */
  aggregated: number;
  accounts: AccountRecord[];
}

const REFS = 4;

class EventPacker {
  count = 0;
  private timestamp: number[] = [];
  private tokens: number[] = [];
  private refs: number[] = [];
  private ipRefs: number[] = [];
  private readonly strings = new Interner();
  private readonly ipIds = new Map<string, number>();
  private readonly ips: string[] = [];
  private readonly prefixes: (string | null)[] = [];
  private readonly prompts: (string | null)[] = [];
  private promptHashes: number[] = [];
  private readonly extras: [number, Record<string, unknown>][] = [];

  private ref(value: string | null): number {
    return value === null ? -1 : this.strings.id(value);
  }

  /** The prefix derives from the IP, so it rides on the IP's index rather than being hashed again. */
  private ipRef(ip: string | null, prefix: string | null): number {
    if (ip === null) return -1;
    let id = this.ipIds.get(ip);
    if (id === undefined) {
      id = this.ips.length;
      this.ipIds.set(ip, id);
      this.ips.push(ip);
      this.prefixes.push(prefix);
    }
    return id;
  }

  add(e: EventRecord): void {
    this.timestamp.push(e.timestamp);
    this.tokens.push(e.input_tokens ?? NaN, e.output_tokens ?? NaN);
    this.refs.push(this.ref(e.key_id), this.ref(e.account_id), this.ref(e.user_agent), this.ref(e.model));
    this.ipRefs.push(this.ipRef(e.ip, e.prefix));
    this.prompts.push(e.prompt);
    this.promptHashes.push(e.prompt === null ? 0 : murmur3Utf8(e.prompt));
    for (const _ in e.extra) {
      this.extras.push([this.count, e.extra]);
      break;
    }
    this.count++;
  }

  finish(): PackedEvents {
    return {
      count: this.count,
      timestamp: Float64Array.from(this.timestamp),
      tokens: Float64Array.from(this.tokens),
      refs: Int32Array.from(this.refs),
      strings: this.strings.names,
      ipRefs: Int32Array.from(this.ipRefs),
      ips: this.ips,
      prefixes: this.prefixes,
      prompts: this.prompts,
      promptHashes: Float64Array.from(this.promptHashes),
      extras: this.extras,
    };
  }
}

/** The buffers of a result that can be transferred rather than copied. */
export function transferables(result: PieceResult): ArrayBuffer[] {
  const e = result.events;
  return e === null ? [] : ([e.timestamp.buffer, e.tokens.buffer, e.refs.buffer, e.ipRefs.buffer, e.promptHashes.buffer] as ArrayBuffer[]);
}

/** A null-prototype copy of an object that crossed threads (structured cloning gives it Object.prototype). */
function bare(value: Record<string, unknown>): Record<string, unknown> {
  return Object.assign(Object.create(null) as Record<string, unknown>, value);
}

/** The extras of an event without any: one frozen object for all (nothing after ingest writes to extras). */
const NO_EXTRA: Record<string, unknown> = Object.freeze(Object.create(null) as Record<string, unknown>);

/** Hands the events of a packed piece to `emit`, in order. */
export function unpackEvents(p: PackedEvents, emit: (e: EventRecord, promptHash?: number) => void): void {
  const { timestamp, tokens, refs, strings, ipRefs, ips, prefixes, prompts, promptHashes, extras } = p;
  let next = 0;
  for (let i = 0, r = 0; i < p.count; i++, r += REFS) {
    const extra = next < extras.length && extras[next][0] === i ? bare(extras[next++][1]) : NO_EXTRA;
    const input = tokens[2 * i];
    const output = tokens[2 * i + 1];
    const ip = ipRefs[i];
    emit({
      timestamp: timestamp[i],
      key_id: strings[refs[r]],
      account_id: refs[r + 1] < 0 ? null : strings[refs[r + 1]],
      ip: ip < 0 ? null : ips[ip],
      prefix: ip < 0 ? null : prefixes[ip],
      user_agent: refs[r + 2] < 0 ? null : strings[refs[r + 2]],
      model: refs[r + 3] < 0 ? null : strings[refs[r + 3]],
      prompt: prompts[i],
      input_tokens: Number.isNaN(input) ? null : input,
      output_tokens: Number.isNaN(output) ? null : output,
      extra,
    }, promptHashes[i]);
  }
}

/** Hands the accounts of a piece to `emit`, in order. */
export function unpackAccounts(accounts: AccountRecord[], emit: (a: AccountRecord) => void): void {
  for (const a of accounts) emit({ ...a, extra: bare(a.extra) });
}

/** The row context of one piece, collecting what its rows give. */
export class PieceCollector {
  readonly ctx: RowContext;
  private readonly events = new EventPacker();
  private readonly accounts: AccountRecord[] = [];
  private readonly rejections: Rejection[] = [];
  private aggregated = 0;

  constructor(spec: Omit<PieceSpec, 'format' | 'header' | 'first'> & { format: FileStats['format'] }) {
    const stats = { file: spec.file, kind: spec.kind, format: spec.format, read: 0, accepted: 0, rejected: 0, blank: 0 };
    const aggregate = spec.aggregate ?? null;
    let event = (e: EventRecord) => this.events.add(e);
    if (aggregate !== null && spec.kind === 'events') {
      const add = aggregatingSink(aggregate);
      event = (e) => {
        add(e);
        this.aggregated++;
      };
    }
    const sink = { event, account: (a: AccountRecord) => this.accounts.push(a) };
    this.ctx = {
      file: spec.file,
      kind: spec.kind,
      maxLineBytes: spec.maxLineBytes,
      rawPreviewChars: spec.rawPreviewChars,
      cols: spec.cols,
      stats,
      validate: makeValidator(spec.kind, spec.cols, sink),
      reject: (r) => this.rejections.push(r),
    };
  }

  result(lines: number): PieceResult {
    const { read, accepted, rejected, blank } = this.ctx.stats;
    const events = this.events.count > 0 ? this.events.finish() : null;
    return { lines, read, accepted, rejected, blank, rejections: this.rejections, events, aggregated: this.aggregated, accounts: this.accounts };
  }
}

/** Reads one piece, pushed in one or more parts; `finish` gives its result. */
export class PieceReader {
  /** The CSV header, once read (given, or the piece's first record). */
  header: string | null;
  private readonly collector: PieceCollector;
  private readonly splitter: RecordSplitter;

  constructor(spec: PieceSpec) {
    this.header = spec.header;
    this.collector = new PieceCollector(spec);
    const ctx = this.collector.ctx;
    let rows = spec.format === 'jsonl' ? jsonlRows(ctx) : csvRows(ctx, spec.header);
    if (spec.format === 'csv' && spec.header === null) {
      const inner = rows;
      rows = {
        record: (text, line) => {
          inner.record(text, line);
          this.header ??= text; // csvRows read it as the header, or threw
        },
        tooLong: (preview, line, inQuotes) => inner.tooLong(preview, line, inQuotes),
      };
    }
    this.splitter = new RecordSplitter(spec.format === 'csv', spec.maxLineBytes, spec.rawPreviewChars, rows, spec.first);
  }

  push(bytes: Uint8Array): void {
    this.splitter.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }

  finish(): PieceResult {
    this.splitter.end();
    return this.collector.result(this.splitter.lines);
  }
}

/** Reads a whole piece (what a worker does with each job). */
export function readPiece(spec: PieceSpec, bytes: Uint8Array): PieceResult {
  const reader = new PieceReader(spec);
  reader.push(bytes);
  return reader.finish();
}
