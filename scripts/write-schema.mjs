// Writes schemas/return.schema.json from the schema object in src/validate/returnSchema.ts (built to dist/).
import { writeFileSync } from 'node:fs';
import { RETURN_SCHEMA } from '../dist/validate/returnSchema.js';

writeFileSync(new URL('../schemas/return.schema.json', import.meta.url), `${JSON.stringify(RETURN_SCHEMA, null, 2)}\n`);
