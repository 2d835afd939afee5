/**
 * The form's column titles word by word, so that the lines of a heading row that wraps ("Where we
 * are now" / "(October 2017)", "Next steps (with" / "timescales)") are told from the first lines
 * of the rows below it: a line belongs to the heading only if every word on it carries on the
 * title of its column. Each title may end in a bracketed part ("(May 2015)", "(with timescales)").
 */
import { NUMBER_COLUMN } from './heading.js';

const SEQUENCES: readonly (readonly RegExp[])[] = [
  [],
  [/^charter$/, /^points?$/],
  [/^where$/, /^we$/, /^are$/, /^now$/],
  [/^where$/, /^we$/, /^need$/, /^to$/, /^improve$/],
  [/^next$/, /^steps?$/],
];
const NUMBER_WORDS = /^(?:no\.?|num\.?|number|ref\.?|item|point|#)$/i;
/** After "Next steps": "with timescales", "and timescales", "/ timescales" without brackets. */
const NEXT_STEPS_TAIL = /^(?:with|and|\/|&|timescales?|dates?)$/;

/** The columns whose form title ends in a bracketed part: "Where we are now (<month year>)", "Next steps (with timescales)". */
const NOW_COLUMN = 2;
const NEXT_COLUMN = 4;
const TIMESCALES_BRACKET = /^\((?:with|and|incl|including|timescales?|dates?)\b/i;

/**
 * Could `word`, opening a bracket in `column`, start the bracketed part the form's title has
 * there? Any period after "Where we are now"; the timescales after "Next steps". No other title
 * of the form has one.
 */
export function opensFormBracket(column: number, word: string): boolean {
  if (column === NOW_COLUMN) return true;
  return column === NEXT_COLUMN && TIMESCALES_BRACKET.test(word);
}

const KEPT_START = /[a-z0-9#(]/;
const KEPT_END = /[a-z0-9#)]/;

/** The word in lower case without the punctuation around it (brackets kept: they open and close parts). */
function bare(word: string): string {
  const text = word.toLowerCase();
  let start = 0;
  let end = text.length;
  while (start < end && !KEPT_START.test(text[start]!)) start++;
  while (end > start && !KEPT_END.test(text[end - 1]!)) end--;
  return text.slice(start, end);
}

/** Where one column's title has got to. */
interface TitleState {
  matched: number;
  /** Inside the bracketed part. */
  open: boolean;
  /** The bracketed part (or the next-steps tail) has been read: nothing more may follow. */
  closed: boolean;
  words: number;
}

export class HeadingTitles {
  private readonly states: TitleState[];

  constructor(columns: number) {
    this.states = Array.from({ length: columns }, () => ({ matched: 0, open: false, closed: false, words: 0 }));
  }

  /** Would `word` carry on the title of `column`? */
  accepts(column: number, word: string): boolean {
    return this.step(column, word, false);
  }

  /** Read `word` as the next word of `column`'s title; false (and nothing read) where it is not. */
  take(column: number, word: string): boolean {
    return this.step(column, word, true);
  }

  /** Would every word of a line (each with its column) carry on the titles? */
  acceptsAll(words: readonly { column: number; text: string }[]): boolean {
    const copy = new HeadingTitles(this.states.length);
    this.states.forEach((state, column) => Object.assign(copy.states[column]!, state));
    return words.every((word) => copy.take(word.column, word.text));
  }

  /** Is some title unfinished (a bracket open, words of the form's title still to come)? */
  incomplete(): boolean {
    return this.states.some((state, column) => {
      const sequence = SEQUENCES[column];
      if (!sequence || column === NUMBER_COLUMN) return false;
      return state.open || (state.matched > 0 && state.matched < sequence.length);
    });
  }

  private step(column: number, raw: string, commit: boolean): boolean {
    const state = this.states[column];
    if (!state) return false;
    const word = bare(raw);
    const next = { ...state };
    let ok = false;
    // Punctuation alone ("." of a "No." that wrapped, a dash) carries on any title.
    if (word === '') return true;
    if (column === NUMBER_COLUMN) {
      ok = next.words < 2 && NUMBER_WORDS.test(word);
    } else if (next.open) {
      ok = true;
      if (/\)$/.test(word)) {
        next.open = false;
        next.closed = true;
      }
    } else if (!next.closed) {
      const sequence = SEQUENCES[column]!;
      if (next.matched < sequence.length) {
        ok = sequence[next.matched]!.test(word.replace(/[()]/g, ''));
        if (ok) next.matched++;
      } else if (word.startsWith('(')) {
        ok = true;
        next.open = !/\)$/.test(word);
        next.closed = !next.open;
      } else if (column === 4 && NEXT_STEPS_TAIL.test(word)) {
        ok = true;
        if (/^timescales?$|^dates?$/.test(word)) next.closed = true;
      }
    }
    if (ok) {
      next.words++;
      if (commit) Object.assign(state, next);
    }
    return ok;
  }
}
