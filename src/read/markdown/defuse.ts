/**
 * Markdown shapes that make the parser's time grow with the square of their size, defused before
 * parsing: thousands of emphasis or strikethrough markers or brackets in one paragraph, and lists
 * or quotes nested dozens deep on one line. No real paper holds them; a damaged or hostile file
 * may, with 1 MB lines. Each is escaped (a backslash before the marker, so lines and their text
 * stay where they are) and reported.
 */
import type { Diagnostic } from '../../model.js';
import { diagnostic } from '../../diagnostics/diagnostic.js';

/** More nested lists or quotes on one line than any document needs. */
const MAX_NESTING = 32;
/** More of one marker in one paragraph or table than any document needs (a return uses a few hundred at most). */
const MAX_MARKERS = 2000;
/** Markers whose matching is quadratic in the parser: emphasis, strikethrough, link brackets. */
const MARKERS = ['*', '~', '[', ']'] as const;
/** Repairs reported one by one before the rest are counted in a last diagnostic. */
const MAX_REPORTS = 10;

export function defuseMarkdown(text: string, diagnostics: Diagnostic[]): string {
  const lines = text.split('\n');
  const reports: Diagnostic[] = [];
  let changed = false;
  lines.forEach((line, index) => {
    const at = deepContainerAt(line);
    if (at < 0) return;
    lines[index] = `${line.slice(0, at)}\\${line.slice(at)}`;
    changed = true;
    reports.push(diagnostic('markup-defused', { kind: 'nesting', line: index + 1, max: MAX_NESTING }, { line: index + 1 }));
  });
  let start = 0;
  for (let index = 0; index <= lines.length; index++) {
    if (index < lines.length && lines[index]!.trim() !== '') continue;
    if (index > start && defuseRun(lines, start, index, reports)) changed = true;
    start = index + 1;
  }
  diagnostics.push(...reports.slice(0, MAX_REPORTS));
  if (reports.length > MAX_REPORTS) {
    const rest = reports.length - MAX_REPORTS;
    diagnostics.push(diagnostic('markup-defused', { kind: 'more', count: rest }));
  }
  return changed ? lines.join('\n') : text;
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

function isBlank(char: string | undefined): boolean {
  return char === ' ' || char === '\t';
}

/** Where to escape a line's container marker that is nested too deep, or -1. */
function deepContainerAt(line: string): number {
  let depth = 0;
  let i = 0;
  while (i < line.length) {
    const char = line[i]!;
    if (isBlank(char)) {
      i++;
    } else if (char === '>') {
      if (++depth > MAX_NESTING) return i;
      i++;
    } else if ((char === '-' || char === '*' || char === '+') && isBlank(line[i + 1])) {
      if (++depth > MAX_NESTING) return isThematicBreak(line) ? -1 : i;
      i += 2;
    } else if (isDigit(char)) {
      let end = i;
      while (end - i < 9 && isDigit(line[end])) end++;
      if ((line[end] !== '.' && line[end] !== ')') || !isBlank(line[end + 1])) return -1;
      if (++depth > MAX_NESTING) return end;
      i = end + 2;
    } else {
      return -1;
    }
  }
  return -1;
}

/** `- - - -` or `* * * *`: a rule across the page, however long. */
function isThematicBreak(line: string): boolean {
  const marker = line.trim()[0];
  for (const char of line) if (char !== marker && !isBlank(char)) return false;
  return true;
}

/** Escape, in lines [start, end), every marker that occurs there too often. True where a line changed. */
function defuseRun(lines: string[], start: number, end: number, reports: Diagnostic[]): boolean {
  const counts = new Map<string, number>(MARKERS.map((marker) => [marker, 0]));
  for (let index = start; index < end; index++) {
    forEachUnescaped(lines[index]!, (char) => {
      const count = counts.get(char);
      if (count !== undefined) counts.set(char, count + 1);
    });
  }
  const heavy = new Set<string>(MARKERS.filter((marker) => counts.get(marker)! > MAX_MARKERS));
  if (heavy.size === 0) return false;
  for (let index = start; index < end; index++) {
    const line = lines[index]!;
    let out = '';
    let from = 0;
    forEachUnescaped(line, (char, at) => {
      if (!heavy.has(char)) return;
      out += `${line.slice(from, at)}\\`;
      from = at;
    });
    lines[index] = out + line.slice(from);
  }
  const what = [...heavy].map((marker) => `${counts.get(marker)} "${marker}"`).join(', ');
  reports.push(diagnostic('markup-defused', { kind: 'markers', first: start + 1, last: end, markers: what }, { line: start + 1 }));
  return true;
}

/** Calls `visit` for each character of `line` not escaped by a backslash. */
function forEachUnescaped(line: string, visit: (char: string, at: number) => void): void {
  let escaped = false;
  for (let at = 0; at < line.length; at++) {
    const char = line[at]!;
    if (escaped) escaped = false;
    else if (char === '\\') escaped = true;
    else visit(char, at);
  }
}
