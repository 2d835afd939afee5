/** Counts for messages: a count and its noun ("1 page", "3 pages"), a count with its thousands marked ("124,980"). */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

const THOUSANDS = new Intl.NumberFormat('en-GB');

export function countText(count: number): string {
  return THOUSANDS.format(count);
}
