/**
 * Renders a return as tab-separated text the way returns arrive: cells wrapped over several lines
 * (continuation lines start with a tab), blank lines between rows, damaged row numbers.
 */
import type { PointAnswer } from '../../src/model.js';

export type NumberDamage = 'none' | 'space-split' | 'lost-digit' | 'line-split';

export interface RowLayout {
  /** Words per line for each of the four text cells (0 = whole cell on one line). */
  wrap: [number, number, number, number];
  damage: NumberDamage;
  blankLinesAfter: number;
}

export function wrapWords(text: string, wordsPerLine: number): string[] {
  if (text === '') return [];
  const words = text.split(' ');
  if (wordsPerLine <= 0) return [text];
  const lines: string[] = [];
  for (let i = 0; i < words.length; i += wordsPerLine) lines.push(words.slice(i, i + wordsPerLine).join(' '));
  return lines;
}

function numberCells(number: number, damage: NumberDamage, lineCount: number): string[] {
  const digits = String(number);
  const cells = new Array<string>(lineCount).fill('');
  if (digits.length === 1 || damage === 'none') cells[0] = digits;
  else if (damage === 'space-split') cells[0] = digits.split('').join(' ');
  else if (damage === 'lost-digit') cells[0] = digits.slice(1);
  else {
    cells[0] = digits[0]!;
    cells[1] = digits.slice(1);
  }
  return cells;
}

export function renderRow(point: PointAnswer, layout: RowLayout): string[] {
  const texts = [point.charterPoint, point.whereWeAreNow, point.whereWeNeedToImprove, point.nextSteps];
  const columns = texts.map((text, index) => wrapWords(text, layout.wrap[index as 0]));
  const needsTwo = layout.damage === 'line-split' && point.number >= 10;
  const lineCount = Math.max(1, needsTwo ? 2 : 1, ...columns.map((lines) => lines.length));
  const numbers = numberCells(point.number, layout.damage, lineCount);
  const lines: string[] = [];
  for (let i = 0; i < lineCount; i++) {
    lines.push([numbers[i]!, ...columns.map((cell) => cell[i] ?? '')].join('\t'));
  }
  for (let i = 0; i < layout.blankLinesAfter; i++) lines.push('');
  return lines;
}

export function headingLine(period: string | null): string {
  return [
    '',
    'Charter point',
    period ? `Where we are now (${period})` : 'Where we are now',
    'Where we need to improve',
    'Next steps (with timescales)',
  ].join('\t');
}

export function renderTsv(points: readonly PointAnswer[], period: string | null, layouts: readonly RowLayout[], title?: string): string {
  const lines: string[] = [];
  if (title) lines.push(title, '');
  lines.push(headingLine(period));
  points.forEach((point, index) => lines.push(...renderRow(point, layouts[index] ?? { wrap: [0, 0, 0, 0], damage: 'none', blankLinesAfter: 0 })));
  return `${lines.join('\n')}\n`;
}
