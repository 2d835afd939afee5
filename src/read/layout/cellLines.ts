/**
 * The lines of one cell back into its text. Lines are kept apart with line breaks (the normaliser
 * joins them with spaces), except where a word was hyphenated at the line end: `co-` then
 * `ordinated` is one word, `co-ordinated`.
 */

/** A line ending in a letter and a hyphen, followed by a line starting with a small letter. */
export function continuesHyphenated(previous: string, next: string): boolean {
  return /\p{L}-$/u.test(previous) && /^\p{Ll}/u.test(next);
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
