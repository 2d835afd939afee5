/** A count and its noun, for messages: "1 page", "3 pages"; "2 councils repeat" where the plural is not the noun and an s. */
export function plural(count: number, word: string, words = `${word}s`): string {
  return `${count} ${count === 1 ? word : words}`;
}
