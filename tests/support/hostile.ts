/** Returns made of text meant to break out of HTML: for the report's escaping tests, with and without a browser. */
import type { ReturnToCompare } from '../../src/compare/comparison.js';
import { blankReturn } from '../../src/charter/template.js';

export const HOSTILE = ['<script>alert(1)</script>', `"'><img src=x onerror=alert(2)>`, '</script><script>alert(3)</script>', '<!-- & &amp; \u2028'];

/** Returns whose every piece of text, the council, the period and the file name too, is hostile. */
export function hostileReturns(): ReturnToCompare[] {
  return HOSTILE.slice(0, 2).flatMap((authority, councilIndex) =>
    ['May 2015', 'May 2016'].map((period, periodIndex) => {
      const charterReturn = blankReturn({ authority, period });
      charterReturn.source = { path: `${HOSTILE[(councilIndex + periodIndex) % HOSTILE.length]}.tsv`, format: 'tsv', lines: { from: 1, to: 22 } };
      charterReturn.points = charterReturn.points.map((point) => ({
        ...point,
        whereWeAreNow: HOSTILE[point.number % 4]!,
        whereWeNeedToImprove: HOSTILE[(point.number + 1) % 4]!,
        nextSteps: `${HOSTILE[(point.number + 2) % 4]!} Sept 2015 <b>${point.number}</b>`,
      }));
      charterReturn.diagnostics = [{ severity: 'warning', code: 'no-timescale', message: HOSTILE[0]!, line: 3, point: 1 }];
      return { charterReturn, valid: true };
    }),
  );
}
