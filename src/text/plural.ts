/**
 * Counts for messages: a count and its noun ("1 page", "3 pages"; "2 councils repeat" where the
 * plural is not the noun and an s), a count with its thousands marked ("124,980").
 */
export function plural(count: number, word: string, words = `${word}s`): string {
  return `${count} ${count === 1 ? word : words}`;
}

const THOUSANDS = new Intl.NumberFormat('en-GB');

export function countText(count: number): string {
  return THOUSANDS.format(count);
}
