/**
 * CSV cells for files people open in spreadsheets. A cell that a spreadsheet
 * would run as a formula (leading =, +, -, @, tab or CR) gets a leading
 * apostrophe (OWASP's advice); cells are quoted per RFC 4180 when needed.
 */
const FORMULA = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && FORMULA.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(cells: Array<string | number | null | undefined>): string {
  return cells.map(csvCell).join(',');
}
