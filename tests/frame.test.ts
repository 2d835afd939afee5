/** The national frame: each point's charter section and Ambitions, on every return and in the README. */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { AMBITIONS, CHARTER_SECTIONS, frameTable, POINT_FRAMES, pointFrame } from '../src/charter/frame.js';
import { POINT_COUNT } from '../src/charter/points.js';
import { importReturn } from '../src/pipeline.js';
import { blankReturn } from '../src/charter/template.js';
import { RETURN_SCHEMA } from '../src/validate/returnSchema.js';
import { fixtureBytes } from './lib/expected.js';

const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(RETURN_SCHEMA);

describe('the frame of the 21 points', () => {
  it('gives every point, in order, one section, one to three distinct Ambitions and a reason', () => {
    expect(POINT_FRAMES.map((frame) => frame.number)).toEqual(Array.from({ length: POINT_COUNT }, (_, i) => i + 1));
    for (const frame of POINT_FRAMES) {
      expect(CHARTER_SECTIONS.map((section) => section.id)).toContain(frame.section);
      expect(frame.ambitions.length).toBeGreaterThanOrEqual(1);
      expect(frame.ambitions.length).toBeLessThanOrEqual(3);
      expect(new Set(frame.ambitions).size).toBe(frame.ambitions.length);
      for (const number of frame.ambitions) expect(AMBITIONS.map((a) => a.number)).toContain(number);
      expect(frame.why).not.toMatch(/\n/);
      expect(frame.why.length).toBeGreaterThan(40);
    }
  });

  it('puts the points where the charter has them (seed 002: 9 practice, 6 commissioning, 6 "successful when")', () => {
    const bySection = (id: string) => POINT_FRAMES.filter((frame) => frame.section === id).map((frame) => frame.number);
    expect(bySection('social-care-practice')).toEqual([1, 4, 5, 6, 11, 13, 14, 15, 21]);
    expect(bySection('commissioning-practice')).toEqual([12, 16, 17, 18, 19, 20]);
    expect(bySection('successful-when')).toEqual([2, 3, 7, 8, 9, 10]);
    expect(POINT_FRAMES.map((frame) => frame.ambitions[0])).toEqual([1, 5, 4, 1, 1, 5, 1, 4, 4, 4, 2, 4, 1, 4, 4, 2, 5, 2, 2, 2, 5]);
  });

  it('is on every point of an imported return and of the template, and the schema accepts it', async () => {
    const result = await importReturn(fixtureBytes('croydon-2015.tsv'), { path: 'fixtures/croydon-2015.tsv' });
    for (const charterReturn of [result.charterReturn!, blankReturn()]) {
      expect(charterReturn.points.map(({ number, section, ambitions }) => ({ number, section, ambitions }))).toEqual(
        POINT_FRAMES.map(({ number, section, ambitions }) => ({ number, section, ambitions: [...ambitions] })),
      );
      expect(validate(JSON.parse(JSON.stringify(charterReturn))), JSON.stringify(validate.errors)).toBe(true);
    }
    expect(pointFrame(4)).toEqual({ section: 'social-care-practice', ambitions: [1, 3] });
    expect(pointFrame(22)).toBeUndefined();
  });

  it('is checked by the schema: no unknown section, no Ambition 7, no repeats', () => {
    const withPoint = (point: Record<string, unknown>) => ({
      schemaVersion: 1,
      authority: null,
      period: null,
      source: { path: null, format: 'tsv' },
      points: [{ number: 1, charterPoint: 'x', whereWeAreNow: '', whereWeNeedToImprove: '', nextSteps: '', ...point }],
      diagnostics: [],
    });
    expect(validate(withPoint({ section: 'commissioning-practice', ambitions: [2, 6] }))).toBe(true);
    expect(validate(withPoint({}))).toBe(true);
    expect(validate(withPoint({ section: 'elsewhere' }))).toBe(false);
    expect(validate(withPoint({ ambitions: [7] }))).toBe(false);
    expect(validate(withPoint({ ambitions: [] }))).toBe(false);
    expect(validate(withPoint({ ambitions: [2, 2] }))).toBe(false);
  });

  it('is in the README as a table, with its reasons', () => {
    expect(readFileSync('README.md', 'utf8')).toContain(frameTable());
  });
});
