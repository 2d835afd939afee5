/**
 * The report's picture: an inline SVG matrix of returns (rows, grouped by council) by the 21
 * points (columns, grouped as asked), one square an answer, drawn with the state symbols. Every
 * square is a link to the answer's row in the point's table, focusable by keyboard, with a
 * `<title>` that says council, period, point and state (hover shows it; a screen reader reads
 * it). The page's script shows the answers themselves beside the matrix on hover or focus.
 *
 * Text widths are estimated from character counts (no fonts are measured): generous, so that
 * labels never run into the squares.
 */
import { ANSWER_STATE_INFO } from '../../compare/answerState.js';
import type { ColumnGroup } from '../../compare/columnGroups.js';
import type { ComparedAnswer, Comparison } from '../../compare/comparison.js';
import { escapeHtml } from './htmlShell.js';
import { SQUARE, symbolId } from './stateSymbols.js';

const PITCH = SQUARE + 3;
const GROUP_GAP = 12;
const COUNCIL_GAP = 8;
const CHAR_WIDTH = 7;
const LABEL_PAD = 14;

export function answerId(answer: Pick<ComparedAnswer, 'return' | 'point'>): string {
  return `${answer.return}p${answer.point}`;
}

/** A group's label cut to the width of its columns (its title, shown on hover, is whole). */
function fitLabel(label: string, width: number): string {
  const room = Math.floor(width / 6.2);
  return label.length <= room ? label : `${label.slice(0, Math.max(1, room - 1)).trimEnd()}…`;
}

function textWidth(texts: readonly string[]): number {
  return Math.max(0, ...texts.map((text) => text.length)) * CHAR_WIDTH + LABEL_PAD;
}

export function matrixSvg(comparison: Comparison, groups: readonly ColumnGroup[]): string {
  const byId = new Map(comparison.answers.map((answer) => [answerId(answer), answer]));
  const returnsById = new Map(comparison.returns.map((entry) => [entry.id, entry]));
  const councilWidth = Math.min(280, textWidth(comparison.councils.map((council) => council.name)));
  const periodWidth = Math.min(160, textWidth(comparison.returns.map((entry) => entry.period ?? 'no period')));
  const left = councilWidth + periodWidth;
  const labelled = groups.some((group) => group.label !== '');
  const top = (labelled ? 22 : 0) + 20;

  // Column x positions, in group order, with a gap between groups.
  const columnX = new Map<number, number>();
  const groupSpans: { group: ColumnGroup; x: number; width: number }[] = [];
  let x = left;
  for (const group of groups) {
    const start = x;
    for (const point of group.points) {
      columnX.set(point, x);
      x += PITCH;
    }
    groupSpans.push({ group, x: start, width: x - start - (PITCH - SQUARE) });
    x += GROUP_GAP;
  }
  const width = x - GROUP_GAP + 4;

  const parts: string[] = [];
  for (const span of groupSpans) {
    if (labelled) {
      parts.push(
        `<g class="band"><title>${escapeHtml(span.group.title)}</title><rect x="${span.x}" y="0" width="${span.width}" height="18"/>` +
          `<text x="${span.x + 4}" y="13">${escapeHtml(fitLabel(span.group.label, span.width - 8))}</text></g>`,
      );
    }
    for (const point of span.group.points) {
      parts.push(`<text class="num" x="${columnX.get(point)! + SQUARE / 2}" y="${top - 6}">${point}</text>`);
    }
  }

  let y = top;
  comparison.councils.forEach((council, councilIndex) => {
    if (councilIndex > 0) {
      parts.push(`<line class="sep" x1="0" x2="${width}" y1="${y + COUNCIL_GAP / 2 - 2}" y2="${y + COUNCIL_GAP / 2 - 2}"/>`);
      y += COUNCIL_GAP;
    }
    council.returns.forEach((id, index) => {
      const entry = returnsById.get(id)!;
      const period = entry.period ?? 'no period';
      const row: string[] = [`<g class="row" transform="translate(0 ${y})">`];
      if (index === 0) row.push(`<text class="council" x="0" y="15">${escapeHtml(council.name)}</text>`);
      row.push(`<text class="period" x="${councilWidth}" y="15">${escapeHtml(period)}</text>`);
      for (const group of groups) {
        for (const point of group.points) {
          const answer = byId.get(`${id}p${point}`)!;
          const title = `${council.name}, ${period}, point ${point}: ${ANSWER_STATE_INFO[answer.state].label}`;
          row.push(
            `<a href="#${answerId(answer)}"><title>${escapeHtml(title)}</title><use href="#${symbolId(answer.state)}" x="${columnX.get(point)}"/></a>`,
          );
        }
      }
      row.push('</g>');
      parts.push(row.join(''));
      y += PITCH;
    });
  });
  const height = y + 2;
  return (
    `<svg id="matrix-svg" class="matrix" role="group" aria-labelledby="matrix-caption" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect id="cursor" class="cursor" x="-100" y="0" width="${SQUARE + 4}" height="${SQUARE + 4}"/>` +
    parts.join('\n') +
    '</svg>'
  );
}
