/**
 * "Point by point": for each point, in the report's column order, every return's three answers,
 * one row a return. The only place in the page where answer text is written: the matrix's
 * squares link here, and the page's script copies from these rows (an answer's three texts are
 * its row's last three cells).
 */
import { charterSection } from '../../charter/frame.js';
import type { ColumnGroup } from '../../compare/columnGroups.js';
import { ANSWER_STATE_INFO, ANSWER_STATES } from '../../compare/answerState.js';
import type { ComparedAnswer, Comparison, StateCounts } from '../../compare/comparison.js';
import { ANSWER_FIELDS, ANSWER_HEADINGS } from '../../model.js';
import { escapeHtml } from './htmlShell.js';
import { ambitionChips, periodOf, placeText, stateCell } from './htmlText.js';
import { plural } from '../../text/plural.js';
import { answerId } from './matrixSvg.js';

function countsText(counts: StateCounts): string {
  return ANSWER_STATES.filter((state) => counts[state] > 0)
    .map((state) => `${counts[state]} ${ANSWER_STATE_INFO[state].label}`)
    .join(', ');
}

function answerRow(answer: ComparedAnswer): string {
  const place = placeText(answer);
  const who = `<th>${escapeHtml(answer.council)}${place === '' ? '' : ` <small>${escapeHtml(place)}</small>`}<td>${escapeHtml(periodOf(answer))}`;
  if (answer.state === 'missing') {
    return `<tr id="${answerId(answer)}" class="st-missing">${who}${stateCell('missing')}<td colspan="3" class="note">not in the return`;
  }
  return `<tr id="${answerId(answer)}">${who}${stateCell(answer.state)}${ANSWER_FIELDS.map((field) => `<td>${escapeHtml(answer[field])}`).join('')}`;
}

const HEAD =
  '<thead><tr><th scope="col">Council</th><th scope="col">Period</th><th scope="col">State</th>' +
  ANSWER_FIELDS.map((field) => `<th scope="col">${escapeHtml(ANSWER_HEADINGS[field])}</th>`).join('') +
  '</tr></thead>';

export function answerTables(comparison: Comparison, groups: readonly ColumnGroup[]): string {
  const byPoint = new Map<number, ComparedAnswer[]>();
  for (const answer of comparison.answers) {
    const list = byPoint.get(answer.point);
    if (list) list.push(answer);
    else byPoint.set(answer.point, [answer]);
  }
  const parts = ['<section id="points"><h2>Point by point</h2><p class="note">Every council’s three answers to each point, one row a return.</p>'];
  for (const group of groups) {
    parts.push(`<h3>${escapeHtml(group.title)}</h3>`);
    for (const number of group.points) {
      const summary = comparison.points[number - 1]!;
      const tally = countsText(summary.latest);
      const repeats = summary.repeated > 0 ? ` ${plural(summary.repeated, 'council repeats', 'councils repeat')} words of its earlier return.` : '';
      parts.push(
        `<section id="p${number}" class="point"><h4>${number}. ${escapeHtml(summary.charterPoint)}</h4>` +
          `<p class="frame">${escapeHtml(charterSection(summary.section).label)} · ${ambitionChips(summary.ambitions)}</p>` +
          (tally === '' ? '' : `<p class="tally">Each council’s latest return: ${tally}.${repeats}</p>`) +
          `<table>${HEAD}<tbody>${(byPoint.get(number) ?? []).map(answerRow).join('\n')}</tbody></table></section>`,
      );
    }
  }
  parts.push('</section>');
  return parts.join('\n');
}
