/** The blank return form: all 21 charter points in the charter's wording, every answer empty. */
import { pointFrame } from './frame.js';
import { CHARTER_POINTS } from './points.js';
import type { CharterReturn } from '../model.js';

/** Our own markdown writer's title, which the reader takes the council from, so that an authority outside London survives a round trip. */
export const RETURN_TITLE_PREFIX = 'End of Life Care Charter return: ';

export function blankReturn(options: { period?: string | undefined; authority?: string | undefined } = {}): CharterReturn {
  return {
    schemaVersion: 1,
    authority: options.authority ?? null,
    period: options.period ?? null,
    // The blank form is published as a markdown table (seed 001); the template stands for it.
    source: { path: null, format: 'markdown' },
    points: CHARTER_POINTS.map((point) => ({
      number: point.number,
      charterPoint: point.wording,
      whereWeAreNow: '',
      whereWeNeedToImprove: '',
      nextSteps: '',
      ...pointFrame(point.number),
    })),
    diagnostics: [],
  };
}
