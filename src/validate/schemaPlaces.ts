/**
 * Placing schema errors where a person can find them: ajv's `instancePath` (`/points/5/nextSteps`)
 * becomes "point 6, Next steps (with timescales)" with the line or page of that point's row.
 *
 *   placeOfInstancePath(instancePath, value, evidence): SchemaPlace
 *   schemaErrorDiagnostics(errors, value, evidence): Diagnostic[]   one `schema-invalid` error each
 *
 * Names come from the schema's own titles, so they follow the schema as it grows. A point is named
 * by its number in the return (not its index, which differs where points are missing), and placed
 * by `evidence` (point number → where its row was read); a diagnostic is placed where it points.
 */
import type { ErrorObject } from 'ajv';
import type { Diagnostic, Place } from '../model.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { PointEvidence } from '../normalise/buildReturn.js';
import { RETURN_SCHEMA } from './returnSchema.js';

export interface SchemaPlace extends Place {
  /** "point 6, Next steps (with timescales)"; "the return" for the whole. */
  where: string;
  point?: number;
}

interface SchemaNode {
  title?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
}

function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

function placeOf(value: unknown): Place {
  const place: Place = {};
  const line = field(value, 'line');
  const page = field(value, 'page');
  if (typeof line === 'number' && Number.isInteger(line) && line >= 1) place.line = line;
  if (typeof page === 'number' && Number.isInteger(page) && page >= 1) place.page = page;
  return place;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export function placeOfInstancePath(instancePath: string, value: unknown, evidence: ReadonlyMap<number, PointEvidence>): SchemaPlace {
  const labels: string[] = [];
  let node: SchemaNode | undefined = RETURN_SCHEMA as unknown as SchemaNode;
  let current: unknown = value;
  let place: Place = {};
  let point: number | undefined;
  const segments = pointerSegments(instancePath);
  segments.forEach((segment, depth) => {
    const item: SchemaNode | undefined = node?.items;
    if (item && /^\d+$/.test(segment)) {
      const index = Number(segment);
      const element = Array.isArray(current) ? current[index] : undefined;
      // The array's own title gives way to the element's: "point 6", not "Points, point 6".
      labels.pop();
      const parent = segments[depth - 1];
      if (depth === 1 && parent === 'points') {
        const number = field(element, 'number');
        point = typeof number === 'number' && Number.isInteger(number) ? number : index + 1;
        labels.push(`point ${point}`);
        place = { ...(evidence.get(point)?.place ?? {}) };
      } else if (depth === 1 && parent === 'diagnostics') {
        labels.push(`diagnostic ${index + 1}`);
        place = placeOf(element);
        const about = field(element, 'point');
        if (typeof about === 'number' && Number.isInteger(about)) point = about;
      } else {
        labels.push(`${lowerFirst(item.title ?? 'item')} ${index + 1}`);
      }
      node = item;
      current = element;
    } else {
      const property: SchemaNode | undefined = node?.properties?.[segment];
      labels.push(property?.title ?? segment);
      node = property;
      current = field(current, segment);
    }
  });
  const result: SchemaPlace = { where: labels.length > 0 ? labels.join(', ') : 'the return', ...place };
  if (point !== undefined) result.point = point;
  return result;
}

/** What ajv says, in words that fit after the place. */
function problem(error: ErrorObject): string {
  if (error.keyword === 'required' || error.keyword === 'dependentRequired') return 'is missing';
  if (error.keyword === 'enum') {
    const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues ?? [];
    return `must be one of ${allowed.map((entry) => JSON.stringify(entry)).join(', ')}`;
  }
  return error.message ?? 'is invalid';
}

/** The path of what the error is about: for a missing property, the property itself. */
function subjectPath(error: ErrorObject): string {
  const missing = (error.params as { missingProperty?: unknown }).missingProperty;
  if ((error.keyword === 'required' || error.keyword === 'dependentRequired') && typeof missing === 'string') {
    return `${error.instancePath}/${missing.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  }
  return error.instancePath;
}

export function schemaErrorDiagnostics(errors: readonly ErrorObject[], value: unknown, evidence: ReadonlyMap<number, PointEvidence>): Diagnostic[] {
  return errors.map((error) => {
    const { where, ...place } = placeOfInstancePath(subjectPath(error), value, evidence);
    return diagnostic('schema-invalid', { where, problem: problem(error) }, place);
  });
}
