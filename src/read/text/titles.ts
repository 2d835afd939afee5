/** The return's heading titles as text without layout gives them: alone, or run together. */

export const TITLES: readonly RegExp[] = [
  /^(?:no\.?|number|#)$/i,
  /^charter points?$/i,
  /^where we are now\b/i,
  /^where we need to improve$/i,
  /^next steps?\b/i,
];

/** The heading cells in a text holding several titles run together ("No. Charter point Where we are now (May 2015) …"). */
export function runTogetherTitles(text: string): string[] | null {
  const flat = text.replace(/\s+/g, ' ').trim();
  const starts = [/\bcharter points?\b/i, /\bwhere we are now\b/i, /\bwhere we need to\b/i, /\bnext steps?\b/i].map(
    (pattern) => pattern.exec(flat)?.index ?? -1,
  );
  const present = starts.filter((start) => start >= 0);
  if (present.length < 2 || present.some((start, i) => i > 0 && start <= present[i - 1]!)) return null;
  const cells = [flat.slice(0, Math.min(...present)).trim()];
  // A heading starts with its titles (after "No."): a sentence naming them is no heading.
  if (!/^(?:no\.?|number|#)?$/i.test(cells[0]!)) return null;
  starts.forEach((start, i) => {
    const end = starts.slice(i + 1).find((next) => next >= 0) ?? flat.length;
    cells.push(start < 0 ? '' : flat.slice(start, end).trim());
  });
  return cells;
}

/** The heading cells a chunk holds (one title, or several run together), by column. */
export function titlesIn(text: string): Map<number, string> | null {
  // Titles are short: a long text starting "Next steps…" is a cell.
  if (text.length > 160) return null;
  const column = TITLES.findIndex((pattern) => text.trim().length <= 48 && pattern.test(text.trim()));
  if (column >= 0) return new Map([[column, text.trim()]]);
  const cells = runTogetherTitles(text);
  if (!cells) return null;
  return new Map(cells.map((cell, index) => [index, cell] as [number, string]).filter(([, cell]) => cell !== ''));
}
