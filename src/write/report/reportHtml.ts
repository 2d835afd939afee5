/**
 * `charter report` as one self-contained HTML page (htmlShell.ts), in this order: the matrix
 * (matrixSvg.ts) with its legend and the same states as a table; every point's answers
 * (answerTables.ts); each council period to period and the timeline of dated next steps
 * (periodViews.ts); where every return came from, with its warnings (sourcesHtml.ts). Every piece
 * of text from a return is escaped.
 *
 * A report of 33 councils over two periods must stay under 1 MB, so each answer's text is written
 * once, in its point's table, and the two views that rearrange it are drawn by the page's script
 * from a small data island (pageData.ts) and those tables; optional end tags are left out of long
 * tables. Without the script the matrix, the answers and the sources are all there.
 */
import { ANSWER_STATE_INFO, ANSWER_STATES } from '../../compare/answerState.js';
import { columnGroups, type ColumnGroup, type GroupBy } from '../../compare/columnGroups.js';
import type { Comparison } from '../../compare/comparison.js';
import { answerTables } from './answerTables.js';
import { escapeHtml, htmlPage } from './htmlShell.js';
import { periodOf } from './htmlText.js';
import { plural } from '../../text/plural.js';
import { matrixSvg } from './matrixSvg.js';
import { dataIsland, pageData } from './pageData.js';
import { periodToPeriod, timelineFrame } from './periodViews.js';
import { REPORT_SCRIPT, REPORT_STYLE } from './reportAssets.js';
import { sourcesSection } from './sourcesHtml.js';
import { stateIconStyle, stateSymbolDefs, symbolId } from './stateSymbols.js';

export interface HtmlReportOptions {
  title?: string;
  groupBy?: GroupBy;
  /** charter's version, for the footer. */
  version?: string;
}

export const DEFAULT_REPORT_TITLE = 'End of Life Care Charter returns compared';

const GROUPING_WORDS: Record<GroupBy, string> = {
  charter: 'in the order of the form',
  section: 'grouped by the charter’s sections',
  ambition: 'grouped by the Ambition each point serves most',
};

function header(comparison: Comparison, title: string): string {
  const dated = comparison.returns
    .filter((entry) => entry.periodStart !== null)
    .sort((a, b) => (a.periodStart! < b.periodStart! ? -1 : a.periodStart! > b.periodStart! ? 1 : 0));
  const first = dated[0];
  const last = dated.at(-1);
  const span =
    !first || !last
      ? ''
      : first.period === last.period
        ? `, ${escapeHtml(periodOf(first))}`
        : `, ${escapeHtml(periodOf(first))} to ${escapeHtml(periodOf(last))}`;
  const invalid = comparison.returns.filter((entry) => !entry.valid).length;
  const notes = [
    invalid > 0 ? `${plural(invalid, 'return has', 'returns have')} errors (see <a href="#sources">Sources</a>)` : '',
    comparison.unread.length > 0 ? `${plural(comparison.unread.length, 'input', 'inputs')} held no return` : '',
  ].filter(Boolean);
  return (
    `<header><h1>${escapeHtml(title)}</h1>` +
    `<p class="lede">${plural(comparison.returns.length, 'return')} from ${plural(comparison.councils.length, 'council')}${span}.${notes.length > 0 ? ` ${notes.join('; ')}.` : ''}</p>` +
    '<nav><a href="#matrix">Matrix</a><a href="#points">Point by point</a><a href="#councils">Period to period</a><a href="#timeline">Timeline</a><a href="#sources">Sources</a></nav></header>'
  );
}

function legend(): string {
  const items = ANSWER_STATES.map(
    (state) =>
      `<li><svg aria-hidden="true" focusable="false" width="20" height="20"><use href="#${symbolId(state)}"/></svg><span><b>${ANSWER_STATE_INFO[state].label}</b>: ${escapeHtml(ANSWER_STATE_INFO[state].description)}</span></li>`,
  );
  return `<ul class="legend" aria-label="Legend">${items.join('')}</ul>`;
}

function statesTable(comparison: Comparison, groups: readonly ColumnGroup[]): string {
  const columns = groups.flatMap((group) => group.points);
  const states = new Map(comparison.answers.map((answer) => [`${answer.return}p${answer.point}`, answer.state]));
  const rows = comparison.returns.map(
    (entry) =>
      `<tr><th>${escapeHtml(entry.council)}<td>${escapeHtml(periodOf(entry))}${columns.map((point) => `<td>${ANSWER_STATE_INFO[states.get(`${entry.id}p${point}`)!].label}`).join('')}`,
  );
  return (
    '<details><summary>The matrix as a table</summary><table class="states"><caption>The state of every answer, one row a return</caption>' +
    `<thead><tr><th scope="col">Council</th><th scope="col">Period</th>${columns.map((point) => `<th scope="col">${point}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.join('\n')}</tbody></table></details>`
  );
}

function matrixSection(comparison: Comparison, groups: readonly ColumnGroup[], groupBy: GroupBy): string {
  return (
    '<section id="matrix"><h2 id="matrix-caption">Every answer at a glance</h2>' +
    `<p class="note">One row a return, grouped by council, earliest period first; one column a charter point, ${GROUPING_WORDS[groupBy]}. ` +
    'Point at a square, or reach it with Tab and move with the arrow keys, to read its answers beside the matrix; a click or Enter opens it in its point’s table.</p>' +
    legend() +
    `<div class="matrix-wrap"><div class="matrix-scroll">${matrixSvg(comparison, groups)}</div>` +
    '<aside id="detail"><p class="note">Point at a square, or tab to it, to read its answers here.</p></aside></div>' +
    statesTable(comparison, groups) +
    '</section>'
  );
}

export function writeHtmlReport(comparison: Comparison, options: HtmlReportOptions = {}): string {
  const groupBy = options.groupBy ?? 'charter';
  const groups = columnGroups(groupBy);
  const data = pageData(comparison);
  const title = options.title ?? DEFAULT_REPORT_TITLE;
  const inputs = plural(comparison.returns.length + comparison.unread.length, 'input');
  const body = [
    stateSymbolDefs(),
    header(comparison, title),
    '<main>',
    matrixSection(comparison, groups, groupBy),
    answerTables(comparison, groups),
    periodToPeriod(comparison, data),
    timelineFrame(comparison, data),
    sourcesSection(comparison),
    '</main>',
    `<footer><p class="note">Made by charter${options.version ? ` ${escapeHtml(options.version)}` : ''} from ${inputs}. Each square links to its answer; each answer names the line or page it was read from where known; Sources names each file.</p></footer>`,
    dataIsland(data),
  ].join('\n');
  return htmlPage({ title, style: `${REPORT_STYLE}\n${stateIconStyle()}`, body, script: REPORT_SCRIPT });
}
