import type { Role } from '@polity/contracts';

/** A JSON Schema as the OpenAPI document gives it (the parts the fuzzer reads). */
export interface Schema {
  $ref?: string;
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  nullable?: boolean;
  allOf?: Schema[];
  oneOf?: Schema[];
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  schema: Schema;
}

/** One documented route, as the fuzzer drives it. */
export interface Operation {
  method: string;
  /** `/api/v1/proposals/{id}` */
  path: string;
  parameters: Parameter[];
  body: { contentType: string; schema: Schema } | null;
  public: boolean;
  /** Roles of which the caller needs one (admins always pass); empty for any signed-in caller. */
  roles: Role[];
}

interface OpenApiOperation {
  parameters?: { name: string; in: string; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
  'x-polity-public'?: boolean;
  'x-polity-roles'?: Role[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, Schema> };
}

/** Every documented operation; path parameters the document leaves out are taken from the template. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const parameters: Parameter[] = (operation.parameters ?? [])
        .filter((parameter) => ['path', 'query', 'header'].includes(parameter.in))
        .map((parameter) => ({
          name: parameter.name,
          in: parameter.in as Parameter['in'],
          schema: parameter.schema ?? { type: 'string' },
        }));
      for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
        if (!parameters.some((parameter) => parameter.in === 'path' && parameter.name === name)) {
          parameters.push({ name, in: 'path', schema: { type: 'string' } });
        }
      }
      const [contentType, content] = Object.entries(operation.requestBody?.content ?? {})[0] ?? [];
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters,
        body: contentType ? { contentType, schema: content?.schema ?? { type: 'string' } } : null,
        public: operation['x-polity-public'] === true,
        roles: operation['x-polity-roles'] ?? [],
      });
    }
  }
  return operations;
}

/** Resolves `$ref` and `allOf` to a plain schema. */
export function resolve(document: OpenApiDocument, schema: Schema | undefined, depth = 0): Schema {
  if (!schema || depth > 8) return {};
  if (schema.$ref) return resolve(document, document.components.schemas[schema.$ref.split('/').pop() as string], depth + 1);
  if (schema.allOf) {
    const parts = schema.allOf.map((part) => resolve(document, part, depth + 1));
    return {
      type: 'object',
      properties: Object.assign({}, ...parts.map((part) => part.properties ?? {})) as Record<string, Schema>,
      required: parts.flatMap((part) => part.required ?? []),
    };
  }
  return schema;
}
