/** A count and its noun, for messages: "1 page", "3 pages". */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
