import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/model.js';
import { applyRuleLevels, parseRuleLevel, parseRuleLevels, RuleLevelError } from '../src/diagnostics/ruleLevels.js';
import { fileReport, runOutcome } from '../src/report/outcome.js';
import { importReturn } from '../src/pipeline.js';
import { brokenTsv, importBroken } from './fixtures-report/brokenReturn.js';

const message = (spec: string): string => {
  try {
    parseRuleLevel(spec);
  } catch (error) {
    expect(error).toBeInstanceOf(RuleLevelError);
    return (error as Error).message;
  }
  throw new Error(`${spec} was accepted`);
};

describe('parseRuleLevel', () => {
  it('reads CODE=LEVEL for every level', () => {
    expect(parseRuleLevel('no-timescale=off')).toEqual({ code: 'no-timescale', level: 'off' });
    expect(parseRuleLevel('empty-answer=error')).toEqual({ code: 'empty-answer', level: 'error' });
    expect(parseRuleLevel(' timescale-unclear = WARNING ')).toEqual({ code: 'timescale-unclear', level: 'warning' });
    expect(parseRuleLevel('missing-point=info')).toEqual({ code: 'missing-point', level: 'info' });
  });

  it('says clearly what is wrong, with a suggestion where one is near', () => {
    expect(message('no-timescale')).toBe('--rule takes CODE=LEVEL, such as no-timescale=off; got "no-timescale"');
    expect(message('no-timescales=off')).toBe(
      '--rule "no-timescales=off": unknown diagnostic code "no-timescales" (did you mean "no-timescale"?); the codes are listed in the README',
    );
    expect(message('frobnicate=off')).toBe('--rule "frobnicate=off": unknown diagnostic code "frobnicate"; the codes are listed in the README');
    expect(message('no-timescale=warn')).toBe(
      '--rule "no-timescale=warn": unknown level "warn" (did you mean "warning"?); use off, info, warning or error',
    );
    expect(message('no-timescale=')).toBe('--rule "no-timescale=": unknown level ""; use off, info, warning or error');
  });

  it('keeps the level of codes that mean there is no return', () => {
    expect(message('no-return-found=off')).toBe(
      '--rule "no-return-found=off": no-return-found cannot be changed: an input that could not be read or holds no return is never valid',
    );
    expect(parseRuleLevel('no-return-found=error')).toEqual({ code: 'no-return-found', level: 'error' });
  });
});

describe('parseRuleLevels', () => {
  it('collects settings, the later one of a code winning', () => {
    expect([...parseRuleLevels(['no-timescale=off', 'empty-answer=error', 'no-timescale=info'])]).toEqual([
      ['no-timescale', 'info'],
      ['empty-answer', 'error'],
    ]);
    expect(() => parseRuleLevels(['no-timescale=off', 'bad'])).toThrow(RuleLevelError);
  });
});

describe('applyRuleLevels', () => {
  const diagnostics: Diagnostic[] = [
    { severity: 'warning', code: 'no-timescale', message: 'a', line: 3, point: 2 },
    { severity: 'info', code: 'timescale-unclear', message: 'b', line: 4 },
    { severity: 'error', code: 'missing-point', message: 'c', point: 7 },
    { severity: 'error', code: 'no-return-found', message: 'd' },
  ];

  it('drops `off` codes and changes the others, leaving the input as it was', () => {
    const before = structuredClone(diagnostics);
    const overrides = parseRuleLevels(['no-timescale=off', 'timescale-unclear=error', 'missing-point=warning']);
    expect(applyRuleLevels(diagnostics, overrides)).toEqual([
      { severity: 'error', code: 'timescale-unclear', message: 'b', line: 4 },
      { severity: 'warning', code: 'missing-point', message: 'c', point: 7 },
      { severity: 'error', code: 'no-return-found', message: 'd' },
    ]);
    expect(diagnostics).toEqual(before);
    expect(applyRuleLevels(diagnostics, new Map())).toEqual(diagnostics);
  });

  it('never changes a fixed code, even when asked by a hand-made map', () => {
    expect(applyRuleLevels(diagnostics, new Map([['no-return-found', 'off' as const]]))).toEqual(diagnostics);
  });

  it('turns a broken return valid or invalid as its errors come and go', async () => {
    const result = await importBroken({ emptyAnswer: 10 });
    const strict = applyRuleLevels(result.diagnostics, parseRuleLevels(['empty-answer=error']));
    expect(strict.map((d) => [d.code, d.severity])).toEqual([['empty-answer', 'error']]);
    const missing = await importBroken({ missing: 7 });
    expect(applyRuleLevels(missing.diagnostics, parseRuleLevels(['missing-point=off']))).toEqual([]);
  });
});

describe('fileReport and runOutcome', () => {
  it('applies rule levels and decides validity again', async () => {
    const result = await importBroken({ missing: 7, emptyAnswer: 10 });
    expect(fileReport(result)).toEqual({ path: 'returns/broken.tsv', valid: false, diagnostics: result.diagnostics });
    const relaxed = fileReport(result, parseRuleLevels(['missing-point=warning']));
    expect(relaxed.valid).toBe(true);
    expect(relaxed.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['empty-answer', 'warning'],
      ['missing-point', 'warning'],
    ]);
    expect(fileReport({ path: 'x.pdf', charterReturn: null, diagnostics: [] }).valid).toBe(false);
  });

  it('fails a run with an invalid input, or with warnings under --strict or over --max-warnings', async () => {
    const good = fileReport(await importBroken({}));
    const warned = fileReport(await importBroken({ emptyAnswer: 10, timescaleBeforePeriod: 15 }));
    const broken = fileReport(await importBroken({ missing: 7 }));
    expect(runOutcome([good, warned])).toEqual({ failed: false });
    expect(runOutcome([good, broken])).toEqual({ failed: true });
    expect(runOutcome([good], { strict: true })).toEqual({ failed: false });
    expect(runOutcome([good, warned], { strict: true })).toEqual({ failed: true, reason: '2 warnings, and --strict makes warnings fail' });
    expect(runOutcome([warned], { maxWarnings: 2 })).toEqual({ failed: false });
    expect(runOutcome([warned], { maxWarnings: 1 })).toEqual({ failed: true, reason: '2 warnings, more than --max-warnings 1' });
    expect(runOutcome([warned], { maxWarnings: 0 })).toEqual({ failed: true, reason: '2 warnings, more than --max-warnings 0' });
  });
});

describe('the pipeline applies rule levels itself', () => {
  it('returns the final diagnostics and validity, the same list on the return', async () => {
    const bytes = Buffer.from(brokenTsv({ missing: 7, emptyAnswer: 10 }));
    const plain = await importReturn(bytes, { path: 'broken.tsv' });
    const relaxed = await importReturn(bytes, { path: 'broken.tsv', ruleLevels: parseRuleLevels(['missing-point=warning', 'empty-answer=off']) });
    expect(plain.valid).toBe(false);
    expect(relaxed.valid).toBe(true);
    expect(relaxed.diagnostics.map((d) => [d.code, d.severity])).toEqual([['missing-point', 'warning']]);
    expect(relaxed.charterReturn!.diagnostics).toBe(relaxed.diagnostics);
    expect(relaxed.diagnostics).toEqual(fileReport(plain, parseRuleLevels(['missing-point=warning', 'empty-answer=off'])).diagnostics);
  });
});
