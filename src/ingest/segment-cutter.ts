/**
 * Cuts a stream of Buffers into pieces that end at record boundaries, for
 * parsing on worker threads: the main thread only looks for the last record
 * boundary of each chunk (one `lastIndexOf` for JSONL; for CSV a scan that
 * jumps from quote to quote), and a fresh RecordSplitter on each piece then
 * yields exactly the records the one splitter over the whole stream would.
 *
 * The boundaries are RecordSplitter's: every LF in JSONL; in CSV an LF
 * outside an RFC 4180 quoted field (a quote opens a field only at its start,
 * `""` inside quotes is an escape). The splitter is back in its start state
 * after each of them, so a piece can be read with no state but its line
 * offset, which the reader counts (RecordSplitter.lines).
 *
 * A record that grows past `maxBytes + 1` bytes without a boundary is certain
 * to be refused as too long; it is not held but passed on in `long` pieces, to
 * be read in order on the main thread (memory stays bounded, as in the splitter).
 */

const LF = 0x0a;
const QUOTE = 0x22;
const COMMA = 0x2c;

/** CSV scanner states, as in RecordSplitter. */
const FIELD_START = 0;
const UNQUOTED = 1;
const IN_QUOTES = 2;
const QUOTE_PENDING = 3;

/** Whole records (the last ends with its LF, or at the end of the input), in a fresh array of their own (or from `alloc`). */
export interface BatchPiece {
  long: false;
  bytes: Uint8Array;
}

/** Part of one record too long to hold; `done` on its last part (through its LF, or at the end of the input). */
export interface LongPiece {
  long: true;
  bytes: Uint8Array;
  done: boolean;
}

export type Piece = BatchPiece | LongPiece;

const fresh = (bytes: number) => new Uint8Array(bytes);

export class SegmentCutter {
  private carry: Uint8Array[] = [];
  private carryBytes = 0;
  private state = FIELD_START;
  private long = false;

  /**
   * @param csv CSV quoting rules (else JSONL: every LF ends a record)
   * @param maxBytes the splitter's record limit (config.ingest.maxLineBytes)
   * @param splitFirst hand the first record on alone (a CSV header, read before the rest)
   */
  constructor(
    private readonly csv: boolean,
    private readonly maxBytes: number,
    private splitFirst: boolean,
    /** Where a batch piece's bytes are written (read-parallel.ts gives shared slots); a fresh array by default. */
    private readonly alloc: (bytes: number) => Uint8Array = fresh,
  ) {}

  push(chunk: Buffer): Piece[] {
    const out: Piece[] = [];
    let from = 0;
    while (from < chunk.length) {
      if (this.long || this.splitFirst) {
        const lf = this.boundary(chunk, from, true);
        if (lf < 0) {
          this.hold(chunk.subarray(from), out);
          return out;
        }
        if (this.long) {
          out.push({ long: true, bytes: chunk.subarray(from, lf + 1), done: true });
          this.long = false;
        } else {
          out.push(this.batch(chunk.subarray(from, lf + 1)));
        }
        this.splitFirst = false;
        from = lf + 1;
        continue;
      }
      // The rest of the chunk is scanned by this call: what follows its last boundary is held, not scanned again.
      const lf = this.boundary(chunk, from, false);
      if (lf >= 0) out.push(this.batch(chunk.subarray(from, lf + 1)));
      this.hold(chunk.subarray(lf >= 0 ? lf + 1 : from), out);
      break;
    }
    return out;
  }

  /** The input ended: what is left. */
  end(): Piece[] {
    if (this.long) {
      this.long = false;
      return [{ long: true, bytes: new Uint8Array(0), done: true }];
    }
    return this.carryBytes > 0 ? [this.batch(new Uint8Array(0))] : [];
  }

  /** Keep bytes of an unfinished record, or pass them on once it is sure to be too long. */
  private hold(bytes: Uint8Array, out: Piece[]): void {
    if (bytes.length === 0) return;
    if (this.long) {
      out.push({ long: true, bytes, done: false });
      return;
    }
    this.carry.push(new Uint8Array(bytes)); // a copy (Buffer#slice would not be): the caller may reuse the chunk
    this.carryBytes += bytes.length;
    // Over maxBytes even if its last byte is the CR of a CRLF: RecordSplitter will call it too long.
    if (this.carryBytes > this.maxBytes + 1) {
      out.push({ long: true, bytes: this.take(new Uint8Array(0)), done: false });
      this.long = true;
    }
  }

  private batch(tail: Uint8Array): BatchPiece {
    return { long: false, bytes: this.take(tail, this.alloc) };
  }

  /** The carried bytes and `tail`, copied into one new buffer (transferable to a worker), or one from `alloc`. */
  private take(tail: Uint8Array, alloc: (n: number) => Uint8Array = fresh): Uint8Array {
    const bytes = alloc(this.carryBytes + tail.length);
    let at = 0;
    for (const part of this.carry) {
      bytes.set(part, at);
      at += part.length;
    }
    bytes.set(tail, at);
    this.carry = [];
    this.carryBytes = 0;
    return bytes;
  }

  /** Index of the first (or last) record-ending LF in chunk[from..], or -1; scans, so the state moves to the end of what it read. */
  private boundary(chunk: Buffer, from: number, first: boolean): number {
    if (!this.csv) return first ? chunk.indexOf(LF, from) : lastLf(chunk, from, chunk.length);
    let state = this.state;
    let pos = from;
    let last = -1;
    const n = chunk.length;
    while (pos < n) {
      if (state === IN_QUOTES) {
        // Line breaks inside quotes end nothing: jump to the next quote.
        const q = chunk.indexOf(QUOTE, pos);
        if (q < 0) break;
        state = QUOTE_PENDING;
        pos = q + 1;
        continue;
      }
      if (state === QUOTE_PENDING) {
        const byte = chunk[pos++];
        if (byte === QUOTE) state = IN_QUOTES;
        else if (byte === COMMA) state = FIELD_START;
        else if (byte === LF) {
          state = FIELD_START;
          last = pos - 1;
          if (first) break;
        } else state = UNQUOTED;
        continue;
      }
      // Outside quotes, only a quote changes anything: every LF before it ends a record.
      const q = chunk.indexOf(QUOTE, pos);
      const stop = q < 0 ? n : q;
      if (first) {
        const lf = chunk.indexOf(LF, pos);
        if (lf >= 0 && lf < stop) {
          this.state = FIELD_START;
          return lf;
        }
      } else {
        const lf = lastLf(chunk, pos, stop);
        if (lf >= 0) last = lf;
      }
      if (stop > pos) state = chunk[stop - 1] === COMMA || chunk[stop - 1] === LF ? FIELD_START : UNQUOTED;
      if (q < 0) break;
      state = state === FIELD_START ? IN_QUOTES : UNQUOTED; // a quote opens a field only at its start
      pos = q + 1;
    }
    if (first && last >= 0) {
      this.state = FIELD_START;
      return last;
    }
    this.state = state;
    return first ? -1 : last;
  }
}

/** The last LF in chunk[from, to), or -1. */
function lastLf(chunk: Buffer, from: number, to: number): number {
  if (to <= from) return -1;
  const lf = chunk.lastIndexOf(LF, to - 1);
  return lf >= from ? lf : -1;
}
