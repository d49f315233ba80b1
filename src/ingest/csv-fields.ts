/**
 * Splits one CSV record (already cut out by the record splitter) into its
 * fields, RFC 4180: comma-separated, a quoted field may hold commas, line
 * breaks and doubled quotes. Departures, all to keep one bad cell from
 * costing more than its row: a quote inside an unquoted field is kept as
 * text (like csv-parse's relax_quotes); text after a closing quote or an
 * unclosed quote makes the record an error.
 */

export type CsvFields = { fields: string[]; error: null } | { fields: null; error: string };

/** Fields of `record`, or the reason it is malformed. */
export function splitCsvRecord(record: string): CsvFields {
  if (record.indexOf('"') < 0) return { fields: record.split(','), error: null };
  const fields: string[] = [];
  const n = record.length;
  let pos = 0;
  for (;;) {
    if (record.charCodeAt(pos) !== 0x22) {
      // Unquoted field: up to the next comma.
      const comma = record.indexOf(',', pos);
      if (comma < 0) {
        fields.push(record.slice(pos));
        return { fields, error: null };
      }
      fields.push(record.slice(pos, comma));
      pos = comma + 1;
      continue;
    }
    // Quoted field: up to a quote that is not doubled.
    let value = '';
    let from = pos + 1;
    for (;;) {
      const quote = record.indexOf('"', from);
      if (quote < 0) return { fields: null, error: `unclosed quote in field ${fields.length + 1}` };
      value += record.slice(from, quote);
      if (record.charCodeAt(quote + 1) === 0x22) {
        value += '"';
        from = quote + 2;
        continue;
      }
      pos = quote + 1;
      break;
    }
    fields.push(value);
    if (pos >= n) return { fields, error: null };
    if (record.charCodeAt(pos) !== 0x2c) {
      return { fields: null, error: `text after the closing quote in field ${fields.length}` };
    }
    pos++;
  }
}
