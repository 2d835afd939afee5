/**
 * Spreadsheet formula injection (OWASP): a cell that begins with = + - @ tab or carriage return is
 * run as a formula by Excel. We write such cells with a leading apostrophe, which Excel shows as
 * text, and take it off again when reading a CSV, so our own round trip stays exact.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function guardFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function unguardFormula(cell: string): string {
  return cell.length > 1 && cell[0] === "'" && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}
