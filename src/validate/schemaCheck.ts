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
