/**
 * The report page's data island: what its script needs to draw the period-to-period tables and
 * the timeline, which would otherwise repeat hundreds of kilobytes of markup. Answer text is not
 * in it: the script copies that from the point tables, where it is written once.
 *
 *   pageData(comparison): PageData
 *   dataIsland(data): string     a <script type="application/json"> that nothing runs, with every
 *                                < > & and line separator written as a \u escape, so that no text
 *                                can end the element or be read as markup
 */
import { ANSWER_STATE_INFO, ANSWER_STATES, type AnswerState } from '../../compare/answerState.js';
import type { Comparison } from '../../compare/comparison.js';
import { ANSWER_FIELDS } from '../../model.js';
import { periodOf } from './htmlText.js';

/** [due, text, kind, return index, point, 1 where it had passed at its own return's period] */
export type PageTimescale = [string, string, string, number, number, 0 | 1];

/** [state before, state after, indexes of timeline entries that fell due in between (null: a period names no day), repeated answers (0–2)] */
export type PagePairPoint = [AnswerState, AnswerState, number[] | null, number[]];

export interface PageData {
  labels: Record<AnswerState, string>;
  /** [return id, council, period], in row order. */
  returns: [string, string, string][];
  /** By financial year, each in due order. */
  timeline: { year: string; entries: PageTimescale[] }[];
  /** A council's consecutive returns, by index into `returns`, and its 21 points. */
  pairs: { before: number; after: number; points: PagePairPoint[] }[];
}

export function pageData(comparison: Comparison): PageData {
  const returnIndex = new Map(comparison.returns.map((entry, index) => [entry.id, index]));
  const starts = new Map(comparison.returns.map((entry) => [entry.id, entry.periodStart]));
  const timeline: PageData['timeline'] = [];
  const timescaleIndex = new Map<string, number>();
  const key = (returnId: string, point: number, t: { text: string; from?: string; to?: string }) =>
    `${returnId}|${point}|${t.text}|${t.from}|${t.to}`;
  let flat = 0;
  for (const entry of comparison.timeline) {
    if (timeline.at(-1)?.year !== entry.financialYear) timeline.push({ year: entry.financialYear, entries: [] });
    const start = starts.get(entry.return);
    const past = start !== null && start !== undefined && entry.due < start ? 1 : 0;
    timeline.at(-1)!.entries.push([entry.due, entry.timescale.text, entry.timescale.kind, returnIndex.get(entry.return)!, entry.point, past]);
    const id = key(entry.return, entry.point, entry.timescale);
    if (!timescaleIndex.has(id)) timescaleIndex.set(id, flat);
    flat++;
  }
  const byId = new Map(comparison.answers.map((answer) => [`${answer.return}p${answer.point}`, answer]));
  const pairs: PageData['pairs'] = [];
  for (const council of comparison.councils) {
    for (let index = 1; index < council.returns.length; index++) {
      const before = council.returns[index - 1]!;
      const after = council.returns[index]!;
      const points: PagePairPoint[] = [];
      for (let number = 1; number <= comparison.points.length; number++) {
        const now = byId.get(`${after}p${number}`)!;
        const previous = now.previous!;
        const fellDue = previous.fellDue === null ? null : previous.fellDue.map((timescale) => timescaleIndex.get(key(before, number, timescale))!);
        points.push([previous.state, now.state, fellDue, previous.repeated.map((field) => ANSWER_FIELDS.indexOf(field))]);
      }
      pairs.push({ before: returnIndex.get(before)!, after: returnIndex.get(after)!, points });
    }
  }
  return {
    labels: Object.fromEntries(ANSWER_STATES.map((state) => [state, ANSWER_STATE_INFO[state].label])) as Record<AnswerState, string>,
    returns: comparison.returns.map((entry) => [entry.id, entry.council, periodOf(entry)]),
    timeline,
    pairs,
  };
}

export function dataIsland(data: PageData): string {
  const json = JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `<script type="application/json" id="report-data">${json}</script>`;
}
