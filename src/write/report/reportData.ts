/**
 * `charter report --format json|csv|md`: the comparison as data for scripts.
 *
 * - json: the Comparison itself (src/compare/comparison.ts), whole.
 * - csv: one row per return and point, with the state, the answers, the timescales and what the
 *   council's return before said (cells guarded against spreadsheet formulas, as `import` does).
 * - md: the matrix as a table of symbols with its legend, then one row per return and point.
 */
import { ANSWER_STATE_INFO, ANSWER_STATES } from '../../compare/answerState.js';
import { columnGroups, type GroupBy } from '../../compare/columnGroups.js';
import type { ComparedAnswer, Comparison } from '../../compare/comparison.js';
import { stringify } from 'csv-stringify/sync';
import { guardFormula } from '../../text/csvFormulaGuard.js';
import { ANSWER_HEADINGS, type AnswerField, type Timescale } from '../../model.js';
import { escapeCell } from '../markdown.js';
import { STATE_CHARACTERS } from './stateSymbols.js';

export function writeJsonReport(comparison: Comparison): string {
  return `${JSON.stringify(comparison, null, 2)}\n`;
}

const FIELD_WORDS: Record<AnswerField, string> = {
  whereWeAreNow: 'where we are now',
  whereWeNeedToImprove: 'where we need to improve',
  nextSteps: 'next steps',
};

function timescalesText(timescales: readonly Timescale[]): string {
  return timescales.map((t) => (t.from === undefined ? `${t.text} (${t.kind})` : `${t.text} (${t.kind}, ${t.from} to ${t.to})`)).join('; ');
}

function fellDueText(answer: ComparedAnswer): string {
  if (!answer.previous) return '';
  return answer.previous.fellDue === null ? 'unknown: a period names no date' : timescalesText(answer.previous.fellDue);
}

export const REPORT_CSV_HEADER = [
  'Council',
  'Authority',
  'Period',
  'Source',
  'No.',
  'Section',
  'Ambitions',
  'State',
  ANSWER_HEADINGS.whereWeAreNow,
  ANSWER_HEADINGS.whereWeNeedToImprove,
  ANSWER_HEADINGS.nextSteps,
  'Timescales',
  'Previous period',
  'Previous state',
  'Fell due since previous',
  'Same words as previous',
  'Line',
  'Page',
] as const;

export function writeCsvReport(comparison: Comparison): string {
  const returns = new Map(comparison.returns.map((entry) => [entry.id, entry]));
  const rows = comparison.answers.map((answer) => {
    const entry = returns.get(answer.return)!;
    return [
      answer.council,
      entry.authority ?? '',
      answer.period ?? '',
      entry.source.path ?? '',
      String(answer.point),
      answer.section,
      answer.ambitions.join('; '),
      answer.state,
      answer.whereWeAreNow,
      answer.whereWeNeedToImprove,
      answer.nextSteps,
      timescalesText(answer.timescales),
      answer.previous ? (answer.previous.period ?? '') : '',
      answer.previous?.state ?? '',
      fellDueText(answer),
      answer.previous ? answer.previous.repeated.map((field) => FIELD_WORDS[field]).join('; ') : '',
      answer.line === undefined ? '' : String(answer.line),
      answer.page === undefined ? '' : String(answer.page),
    ].map(guardFormula);
  });
  return stringify([[...REPORT_CSV_HEADER], ...rows], { record_delimiter: 'unix', quoted_match: /^\s|\s$/ });
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

export function writeMarkdownReport(comparison: Comparison, options: { title?: string; groupBy?: GroupBy } = {}): string {
  const groups = columnGroups(options.groupBy ?? 'charter');
  const columns = groups.flatMap((group) => group.points);
  const states = new Map(comparison.answers.map((answer) => [`${answer.return}p${answer.point}`, answer.state]));
  const lines = [
    `# ${escapeCell(options.title ?? 'End of Life Care Charter returns compared')}`,
    '',
    `${comparison.returns.length} return${comparison.returns.length === 1 ? '' : 's'} from ${comparison.councils.length} council${comparison.councils.length === 1 ? '' : 's'}.`,
    '',
  ];
  if (groups.length > 1) {
    lines.push(`Columns: ${groups.map((group) => `${escapeCell(group.title)} (${group.points.join(', ')})`).join('; ')}.`, '');
  }
  lines.push(
    row(['Council', 'Period', ...columns.map(String)]),
    row(['---', '---', ...columns.map(() => ':-:')]),
    ...comparison.returns.map((entry) =>
      row([
        escapeCell(entry.council),
        escapeCell(entry.period ?? ''),
        ...columns.map((point) => STATE_CHARACTERS[states.get(`${entry.id}p${point}`)!]),
      ]),
    ),
    '',
    ANSWER_STATES.map((state) => `${STATE_CHARACTERS[state]} ${ANSWER_STATE_INFO[state].label}: ${ANSWER_STATE_INFO[state].description}`).join(
      '  \n',
    ),
    '',
    '## Answers',
    '',
    row(['Council', 'Period', 'No.', 'State', 'Timescales', 'Previous state', 'Fell due since previous', 'Same words as previous']),
    row(['---', '---', '---:', '---', '---', '---', '---', '---']),
    ...comparison.answers.map((answer) =>
      row([
        escapeCell(answer.council),
        escapeCell(answer.period ?? ''),
        String(answer.point),
        answer.state,
        escapeCell(timescalesText(answer.timescales)),
        answer.previous?.state ?? '',
        escapeCell(fellDueText(answer)),
        answer.previous ? answer.previous.repeated.map((field) => FIELD_WORDS[field]).join(', ') : '',
      ]),
    ),
  );
  if (comparison.unread.length > 0) {
    lines.push(
      '',
      '## Inputs with no return',
      '',
      ...comparison.unread.map(
        (input) =>
          `- ${escapeCell(input.path ?? 'standard input')}: ${input.diagnostics.map((d) => escapeCell(`${d.code}: ${d.message}`)).join('; ')}`,
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}
