/**
 * The core: bytes in, the whole result of an input out, built once: read → normalise →
 * timescales → rules → schema → rule levels (`--rule`) → validity. Never prints, exits or touches
 * `process`; the CLI only writes what it returns.
 */
import { buildReturns, type BuildResult, type PointEvidence } from './normalise/buildReturn.js';
import { diagnostic } from './diagnostics/diagnostic.js';
import { pointFrame } from './charter/frame.js';
import { applyRuleLevels, type RuleLevel } from './diagnostics/ruleLevels.js';
import { capDiagnostics, DEFAULT_DIAGNOSTIC_LIMITS, type DiagnosticLimits } from './diagnostics/cap.js';
import { sortDiagnostics } from './diagnostics/order.js';
import type { CharterReturn, Diagnostic, InspectedPage, RawDocument } from './model.js';
import { readDocument, type ReadOptions } from './read/readDocument.js';
import { readTimes, type TimesInText } from './timescales/parseTimescales.js';
import { checkRules } from './validate/rules.js';
import { checkSchema, returnShapeProblems } from './validate/schemaCheck.js';
import { accountForText, unaccountedDiagnostics } from './validate/textCoverage.js';

export { sortDiagnostics } from './diagnostics/order.js';

export interface ImportOptions extends ReadOptions {
  authority?: string | undefined;
  period?: string | undefined;
  /** Levels by code (`--rule`), applied to every diagnostic before validity is decided. */
  ruleLevels?: ReadonlyMap<string, RuleLevel> | undefined;
  /** How many diagnostics are listed for the input, of one code and in all; the rest are counted. */
  diagnosticLimits?: DiagnosticLimits | undefined;
}

export interface ImportResult {
  path: string | null;
  /** Every return the input holds, in document order: none where it could not be read or holds none. */
  returns: CharterReturn[];
  /** The first return (most inputs hold one), or null where there is none. */
  charterReturn: CharterReturn | null;
  /**
   * Every diagnostic of the input, with rule levels applied: each return's own (a diagnostic of the
   * document, such as an encoding guessed, once), or why there is no return.
   */
  diagnostics: Diagnostic[];
  /** True where the input was read into at least one return and no diagnostic is an error. */
  valid: boolean;
  /** What the rules knew of the first return's points. */
  evidence: ReadonlyMap<number, PointEvidence>;
  /** How the pages were read, where `inspect` asked for it: the layout, and the words that came out nowhere. */
  inspection?: Inspection;
}

export interface Inspection {
  pages: InspectedPage[];
  /** The words of the returns' tables that text accounting found in no cell and no diagnostic. */
  lost: { word: string; page?: number | undefined; line?: number | undefined }[];
}

/** The result of an input that gave no return: read failures, and inputs the CLI could not read. */
export function failedImport(
  path: string | null,
  diagnostics: readonly Diagnostic[],
  ruleLevels: ReadonlyMap<string, RuleLevel> = new Map(),
  limits: DiagnosticLimits = DEFAULT_DIAGNOSTIC_LIMITS,
): ImportResult {
  const listed = capDiagnostics(applyRuleLevels(sortDiagnostics(diagnostics), ruleLevels), limits);
  return { path, returns: [], charterReturn: null, diagnostics: listed, valid: false, evidence: new Map() };
}

/** One built return made whole: timescales, rules, text accounting, schema, rule levels, the cap on how many are listed. */
function finishReturn(
  document: RawDocument,
  built: BuildResult,
  options: { ruleLevels: ReadonlyMap<string, RuleLevel>; limits: DiagnosticLimits },
  extra: readonly Diagnostic[],
  lostWords: Inspection['lost'],
): CharterReturn {
  const charterReturn = built.charterReturn!;
  // Each point's next steps are read once: for its timescales here, and by the timescale rules.
  const times = new Map<number, TimesInText>();
  for (const point of charterReturn.points) {
    const read = readTimes(point.nextSteps);
    times.set(point.number, read);
    point.timescales = read.timescales;
    Object.assign(point, pointFrame(point.number));
  }
  const checked = [...built.diagnostics, ...extra, ...checkRules(charterReturn, built.evidence, times)];
  // Text accounting: whatever of the table's text came out nowhere is an error, so that a return
  // that lost text can never pass as valid.
  const lost = accountForText(document, built.found!, { charterReturn, diagnostics: checked });
  for (const word of lost.missing) lostWords.push({ word: word.word, page: word.place.page, line: word.place.line });
  const found = sortDiagnostics([...checked, ...unaccountedDiagnostics(lost.missing)]);
  charterReturn.diagnostics = found;
  // The schema is the contract with every consumer: a return that breaks it is our bug, reported as such.
  for (const problem of checkSchema(charterReturn, built.evidence)) found.push(problem);
  // Counted after the text accounting, which needs every diagnostic's text.
  charterReturn.diagnostics = capDiagnostics(applyRuleLevels(found, options.ruleLevels), options.limits);
  return charterReturn;
}

/** Where each return of a document holding several is, said on each. */
function whereEach(built: readonly BuildResult[]): Diagnostic[][] {
  if (built.length < 2) return built.map(() => []);
  return built.map((one, index) => {
    const source = one.charterReturn!.source;
    const at = source.pages ? { page: source.pages[0]! } : source.lines ? { line: source.lines.from } : {};
    return [
      diagnostic(
        'return-found',
        { index: index + 1, count: built.length, period: one.charterReturn!.period, pages: source.pages ?? null, lines: source.lines ?? null },
        at,
      ),
    ];
  });
}

/** Every return's diagnostics; one of the document (the encoding, say) is on every return, and listed once. */
function allOnce(returns: readonly CharterReturn[]): Diagnostic[] {
  const seen = new Set<Diagnostic>();
  const diagnostics: Diagnostic[] = [];
  for (const charterReturn of returns) {
    for (const one of charterReturn.diagnostics) {
      if (seen.has(one)) continue;
      seen.add(one);
      diagnostics.push(one);
    }
  }
  return diagnostics;
}

export async function importReturn(bytes: Uint8Array, options: ImportOptions): Promise<ImportResult> {
  const ruleLevels = options.ruleLevels ?? new Map<string, RuleLevel>();
  const limits = options.diagnosticLimits ?? DEFAULT_DIAGNOSTIC_LIMITS;
  // A reader may not import validate (a floor above it): the schema check of JSON input is handed in.
  const read = await readDocument(bytes, { ...options, checkReturn: returnShapeProblems });
  if (!read.ok) return failedImport(options.path, read.diagnostics, ruleLevels, limits);
  const built = buildReturns(read.document, options);
  if (built.returns.length === 0) return failedImport(options.path, built.diagnostics, ruleLevels, limits);
  const located = whereEach(built.returns);
  const lost: Inspection['lost'] = [];
  const returns = built.returns.map((one, index) => finishReturn(read.document, one, { ruleLevels, limits }, located[index]!, lost));
  const diagnostics = returns.length === 1 ? returns[0]!.diagnostics : allOnce(returns);
  const valid = !diagnostics.some((one) => one.severity === 'error');
  const result: ImportResult = { path: options.path, returns, charterReturn: returns[0]!, diagnostics, valid, evidence: built.returns[0]!.evidence };
  if (read.document.inspection) result.inspection = { pages: read.document.inspection, lost };
  return result;
}
