/**
 * Returns broken on purpose, as tab-separated text built from the charter's own wording: every
 * point answered, with a timescale, unless a breakage says otherwise.
 */
import { CHARTER_POINTS } from '../../src/charter/points.js';
import { importReturn, type ImportResult } from '../../src/pipeline.js';

export interface Breakage {
  /** Leave this point's row out. */
  missing?: number;
  /** Write this point's row twice. */
  duplicated?: number;
  /** Add a row that matches no point, after this point's row. */
  strayRowAfter?: number;
  /** Leave "Where we need to improve" empty for this point. */
  emptyAnswer?: number;
  /** Give this point a next step due before the period (May 2015). */
  timescaleBeforePeriod?: number;
}

const HEADING = ['', 'Charter point', 'Where we are now (May 2015)', 'Where we need to improve', 'Next steps (with timescales)'];

export function brokenTsv(breakage: Breakage): string {
  const rows = [HEADING];
  for (const point of CHARTER_POINTS) {
    if (point.number === breakage.missing) continue;
    const row = [
      String(point.number),
      point.wording,
      `We have made a start on point ${point.number}.`,
      point.number === breakage.emptyAnswer ? '' : `More to do on point ${point.number}.`,
      point.number === breakage.timescaleBeforePeriod ? 'Report to the board Dec 2014' : `Review progress with partners by March 2016`,
    ];
    rows.push(row);
    if (point.number === breakage.duplicated) rows.push(row);
    if (point.number === breakage.strayRowAfter)
      rows.push(['25', 'Parking permits for visitors', 'Issued on request', 'Faster issue', 'Online form Sept 2015']);
  }
  return `${rows.map((row) => row.join('\t')).join('\n')}\n`;
}

export function importBroken(breakage: Breakage, path = 'returns/broken.tsv'): Promise<ImportResult> {
  return importReturn(new TextEncoder().encode(brokenTsv(breakage)), { path });
}
