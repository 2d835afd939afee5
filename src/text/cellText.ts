/**
 * Cell text as the contract wants it: lines wrapped inside a cell joined with single spaces,
 * every run of white space (tabs, line breaks, non-breaking spaces) one space, ends trimmed.
 */
/**
 * White space that is not already one plain space: a run of two or more, or any one other
 * character of it. Each match is a whole run (a run of two or more is taken by the first
 * alternative from its first character), so replacing matches with a space is replacing every run
 * with one; but the single spaces between words, most of any text, are not matches at all.
 */
const UNTIDY_SPACE = /[\s\u00a0\u2000-\u200b\u3000]{2,}|(?! )[\s\u00a0\u2000-\u200b\u3000]/g;

export function joinCellText(pieces: readonly string[]): string {
  return pieces.join(' ').replace(UNTIDY_SPACE, ' ').trim();
}

export function isBlank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}

/** A short quotation of text for a diagnostic message. */
export function quote(text: string, max = 60): string {
  const flat = joinCellText([text]);
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max - 1)}…` : flat);
}
