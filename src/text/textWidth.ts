/**
 * How wide text is when set in a font, in ems: the sum of its characters' advance widths (no
 * kerning, which moves a line by a fraction of a per cent). Readers of text that kept no
 * positions use it to tell where a word processor or browser wrapped a line: a line ends where its
 * next word would not have fitted.
 */
import { FONT_WIDTHS, WIDTH_RANGES } from './fontWidths.generated.js';

export interface FontMetrics {
  /** `sans`, `serif`, `wide-sans`, `calibri`, `cambria`. */
  name: string;
  width(text: string): number;
}

function metricsOf(name: string, widths: readonly number[]): FontMetrics {
  const table = new Map<number, number>();
  let index = 0;
  for (const [from, to] of WIDTH_RANGES) {
    for (let code = from; code <= to; code++, index++) if (widths[index]! > 0) table.set(code, widths[index]! / 1000);
  }
  // A character the table lacks is taken as wide as a lower-case letter, on average.
  const typical = [...'etaoinshrdlu'].reduce((sum, char) => sum + table.get(char.codePointAt(0)!)!, 0) / 12;
  const cache = new Map<string, number>();
  return {
    name,
    width(text) {
      let known = cache.get(text);
      if (known !== undefined) return known;
      known = 0;
      for (const char of text) known += table.get(char.codePointAt(0)!) ?? typical;
      if (cache.size > 20_000) cache.clear();
      cache.set(text, known);
      return known;
    },
  };
}

/** The fonts tried, most common first. */
export const FONTS: readonly FontMetrics[] = FONT_WIDTHS.map((font) => metricsOf(font.name, font.widths));
