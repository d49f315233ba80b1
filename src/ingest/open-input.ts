/**
 * Opens an input file as a stream of Buffers: format from the name (a `.gz`
 * suffix is ignored), compression from the magic bytes (1f 8b), so a
 * gzipped file with a plain name still reads.
 */
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { UserError } from '../util/errors.ts';

export type InputFormat = 'jsonl' | 'csv';

const FORMATS: Record<string, InputFormat> = { jsonl: 'jsonl', ndjson: 'jsonl', json: 'jsonl', csv: 'csv' };

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
      `${file}: unknown input format; name the file .jsonl, .ndjson, .json or .csv (optionally .gz)`,
    );
  }
  return format;
}

function describe(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return e?.code ?? (e instanceof Error ? e.message : String(err));
}

/** A Buffer stream of the file's content, gunzipped if it starts with the gzip magic bytes. */
export async function openInput(file: string): Promise<Readable> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (err) {
    throw new UserError('E_INPUT_MISSING', `${file}: cannot open input file (${describe(err)})`);
  }
  const magic = Buffer.alloc(2);
  try {
    const { bytesRead } = await handle.read(magic, 0, 2, 0);
    const stream = handle.createReadStream({ start: 0, highWaterMark: CHUNK_BYTES });
    if (bytesRead === 2 && magic[0] === 0x1f && magic[1] === 0x8b) {
      const gunzip = createGunzip({ chunkSize: CHUNK_BYTES });
      stream.on('error', (err) => gunzip.destroy(err));
      gunzip.on('close', () => stream.destroy());
      return stream.pipe(gunzip);
    }
    return stream;
  } catch (err) {
    await handle.close();
    throw new UserError('E_INPUT_MISSING', `${file}: cannot read input file (${describe(err)})`);
  }
}
