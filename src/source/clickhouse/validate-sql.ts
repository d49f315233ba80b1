/**
 * The row contract of src/ingest (schemas.ts, fields.ts, timestamp.ts,
 * ip.ts) as ClickHouse SQL expressions over a cell's text, so rows are
 * accepted or rejected in the cluster exactly as the file path would. Only
 * functions present in ClickHouse 18.16 and still current are used (match,
 * extract, replaceRegexpAll, substring, to*OrZero, multiIf, intDiv) — no
 * window functions, no JSON functions, no parseDateTime*: the ISO 8601
 * grammar is matched by one regex and the date turned into days by
 * arithmetic (Hinnant's days_from_civil), as timestamp.ts does by hand.
 * Every branch of multiIf is evaluated, so parsers are the *OrZero kinds.
 */

/** JavaScript's String.prototype.trim whitespace (WhiteSpace and LineTerminator), as an RE2 class. */
const WS = '[\\x{0009}-\\x{000D}\\x{0020}\\x{00A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]';

/**
 * `body` applied to `cell` through a one-element arrayMap, so the cell is
 * named once: ClickHouse substitutes an alias wherever it is used, and the
 * timestamp grammar uses its cell ~40 times (query analysis went from 0.3–0.6 s
 * to a few ms per query).
 */
function once(cell: string, body: (t: string) => string): string {
  return `arrayMap(_t -> ${body('_t')}, [${cell}])[1]`;
}

/** An SQL string literal of a constant we wrote (never of input data). */
export const lit = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** Trimmed text of a Nullable(String) cell; NULL reads as ''. */
export const trimmed = (cell: string) => `replaceRegexpAll(ifNull(${cell}, ''), ${lit(`^${WS}+|${WS}+$`)}, '')`;

const OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
const IPV4 = `^${OCTET}(?:\\.${OCTET}){3}$`;
const H = '[0-9A-Fa-f]{1,4}';
/** Eight groups, or fewer with one "::" standing for at least one zero group (RFC 4291 text form). */
const IPV6 = `^(?:(?:${H}:){7}${H}|(?:${H}:){1,7}:|(?:${H}:){1,6}:${H}|(?:${H}:){1,5}(?::${H}){1,2}|(?:${H}:){1,4}(?::${H}){1,3}|(?:${H}:){1,3}(?::${H}){1,4}|(?:${H}:){1,2}(?::${H}){1,5}|${H}:(?::${H}){1,6}|:(?:(?::${H}){1,7}|:))$`;

/**
 * 1 if trimmed text `t` is empty or an IP address normaliseIp accepts: a
 * strict dotted quad, or IPv6 (zone id dropped) whose embedded dotted quad,
 * if any, is strict.
 */
export function ipOk(cell: string): string {
  return once(cell, ipOkOf);
}

function ipOkOf(t: string): string {
  const v6 = `if(position(${t}, '%') > 0, substring(${t}, 1, position(${t}, '%') - 1), ${t})`;
  const quad = `extract(${v6}, ':([^:]*)$')`;
  const rewritten = `concat(replaceRegexpOne(${v6}, ':[^:]*$', ':'), '0:0')`;
  return `multiIf(${t} = '', 1, match(${t}, ${lit(IPV4)}), 1, position(${t}, ':') = 0, 0,
    position(${v6}, '.') > 0, match(${quad}, ${lit(IPV4)}) AND match(${rewritten}, ${lit(IPV6)}),
    match(${v6}, ${lit(IPV6)}))`;
}

/** 1 if trimmed text `t` is empty or a count optionalCount accepts (1–15 decimal digits). */
export const countOk = (t: string) => `(${t} = '' OR match(${t}, '^[0-9]{1,15}$'))`;

/** The count of a valid non-empty count cell. */
export const countValue = (t: string) => `toUInt64OrZero(${t})`;

const ISO =
  '^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[Tt ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]{1,9})?)?(?:[Zz]|[+-][0-9]{2}(?:[0-9]{2}|:[0-9]{2})?)?)?$';
const MIN_MS = Date.UTC(2000, 0, 1);
const MAX_MS = Date.UTC(2101, 0, 1) - 1;

