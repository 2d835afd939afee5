/**
 * A timescale: a phrase in a "Next steps (with timescales)" answer that says when, read into an
 * inclusive span of ISO dates where it names one.
 *
 * Kinds (dates are inclusive; a financial year runs 1 April to 31 March, as in UK councils):
 * - `date`            a day: `31/03/2017`, `31.3.17`, `by 31 March 2017`, `31st of March 2017`, `March 31, 2017`
 *                     (numbers are read day first, as in the UK)
 * - `month`           a calendar month: `Sept 2015`, `August 2015`, glued to a word as in `EOLCAugust 2015`,
 *                     `Aug-15`, `Sept '15`, `03/2016`
 * - `month-range`     months from one to another: `Sept–Dec 2015`, `October 2017 – March 2018`, `April to June 2016`
 * - `financial-year`  `15/16`, `2016/17`, `2016-17`, `2016/2017`, `FY 2016/17`: 1 April 2016 to 31 March 2017;
 *                     `2016/18` spans two financial years
 * - `quarter`         a quarter of a financial year, `Q3 2016/17` (Q1 April–June … Q4 January–March), or of a
 *                     calendar year where only a year is given, `Q3 2016` (July–September)
 * - `season`          `spring` March–May, `summer` June–August, `autumn` September–November of the year;
 *                     `winter 2016` (or `winter 2016/17`) December 2016 to February 2017
 * - `part-of-year`    `early 2016` (or `beginning/start of 2016`) January–April, `mid 2016` May–August,
 *                     `late 2016` (or `end of 2016`) September–December, `first/second half of 2016`, `H1 2016`;
 *                     `later in 2015` spans the whole year, since which part it means depends on when it was written
 * - `year`            a year alone: `2016` (not in the name of an Act, as in `Care Act 2014`)
 * - `year-range`      calendar years from one to another: `2015-2020`, `2016 to 2017`
 * - `ongoing`         `on-going`, `ongoing`, `on going` (no dates)
 * - `immediate`       `Immediately`, `with immediate effect`, `ASAP`, `as soon as possible` (no dates)
 * - `tbc`             `TBC`, `TBA`, `TBD`, `to be confirmed`, `to be determined` (no dates)
 * - `recurring`       `monthly`, `quarterly`, `annually`, `every 6 months`, `each year` (no dates)
 */
// The kinds and the shape are the contract's, so they live in src/model.ts; this file documents them.
export { TIMESCALE_KINDS, type Timescale, type TimescaleKind } from '../model.js';

/** A phrase that looks like a time but names no date that can be read, such as `next quarter`. */
export interface UnclearTime {
  /** The phrase exactly as written. */
  text: string;
  /** Why it could not be read, in words. */
  reason: string;
}
