/**
 * Opens an input file as a stream of Buffers: format from the name (a `.gz`
 * suffix is ignored), compression from the magic bytes (1f 8b), so a
 * gzipped file with a plain name still reads. Parquet is told by content
 * alone (`PAR1` at both ends), whatever the name.
 */
import type { Hash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { UserError } from '../util/errors.ts';

export type InputFormat = 'jsonl' | 'csv' | 'parquet';

const FORMATS: Record<string, InputFormat> = {
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  json: 'jsonl',
  csv: 'csv',
  parquet: 'parquet',
  pq: 'parquet',
};

/** Parquet's magic bytes, at the start and at the end of every file. */
const PAR1 = Buffer.from('PAR1');

/** Read size; large reads keep the per-chunk overhead small on multi-GB inputs. */
const CHUNK_BYTES = 1 << 20;

/** The format a file name says, or E_INPUT_FORMAT. */
export function detectFormat(file: string): InputFormat {
  const name = basename(file).toLowerCase().replace(/\.gz$/, '');
  const dot = name.lastIndexOf('.');
  const ext = dot < 0 ? '' : name.slice(dot + 1);
  const format = Object.hasOwn(FORMATS, ext) ? FORMATS[ext] : undefined;
  if (format === undefined) {
    throw new UserError(
      'E_INPUT_FORMAT',
      `${file}: unknown input format; name the file .jsonl, .ndjson, .json or .csv (optionally .gz), or give a Parquet file`,
    );
  }
  return format;
}

function describe(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return e?.code ?? (e instanceof Error ? e.message : String(err));
}

/**
 * The format of `file`: Parquet if it starts with `PAR1` (and then it must
 * end with it too, or it is truncated), otherwise what its name says. A file
 * named .parquet without the magic bytes is refused.
 */
export async function sniffFormat(file: string): Promise<InputFormat> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (err) {
    throw new UserError('E_INPUT_MISSING', `${file}: cannot open input file (${describe(err)})`);
  }
  const head = Buffer.alloc(4);
  const tail = Buffer.alloc(4);
  try {
    const size = (await handle.stat()).size;
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    if (bytesRead === 4 && head.equals(PAR1)) {
      if (size >= 12) await handle.read(tail, 0, 4, size - 4);
      if (size < 12 || !tail.equals(PAR1)) {
        throw new UserError(
          'E_INPUT_FORMAT',
          `${file}: a Parquet file (it starts with PAR1) that does not end with PAR1: truncated or still being written`,
        );
      }
      return 'parquet';
    }
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError('E_INPUT_MISSING', `${file}: cannot read input file (${describe(err)})`);
  } finally {
    await handle.close();
  }
  const format = detectFormat(file);
  if (format === 'parquet') {
    throw new UserError('E_INPUT_FORMAT', `${file}: named as Parquet but does not start with PAR1; not a Parquet file`);
  }
  return format;
}

/**
 * A SHA-256 of the raw bytes, taken while inputChunks reads a plain file (the
 * manifest's hash without a second read of the file); `complete` once the
 * whole file went through it.
 */
export interface InputDigest {
  hash: Hash;
  complete: boolean;
}

/** Whether inputChunks(file, true, digest) reads `file` byte for byte as it is (not gzip, not Parquet); false when it cannot tell. */
export async function isPlainText(file: string): Promise<boolean> {
  try {
    const { handle, gzip } = await openChecked(file);
    await handle.close();
    return !gzip && (await sniffFormat(file)) !== 'parquet';
  } catch {
    return false; // the read reports it
  }
}

/** `file` opened for reading, and whether it starts with gzip's magic bytes. */
async function openChecked(file: string): Promise<{ handle: FileHandle; gzip: boolean }> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (err) {
    throw new UserError('E_INPUT_MISSING', `${file}: cannot open input file (${describe(err)})`);
  }
  try {
    const magic = Buffer.alloc(2);
    const { bytesRead } = await handle.read(magic, 0, 2, 0);
    return { handle, gzip: bytesRead === 2 && magic[0] === 0x1f && magic[1] === 0x8b };
  } catch (err) {
    await handle.close();
    throw new UserError('E_INPUT_MISSING', `${file}: cannot read input file (${describe(err)})`);
  }
}

/** A Buffer stream of an opened file's content, gunzipped if it is gzip. */
function streamOf({ handle, gzip }: { handle: FileHandle; gzip: boolean }): Readable {
  const stream = handle.createReadStream({ start: 0, highWaterMark: CHUNK_BYTES });
  if (!gzip) return stream;
  const gunzip = createGunzip({ chunkSize: CHUNK_BYTES });
  stream.on('error', (err) => gunzip.destroy(err));
  gunzip.on('close', () => stream.destroy());
  return stream.pipe(gunzip);
}

/** A Buffer stream of the file's content, gunzipped if it starts with the gzip magic bytes. */
export async function openInput(file: string): Promise<Readable> {
  return streamOf(await openChecked(file));
}

/**
 * The file's content chunk by chunk, as openInput streams it. A read that fails
 * midway (a truncated gzip, say) is one E_INPUT_READ error, and the stream is
 * closed however the caller's loop ends.
 *
 * With `reuse`, a plain (not gzip) file is read into one buffer, again and
 * again: each chunk is valid only until the loop asks for the next, so the
 * caller copies what it keeps. Gigabytes of input then allocate nothing, and
 * V8 does not start a full collection of the reading thread's heap for every
 * ~64 MiB of new buffers (at 24 GB, hundreds of them).
 */
export async function* inputChunks(file: string, reuse = false, digest?: InputDigest): AsyncGenerator<Buffer> {
  const opened = await openChecked(file);
  if (reuse && !opened.gzip) {
    yield* reusedChunks(file, opened.handle, digest);
    return;
  }
  const stream = streamOf(opened);
  const chunks = stream[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<Buffer>;
      try {
        next = await chunks.next();
      } catch (err) {
        const detail = err instanceof Error ? err.message : String(err);
        throw new UserError('E_INPUT_READ', `${file}: the input could not be read to the end (${detail})`);
      }
      if (next.done) return;
      yield next.value;
    }
  } finally {
    stream.destroy();
  }
}

/** The content of an opened plain file, read into one buffer again and again (see inputChunks), hashed into `digest` if given. */
async function* reusedChunks(file: string, handle: FileHandle, digest?: InputDigest): AsyncGenerator<Buffer> {
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  try {
    for (;;) {
      let bytesRead: number;
      try {
        ({ bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, null));
      } catch (err) {
        throw new UserError('E_INPUT_READ', `${file}: the input could not be read to the end (${describe(err)})`);
      }
      if (bytesRead === 0) {
        if (digest) digest.complete = true;
        return;
      }
      digest?.hash.update(buffer.subarray(0, bytesRead));
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}
