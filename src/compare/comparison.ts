/**
 * Returns compared across councils and periods: the data behind `charter report`, in every
 * output format. Pure: returns in, one comparison out.
 *
 *   compareReturns(returns, unread?): Comparison
 *
 * - Councils are the returns' authorities (matched without regard to case or spacing), in
 *   alphabetical order; a return without one is a council of its own, named after its file.
 * - A council's returns run from the earliest period to the latest (the first day each period
 *   names); returns whose period names no day come last, in input order. Returns are numbered
 *   r1, r2 … in that order, which is the order of the matrix's rows.
 * - One answer a return and point, in charter order, with its state (answerState.ts), and for a
 *   council's second and later returns what it said the time before: the state then, the
 *   timescales that fell due in between (ending on or after the earlier period's first day and
 *   before this one's), and which answers are word for word the same as before.
 * - The timeline: every next step with a date, by the day it falls due.
 * - Per point: how each council's latest return stands.
 */
import { charterPoint, POINT_COUNT } from '../charter/points.js';
import { pointFrame, type AmbitionNumber, type SectionId } from '../charter/frame.js';
import {
  ANSWER_FIELDS,
  type AnswerField,
  type CharterReturn,
  type Diagnostic,
  type Place,
  type PointAnswer,
  type ReturnSource,
  type Timescale,
} from '../model.js';
import { periodStart } from '../timescales/timescaleRules.js';
import { ANSWER_STATES, answerState, timescalesOf, type AnswerState } from './answerState.js';
import { financialYearOf, monthOf, quarterOf } from './calendarLabels.js';

export interface ReturnToCompare {
  charterReturn: CharterReturn;
  /** The input was read and no diagnostic is an error (after --rule). */
  valid: boolean;
  /** Where each point's row starts in the input, where the reader knows it. */
  places?: ReadonlyMap<number, Place>;
}

/** An input that gave no return, so that the report can say why it is not in it. */
export interface UnreadInput {
  path: string | null;
  diagnostics: Diagnostic[];
}

export interface ComparedReturn {
  id: string;
  council: string;
  authority: string | null;
  period: string | null;
  /** The first day the period names (`May 2015` → 2015-05-01), or null. */
  periodStart: string | null;
  source: ReturnSource;
  valid: boolean;
  errors: number;
  warnings: number;
  infos: number;
  /** The return's errors and warnings, as it carries them. */
  problems: Diagnostic[];
  /** The codes of its infos (the repairs), with how often each occurs. */
  repairs: { code: string; count: number }[];
}

export interface PreviousAnswer {
  return: string;
  period: string | null;
  state: AnswerState;
  /** The earlier return's dated next steps that fell due before this period; null where either period names no day. */
  fellDue: Timescale[] | null;
  /** The answers that are word for word what the earlier return said (not counting empty ones). */
  repeated: AnswerField[];
}

export interface ComparedAnswer extends Place {
  return: string;
  council: string;
  period: string | null;
  point: number;
  section: SectionId;
  ambitions: AmbitionNumber[];
  state: AnswerState;
  whereWeAreNow: string;
  whereWeNeedToImprove: string;
  nextSteps: string;
  timescales: Timescale[];
  /** What the council's return before this one said; null for its first. */
  previous: PreviousAnswer | null;
}

export interface TimelineEntry {
  /** The last day of the timescale: when the next step falls due. */
  due: string;
  financialYear: string;
  quarter: string;
  month: string;
  return: string;
  council: string;
  period: string | null;
  point: number;
  timescale: Timescale;
}

export type StateCounts = Record<AnswerState, number>;

export interface PointSummary {
  number: number;
  charterPoint: string;
  section: SectionId;
  ambitions: AmbitionNumber[];
  /** The states of each council's latest answer. */
  latest: StateCounts;
  /** Councils whose latest answer repeats an earlier one word for word. */
  repeated: number;
}

export interface ComparedCouncil {
  name: string;
  /** Its returns' ids, earliest period first. */
  returns: string[];
}

export interface Comparison {
  reportVersion: 1;
  points: PointSummary[];
  councils: ComparedCouncil[];
  returns: ComparedReturn[];
  answers: ComparedAnswer[];
  timeline: TimelineEntry[];
  unread: UnreadInput[];
}

function councilKey(charterReturn: CharterReturn): string {
  const authority = charterReturn.authority?.replace(/\s+/g, ' ').trim();
  if (authority) return `authority:${authority.toLowerCase()}`;
  return `source:${charterReturn.source.path ?? ''}`;
}

