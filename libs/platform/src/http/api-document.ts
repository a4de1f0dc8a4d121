import type { OpenAPIObject } from '@nestjs/swagger';

type SchemaObject = NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>[string];

/** RFC 9457 problem details, as every error of the api is written (see errors/problem-details.filter.ts). */
const PROBLEM_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['type', 'title', 'status', 'code', 'correlationId'],
  properties: {
    type: { type: 'string', description: 'A URI naming the kind of problem' },
    title: { type: 'string' },
    status: { type: 'integer', example: 422 },
    detail: { type: 'string', description: 'What went wrong, for a person' },
    instance: { type: 'string', description: 'The request path' },
    code: {
      type: 'string',
      description: 'Stable, machine-readable: not_found, validation_failed, ballot_invalid…',
      example: 'validation_failed',
    },
    correlationId: { type: 'string', description: 'Also the x-request-id header; quote it when reporting a 500' },
    errors: {
      type: 'array',
      description: 'Per field, for validation and rule problems',
      items: {
        type: 'object',
        properties: {
          field: { type: 'string', example: 'answers.happy' },
          rule: { type: 'string', example: 'max' },
          message: { type: 'string' },
        },
      },
    },
  },
};

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * The served OpenAPI document, finished: each operation's doc comment (read by the swagger CLI
 * plugin at build time) is split into a one-line summary (its first sentence) and a description
 * (the rest: rules and errors), and every operation documents its errors as problem+json.
 */
export function finishApiDocument(document: OpenAPIObject): OpenAPIObject {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, Problem: PROBLEM_SCHEMA } };
  const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
  for (const path of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = path[method];
      if (!operation) continue;
      if (operation.summary) {
        const [first, ...rest] = operation.summary.split(/(?<=[.!?])\s+(?=[A-Z0-9`(])/);
        operation.summary = first;
        if (rest.length > 0 && !operation.description) operation.description = rest.join(' ');
      }
      operation.responses = {
        ...operation.responses,
        '4XX': { description: 'A problem with the request: RFC 9457 problem details with a stable `code`', content: problem },
        '5XX': { description: 'A fault of ours or of a service we depend on; the body says only the correlation id', content: problem },
      };
    }
  }
  return document;
}
