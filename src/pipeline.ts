/**
 * The core: bytes in, the whole result of an input out, built once: read → normalise →
 * timescales → rules → schema → rule levels (`--rule`) → validity. Never prints, exits or touches
 * `process`; the CLI only writes what it returns.
 */
import type { PointEvidence } from './normalise/buildReturn.js';
import { buildReturn } from './normalise/buildReturn.js';
import { pointFrame } from './charter/frame.js';
import { applyRuleLevels, type RuleLevel } from './diagnostics/ruleLevels.js';
import { sortDiagnostics } from './diagnostics/order.js';
import type { CharterReturn, Diagnostic } from './model.js';
import { readDocument, type ReadOptions } from './read/readDocument.js';
import { readTimes, type TimesInText } from './timescales/parseTimescales.js';
import { checkRules } from './validate/rules.js';
import { checkSchema } from './validate/schemaCheck.js';
import { accountForText, unaccountedDiagnostics } from './validate/textCoverage.js';

export { sortDiagnostics } from './diagnostics/order.js';

export interface ImportOptions extends ReadOptions {
  authority?: string | undefined;
  period?: string | undefined;
  /** Levels by code (`--rule`), applied to every diagnostic before validity is decided. */
  ruleLevels?: ReadonlyMap<string, RuleLevel> | undefined;
}

export interface ImportResult {
  path: string | null;
  /** The return, or null where none could be read. */
  charterReturn: CharterReturn | null;
  /** Every diagnostic, with rule levels applied: the same list the return carries. */
  diagnostics: Diagnostic[];
  /** True where the input was read into a return and no diagnostic is an error. */
  valid: boolean;
  evidence: ReadonlyMap<number, PointEvidence>;
}

/** The result of an input that gave no return: read failures, and inputs the CLI could not read. */
export function failedImport(
  path: string | null,
  diagnostics: readonly Diagnostic[],
  ruleLevels: ReadonlyMap<string, RuleLevel> = new Map(),
  evidence: ReadonlyMap<number, PointEvidence> = new Map(),
): ImportResult {
  return { path, charterReturn: null, diagnostics: applyRuleLevels(sortDiagnostics(diagnostics), ruleLevels), valid: false, evidence };
}

export async function importReturn(bytes: Uint8Array, options: ImportOptions): Promise<ImportResult> {
  const ruleLevels = options.ruleLevels ?? new Map<string, RuleLevel>();
  const read = await readDocument(bytes, options);
  if (!read.ok) return failedImport(options.path, read.diagnostics, ruleLevels);
  const built = buildReturn(read.document, options);
  if (!built.charterReturn) return failedImport(options.path, built.diagnostics, ruleLevels, built.evidence);
  const charterReturn = built.charterReturn;
  // Each point's next steps are read once: for its timescales here, and by the timescale rules.
  const times = new Map<number, TimesInText>();
  for (const point of charterReturn.points) {
    const read = readTimes(point.nextSteps);
    times.set(point.number, read);
    point.timescales = read.timescales;
    Object.assign(point, pointFrame(point.number));
  }
  const checked = [...built.diagnostics, ...checkRules(charterReturn, built.evidence, times)];
  // Text accounting: whatever of the table's text came out nowhere is an error, so that a return
  // that lost text can never pass as valid.
  const lost = accountForText(read.document, built.found!, { charterReturn, diagnostics: checked });
  const found = sortDiagnostics([...checked, ...unaccountedDiagnostics(lost.missing)]);
  charterReturn.diagnostics = found;
  // The schema is the contract with every consumer: a return that breaks it is our bug, reported as such.
  found.push(...checkSchema(charterReturn, built.evidence));
  const diagnostics = applyRuleLevels(found, ruleLevels);
  charterReturn.diagnostics = diagnostics;
  const valid = !diagnostics.some((diagnostic) => diagnostic.severity === 'error');
  return { path: options.path, charterReturn, diagnostics, valid, evidence: built.evidence };
}
