/**
 * The core: bytes in, a return and its diagnostics out. Never prints, exits or touches `process`.
 * read → normalise → validate.
 */
import { pointFrame } from './charter/frame.js';
import type { CharterReturn, Diagnostic } from './model.js';
import { buildReturn, type PointEvidence } from './normalise/buildReturn.js';
import { readDocument, type ReadOptions } from './read/readDocument.js';
import { parseTimescales } from './timescales/parseTimescales.js';
import { checkRules } from './validate/rules.js';
import { checkSchema } from './validate/schemaCheck.js';

export interface ImportOptions extends ReadOptions {
  authority?: string | undefined;
  period?: string | undefined;
}

export interface ImportResult {
  path: string | null;
  /** The return, or null where none could be read. */
  charterReturn: CharterReturn | null;
  /** Every diagnostic, the same list the return carries. */
  diagnostics: Diagnostic[];
  /** True where the input was read and no diagnostic is an error. */
  valid: boolean;
  evidence: ReadonlyMap<number, PointEvidence>;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Diagnostics in reading order (page, then line), unplaced ones last, point-only ones by point. */
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

export async function importReturn(bytes: Uint8Array, options: ImportOptions): Promise<ImportResult> {
  const read = await readDocument(bytes, options);
  if (!read.ok) {
    const diagnostics = sortDiagnostics(read.diagnostics);
    return { path: options.path, charterReturn: null, diagnostics, valid: false, evidence: new Map() };
  }
  const built = buildReturn(read.document, options);
  if (!built.charterReturn) {
    const diagnostics = sortDiagnostics(built.diagnostics);
    return { path: options.path, charterReturn: null, diagnostics, valid: false, evidence: built.evidence };
  }
  const charterReturn = built.charterReturn;
  for (const point of charterReturn.points) {
    point.timescales = parseTimescales(point.nextSteps);
    Object.assign(point, pointFrame(point.number));
  }
  const diagnostics = sortDiagnostics([...built.diagnostics, ...checkRules(charterReturn, built.evidence)]);
  charterReturn.diagnostics = diagnostics;
  // The schema is the contract with every consumer: a return that breaks it is our bug, reported as such.
  const schemaErrors = checkSchema(charterReturn, built.evidence);
  if (schemaErrors.length > 0) {
    diagnostics.push(...schemaErrors);
  }
  const valid = !diagnostics.some((diagnostic) => diagnostic.severity === 'error');
  return { path: options.path, charterReturn, diagnostics, valid, evidence: built.evidence };
}