function councilName(charterReturn: CharterReturn): string {
  const authority = charterReturn.authority?.replace(/\s+/g, ' ').trim();
  if (authority) return authority;
  return `Unknown council (${charterReturn.source.path ?? 'standard input'})`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sameWords(a: string, b: string): boolean {
  const flat = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
  return flat(a) !== '' && flat(a) === flat(b);
}

function emptyCounts(): StateCounts {
  return Object.fromEntries(ANSWER_STATES.map((state) => [state, 0])) as StateCounts;
}

interface Ordered {
  input: ReturnToCompare;
  start: string | null;
  index: number;
}

function summariseReturn(id: string, council: string, { charterReturn, valid }: ReturnToCompare, start: string | null): ComparedReturn {
  const problems = charterReturn.diagnostics.filter((diagnostic) => diagnostic.severity !== 'info');
  const repairs = new Map<string, number>();
  for (const diagnostic of charterReturn.diagnostics) {
    if (diagnostic.severity === 'info') repairs.set(diagnostic.code, (repairs.get(diagnostic.code) ?? 0) + 1);
  }
  return {
    id,
    council,
    authority: charterReturn.authority,
    period: charterReturn.period,
    periodStart: start,
    source: charterReturn.source,
    valid,
    errors: problems.filter((diagnostic) => diagnostic.severity === 'error').length,
    warnings: problems.filter((diagnostic) => diagnostic.severity === 'warning').length,
    infos: charterReturn.diagnostics.length - problems.length,
    problems,
    repairs: [...repairs].map(([code, count]) => ({ code, count })),
  };
}

function previousAnswer(
  earlier: { id: string; period: string | null; start: string | null; points: ReadonlyMap<number, PointAnswer> },
  number: number,
  start: string | null,
  point: PointAnswer | undefined,
): PreviousAnswer {
  const before = earlier.points.get(number);
  const fellDue =
    earlier.start === null || start === null
      ? null
      : before === undefined
        ? []
        : timescalesOf(before).filter((timescale) => timescale.to !== undefined && timescale.to >= earlier.start! && timescale.to < start);
  const repeated = before && point ? ANSWER_FIELDS.filter((field) => sameWords(point[field], before[field])) : [];
  return { return: earlier.id, period: earlier.period, state: answerState(before, earlier.start), fellDue, repeated };
}

export function compareReturns(inputs: readonly ReturnToCompare[], unread: readonly UnreadInput[] = []): Comparison {
  const byCouncil = new Map<string, { name: string; members: Ordered[] }>();
  inputs.forEach((input, index) => {
    const key = councilKey(input.charterReturn);
    const group = byCouncil.get(key) ?? { name: councilName(input.charterReturn), members: [] };
    group.members.push({ input, start: periodStart(input.charterReturn.period), index });
    byCouncil.set(key, group);
  });
  const groups = [...byCouncil.values()].sort((a, b) => compareText(a.name.toLowerCase(), b.name.toLowerCase()) || compareText(a.name, b.name));
  for (const group of groups) {
    group.members.sort((a, b) => {
      if (a.start === null || b.start === null) return a.start === b.start ? a.index - b.index : a.start === null ? 1 : -1;
      return compareText(a.start, b.start) || a.index - b.index;
    });
  }

  const councils: ComparedCouncil[] = [];
  const returns: ComparedReturn[] = [];
  const answers: ComparedAnswer[] = [];
  const timeline: TimelineEntry[] = [];
  const latest = new Map<number, { counts: StateCounts; repeated: number }>();
  for (let number = 1; number <= POINT_COUNT; number++) latest.set(number, { counts: emptyCounts(), repeated: 0 });

  for (const group of groups) {
    const council: ComparedCouncil = { name: group.name, returns: [] };
    councils.push(council);
    let earlier: { id: string; period: string | null; start: string | null; points: ReadonlyMap<number, PointAnswer> } | null = null;
    group.members.forEach((member, position) => {
      const id = `r${returns.length + 1}`;
      const { charterReturn, places } = member.input;
      returns.push(summariseReturn(id, group.name, member.input, member.start));
      council.returns.push(id);
      const points = new Map(charterReturn.points.map((point) => [point.number, point]));
      const isLatest = position === group.members.length - 1;
      for (let number = 1; number <= POINT_COUNT; number++) {
        const point = points.get(number);
        const frame = pointFrame(number)!;
        const state = answerState(point, member.start);
        const timescales = point ? timescalesOf(point) : [];
        const previous = earlier === null ? null : previousAnswer(earlier, number, member.start, point);
        answers.push({
          return: id,
          council: group.name,
          period: charterReturn.period,
          point: number,
          ...frame,
          state,
          whereWeAreNow: point?.whereWeAreNow ?? '',
          whereWeNeedToImprove: point?.whereWeNeedToImprove ?? '',
          nextSteps: point?.nextSteps ?? '',
          timescales,
          ...(point ? places?.get(number) : undefined),
          previous,
        });
        for (const timescale of timescales) {
          if (timescale.to === undefined) continue;
          const due = timescale.to;
          timeline.push({
            due,
            financialYear: financialYearOf(due),
            quarter: quarterOf(due),
            month: monthOf(due),
            return: id,
            council: group.name,
            period: charterReturn.period,
            point: number,
            timescale,
          });
        }
        if (isLatest) {
          const summary = latest.get(number)!;
          summary.counts[state]++;
          if (previous && previous.repeated.length > 0) summary.repeated++;
        }
      }
      earlier = { id, period: charterReturn.period, start: member.start, points };
    });
  }

  const order = new Map(returns.map((entry, index) => [entry.id, index]));
  timeline.sort(
    (a, b) =>
      compareText(a.due, b.due) ||
      compareText(a.timescale.from ?? '', b.timescale.from ?? '') ||
      order.get(a.return)! - order.get(b.return)! ||
      a.point - b.point,
  );
  const points: PointSummary[] = [...latest].map(([number, summary]) => ({
    number,
    charterPoint: charterPoint(number)!.wording,
    ...pointFrame(number)!,
    latest: summary.counts,
    repeated: summary.repeated,
  }));
  return { reportVersion: 1, points, councils, returns, answers, timeline, unread: [...unread] };
}
