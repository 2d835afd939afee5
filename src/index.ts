/**
 * charter as a library: `import { importReturn, validateReturn, writeReturn } from 'charter'`.
 * The same core the command line runs, for scripts that would rather not start a shell.
 */
import { blankReturn } from './charter/template.js';
import type { CharterReturn, Diagnostic } from './model.js';
import { sortDiagnostics } from './diagnostics/order.js';
import { checkRules } from './validate/rules.js';
import { checkSchema } from './validate/schemaCheck.js';
import { csvWriter } from './write/csv.js';
import { jsonWriter, ndjsonWriter } from './write/json.js';
import { markdownWriter } from './write/markdown.js';
import { writeWith, type OutputFormat, type WriteOptions, type WriterFactory } from './write/writeReturns.js';

export { importReturn, type ImportOptions, type ImportResult } from './pipeline.js';
export { parseRuleLevels, type RuleLevel } from './diagnostics/ruleLevels.js';
export { DIAGNOSTIC_CODES, type DiagnosticCodeInfo } from './diagnostics/codes.js';
export { RETURN_SCHEMA } from './validate/returnSchema.js';
export type { CharterReturn, Diagnostic, Place, PointAnswer, ReturnSource, Severity, SourceFormat, Timescale } from './model.js';
export type { OutputFormat, WriteOptions } from './write/writeReturns.js';
export { blankReturn };

export interface Validation {
  /** True where the value is a return that matches the schema and no rule finds an error. */
  valid: boolean;
  diagnostics: Diagnostic[];
}

/**
 * Checks a return already in memory (parsed from charter's JSON, say): its JSON Schema, then, if
 * it has the shape, the rules (every point present and answered, timescales). Nothing says where
 * its rows stood in a document, so no diagnostic has a line or page, and the charter-point wording
 * (which the JSON gives in the charter's own words) is not compared.
 */
export function validateReturn(value: unknown): Validation {
  const schemaErrors = checkSchema(value);
  if (schemaErrors.length > 0) return { valid: false, diagnostics: schemaErrors };
  const diagnostics = sortDiagnostics(checkRules(value as CharterReturn, new Map()));
  return { valid: !diagnostics.some((diagnostic) => diagnostic.severity === 'error'), diagnostics };
}

/**
 * The writers, at hand for writeReturn, which answers at once (the command line loads only the
 * one it writes). A format added to the registry (write/writers.ts) must be added here: the type says so.
 */
const WRITER_FOR: Record<OutputFormat, WriterFactory> = { json: jsonWriter, csv: csvWriter, md: markdownWriter, ndjson: ndjsonWriter };

/**
 * A return as text in an output format (default JSON), as `charter import` writes it; given a
 * list, all of them (in JSON an array, as `charter import` writes several inputs).
 */
export function writeReturn(returns: CharterReturn | readonly CharterReturn[], format: OutputFormat = 'json', options: WriteOptions = {}): string {
  const several = Array.isArray(returns);
  const list: readonly CharterReturn[] = several ? (returns as readonly CharterReturn[]) : [returns as CharterReturn];
  return writeWith(WRITER_FOR[format], list, { ...options, asArray: options.asArray ?? several });
}
