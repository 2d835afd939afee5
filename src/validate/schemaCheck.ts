/**
 * Checking a return against its JSON Schema. The validator is ajv's standalone code, generated
 * from the schema when it changes (`npm run schema`), so no run pays for compiling it.
 */
import type { ValidateFunction } from 'ajv';
import type { Diagnostic } from '../model.js';
import type { PointEvidence } from '../normalise/buildReturn.js';
import { validate as generatedValidator } from './returnValidator.generated.js';
import { schemaErrorDiagnostics } from './schemaPlaces.js';

const validateReturn = generatedValidator as unknown as ValidateFunction;

/** Schema errors as diagnostics placed at the cell they concern ("point 6, Next steps", its line). */
export function checkSchema(value: unknown, evidence: ReadonlyMap<number, PointEvidence> = new Map()): Diagnostic[] {
  if (validateReturn(value)) return [];
  return schemaErrorDiagnostics(validateReturn.errors ?? [], value, evidence);
}

/**
 * What is wrong with a value offered as a return (charter's own JSON read back as input), one
 * phrase each ("point 6, Next steps (with timescales): must be string"); none where it is one.
 */
export function returnShapeProblems(value: unknown): string[] {
  if (validateReturn(value)) return [];
  return schemaErrorDiagnostics(validateReturn.errors ?? [], value, new Map()).map((diagnostic) => diagnostic.message);
}
