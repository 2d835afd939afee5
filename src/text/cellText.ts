/**
 * Cell text as the contract wants it: lines wrapped inside a cell joined with single spaces,
 * every run of white space (tabs, line breaks, non-breaking spaces) one space, ends trimmed.
 */
export function joinCellText(pieces: readonly string[]): string {
  return pieces.join(' ').replace(/[\s\u00a0\u2000-\u200b\u3000]+/g, ' ').trim();
}

export function isBlank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}

/** A short quotation of text for a diagnostic message. */
export function quote(text: string, max = 60): string {
  const flat = joinCellText([text]);
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max - 1)}…` : flat);
}
