/**
 * Spreadsheet formula injection (OWASP): a cell that begins with = + - @ tab or carriage return is
 * run as a formula by Excel. We write such cells with a leading apostrophe, which Excel shows as
 * text, and take it off again when reading a CSV, so our own round trip stays exact.
 *
 * A cell that itself begins with apostrophes before such a character ("'=x") gets one more, or
 * reading it back would take its own apostrophe off.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const GUARDED = /^'+[=+\-@\t\r]/;

export function guardFormula(cell: string): string {
  return FORMULA_START.test(cell) || GUARDED.test(cell) ? `'${cell}` : cell;
}

export function unguardFormula(cell: string): string {
  return GUARDED.test(cell) ? cell.slice(1) : cell;
}
