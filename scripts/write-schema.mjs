// Writes the schema's two derived files from src/validate/returnSchema.ts (built to dist/ first):
//   schemas/return.schema.json                     the published JSON Schema
//   src/validate/returnValidator.generated.ts      ajv's standalone validator, so no run compiles it
import { writeFileSync } from 'node:fs';
import { RETURN_SCHEMA } from '../dist/validate/returnSchema.js';
import { standaloneValidatorSource } from './standaloneValidator.mjs';

writeFileSync(new URL('../schemas/return.schema.json', import.meta.url), `${JSON.stringify(RETURN_SCHEMA, null, 2)}\n`);
writeFileSync(new URL('../src/validate/returnValidator.generated.ts', import.meta.url), standaloneValidatorSource(RETURN_SCHEMA));
