/**
 * Turns split records into rows: JSONL lines are parsed as JSON objects, CSV
 * records split into fields under the header; both map columns to roles,
 * validate, and keep the counts (read = accepted + rejected + blank).
 */
import type { FileStats, InputKind, Rejection } from '../model.ts';
import { UserError } from '../util/errors.ts';
import { CsvRowMapper, JsonRowMapper } from './columns.ts';
import { splitCsvRecord } from './csv-fields.ts';
import { oneLine } from './reasons.ts';
import type { SplitterSink } from './record-splitter.ts';
import { REQUIRED, ROLES, type Validator } from './validate.ts';

export interface RowContext {
  file: string;
  kind: InputKind;
  maxLineBytes: number;
  rawPreviewChars: number;
  /** Column per role, in ROLES[kind] order. */
  cols: readonly string[];
  stats: FileStats;
  validate: Validator;
  reject(rejection: Rejection): void;
}

function isBlank(text: string): boolean {
  return text.length === 0 || text.trim() === '';
}

/** Counts and hands on a rejected row, its raw text cut to the preview length. */
export function rejecter(ctx: RowContext) {
  return (line: number, reason: string, raw: string): void => {
    ctx.stats.rejected++;
    ctx.reject({ file: ctx.file, line, reason, raw: raw.length > ctx.rawPreviewChars ? raw.slice(0, ctx.rawPreviewChars) : raw });
  };
}

function kindOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

export function jsonlRows(ctx: RowContext): SplitterSink {
  const mapper = new JsonRowMapper(ctx.kind, ctx.cols);
  const reject = rejecter(ctx);
  const { stats, validate } = ctx;
  return {
    record(text, line) {
      stats.read++;
      if (isBlank(text)) {
        stats.blank++;
        return;
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (err) {
        // SyntaxError, or RangeError for absurd nesting: either way the line is data, not a crash.
        return reject(line, `invalid JSON: ${oneLine(err instanceof Error ? err.message : String(err))}`, text);
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return reject(line, `not a JSON object (got ${kindOf(value)})`, text);
      }
      const obj = value as Record<string, unknown>;
      const extra = mapper.extras(obj);
      if (typeof extra === 'string') return reject(line, extra, text);
      const reason = validate(mapper.cells(obj), extra);
      if (reason === null) stats.accepted++;
      else reject(line, reason, text);
    },
    tooLong(preview, line) {
      stats.read++;
      reject(line, `line longer than ${ctx.maxLineBytes} bytes`, preview);
    },
  };
}

/** CSV rows; `header`, when given, is the file's header record, read already (a piece cut after it). */
export function csvRows(ctx: RowContext, header: string | null = null): SplitterSink {
  const reject = rejecter(ctx);
  const { stats, validate, file } = ctx;
  let mapper: CsvRowMapper | null = null;
  let width = 0;

  function readHeader(text: string): void {
    const split = splitCsvRecord(text);
    if (split.error !== null) throw new UserError('E_INPUT_HEADER', `${file}:1: bad CSV header (${split.error})`);
    mapper = new CsvRowMapper(ROLES[ctx.kind], ctx.cols, split.fields);
    width = split.fields.length;
    const missing = REQUIRED[ctx.kind].filter((role) => mapper!.roleIndex[ROLES[ctx.kind].indexOf(role)] < 0);
    if (missing.length > 0) {
      const names = missing.map((role) => JSON.stringify(ctx.cols[ROLES[ctx.kind].indexOf(role)])).join(', ');
      throw new UserError(
        'E_INPUT_HEADER',
        `${file}:1: the CSV header has no ${names} column; map it with config columns.${ctx.kind}`,
      );
    }
  }

  if (header !== null) readHeader(header);

  return {
    record(text, line) {
      if (mapper === null) return readHeader(text);
      stats.read++;
      if (isBlank(text)) {
        stats.blank++;
        return;
      }
      const split = splitCsvRecord(text);
      if (split.error !== null) return reject(line, `malformed CSV: ${split.error}`, text);
      const fields = split.fields;
      if (fields.length === 1 && isBlank(fields[0])) {
        stats.blank++;
        return;
      }
      if (fields.length !== width) return reject(line, `row has ${fields.length} fields, header has ${width}`, text);
      const reason = validate(mapper.cells(fields), mapper.extras(fields));
      if (reason === null) stats.accepted++;
      else reject(line, reason, text);
    },
    tooLong(preview, line, inQuotes) {
      if (mapper === null) {
        throw new UserError('E_INPUT_HEADER', `${file}:1: the CSV header is longer than ${ctx.maxLineBytes} bytes`);
      }
      stats.read++;
      const hint = inQuotes ? ' (it ends inside a quoted field: an unclosed quote?)' : '';
      reject(line, `record longer than ${ctx.maxLineBytes} bytes${hint}`, preview);
    },
  };
}