/**
 * Milliseconds of strict ISO 8601 text `t` (timestamp.ts parseIsoMs), or -1.
 * Fields are cut by position (the regex fixed the layout) and bound to lambda
 * parameters, so each is written once.
 */
function isoMs(t: string): string {
  const num = (from: number, length: number) => `[toInt64(toUInt32OrZero(substring(${t}, ${from}, ${length})))]`;
  const timed = `length(${t}) > 10`;
  const secs = `(${timed} AND substring(${t}, 17, 1) = ':')`;
  const fields = [
    num(1, 4),
    num(6, 2),
    num(9, 2),
    `[if(${timed}, toInt64(toUInt32OrZero(substring(${t}, 12, 2))), 0)]`,
    `[if(${timed}, toInt64(toUInt32OrZero(substring(${t}, 15, 2))), 0)]`,
    `[if(${secs}, toInt64(toUInt32OrZero(substring(${t}, 18, 2))), 0)]`,
    `[toInt64(toUInt32OrZero(substring(concat(extract(${t}, '^.{19}[.,]([0-9]{1,9})'), '000'), 1, 3)))]`,
    `[if(${timed}, extract(substring(${t}, 17), '((?:[Zz]|[+-][0-9]{2}(?:[0-9]{2}|:[0-9]{2})?))$'), '')]`,
  ].join(', ');
  const zone = [
    '[toInt64(toUInt32OrZero(substring(z, 2, 2)))]',
    '[toInt64(toUInt32OrZero(multiIf(length(z) = 5, substring(z, 4, 2), length(z) = 6, substring(z, 5, 2), \'0\')))]',
    '[multiIf(substring(z, 1, 1) = \'-\', -1, substring(z, 1, 1) = \'+\', 1, 0)]',
  ].join(', ');
  const leap = '((y % 4 = 0 AND y % 100 != 0) OR y % 400 = 0)';
  const dim = `if(mo = 2 AND ${leap}, 29, [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo])`;
  // days_from_civil (H. Hinnant), valid for the years let through (1999–2101)
  const days = `arrayMap(yy -> arrayMap(era -> era * 146097 + (yy - era * 400) * 365 + intDiv(yy - era * 400, 4) - intDiv(yy - era * 400, 100)
      + intDiv(153 * ((mo + 9) % 12) + 2, 5) + d - 1 - 719468, [intDiv(yy, 400)])[1], [y - if(mo <= 2, 1, 0)])[1]`;
  const ms = `(${days} * 86400000 + h * 3600000 + mi * 60000 + s * 1000 + f - sg * (oh * 60 + om) * 60000)`;
  const ok = `(y >= 1999 AND y <= 2101 AND mo >= 1 AND mo <= 12 AND d >= 1 AND d <= ${dim}
    AND h <= 23 AND mi <= 59 AND s <= 59 AND oh <= 23 AND om <= 59)`;
  return `if(match(${t}, ${lit(ISO)}), arrayMap((y, mo, d, h, mi, s, f, z) -> arrayMap((oh, om, sg) -> if(${ok}, ${ms}, toInt64(-1)), ${zone})[1], ${fields})[1], toInt64(-1))`;
}

/**
 * Milliseconds since the epoch of trimmed timestamp text `t` (timestamp.ts
 * timestampMs: epoch seconds below 1e11, else milliseconds, or ISO 8601),
 * or -1 when it is not one in 2000–2100; `t` must not be empty.
 */
export function timestampMs(cell: string): string {
  return once(cell, timestampMsOf);
}

function timestampMsOf(t: string): string {
  const int = `toUInt64OrZero(${t})`;
  const float = `toFloat64OrZero(${t})`;
  const ms = `multiIf(
    match(${t}, '^[0-9]{1,16}$'), toInt64(if(${int} < 100000000000, ${int} * 1000, ${int})),
    match(${t}, '^[0-9]{1,16}\\\\.[0-9]{1,9}$'), toInt64(floor(if(${float} < 100000000000, ${float} * 1000, ${float}) + 0.5)),
    ${isoMs(t)})`;
  return `if(${ms} >= ${MIN_MS} AND ${ms} <= ${MAX_MS}, ${ms}, toInt64(-1))`;
}
