/**
 * The JSON Schema of a return (draft 2020-12). `schemas/return.schema.json` is written from this
 * object (`npm run schema`), and a test keeps the two equal.
 */
export const RETURN_SCHEMA_ID = 'https://charter.invalid/schemas/return.schema.json';

const place = {
  line: { type: 'integer', minimum: 1, title: 'Line', description: 'The 1-based line of the input the diagnostic refers to.' },
  page: { type: 'integer', minimum: 1, title: 'Page', description: 'The 1-based page of a PDF input the diagnostic refers to.' },
} as const;

const answer = (title: string, description: string) => ({ type: 'string', title, description }) as const;

export const RETURN_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: RETURN_SCHEMA_ID,
  title: 'End of Life Care Charter return',
  description: "A council's return against the 21 points of the London End of Life Care Charter, as written by charter.",
  type: 'object',
  required: ['schemaVersion', 'authority', 'period', 'source', 'points', 'diagnostics'],
  properties: {
    schemaVersion: { const: 1, title: 'Schema version', description: 'The version of this shape; 1.' },
    authority: {
      type: ['string', 'null'],
      title: 'Authority',
      description: 'The council the return belongs to, or null where unknown.',
    },
    period: {
      type: ['string', 'null'],
      title: 'Period',
      description: 'The month and year in the "Where we are now (…)" heading, as written, or null where there is none.',
    },
    source: {
      type: 'object',
      title: 'Source',
      description: 'Where the return was read from.',
      required: ['path', 'format'],
      properties: {
        path: { type: ['string', 'null'], title: 'Path', description: 'The input path as given, or null for standard input.' },
        format: {
          enum: ['tsv', 'csv', 'markdown', 'pdf', 'text'],
          title: 'Format',
          description: 'The format the input was read as.',
        },
        lines: {
          type: 'object',
          title: 'Lines',
          description: "The first and last line of the return's table in a text input.",
          required: ['from', 'to'],
          properties: {
            from: { type: 'integer', minimum: 1, title: 'From', description: 'First line of the table.' },
            to: { type: 'integer', minimum: 1, title: 'To', description: 'Last line of the table.' },
          },
        },
        pages: {
          type: 'array',
          title: 'Pages',
          description: 'The pages of a PDF that hold the return.',
          items: { type: 'integer', minimum: 1, title: 'Page', description: 'A 1-based page number.' },
        },
      },
    },
    points: {
      type: 'array',
      title: 'Points',
      description: 'The charter points found, in charter order.',
      maxItems: 21,
      items: {
        type: 'object',
        title: 'Point',
        description: "One charter point and the council's three answers to it.",
        required: ['number', 'charterPoint', 'whereWeAreNow', 'whereWeNeedToImprove', 'nextSteps'],
        properties: {
          number: { type: 'integer', minimum: 1, maximum: 21, title: 'Number', description: 'The charter point number, 1 to 21.' },
          charterPoint: answer('Charter point', "The charter's own wording of the point."),
          whereWeAreNow: answer('Where we are now', 'The answer under "Where we are now"; "" where empty.'),
          whereWeNeedToImprove: answer('Where we need to improve', 'The answer under "Where we need to improve"; "" where empty.'),
          nextSteps: answer('Next steps (with timescales)', 'The answer under "Next steps (with timescales)"; "" where empty.'),
        },
      },
    },
    diagnostics: {
      type: 'array',
      title: 'Diagnostics',
      description: 'What was repaired, doubtful or wrong while reading the return.',
      items: {
        type: 'object',
        title: 'Diagnostic',
        description: 'One message about the input, with a stable code.',
        required: ['severity', 'code', 'message'],
        properties: {
          severity: { enum: ['error', 'warning', 'info'], title: 'Severity', description: 'error fails the input; warning and info do not.' },
          code: { type: 'string', pattern: '^[a-z][a-z0-9-]*$', title: 'Code', description: 'A stable code, documented in the README.' },
          message: { type: 'string', title: 'Message', description: 'What was found, in words.' },
          ...place,
          point: { type: 'integer', minimum: 1, maximum: 21, title: 'Point', description: 'The charter point the diagnostic is about.' },
        },
      },
    },
  },
} as const;
