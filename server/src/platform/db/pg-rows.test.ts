import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { skipRowTemplatesOfArrayRows } from './pg-rows.js';

type TestResult = { addFields(f: object[]): void; parseRow(row: (string | null)[]): unknown; fields: unknown[]; _prebuiltEmptyResultObject: unknown };
const Result = (pg as unknown as { Result: new (rowMode?: string, types?: object) => TestResult }).Result;
// int4, text, timestamptz, json, a type with no parser of its own (uuid)
const fields = [
  { name: 'n', dataTypeID: 23, format: 'text' },
  { name: 'label', dataTypeID: 25, format: 'text' },
  { name: 'at', dataTypeID: 1184, format: 'text' },
  { name: 'data', dataTypeID: 114, format: 'text' },
  { name: 'id', dataTypeID: 2950 },
];
const raw = ['42', 'x', '2026-12-03 10:00:00+00', '{"a":[1]}', '225fbf01-6865-5f22-9a83-4a8043cd428f'];

describe('rows read as arrays skip pg’s row template', () => {
  skipRowTemplatesOfArrayRows();
  skipRowTemplatesOfArrayRows(); // twice: installed once

  it('parses array rows with pg’s parsers, without building the object template', () => {
    const result = new Result('array');
    result.addFields(fields);
    expect(result.fields).toBe(fields);
    expect(result._prebuiltEmptyResultObject).toBeNull();
    expect(result.parseRow(raw)).toEqual([42, 'x', new Date('2026-12-03T10:00:00Z'), { a: [1] }, '225fbf01-6865-5f22-9a83-4a8043cd428f']);
    expect(result.parseRow([null, null, null, null, null])).toEqual([null, null, null, null, null]);
  });

  it('uses the query’s own type parsers when it has them (drizzle passes its own)', () => {
    const types = { getTypeParser: (oid: number) => (oid === 1184 ? (v: string) => `kept ${v}` : (v: string) => v) };
    const result = new Result('array', types);
    result.addFields(fields);
    expect(result.parseRow(raw)).toEqual(['42', 'x', 'kept 2026-12-03 10:00:00+00', '{"a":[1]}', raw[4]]);
  });

  it('leaves rows read as objects to pg: keyed by column, from its template', () => {
    const result = new Result();
    result.addFields(fields);
    expect(result._prebuiltEmptyResultObject).toEqual({ n: null, label: null, at: null, data: null, id: null });
    expect(result.parseRow(raw)).toEqual({ n: 42, label: 'x', at: new Date('2026-12-03T10:00:00Z'), data: { a: [1] }, id: raw[4] });
  });

  it('a second description replaces the first (several statements in one query)', () => {
    const result = new Result('array');
    result.addFields(fields);
    result.addFields([{ name: 'm', dataTypeID: 23, format: 'text' }]);
    expect(result.parseRow(['7'])).toEqual([7]);
  });
});
