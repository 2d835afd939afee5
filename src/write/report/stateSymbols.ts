/**
 * How each answer state is drawn: an SVG symbol with a shape or pattern of its own besides its
 * colour (so the matrix reads in greyscale and to the colour-blind), and a character for
 * markdown. Colours are from a colour-blind-safe palette; light and dark alternate so that grey
 * tones stay apart.
 */
import type { AnswerState } from '../../compare/answerState.js';

export const SQUARE = 20;

const SYMBOL_SHAPES: Record<AnswerState, string> = {
  // Solid dark blue: the darkest square.
  dated: '<rect width="20" height="20" fill="#1f5f8b"/>',
  // Light blue, striped.
  undated: '<rect width="20" height="20" fill="#b8d8ec"/><path d="M0 10L10 0M0 20L20 0M10 20L20 10" stroke="#1f5f8b" stroke-width="1.6"/>',
  // Orange, crossed out in white.
  past: '<rect width="20" height="20" fill="#d55e00"/><path d="M5 5L15 15M15 5L5 15" stroke="#fff" stroke-width="2.6"/>',
  // White with a grey dash: there, but nothing in it.
  empty:
    '<rect x=".75" y=".75" width="18.5" height="18.5" fill="#fff" stroke="#666" stroke-width="1.5"/><path d="M5 10H15" stroke="#666" stroke-width="2.4"/>',
  // Only a dashed outline and a dot: not there at all.
  missing:
    '<rect x=".75" y=".75" width="18.5" height="18.5" fill="none" stroke="#888" stroke-width="1.5" stroke-dasharray="3 2"/><circle cx="10" cy="10" r="2" fill="#888"/>',
};

export function symbolId(state: AnswerState): string {
  return `s-${state}`;
}

/** The symbols, once a page, for every `<use href="#s-…">`. */
export function stateSymbolDefs(): string {
  const symbols = Object.entries(SYMBOL_SHAPES).map(
    ([state, shape]) =>
      `<symbol id="${symbolId(state as AnswerState)}" viewBox="0 0 ${SQUARE} ${SQUARE}" width="${SQUARE}" height="${SQUARE}">${shape}</symbol>`,
  );
  return `<svg class="defs" aria-hidden="true" focusable="false" width="0" height="0"><defs>${symbols.join('')}</defs></svg>`;
}

/**
 * The same pictures as CSS backgrounds for `.s-<state>::before`, so that a table cell says
 * `<td class="st s-past">past due` and draws the symbol without markup of its own (thousands of
 * cells in a large report). The word is the cell's text, for screen readers and print.
 */
export function stateIconStyle(): string {
  return Object.entries(SYMBOL_SHAPES)
    .map(([state, shape]) => {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SQUARE} ${SQUARE}">${shape}</svg>`;
      return `.s-${state}::before{background-image:url("data:image/svg+xml,${encodeURIComponent(svg).replace(/'/g, '%27')}")}`;
    })
    .join('\n');
}

export const STATE_CHARACTERS: Record<AnswerState, string> = {
  dated: '●',
  undated: '◐',
  past: '✕',
  empty: '○',
  missing: '·',
};
