import type { OpenAPIObject } from '@nestjs/swagger';
import { completeOpenApiDocument, exampleOf } from './openapi-completion';

const schemas = {
  PartyInput: {
    type: 'object',
    required: ['name', 'role'],
    properties: {
      name: { type: 'string', example: 'Sam Taylor' },
      role: { type: 'string', enum: ['claimant', 'defendant'] },
      email: { type: 'string', format: 'email' },
      phone: { type: 'string' },
    },
  },
  CreateCase: {
    type: 'object',
    required: ['caseType', 'parties'],
    properties: {
      caseType: { type: 'string', example: 'civil-money-claim' },
      parties: { type: 'array', items: { $ref: '#/components/schemas/PartyInput' } },
      claimAmountPence: { type: 'integer', example: 250000 },
    },
  },
  Case: {
    type: 'object',
    required: ['id', 'reference', 'urgent', 'linked'],
    properties: {
      id: { type: 'string', format: 'uuid' },
      reference: { type: 'string' },
      urgent: { type: 'boolean' },
      linked: { type: 'array', items: { $ref: '#/components/schemas/Case' } },
    },
  },
};

/** A response or request body as the tests read it (the document's types allow references there). */
const body = (value: unknown) =>
  value as { description?: string; content: Record<string, { schema?: unknown; example?: unknown }> };

function document(): OpenAPIObject {
  return {
    openapi: '3.0.0',
    info: { title: 'Test', version: '1' },
    paths: {
      '/api/v1/cases': {
        post: {
          operationId: 'CaseController_create',
          parameters: [{ name: 'Idempotency-Key', in: 'header', schema: { type: 'string' } }],
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/CreateCase' } } } },
          responses: {
            '201': {
              description: '',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Case' } } },
            },
            '400': { description: 'Invalid input (with field errors)' },
          },
        },
        get: { operationId: 'CaseController_list', responses: { '200': { description: '' } } },
      },
      '/api/v1/cases/{id}': {
        get: {
          operationId: 'CaseController_get',
          parameters: [{ name: 'id', in: 'path', schema: { type: 'string' } }],
          responses: { '200': { description: '' } },
        },
      },
      '/api/v1/callbacks': {
        post: { operationId: 'CallbackController_receive', responses: { '204': { description: '' } } },
      },
    },
    components: { schemas: structuredClone(schemas) },
  } as OpenAPIObject;
}

describe('completing a service OpenAPI document', () => {
  it('gives every operation the problem+json answers the platform can give on it, keeping a route’s own words', () => {
    const { paths } = completeOpenApiDocument(document(), new Set(['CallbackController_receive']));
    const statuses = (path: string, method: 'get' | 'post') => Object.keys(paths[path][method]!.responses).sort();
    expect(statuses('/api/v1/cases', 'post')).toEqual(['201', '400', '401', '403', '409', '413', '415', '429', '503']);
    // Nothing to get wrong in a GET without parameters, and nothing to find.
    expect(statuses('/api/v1/cases', 'get')).toEqual(['200', '401', '403', '429', '503']);
    expect(statuses('/api/v1/cases/{id}', 'get')).toEqual(['200', '400', '401', '403', '404', '429', '503']);
    // A public route answers no 403, and says it needs no token.
    expect(statuses('/api/v1/callbacks', 'post')).toEqual(['204', '401', '409', '413', '415', '429', '503']);
    expect(paths['/api/v1/callbacks'].post!.security).toEqual([]);

    const badInput = body(paths['/api/v1/cases'].post!.responses['400']);
    expect(badInput.description).toBe('Invalid input (with field errors)');
    expect(badInput.content['application/problem+json']).toEqual({
      schema: { $ref: '#/components/schemas/Problem' },
      example: expect.objectContaining({ status: 400, code: 'BAD_USER_INPUT', type: 'urn:ccsc:problem:invalid-input' }),
    });
  });

  it('adds an example to each body, assembled from its properties’ examples', () => {
    const { paths } = completeOpenApiDocument(document(), new Set());
    const create = paths['/api/v1/cases'].post!;
    expect(body(create.requestBody).content['application/json'].example).toEqual({
      caseType: 'civil-money-claim',
      parties: [{ name: 'Sam Taylor', role: 'claimant', email: 'sam.taylor@example.com' }],
      claimAmountPence: 250000,
    });
    // The case has a required reference without an example: no example rather than a wrong one.
    expect(body(create.responses['201']).content['application/json'].example).toBeUndefined();
  });
});

describe('an example from a schema', () => {
  it('names the required values that have none, leaves out optional ones and stops where a type recurs', () => {
    const missing: string[] = [];
    expect(exampleOf({ $ref: '#/components/schemas/Case' }, schemas, new Set(), missing)).toBeUndefined();
    expect(missing).toEqual(['Case.reference']);

    const withReference = {
      ...schemas,
      Case: {
        ...schemas.Case,
        properties: { ...schemas.Case.properties, reference: { type: 'string', example: '1234-5678-9012-3452' } },
      },
    };
    expect(exampleOf({ $ref: '#/components/schemas/Case' }, withReference, new Set(), [])).toEqual({
      id: '3f0b6c1e-8d2a-4c5b-9e7f-1a2b3c4d5e6f',
      reference: '1234-5678-9012-3452',
      urgent: true,
      linked: [],
    });
  });

  it('takes the first non-null option of a nullable reference', () => {
    expect(
      exampleOf({ anyOf: [{ $ref: '#/components/schemas/PartyInput' }, { type: 'null' }] }, schemas, new Set(), []),
    ).toEqual({ name: 'Sam Taylor', role: 'claimant', email: 'sam.taylor@example.com' });
  });
});
