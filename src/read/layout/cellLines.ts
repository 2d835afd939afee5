/**
 * The lines of one cell back into its text. Lines are kept apart with line breaks (the normaliser
 * joins them with spaces), except where a line broke after a hyphen or a dash inside a word:
 * `co-` then `ordinated` is `co-ordinated`, `(2015-` then `2018)` is `(2015-2018)`, `Jan–` then
 * `Mar 2017` is `Jan–Mar 2017`. Browsers and word processors break lines there, and text that had
 * a space after the dash ("co- ordinated") cannot be told apart once laid out.
 */

/** A line ending in a hyphen or dash right after a letter or digit, then a line starting with one. */
export function continuesHyphenated(previous: string, next: string): boolean {
  return /[\p{L}\p{N}][-\u2010\u2011\u2013]$/u.test(previous) && /^[\p{L}\p{N}]/u.test(next);
}

export function joinCellLines(lines: readonly string[]): string {
  const parts: string[] = [];
  let last = '';
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    if (parts.length > 0) parts.push(continuesHyphenated(last, trimmed) ? '' : '\n');
    parts.push(trimmed);
    last = trimmed;
  }
  return parts.join('');
}
