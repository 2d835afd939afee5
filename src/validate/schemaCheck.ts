/** Checking a return against its JSON Schema with ajv, compiled once on first use. */
import type { ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Diagnostic } from '../model.js';
import type { PointEvidence } from '../normalise/buildReturn.js';
import { RETURN_SCHEMA } from './returnSchema.js';
import { schemaErrorDiagnostics } from './schemaPlaces.js';

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  compiled ??= new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(RETURN_SCHEMA);
  return compiled;
}

/** Schema errors as diagnostics placed at the cell they concern ("point 6, Next steps", its line). */
export function checkSchema(value: unknown, evidence: ReadonlyMap<number, PointEvidence> = new Map()): Diagnostic[] {
  const validate = validator();
  if (validate(value)) return [];
  return schemaErrorDiagnostics(validate.errors ?? [], value, evidence);
}
