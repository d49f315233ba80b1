/**
 * Byte-level record splitter over a stream of Buffers. JSONL mode splits on
 * LF; CSV mode also tracks RFC 4180 quoting so a quoted field may span lines.
 * A trailing CR is dropped, a last line without LF is kept, UTF-8 is decoded
 * per whole record (never per chunk), and a record longer than `maxBytes` is
 * skipped without being buffered: only a preview of its start is kept.
 */

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const COMMA = 0x2c;

/** CSV scanner states. */
const FIELD_START = 0;
const UNQUOTED = 1;
const IN_QUOTES = 2;
const QUOTE_PENDING = 3; // a quote inside quotes: an escape if the next byte is a quote, else the closing quote

export interface SplitterSink {
  /** A whole record (without its line ending), starting at physical line `line`. */
  record(text: string, line: number): void;
  /** A record over the limit; `preview` is its start, `inQuotes` tells it ended inside a quoted field. */
  tooLong(preview: string, line: number, inQuotes: boolean): void;
}

export class RecordSplitter {
  private line = 1; // physical line of the next byte
  private recordLine = 1; // physical line where the current record started
  private state = FIELD_START;
  private parts: Buffer[] = [];
  private partBytes = 0;
  private skipping = false;
  private preview = '';
  private first = true;
  private quoteChunk: Buffer | null = null;
  private quoteAt = -1;

  constructor(
    private readonly csv: boolean,
    private readonly maxBytes: number,
    private readonly previewChars: number,
    private readonly sink: SplitterSink,
  ) {}

  push(chunk: Buffer): void {
    let start = 0;
    for (;;) {
      const end = this.csv ? this.scanCsv(chunk, start) : chunk.indexOf(LF, start);
      if (end < 0) {
        this.keep(chunk, start, chunk.length);
        return;
      }
      this.finish(chunk, start, end);
      this.line++;
      this.recordLine = this.line;
      start = end + 1;
    }
  }

  /** Flush a last record that had no line ending. */
  end(): void {
    if (this.partBytes > 0 || this.skipping || this.state !== FIELD_START) {
      this.finish(Buffer.alloc(0), 0, 0);
    }
  }

  /** Index of the first quote at or after `pos` in `chunk`, or -1; remembered, so a chunk without quotes is searched once, not once per record. */
  private nextQuote(chunk: Buffer, pos: number): number {
    if (chunk !== this.quoteChunk || (this.quoteAt >= 0 && this.quoteAt < pos)) {
      this.quoteChunk = chunk;
      this.quoteAt = chunk.indexOf(QUOTE, pos);
    }
    return this.quoteAt;
  }

  /** Index of the LF that ends the current CSV record, or -1; counts quoted line breaks. */
  private scanCsv(chunk: Buffer, from: number): number {
    let state = this.state;
    let pos = from;
    // Fast path: outside quotes and no quote before the next LF.
    if (state === FIELD_START || state === UNQUOTED) {
      const lf = chunk.indexOf(LF, pos);
      const quote = this.nextQuote(chunk, pos);
      if (quote < 0 || (lf >= 0 && lf < quote)) {
        if (lf >= 0) this.state = FIELD_START;
        else if (chunk.length > pos) this.state = chunk[chunk.length - 1] === COMMA ? FIELD_START : UNQUOTED;
        return lf;
      }
    }
    for (const n = chunk.length; pos < n; pos++) {
      const byte = chunk[pos];
      switch (state) {
        case IN_QUOTES:
          if (byte === QUOTE) state = QUOTE_PENDING;
          else if (byte === LF) this.line++;
          continue;
        case QUOTE_PENDING:
          if (byte === QUOTE) {
            state = IN_QUOTES;
            continue;
          }
          break; // the quote closed the field; read this byte as unquoted
        case FIELD_START:
          if (byte === QUOTE) {
            state = IN_QUOTES;
            continue;
          }
          break;
      }
      if (byte === LF) {
        this.state = FIELD_START;
        return pos;
      }
      state = byte === COMMA ? FIELD_START : UNQUOTED;
    }
    this.state = state;
    return -1;
  }

  /** Hold bytes of a record that continues in the next chunk, or only its preview once over the limit. */
  private keep(chunk: Buffer, start: number, end: number): void {
    if (start === end) return;
    if (this.skipping) return;
    this.parts.push(chunk.subarray(start, end));
    this.partBytes += end - start;
    if (this.partBytes > this.maxBytes) this.startSkipping();
  }

  private startSkipping(): void {
    const bytes = Buffer.concat(this.parts, Math.min(this.partBytes, this.previewChars * 4));
    this.preview = bytes.toString('utf8').slice(0, this.previewChars);
    this.parts = [];
    this.partBytes = 0;
    this.skipping = true;
  }

  /** The current record ends at `end` (exclusive, before the LF) in `chunk`. */
  private finish(chunk: Buffer, start: number, end: number): void {
    const line = this.recordLine;
    const inQuotes = this.state === IN_QUOTES;
    const crlf = end > start && chunk[end - 1] === CR ? 1 : 0;
    if (!this.skipping && this.partBytes + end - start - crlf > this.maxBytes) {
      this.keep(chunk, start, end);
    }
    if (this.skipping) {
      this.skipping = false;
      this.state = FIELD_START;
      this.sink.tooLong(this.stripBom(this.preview), line, inQuotes);
      this.preview = '';
      return;
    }
    let text: string;
    if (this.partBytes === 0) {
      if (end > start && chunk[end - 1] === CR) end--;
      text = chunk.toString('utf8', start, end);
    } else {
      this.parts.push(chunk.subarray(start, end));
      let joined = Buffer.concat(this.parts, this.partBytes + end - start);
      if (joined.length > 0 && joined[joined.length - 1] === CR) joined = joined.subarray(0, joined.length - 1);
      text = joined.toString('utf8');
      this.parts = [];
      this.partBytes = 0;
    }
    this.state = FIELD_START;
    this.sink.record(this.stripBom(text), line);
  }

  private stripBom(text: string): string {
    if (!this.first) return text;
    this.first = false;
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
}
