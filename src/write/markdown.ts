/**
 * Markdown output: one GFM table per return with the form's own headings, under a title that
 * names the council. Cell text is escaped so that it renders, and reads back, exactly as it is.
 */
import { ANSWER_HEADINGS, type CharterReturn } from '../model.js';
import { RETURN_TITLE_PREFIX } from '../charter/template.js';
import type { ReturnWriter } from './writer.js';

/** Characters that would start markup, an entity (`&amp;`), a line break or a new cell inside a table cell. */
export function escapeCell(text: string): string {
  return text.replace(/[\\|*_`<>[\]~&]/g, (character) => `\\${character}`).replace(/\n/g, '<br>');
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

export function writeMarkdownReturn(charterReturn: CharterReturn): string {
  const title = charterReturn.authority === null ? `# ${RETURN_TITLE_PREFIX.replace(/:\s*$/, '')}` : `# ${RETURN_TITLE_PREFIX}${charterReturn.authority}`;
  const now = charterReturn.period ? `${ANSWER_HEADINGS.whereWeAreNow} (${charterReturn.period})` : ANSWER_HEADINGS.whereWeAreNow;
  const lines = [
    title,
    '',
    row(['No.', 'Charter point', escapeCell(now), ANSWER_HEADINGS.whereWeNeedToImprove, escapeCell(ANSWER_HEADINGS.nextSteps)]),
    row(['---:', '---', '---', '---', '---']),
    ...charterReturn.points.map((point) =>
      row([String(point.number), point.charterPoint, point.whereWeAreNow, point.whereWeNeedToImprove, point.nextSteps].map(escapeCell)),
    ),
  ];
  return `${lines.join('\n')}\n`;
}

export function writeMarkdown(returns: readonly CharterReturn[]): string {
  return returns.map(writeMarkdownReturn).join('\n');
}

export function markdownWriter(): ReturnWriter {
  return {
    head: () => '',
    part: (charterReturn, index) => `${index === 0 ? '' : '\n'}${writeMarkdownReturn(charterReturn)}`,
    tail: () => '',
  };
}
