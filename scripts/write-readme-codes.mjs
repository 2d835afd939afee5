// Rewrites the README's table of diagnostic codes from the registry (src/diagnostics/codes.ts).
// Run after `npm run build`: node scripts/write-readme-codes.mjs
import { readFileSync, writeFileSync } from 'node:fs';
const { diagnosticCodesTable } = await import('../dist/diagnostics/codes.js');
const readme = readFileSync('README.md', 'utf8');
const start = readme.indexOf('| code | severity | meaning |');
const end = readme.indexOf('\n\n', start);
if (start < 0 || end < 0) throw new Error('README has no table of codes');
writeFileSync('README.md', readme.slice(0, start) + diagnosticCodesTable().trim() + readme.slice(end));
