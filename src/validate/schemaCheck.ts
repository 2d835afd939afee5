/** Checking a return against its JSON Schema with ajv, compiled once on first use. */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Diagnostic } from '../model.js';
import { RETURN_SCHEMA } from './returnSchema.js';

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  compiled ??= new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(RETURN_SCHEMA);
  return compiled;
}

export function checkSchema(value: unknown): Diagnostic[] {
  const validate = validator();
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error: ErrorObject) => ({
    severity: 'error' as const,
    code: 'schema-invalid',
    message: `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`,
  }));
}
