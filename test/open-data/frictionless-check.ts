import { createHash } from 'node:crypto';
import { parseCsv } from '@polity/platform';

/** What a test needs of a Frictionless Data Package descriptor. */
export interface PackageDescriptor {
  name: string;
  created: string;
  licenses: { name: string; path: string }[];
  resources: {
    name: string;
    path: string;
    format: string;
    bytes: number;
    hash: string;
    schema?: { fields: { name: string; type: string; description?: string }[]; primaryKey?: string[]; missingValues?: string[] };
  }[];
}

const NAME = /^[a-z0-9._-]+$/;
const TYPES = new Set([
  'string',
  'number',
  'integer',
  'boolean',
  'object',
  'array',
  'date',
  'time',
  'datetime',
  'year',
  'yearmonth',
  'duration',
  'geopoint',
  'geojson',
  'any',
]);

const validValue: Record<string, (value: string) => boolean> = {
  string: () => true,
  integer: (value) => /^[+-]?\d+$/.test(value),
  number: (value) => /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(value),
  boolean: (value) => value === 'true' || value === 'false',
  date: (value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)),
  datetime: (value) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value)),
  object: (value) => {
    try {
      return typeof JSON.parse(value) === 'object';
    } catch {
      return false;
    }
  },
};

/**
 * Checks a package against the Frictionless Data Package and Table Schema rules it uses: names,
 * paths, hashes and sizes of every file, field types, the header of every CSV, every value cast to
 * its field's type, and primary keys present and unique. Returns the problems found (none: valid).
 */
export function checkDataPackage(descriptor: PackageDescriptor, read: (path: string) => Buffer): string[] {
  const problems: string[] = [];
  if (!NAME.test(descriptor.name)) problems.push(`package name ${descriptor.name}`);
  if (Number.isNaN(Date.parse(descriptor.created))) problems.push('created is not a date-time');
  if (!descriptor.licenses?.length) problems.push('no licence');
  if (!descriptor.resources?.length) problems.push('no resources');
  const names = new Set<string>();
  for (const resource of descriptor.resources) {
    const where = `resource ${resource.name}`;
    if (!NAME.test(resource.name) || names.has(resource.name)) problems.push(`${where}: name missing, malformed or repeated`);
    names.add(resource.name);
    if (resource.path.startsWith('/') || resource.path.includes('..')) problems.push(`${where}: unsafe path`);
    const content = read(resource.path);
    if (resource.hash !== `sha256:${createHash('sha256').update(content).digest('hex')}`) problems.push(`${where}: hash does not match`);
    if (resource.bytes !== content.length) problems.push(`${where}: bytes do not match`);
    if (!resource.schema) continue;
    const fields = resource.schema.fields;
    for (const field of fields) if (!TYPES.has(field.type)) problems.push(`${where}: field ${field.name} has unknown type ${field.type}`);
    if (new Set(fields.map((field) => field.name)).size !== fields.length) problems.push(`${where}: repeated field names`);
    const [header, ...rows] = parseCsv(content.toString('utf8'));
    if (header?.cells.join(',') !== fields.map((field) => field.name).join(','))
      problems.push(`${where}: header ${header?.cells.join(',')} is not the schema's fields`);
    const keyIndexes = (resource.schema.primaryKey ?? []).map((key) => fields.findIndex((field) => field.name === key));
    if (keyIndexes.includes(-1)) problems.push(`${where}: primary key names an unknown field`);
    const keys = new Set<string>();
    for (const row of rows) {
      if (row.cells.length !== fields.length) {
        problems.push(`${where} line ${row.line}: ${row.cells.length} cells for ${fields.length} fields`);
        continue;
      }
      row.cells.forEach((value, index) => {
        const check = validValue[fields[index].type] ?? (() => true);
        if (value !== '' && !check(value))
          problems.push(`${where} line ${row.line}: ${fields[index].name} "${value}" is not a ${fields[index].type}`);
      });
      if (keyIndexes.length > 0) {
        const key = keyIndexes.map((index) => row.cells[index]).join('\u0000');
        if (keyIndexes.some((index) => row.cells[index] === '') || keys.has(key))
          problems.push(`${where} line ${row.line}: primary key missing or repeated`);
        keys.add(key);
      }
    }
  }
  return problems;
}
