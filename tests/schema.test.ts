import { readFileSync } from 'node:fs';
import type { ErrorObject } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { importReturn } from '../src/pipeline.js';
import type { CharterReturn } from '../src/model.js';
import { TIMESCALE_KINDS } from '../src/timescales/timescale.js';
import { RETURN_SCHEMA } from '../src/validate/returnSchema.js';
import { placeOfInstancePath, schemaErrorDiagnostics } from '../src/validate/schemaPlaces.js';
import { importBroken } from './fixtures-report/brokenReturn.js';
import { fixtureBytes } from './lib/expected.js';

const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(RETURN_SCHEMA);

async function seed() {
  const result = await importReturn(fixtureBytes('croydon-2015.tsv'), { path: 'fixtures/croydon-2015.tsv' });
  return { result, charterReturn: structuredClone(result.charterReturn!) as CharterReturn };
}

describe('the JSON Schema of a return', () => {
  it('is written to schemas/return.schema.json as it stands (regenerate with `npm run schema`)', () => {
    const written = JSON.parse(readFileSync(new URL('../schemas/return.schema.json', import.meta.url), 'utf8')) as unknown;
    expect(written).toEqual(JSON.parse(JSON.stringify(RETURN_SCHEMA)));
  });

  it('gives every property and item a title and a description', () => {
    const untitled: string[] = [];
    const visit = (node: Record<string, unknown>, path: string) => {
      if (typeof node.title !== 'string' || typeof node.description !== 'string') untitled.push(path || '/');
      const properties = (node.properties ?? {}) as Record<string, Record<string, unknown>>;
      for (const [name, child] of Object.entries(properties)) visit(child, `${path}/${name}`);
      if (node.items) visit(node.items as Record<string, unknown>, `${path}/items`);
    };
    visit(RETURN_SCHEMA as unknown as Record<string, unknown>, '');
    expect(untitled).toEqual([]);
  });

  it('describes timescales on each point, with an $id of their own', () => {
    const point = RETURN_SCHEMA.properties.points.items;
    expect(point.properties.timescales.items.$id).toBe('https://charter.invalid/schemas/timescale.schema.json');
    expect(point.properties.timescales.items.properties.kind.enum).toEqual(TIMESCALE_KINDS);
    expect(point.required).not.toContain('timescales');
  });

  it('accepts the seed return with its timescales, and the blank form without them', async () => {
    const { charterReturn } = await seed();
    expect(charterReturn.points[0]!.timescales).toHaveLength(1);
    expect(validate(charterReturn), JSON.stringify(validate.errors)).toBe(true);
    for (const point of charterReturn.points) delete point.timescales;
    expect(validate(charterReturn)).toBe(true);
  });

  it('refuses a timescale of an unknown kind, a bad date, or a span with one end', async () => {
    const { charterReturn } = await seed();
    charterReturn.points[0]!.timescales = [
      { text: 'soon', kind: 'soon' as never },
      { text: 'Sept 2015', kind: 'month', from: '2015-9-1', to: '2015-09-30' },
      { text: 'Sept 2015', kind: 'month', from: '2015-09-01' },
    ];
    expect(validate(charterReturn)).toBe(false);
    expect(validate.errors!.map((error) => [error.instancePath, error.keyword])).toEqual([
      ['/points/0/timescales/0/kind', 'enum'],
      ['/points/0/timescales/1/from', 'pattern'],
      ['/points/0/timescales/2', 'dependentRequired'],
    ]);
  });
});

describe('placing schema errors', () => {
  it('names a point by its number and places it on its row', async () => {
    const { result, charterReturn } = await seed();
    expect(placeOfInstancePath('/points/5/nextSteps', charterReturn, result.evidence)).toEqual({
      where: 'point 6, Next steps (with timescales)',
      line: 21,
      point: 6,
    });
    expect(placeOfInstancePath('/points/0/timescales/0/from', charterReturn, result.evidence)).toEqual({
      where: 'point 1, timescale 1, From',
      line: 2,
      point: 1,
    });
    expect(placeOfInstancePath('/points/13', charterReturn, result.evidence)).toEqual({ where: 'point 14', line: 41, point: 14 });
  });

  it('uses the number, not the index, where points are missing', async () => {
    const result = await importBroken({ missing: 7 });
    expect(placeOfInstancePath('/points/6/charterPoint', result.charterReturn, result.evidence)).toEqual({
      where: 'point 8, Charter point',
      line: 8,
      point: 8,
    });
  });

  it('places diagnostics where they point, and names the rest by their titles', async () => {
    const { result, charterReturn } = await seed();
    const first = charterReturn.diagnostics[0]!;
    expect(placeOfInstancePath('/diagnostics/0/code', charterReturn, result.evidence)).toEqual({
      where: 'diagnostic 1, Code',
      ...(first.line === undefined ? {} : { line: first.line }),
      ...(first.point === undefined ? {} : { point: first.point }),
    });
    expect(placeOfInstancePath('/source/format', charterReturn, result.evidence)).toEqual({ where: 'Source, Format' });
    expect(placeOfInstancePath('/source/pages/1', charterReturn, result.evidence)).toEqual({ where: 'Source, page 2' });
    expect(placeOfInstancePath('/period', charterReturn, result.evidence)).toEqual({ where: 'Period' });
    expect(placeOfInstancePath('', charterReturn, result.evidence)).toEqual({ where: 'the return' });
    expect(placeOfInstancePath('/odd~1key/x', {}, new Map())).toEqual({ where: 'odd/key, x' });
  });

  it('turns ajv errors into placed schema-invalid diagnostics', async () => {
    const { result, charterReturn } = await seed();
    delete (charterReturn.points[5] as Partial<CharterReturn['points'][number]>).nextSteps;
    charterReturn.points[0]!.timescales![0]!.kind = 'soon' as never;
    (charterReturn as { period: unknown }).period = 2015;
    expect(validate(charterReturn)).toBe(false);
    const diagnostics = schemaErrorDiagnostics(validate.errors as ErrorObject[], charterReturn, result.evidence);
    expect(diagnostics).toEqual([
      { severity: 'error', code: 'schema-invalid', message: 'Period: must be string,null' },
      {
        severity: 'error',
        code: 'schema-invalid',
        message: `point 1, timescale 1, Kind: must be one of ${TIMESCALE_KINDS.map((kind) => `"${kind}"`).join(', ')}`,
        line: 2,
        point: 1,
      },
      { severity: 'error', code: 'schema-invalid', message: 'point 6, Next steps (with timescales): is missing', line: 21, point: 6 },
    ]);
  });
});
