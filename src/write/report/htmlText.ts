/** Small pieces of the report page's text and markup, shared by its sections. */
import { ANSWER_STATE_INFO, type AnswerState } from '../../compare/answerState.js';
import { AMBITIONS, type AmbitionNumber } from '../../charter/frame.js';
import type { Place, ReturnSource } from '../../model.js';
import { escapeHtml } from './htmlShell.js';

export function placeText(place: Place): string {
  return [place.page === undefined ? '' : `page ${place.page}`, place.line === undefined ? '' : `line ${place.line}`].filter(Boolean).join(', ');
}

/** Pages as ranges: [1, 2, 3, 5] → "1–3, 5". */
export function pageRanges(pages: readonly number[]): string {
  const ranges: string[] = [];
  for (let i = 0; i < pages.length; i++) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++;
    ranges.push(i === j ? `${pages[i]}` : `${pages[i]}–${pages[j]}`);
    i = j;
  }
  return ranges.join(', ');
}

export function sourceWhere(source: ReturnSource): string {
  if (source.pages && source.pages.length > 0) return `${source.pages.length === 1 ? 'page' : 'pages'} ${pageRanges(source.pages)}`;
  if (source.lines) return `lines ${source.lines.from}–${source.lines.to}`;
  return '';
}

export function periodOf(entry: { period: string | null }): string {
  return entry.period ?? 'no period';
}

/** A table cell naming a state, its symbol drawn by the page's style (`.s-<state>::before`). */
export function stateCell(state: AnswerState): string {
  return `<td class="s-${state}">${ANSWER_STATE_INFO[state].label}`;
}

export function ambitionChips(ambitions: readonly AmbitionNumber[]): string {
  return ambitions.map((number) => `<span class="chip">${number} ${escapeHtml(AMBITIONS[number - 1]!.title)}</span>`).join('');
}
