/**
 * CSV (RFC 4180) for Explore's table export. A cell that a spreadsheet would run as a formula
 * (starting with =, +, -, @, a tab or a carriage return) is prefixed with an apostrophe: names
 * and organizations can come from the reader's own entries, and a file a journalist opens must
 * not execute anything. Pure.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The rows as CSV, header first, CRLF line ends; a byte-order mark so spreadsheets read UTF-8 (Chinese names). */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return '\ufeff' + [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
