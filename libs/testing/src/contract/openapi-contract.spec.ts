import { OpenApiContract, type HttpAnswer } from './openapi-contract';

const problem = { $ref: '#/components/schemas/Problem' };
const json = (schema: unknown) => ({ 'application/json': { schema } });

const document = {
  openapi: '3.1.0',
  info: { title: 'test', version: '1' },
  paths: {
    '/api/v1/cases/search': {
      get: { operationId: 'Search', responses: { '200': { description: 'found', content: json({ type: 'array' }) } } },
    },
    '/api/v1/cases/{id}': {
      get: {
        operationId: 'Read',
        responses: {
          '200': { description: 'the case', content: json({ $ref: '#/components/schemas/Case' }) },
          '404': { description: 'none', content: { 'application/problem+json': { schema: problem } } },
        },
      },
      delete: { operationId: 'Delete', responses: { '204': { description: 'gone' } } },
    },
  },
  components: {
    schemas: {
      Case: {
        type: 'object',
        required: ['id', 'state', 'hearing'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          state: { type: 'string', enum: ['Draft', 'Submitted'] },
          hearing: { anyOf: [{ $ref: '#/components/schemas/Hearing' }, { type: 'null' }] },
          tags: { type: 'object', additionalProperties: { type: 'string' } },
        },
      },
      Hearing: { type: 'object', required: ['at'], properties: { at: { type: 'string', format: 'date-time' } } },
      Problem: {
        type: 'object',
        required: ['status', 'code'],
        properties: { status: { type: 'integer' }, code: { type: 'string' }, detail: { type: 'string' } },
      },
    },
  },
};

const id = '3f0b6c1e-8d2a-4c5b-9e7f-1a2b3c4d5e6f';
const answer = (overrides: Partial<HttpAnswer> & { json?: unknown }): HttpAnswer => ({
  method: 'GET',
  url: `/api/v1/cases/${id}`,
  status: 200,
  contentType: 'application/json; charset=utf-8',
  body: overrides.json === undefined ? '' : JSON.stringify(overrides.json),
  ...overrides,
});

describe('an OpenAPI 3.1 contract', () => {
  const contract = new OpenApiContract(document);
  const check = (overrides: Parameters<typeof answer>[0]) => contract.check(answer(overrides));

  it('passes an answer that is what the document says, by the operation its path and method name', () => {
    expect(check({ json: { id, state: 'Draft', hearing: null, tags: { any: 'thing' } } })).toEqual([]);
    expect(check({ json: { id, state: 'Draft', hearing: { at: '2027-03-15T10:00:00.000Z' } } })).toEqual([]);
    expect(check({ url: '/api/v1/cases/search?state=Draft', json: [] })).toEqual([]);
    expect(check({ method: 'DELETE', status: 204, contentType: undefined })).toEqual([]);
  });

  it('names the operation, the status and each thing wrong: a type, an enum value, a format, a missing property', () => {
    expect(check({ json: { id: 'nope', state: 'Closed', hearing: { at: 5 } } })).toEqual([
      {
        kind: 'mismatch',
        operation: 'GET /api/v1/cases/{id} (Read)',
        status: 200,
        error: expect.stringMatching(
          /\/id: must match format "uuid".*\/state: must be equal to one of the allowed values/,
        ),
      },
    ]);
    const [missing] = check({ json: { id, state: 'Draft' } });
    expect(missing?.error).toContain(`must have required property 'hearing'`);
    const [badHearing] = check({ json: { id, state: 'Draft', hearing: { at: 5 } } });
    expect(badHearing?.error).toContain('/hearing/at: must be string');
  });

  it('refuses a property the document does not name, and null where it does not allow it', () => {
    const [extra] = check({ json: { id, state: 'Draft', hearing: { at: '2027-03-15T10:00:00Z', room: 'A' }, x: 1 } });
    expect(extra?.error).toContain('(the body): property "x" is not documented');
    expect(extra?.error).toContain('/hearing: property "room" is not documented');
    const [nullState] = check({ json: { id, state: null, hearing: null } });
    expect(nullState?.error).toContain('/state: null, documented as not nullable');
  });

  it('checks errors against their documented schema, and an undocumented error against Problem, reporting the status', () => {
    const problemBody = { contentType: 'application/problem+json', json: { status: 404, code: 'NOT_FOUND' } };
    expect(check({ status: 404, ...problemBody })).toEqual([]);
    expect(check({ status: 404, contentType: 'application/problem+json', json: { status: '404' } })).toEqual([
      expect.objectContaining({ kind: 'mismatch', status: 404, error: expect.stringContaining('code') }),
    ]);
    expect(check({ status: 403, ...problemBody })).toEqual([
      expect.objectContaining({
        kind: 'undocumented-error',
        error: 'error status not documented (documented: 200, 404)',
      }),
    ]);
    expect(check({ status: 403, contentType: 'application/problem+json', json: { detail: 'x' } })).toEqual([
      expect.objectContaining({ kind: 'undocumented-error' }),
      expect.objectContaining({ kind: 'mismatch', error: expect.stringContaining(`'status'`) }),
    ]);
  });

  it('fails a success the document does not list, or in a media type or with a body it does not describe', () => {
    expect(check({ status: 201, json: {} })[0]?.error).toBe('status not documented (documented: 200, 404)');
    expect(check({ contentType: 'text/csv', body: 'a,b' })[0]?.error).toBe(
      'answered text/csv, documented application/json',
    );
    expect(check({ method: 'DELETE', status: 204, json: { gone: true } })[0]?.error).toBe(
      'a application/json body the document does not describe',
    );
    expect(check({ json: undefined })[0]?.error).toBe('no body, documented application/json');
    expect(check({ method: 'POST', url: '/api/v1/cases', status: 201, json: {} })).toEqual([
      expect.objectContaining({
        operation: 'POST /api/v1/cases',
        error: 'answered, but the document has no such operation',
      }),
    ]);
  });

  it('leaves alone what the document does not cover: refusals of unknown routes, health, GraphQL', () => {
    expect(check({ method: 'PATCH', status: 405, contentType: 'application/problem+json', json: {} })).toEqual([]);
    expect(check({ url: '/health/ready', json: { status: 'ok' } })).toEqual([]);
    expect(check({ method: 'POST', url: '/graphql', json: { data: {} } })).toEqual([]);
  });

  it('takes only an OpenAPI 3.1 document, whose schemas are JSON Schema 2020-12', () => {
    expect(() => new OpenApiContract({ ...document, openapi: '3.0.0' })).toThrow(/OpenAPI 3.1/);
  });
});
