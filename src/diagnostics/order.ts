/**
 * The two orders diagnostics are shown in, side by side so that they are chosen, not drifted into:
 *
 *   sortDiagnostics(diagnostics)   a return's own list (its JSON): reading order, page then line,
 *                                  unplaced ones last, point-only ones by point, then severity
 *   sortForReport(diagnostics)     reporters (stylish, compact, github, sarif, json): page then
 *                                  line, unplaced last, then code, as linters list them
 *
 * Both keep the order they were found in where they tie. They differ on purpose only in what
 * breaks a tie at one place (severity or point, against code); the JSON's order is public
 * output, so neither changes without an issue that asks for it.
 */
import type { Diagnostic } from '../model.js';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic) => [d.page ?? (d.line === undefined ? Infinity : 0), d.line ?? Infinity, d.point ?? 0];
  return diagnostics
    .map((diagnostic, index) => ({ diagnostic, index }))
    .sort((a, b) => {
      const ka = key(a.diagnostic);
      const kb = key(b.diagnostic);
      for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -1 : 1;
      return SEVERITY_ORDER[a.diagnostic.severity] - SEVERITY_ORDER[b.diagnostic.severity] || a.index - b.index;
    })
    .map((entry) => entry.diagnostic);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Page, then line; a diagnostic with neither (a missing point) after those that have a place. */
function placeKey(diagnostic: Diagnostic): [number, number] {
  if (diagnostic.page === undefined && diagnostic.line === undefined) return [Infinity, Infinity];
  return [diagnostic.page ?? 0, diagnostic.line ?? 0];
}

export function sortForReport(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((diagnostic, index) => ({ diagnostic, index, key: placeKey(diagnostic) }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || compareText(a.diagnostic.code, b.diagnostic.code) || a.index - b.index)
    .map((entry) => entry.diagnostic);
}
