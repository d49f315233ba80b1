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
  private previewParts: Buffer[] = [];
  private previewBytes = 0;
  private skippedBytes = 0;
  private lastSkipped = -1;
  private first: boolean;
  private quoteChunk: Buffer | null = null;
  private quoteAt = -1;

  constructor(
    private readonly csv: boolean,
    private readonly maxBytes: number,
    private readonly previewChars: number,
    private readonly sink: SplitterSink,
    /** The input starts at the start of the file, so its first record may carry a BOM. */
    first = true,
  ) {
    this.first = first;
  }

  /** Line breaks consumed so far (a piece cut at record boundaries spans this many physical lines). */
  get lines(): number {
    return this.line - 1;
  }

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
    if (this.skipping) {
      this.skippedBytes += end - start;
      this.lastSkipped = chunk[end - 1];
      this.addPreview(chunk.subarray(start, end));
      return;
    }
    this.parts.push(chunk.subarray(start, end));
    this.partBytes += end - start;
    // A CR last may be the CR of a CRLF split between chunks, which is not part of the record.
    if (this.partBytes - (chunk[end - 1] === CR ? 1 : 0) > this.maxBytes) this.startSkipping();
  }

  private startSkipping(): void {
    this.skippedBytes = this.partBytes;
    this.lastSkipped = this.partBytes > 0 ? this.lastHeldByte() : -1;
    for (const part of this.parts) this.addPreview(part);
    this.parts = [];
    this.partBytes = 0;
    this.skipping = true;
  }

  /** Keep the start of a skipped record, up to 4 bytes per preview character, whatever the chunks. */
  private addPreview(bytes: Buffer): void {
    const room = this.previewChars * 4 - this.previewBytes;
    if (room <= 0) return;
    const part = bytes.length > room ? bytes.subarray(0, room) : bytes;
    this.previewParts.push(part);
    this.previewBytes += part.length;
  }

  /** The preview of a skipped record (its first `previewChars` characters), and reset. */
  private takePreview(): string {
    const text = Buffer.concat(this.previewParts, this.previewBytes).toString('utf8').slice(0, this.previewChars);
    this.previewParts = [];
    this.previewBytes = 0;
    return text;
  }

  /** The current record ends at `end` (exclusive, before the LF) in `chunk`. */
  private finish(chunk: Buffer, start: number, end: number): void {
    const line = this.recordLine;
    const inQuotes = this.state === IN_QUOTES;
    // A CR before the LF is not part of the record, whichever chunk it came in.
    if (end > start) {
      if (chunk[end - 1] === CR) end--;
    } else if (this.skipping) {
      if (this.skippedBytes > 0 && this.lastSkipped === CR) this.dropSkippedByte();
    } else if (this.partBytes > 0 && this.lastHeldByte() === CR) {
      this.dropHeldByte();
    }
    if (!this.skipping && this.partBytes + end - start > this.maxBytes) {
      this.keep(chunk, start, end);
      if (!this.skipping) this.startSkipping();
    } else if (this.skipping) {
      this.keep(chunk, start, end);
    }
    if (this.skipping) {
      this.skipping = false;
      this.state = FIELD_START;
      this.sink.tooLong(this.stripBom(this.takePreview()), line, inQuotes);
      return;
    }
    let text: string;
    if (this.partBytes === 0) {
      text = chunk.toString('utf8', start, end);
    } else {
      this.parts.push(chunk.subarray(start, end));
      text = Buffer.concat(this.parts, this.partBytes + end - start).toString('utf8');
      this.parts = [];
      this.partBytes = 0;
    }
    this.state = FIELD_START;
    this.sink.record(this.stripBom(text), line);
  }

  private lastHeldByte(): number {
    const last = this.parts[this.parts.length - 1];
    return last[last.length - 1];
  }

  private dropHeldByte(): void {
    const last = this.parts.length - 1;
    if (this.parts[last].length === 1) this.parts.pop();
    else this.parts[last] = this.parts[last].subarray(0, this.parts[last].length - 1);
    this.partBytes--;
  }

  /** Drop the last byte of a skipped record, from its preview too if the preview reaches it. */
  private dropSkippedByte(): void {
    this.skippedBytes--;
    if (this.previewBytes > this.skippedBytes) {
      const last = this.previewParts.length - 1;
      if (this.previewParts[last].length === 1) this.previewParts.pop();
      else this.previewParts[last] = this.previewParts[last].subarray(0, this.previewParts[last].length - 1);
      this.previewBytes--;
    }
  }

  private stripBom(text: string): string {
    if (!this.first) return text;
    this.first = false;
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
}
