import pg from 'pg';

/*
 * node-postgres meets every statement's row description by building an empty row with one key per
 * column and copying it (`Result.addFields`, its `_prebuiltEmptyResultObject`; brianc/node-postgres
 * #3055, open): a template for rows read as objects. Drizzle reads rows as arrays (`rowMode: 'array'`),
 * where that template is never used, so for every statement the app sends it was built for nothing — a
 * dictionary of fifty keys for a need's row, and its copy. In bench:orders' profile `addFields` was
 * 4.6 % of the server's CPU per transition. Here, for a result read as arrays, only the column parsers
 * are set up (exactly as pg sets them); a result read as objects keeps pg's own code.
 */

type FieldDescription = { name: string; dataTypeID: number; format?: string };
type TypeParsers = { getTypeParser(oid: number, format: string): unknown };
type ResultLike = { rowAsArray: boolean; fields: FieldDescription[]; _parsers: unknown[] | undefined; _types: TypeParsers | undefined };
type ResultPrototype = ResultLike & { addFields(this: ResultLike, fields: FieldDescription[]): void };

const INSTALLED = Symbol.for('lianxin:arrayRowsWithoutTemplate');

/** Idempotent, for the whole process (pg's Result class is shared by every client). */
export function skipRowTemplatesOfArrayRows(): void {
  const proto = (pg as unknown as { Result: { prototype: ResultPrototype & { [INSTALLED]?: true } } }).Result.prototype;
  if (proto[INSTALLED]) return;
  const objectRows = proto.addFields;
  proto.addFields = function addFields(this: ResultLike, fields: FieldDescription[]) {
    if (!this.rowAsArray) return objectRows.call(this, fields);
    this.fields = fields;
    if (fields.length) this._parsers = new Array(fields.length);
    const types = this._types ?? (pg.types as unknown as TypeParsers);
    for (let i = 0; i < fields.length; i++) this._parsers![i] = types.getTypeParser(fields[i]!.dataTypeID, fields[i]!.format || 'text');
  };
  proto[INSTALLED] = true;
}
