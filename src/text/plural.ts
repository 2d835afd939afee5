/**
 * Counts for messages: a count and its noun ("1 page", "3 pages"; "2 councils repeat" where the
 * plural is not the noun and an s), a count with its thousands marked ("124,980").
 */
export function plural(count: number, word: string, words = `${word}s`): string {
  return `${count} ${count === 1 ? word : words}`;
}

/** Made on first use: making it loads the locale's data (about 30 ms), which most runs never need. */
let thousands: Intl.NumberFormat | undefined;

export function countText(count: number): string {
  thousands ??= new Intl.NumberFormat('en-GB');
  return thousands.format(count);
}
