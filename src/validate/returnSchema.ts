/**
 * The JSON Schema of a return (draft 2020-12). `schemas/return.schema.json` is written from this
 * object (`npm run schema`), and a test keeps the two equal.
 */
import { READERS } from '../read/readers.js';
import { AMBITIONS, SECTION_IDS } from '../charter/frame.js';
import { TIMESCALE_KINDS } from '../timescales/timescale.js';

export const RETURN_SCHEMA_ID = 'https://charter.invalid/schemas/return.schema.json';

const place = {
  line: { type: 'integer', minimum: 1, title: 'Line', description: 'The 1-based line of the input the diagnostic refers to.' },
  page: { type: 'integer', minimum: 1, title: 'Page', description: 'The 1-based page of a PDF input the diagnostic refers to.' },
} as const;

const answer = (title: string, description: string) => ({ type: 'string', title, description }) as const;

const isoDay = (title: string, description: string) => ({ type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', title, description }) as const;

/** One timescale read from a "Next steps" answer (src/timescales/timescale.ts documents the kinds). */
const timescale = {
  $id: 'https://charter.invalid/schemas/timescale.schema.json',
  type: 'object',
  title: 'Timescale',
  description: 'A phrase in the next steps that says when, with the span of days it names where it names one.',
  required: ['text', 'kind'],
  properties: {
    text: {
      type: 'string',
      minLength: 1,
      title: 'Text',
      description: 'The phrase exactly as written in the answer, such as "Sept 2015" or "15/16".',
    },
    kind: {
      enum: TIMESCALE_KINDS,
      title: 'Kind',
      description:
        'What the phrase names: date, month, month-range, financial-year (1 April to 31 March), quarter, season, part-of-year, year, year-range; or, without dates, ongoing, immediate, tbc, recurring.',
    },
    from: isoDay('From', 'The first day of the span, YYYY-MM-DD; absent for kinds without dates.'),
    to: isoDay('To', 'The last day of the span, YYYY-MM-DD, inclusive; absent for kinds without dates.'),
  },
  dependentRequired: { from: ['to'], to: ['from'] },
} as const;

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
          enum: READERS.map((reader) => reader.format),
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
          timescales: {
            type: 'array',
            title: 'Timescales',
            description: 'The timescales read from the next steps, in the order written; [] where there are none. Absent from the blank form.',
            items: timescale,
          },
          section: {
            enum: SECTION_IDS,
            title: 'Section',
            description:
              'The charter section the point comes from: social-care-practice (what DASSs will do to ensure effective social care practice), commissioning-practice (… to promote good commissioning practice), successful-when (we will have been successful when…).',
          },
          ambitions: {
            type: 'array',
            title: 'Ambitions',
            description: `The Ambitions for Palliative and End of Life Care (2015-2020) the point serves, most relevant first: ${AMBITIONS.map((a) => `${a.number} ${a.title}`).join('; ')}.`,
            minItems: 1,
            uniqueItems: true,
            items: { type: 'integer', minimum: 1, maximum: 6, title: 'Ambition', description: "The Ambition's number in the national framework." },
          },
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
          text: {
            type: 'string',
            title: 'Text',
            description:
              'The whole text the diagnostic is about where its message quotes only the start of it: text left out of the return, or a charter point worded differently.',
          },
          count: {
            type: 'integer',
            minimum: 1,
            title: 'Count',
            description: 'diagnostics-capped only: how many diagnostics of its code it stands for, left out of the list; it carries their severity.',
          },
        },
      },
    },
  },
} as const;
