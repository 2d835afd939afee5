/**
 * Markdown output: one GFM table per return with the form's own headings, under a title that
 * names the council. Cell text is escaped so that it renders, and reads back, exactly as it is.
 */
import { ANSWER_HEADINGS, type CharterReturn } from '../model.js';
import { RETURN_TITLE_PREFIX } from '../charter/template.js';
import type { ReturnWriter } from './writer.js';

const ASCII_PUNCTUATION = new Set('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~');

function isAlphanumeric(char: string | undefined): boolean {
  return char !== undefined && /^[\p{L}\p{N}]$/u.test(char);
}

/** Whether the character at `at` would change how the cell renders if written as it is. */
function needsEscape(text: string, at: number): boolean {
  const char = text[at]!;
  const next = text[at + 1];
  switch (char) {
    case '|': // a new cell
    case '*': // emphasis, even inside a word
    case '~': // strikethrough
    case '`': // code
    case '[': // links and images
    case ']':
      return true;
    case '_': // emphasis, except between letters or digits (end_of_life_care)
      return !(isAlphanumeric(text[at - 1]) && isAlphanumeric(next));
    case '\\': // an escape only before punctuation
      return next !== undefined && ASCII_PUNCTUATION.has(next);
    case '<': // HTML or an autolink only before a letter, /, ! or ?
      return next !== undefined && /^[A-Za-z/!?]$/.test(next);
    case '&': // an entity only as &name; or &#…;
      return /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/.test(text.slice(at, at + 40));
    default:
      return false;
  }
}

/**
 * Only what would change the rendering in a table cell is escaped: markup, an entity (`&amp;`), a
 * new cell; a line break becomes <br>. A URL's underscores (end_of_life_care) stay as they are.
 */
export function escapeCell(text: string): string {
  let out = '';
  for (let at = 0; at < text.length; at++) {
    const char = text[at]!;
    if (char === '\n') out += '<br>';
    else out += needsEscape(text, at) ? `\\${char}` : char;
  }
  return out;
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

export function writeMarkdownReturn(charterReturn: CharterReturn): string {
  const title =
    charterReturn.authority === null ? `# ${RETURN_TITLE_PREFIX.replace(/:\s*$/, '')}` : `# ${RETURN_TITLE_PREFIX}${charterReturn.authority}`;
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
    separator: (index) => (index === 0 ? '' : '\n'),
    item: writeMarkdownReturn,
    tail: () => '',
  };
}
