/**
 * `sarif`: SARIF 2.1.0 for GitHub code scanning (upload it with github/codeql-action/upload-sarif).
 * One run; `tool.driver.rules` holds one entry for each code the results use, in the order of the
 * registry (src/diagnostics/codes.ts), with its description and default level. Each
 * diagnostic is a result with `ruleId`, `level` (error, warning, or note for info), `message.text`,
 * and a location: the input as a relative URI and, where the line is known, `region.startLine`.
 * An input read from standard input has no location; a PDF page goes into the message text and
 * `properties.page`, the charter point into `properties.point`.
 */
import type { Diagnostic } from '../model.js';
import { DIAGNOSTIC_CODES, diagnosticCode } from '../diagnostics/codes.js';
import { inReportOrder, type FileReport, type ReporterOptions } from './fileReport.js';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

const LEVELS = { error: 'error', warning: 'warning', info: 'note' } as const;

/** A path as a URI reference: relative paths stay relative, absolute ones become file: URIs. */
export function pathToUri(path: string): string {
  const slashed = path.replace(/\\/g, '/');
  const encoded = slashed
    .split('/')
    .map((segment, index) => (index === 0 && /^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment)))
    .join('/');
  if (/^[A-Za-z]:\//.test(slashed)) return `file:///${encoded}`;
  if (slashed.startsWith('/')) return `file://${encoded}`;
  return encoded;
}

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string };
  defaultConfiguration: { level: 'error' | 'warning' | 'note' };
}

function rule(code: string, description: string, level: 'error' | 'warning' | 'note'): SarifRule {
  const sentence = `${description.charAt(0).toUpperCase()}${description.slice(1)}.`;
  return {
    id: code,
    shortDescription: { text: sentence },
    fullDescription: { text: sentence },
    help: { text: `${sentence} See "Diagnostics" in charter's README for every code.` },
    defaultConfiguration: { level },
  };
}

function result(path: string | null, diagnostic: Diagnostic, ruleIndex: number): Record<string, unknown> {
  const page = diagnostic.page !== undefined ? `page ${diagnostic.page}: ` : '';
  const entry: Record<string, unknown> = {
    ruleId: diagnostic.code,
    ruleIndex,
    level: LEVELS[diagnostic.severity],
    message: { text: page + diagnostic.message },
  };
  if (path !== null) {
    const physicalLocation: Record<string, unknown> = { artifactLocation: { uri: pathToUri(path) } };
    if (diagnostic.line !== undefined) physicalLocation.region = { startLine: diagnostic.line };
    entry.locations = [{ physicalLocation }];
  }
  const properties: Record<string, number> = {};
  if (diagnostic.point !== undefined) properties.point = diagnostic.point;
  if (diagnostic.page !== undefined) properties.page = diagnostic.page;
  if (Object.keys(properties).length > 0) entry.properties = properties;
  return entry;
}

export function sarifReporter(results: readonly FileReport[], options: ReporterOptions = {}): string {
  const ordered = inReportOrder(results);
  const used = new Map<string, Diagnostic['severity']>();
  for (const { diagnostics } of ordered)
    for (const diagnostic of diagnostics) if (!used.has(diagnostic.code)) used.set(diagnostic.code, diagnostic.severity);
  // Registry order, then any code the registry lacks, so that every result refers to a rule.
  const rules = DIAGNOSTIC_CODES.filter((info) => used.has(info.code)).map((info) => rule(info.code, info.description, LEVELS[info.severity]));
  for (const [code, severity] of used) {
    if (!diagnosticCode(code)) rules.push(rule(code, `a diagnostic reported as ${code}`, LEVELS[severity]));
  }
  const ruleIndex = new Map(rules.map((entry, index) => [entry.id, index]));
  const driver: Record<string, unknown> = { name: 'charter' };
  if (options.version !== undefined) driver.version = options.version;
  if (options.informationUri !== undefined) driver.informationUri = options.informationUri;
  driver.rules = rules;
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver },
        results: ordered.flatMap(({ path, diagnostics }) =>
          diagnostics.map((diagnostic) => result(path, diagnostic, ruleIndex.get(diagnostic.code)!)),
        ),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
