/**
 * Capping an input's diagnostics: a damaged or hostile file can raise hundreds of thousands of
 * them (one per stray line), which no one reads and which once overflowed the stack. At most
 * `perCode` of one code and `perFile` in all are listed, errors first, in the order given; the
 * rest of each code are counted in one closing `diagnostics-capped` at their own severity, so the
 * input's validity and its counts of errors and warnings are those of the whole list.
 */
import type { Diagnostic, Severity } from '../model.js';
import { cappedDiagnostic } from './diagnostic.js';

export interface DiagnosticLimits {
  /** Most diagnostics of one code listed for one input (`--max-per-code`). */
  perCode: number;
  /** Most diagnostics listed for one input (`--max-diagnostics`). */
  perFile: number;
}

export const DEFAULT_DIAGNOSTIC_LIMITS: DiagnosticLimits = { perCode: 1000, perFile: 5000 };

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** How many diagnostics one stands for: a closing count stands for those it counts. */
export function weightOf(diagnostic: Diagnostic): number {
  return diagnostic.count ?? 1;
}

export function capDiagnostics(diagnostics: readonly Diagnostic[], limits: DiagnosticLimits = DEFAULT_DIAGNOSTIC_LIMITS): Diagnostic[] {
  if (diagnostics.length <= Math.min(limits.perCode, limits.perFile)) return [...diagnostics];
  const keptOfCode = new Map<string, number>();
  const kept = new Set<Diagnostic>();
  /** Left out, by code in the order first met: their severity and number. */
  const left = new Map<string, { severity: Severity; count: number }>();
  let room = limits.perFile;
  // The room for the whole input goes to errors first, so that no error is crowded out by infos.
  for (const severity of SEVERITIES) {
    for (const diagnostic of diagnostics) {
      if (diagnostic.severity !== severity) continue;
      // A count made earlier (by one return of several) is kept: it is already short.
      if (diagnostic.count !== undefined) {
        kept.add(diagnostic);
        continue;
      }
      const ofCode = keptOfCode.get(diagnostic.code) ?? 0;
      if (ofCode < limits.perCode && room > 0) {
        keptOfCode.set(diagnostic.code, ofCode + 1);
        kept.add(diagnostic);
        room--;
        continue;
      }
      const entry = left.get(diagnostic.code);
      if (entry) entry.count++;
      else left.set(diagnostic.code, { severity, count: 1 });
    }
  }
  if (left.size === 0) return [...diagnostics];
  const listed = diagnostics.filter((diagnostic) => kept.has(diagnostic));
  for (const [code, { severity, count }] of left) {
    listed.push(cappedDiagnostic({ code, severity, count, perCode: limits.perCode, perFile: limits.perFile }));
  }
  return listed;
}
