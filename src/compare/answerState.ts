/**
 * The state of one council's answer to one point, as the report's matrix colours it. One state
 * an answer, the first that holds:
 *
 *   missing   the point has no row in the return
 *   empty     the row is there, but all three answers are empty
 *   past      a next step's timescale ended before the return's own period began (the same test
 *             as the `timescale-before-period` warning, so square and warning agree)
 *   dated     a next step names a date (a month, a quarter, a financial year …)
 *   undated   answered, but no next step names a date: none at all, or only on-going, TBC,
 *             immediately, quarterly
 */
import { isBlank } from '../text/cellText.js';
import { ANSWER_FIELDS, type PointAnswer, type Timescale } from '../model.js';
import { parseTimescales } from '../timescales/parseTimescales.js';

export const ANSWER_STATES = ['dated', 'undated', 'past', 'empty', 'missing'] as const;
export type AnswerState = (typeof ANSWER_STATES)[number];

export interface AnswerStateInfo {
  state: AnswerState;
  /** A word or two, for a legend or a cell. */
  label: string;
  /** One line, for the legend. */
  description: string;
}

export const ANSWER_STATE_INFO: Readonly<Record<AnswerState, AnswerStateInfo>> = {
  dated: { state: 'dated', label: 'dated', description: 'answered, with a dated next step' },
  undated: { state: 'undated', label: 'no date', description: 'answered, but no next step with a date (none, or only on-going, TBC, immediately)' },
  past: { state: 'past', label: 'past due', description: "a next step's timescale had already passed at the return's period" },
  empty: { state: 'empty', label: 'empty', description: 'the point is in the return, but all three answers are empty' },
  missing: { state: 'missing', label: 'missing', description: 'the point is not in the return' },
};

/** The timescales of a point's next steps: as the return carries them, or read now (a return from elsewhere). */
export function timescalesOf(point: PointAnswer): Timescale[] {
  return point.timescales ?? parseTimescales(point.nextSteps);
}

export function answerState(point: PointAnswer | undefined, periodStart: string | null): AnswerState {
  if (point === undefined) return 'missing';
  if (ANSWER_FIELDS.every((field) => isBlank(point[field]))) return 'empty';
  const dated = timescalesOf(point).filter((timescale) => timescale.to !== undefined);
  if (periodStart !== null && dated.some((timescale) => timescale.to! < periodStart)) return 'past';
  return dated.length > 0 ? 'dated' : 'undated';
}
