/** The schema's derived files must follow it: run `npm run schema` after changing it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RETURN_SCHEMA } from '../src/validate/returnSchema.js';
import { checkSchema } from '../src/validate/schemaCheck.js';
// @ts-expect-error: a plain JavaScript helper shared with the build script, without types
import { standaloneValidatorSource } from '../scripts/standaloneValidator.mjs';

describe('files derived from the schema', () => {
  it('schemas/return.schema.json is the schema', () => {
    expect(JSON.parse(readFileSync('schemas/return.schema.json', 'utf8'))).toEqual(JSON.parse(JSON.stringify(RETURN_SCHEMA)));
  });

  it('the precompiled validator is generated from the schema as it is now', () => {
    expect(readFileSync('src/validate/returnValidator.generated.ts', 'utf8')).toBe(standaloneValidatorSource(RETURN_SCHEMA));
  });

  it('the precompiled validator rejects what the schema rejects, with its place', () => {
    const broken = {
      schemaVersion: 1,
      authority: null,
      period: null,
      source: { path: null, format: 'tsv' },
      points: [{ number: 22 }],
      diagnostics: [],
    };
    const errors = checkSchema(broken);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((error) => error.code === 'schema-invalid' && error.severity === 'error')).toBe(true);
  });
});
