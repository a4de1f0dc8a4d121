import fc from 'fast-check';
import { type OpenApiDocument, type Operation, resolve, type Schema } from './operations';

/** A request ready to send: the body is bytes, so it can be anything, broken UTF-8 included. */
export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer | null;
}

const deepObject = (levels: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
};

/** Values no endpoint should choke on: wrong types, extremes, control characters, injection, depth. */
const hostile = (ids: string[]): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constantFrom<unknown>(
      null,
      true,
      -1,
      0,
      1e300,
      -1e300,
      2 ** 53 + 1,
      1.5,
      '',
      ' ',
      '0',
      'true',
      'a'.repeat(10_000),
      'x'.repeat(301),
      '\u0000',
      'tab\tline\r\nbreak',
      'half \ud800 pair',
      '\u202e reversed',
      '<script>alert(1)</script>',
      "'; DROP TABLE proposal; --",
      '../../../../etc/passwd',
      '%00%0d%0a',
      '2026-13-45T99:99:99Z',
      '00000000-0000-0000-0000-000000000000',
      'not-a-uuid',
      {},
      [],
      [[[[]]]],
      { __proto__: { admin: true } },
      { constructor: { prototype: { polluted: true } } },
      deepObject(40),
      Array.from({ length: 3000 }, (_, i) => i),
    ),
    fc.constantFrom(...ids),
    fc.string({ unit: 'binary', maxLength: 40 }),
  );

/** Plausible values for a schema, so that requests get past validation into the services. */
function plausible(document: OpenApiDocument, raw: Schema | undefined, ids: string[], depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(document, raw);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  if (schema.oneOf?.length) return fc.oneof(...schema.oneOf.map((option) => plausible(document, option, ids, depth + 1)));
  switch (schema.type) {
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? -5;
      const max = Math.max(min, schema.maximum ?? Math.min(min + 100_000, 10_000_000));
      return schema.type === 'integer' ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'array':
      return depth > 4 ? fc.constant([]) : fc.array(plausible(document, schema.items, ids, depth + 1), { maxLength: 4 });
    case 'object': {
      if (depth > 4) return fc.constant({});
      const properties = Object.entries(schema.properties ?? {});
      if (properties.length === 0) return fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 20 }), { maxKeys: 3 });
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, property] of properties) record[name] = field(document, property, ids, depth + 1);
      return fc.record(record, { requiredKeys: (schema.required ?? []).filter((name) => name in record) });
    }
    case 'string':
    case undefined:
      return text(schema, ids);
  }
}

function text(schema: Schema, ids: string[]): fc.Arbitrary<unknown> {
  if (schema.format === 'uuid') return fc.oneof(fc.constantFrom(...ids), fc.uuid());
  if (schema.format === 'date-time')
    return fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
  if (schema.format === 'email') return fc.emailAddress();
  const maxLength = Math.min(schema.maxLength ?? 60, 60);
  return fc.oneof(
    fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.max(maxLength, schema.minLength ?? 0) }),
    fc.constantFrom(...ids),
  );
}

/** Mostly plausible, now and then hostile: a body with one bad field among good ones reaches deepest. */
const field = (document: OpenApiDocument, schema: Schema | undefined, ids: string[], depth = 0): fc.Arbitrary<unknown> =>
  fc.oneof({ arbitrary: plausible(document, schema, ids, depth), weight: 9 }, { arbitrary: hostile(ids), weight: 1 });

const pathValue = (ids: string[]): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...ids), weight: 6 },
    { arbitrary: fc.uuid(), weight: 1 },
    { arbitrary: fc.constantFrom('x', '0', '-1', 'a'.repeat(500), '%00', 'null', '..', 'proposals'), weight: 1 },
    { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }), weight: 1 },
  );

const queryValue = (document: OpenApiDocument, schema: Schema, ids: string[]): fc.Arbitrary<string> =>
  fc
    .oneof(
      { arbitrary: plausible(document, schema, ids), weight: 4 },
      { arbitrary: hostile(ids), weight: 1 },
      { arbitrary: fc.base64String({ maxLength: 60 }), weight: 1 },
    )
    .map((value) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? '')));

/** Bodies as bytes: JSON from the schema, and the shapes parsers and validators must refuse. */
function body(document: OpenApiDocument, operation: Operation, ids: string[]): fc.Arbitrary<{ type: string; bytes: Buffer } | null> {
  const declared = operation.body;
  const json = (value: unknown) => ({ type: 'application/json', bytes: Buffer.from(JSON.stringify(value) ?? 'null') });
  const raw = fc.oneof(
    fc.constant({ type: 'application/json', bytes: Buffer.from('{"a":1,"a":2,"title":"x","title":{"$gt":""}}') }),
    fc.constant({ type: 'application/json', bytes: Buffer.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0x22, 0x7d]) }),
    fc.constant({ type: 'application/json', bytes: Buffer.from('{"title": "unterminated') }),
    fc.constant({ type: 'application/json', bytes: Buffer.from(`${'['.repeat(20_000)}${']'.repeat(20_000)}`) }),
    fc.constant({ type: 'text/plain', bytes: Buffer.from('not json at all\u0000') }),
    fc.constant(null),
    hostile(ids).map(json),
  );
  if (!declared) return fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary: raw, weight: 1 });
  if (!declared.contentType.includes('json')) {
    const csv = fc
      .array(fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...ids), fc.constant('"quoted,""cell"')), { maxLength: 5 }), {
        maxLength: 6,
      })
      .map((rows) => ({ type: declared.contentType, bytes: Buffer.from(rows.map((cells) => cells.join(',')).join('\n')) }));
    return fc.oneof({ arbitrary: csv, weight: 4 }, { arbitrary: raw, weight: 1 });
  }
  return fc.oneof(
    { arbitrary: plausible(document, declared.schema, ids).map(json), weight: 3 },
    { arbitrary: field(document, declared.schema, ids).map(json), weight: 1 },
    { arbitrary: raw, weight: 1 },
  );
}

/** Everything about one request but who sends it. */
export function requestsFor(document: OpenApiDocument, operation: Operation, ids: string[]): fc.Arbitrary<FuzzRequest> {
  const pathParameters = operation.parameters.filter((parameter) => parameter.in === 'path');
  const queryParameters = operation.parameters.filter((parameter) => parameter.in === 'query');
  const pathRecord: Record<string, fc.Arbitrary<string>> = {};
  for (const parameter of pathParameters) pathRecord[parameter.name] = pathValue(ids);
  const queryRecord: Record<string, fc.Arbitrary<string>> = {};
  for (const parameter of queryParameters) queryRecord[parameter.name] = queryValue(document, parameter.schema, ids);
  return fc
    .tuple(fc.record(pathRecord), fc.record(queryRecord, { requiredKeys: [] }), body(document, operation, ids), fc.nat({ max: 19 }))
    .map(([pathValues, queryValues, payload, headerChoice]) => {
      const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(pathValues[name] ?? 'x'));
      const query = new URLSearchParams(
        Object.entries(queryValues).filter((entry): entry is [string, string] => entry[1] !== undefined),
      ).toString();
      const headers: Record<string, string> = {};
      if (payload) headers['content-type'] = headerChoice === 0 ? 'application/x-www-form-urlencoded' : payload.type;
      return { method: operation.method, path: query ? `${path}?${query}` : path, headers, body: payload?.bytes ?? null };
    });
}
