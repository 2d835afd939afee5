/**
 * Where the markdown may be cut into pieces parsed one by one. The parser's time grows with the
 * square of a paragraph's length (it merges the paragraph's text events one splice at a time), so
 * a run of thousands of lines without a blank one (minutes pasted as one block, a damaged file)
 * is parsed a few hundred lines at a time. Only runs of plain prose are cut: a run holding a pipe
 * table's delimiter row, HTML (`<`) or a code fence, or lying inside a fence, is parsed whole.
 */

/** Runs longer than this are cut… */
const LONG_RUN = 400;
/** …into pieces of this many lines. */
const PIECE = 200;

export interface Segment {
  text: string;
  /** Line of the input the segment starts on. */
  firstLine: number;
}

/** A line that may be the one under a pipe table's heading (`|---|:--:|`, `--- | ---`), or a rule. */
export function isDelimiterRow(line: string): boolean {
  let dashes = false;
  for (const char of line) {
    if (char === '-') dashes = true;
    else if (char !== '|' && char !== ':' && char !== ' ' && char !== '\t') return false;
  }
  return dashes;
}

export function isFence(line: string): boolean {
  const trimmed = line.trimStart();
  return line.length - trimmed.length < 4 && (trimmed.startsWith('```') || trimmed.startsWith('~~~'));
}

export function segments(source: string): Segment[] {
  const lines = source.split('\n');
  if (lines.length <= LONG_RUN) return [{ text: source, firstLine: 1 }];
  /** Indexes of lines that start a new segment. */
  const cuts: number[] = [];
  let inFence = false;
  let runStart = -1;
  let plain = true;
  const endRun = (end: number) => {
    if (runStart >= 0 && plain && end - runStart > LONG_RUN) {
      for (let at = runStart; at < end; at += PIECE) cuts.push(at);
      cuts.push(end);
    }
    runStart = -1;
  };
  lines.forEach((line, index) => {
    if (isFence(line)) {
      endRun(index);
      inFence = !inFence;
      return;
    }
    if (inFence) return;
    if (line.trim() === '') {
      endRun(index);
      return;
    }
    if (runStart < 0) {
      runStart = index;
      plain = true;
    }
    // Pipes alone make no table: a run without a delimiter row is prose with pipes in it.
    if (line.includes('<') || isDelimiterRow(line)) plain = false;
  });
  endRun(lines.length);
  if (cuts.length === 0) return [{ text: source, firstLine: 1 }];
  const result: Segment[] = [];
  let from = 0;
  for (const cut of [...cuts, lines.length]) {
    if (cut <= from) continue;
    result.push({ text: lines.slice(from, cut).join('\n'), firstLine: from + 1 });
    from = cut;
  }
  return result;
}
