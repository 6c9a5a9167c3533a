import { readFileSync } from 'node:fs';
import { RELEASED_OPENAPI_FILE } from './contract-files';
import { openApiBreakingChanges } from './openapi-changes';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const json = (body: unknown) => ({ content: { 'application/json': { schema: body } } });

/** A small 3.1 document in the gateway's shape: components, nullable types, one shared schema in and out. */
function document(): Json {
  return {
    openapi: '3.1.0',
    paths: {
      '/api/v1/things': {
        get: {
          parameters: [
            { name: 'state', in: 'query', required: false, schema: { type: 'string', enum: ['open', 'shut'] } },
          ],
          responses: { '200': json({ type: 'array', items: { $ref: '#/components/schemas/Thing' } }) },
        },
        post: {
          requestBody: { required: true, ...json({ $ref: '#/components/schemas/NewThing' }) },
          responses: { '201': json({ $ref: '#/components/schemas/Thing' }), '400': { description: 'invalid' } },
        },
      },
      '/api/v1/things/{id}': {
        get: {
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': json({ $ref: '#/components/schemas/Thing' }) },
        },
      },
    },
    components: {
      schemas: {
        Thing: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            name: { type: 'string' },
            amountPence: { type: ['integer', 'null'] },
            owner: { anyOf: [{ $ref: '#/components/schemas/Owner' }, { type: 'null' }] },
            tags: { type: 'array', items: { type: 'string' } },
            parent: { $ref: '#/components/schemas/Thing' },
          },
          required: ['id', 'name', 'amountPence', 'owner', 'tags'],
        },
        Owner: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
        NewThing: {
          type: 'object',
          properties: { name: { type: 'string', maxLength: 100 }, kind: { type: 'string', enum: ['a', 'b'] } },
          required: ['name'],
        },
      },
    },
  };
}

const changed = (edit: (doc: Json) => void) => {
  const doc = document();
  edit(doc);
  return openApiBreakingChanges(document(), doc);
};
const messages = (edit: (doc: Json) => void) => changed(edit).map((change) => change.message);

describe('openApiBreakingChanges', () => {
  it('finds nothing between a document and itself, or in additions a client may ignore', () => {
    expect(changed(() => undefined)).toEqual([]);
    expect(
      changed((doc) => {
        doc.paths['/api/v1/other'] = { get: { responses: { '200': json({ type: 'string' }) } } };
        doc.components.schemas.Thing.properties.colour = { type: 'string' };
        doc.components.schemas.NewThing.properties.colour = { type: 'string' };
        doc.components.schemas.NewThing.properties.kind.enum.push('c');
        doc.components.schemas.Thing.properties.amountPence = { type: 'integer' };
        doc.paths['/api/v1/things'].get.parameters.push({ name: 'page', in: 'query', schema: { type: 'integer' } });
        doc.paths['/api/v1/things'].post.responses['409'] = { description: 'conflict' };
      }),
    ).toEqual([]);
  });

  it('names a removed operation, and keeps a renamed path parameter the same operation', () => {
    expect(messages((doc) => delete doc.paths['/api/v1/things/{id}'].get)).toEqual([
      'GET /api/v1/things/{id}: operation removed',
    ]);
    expect(
      changed((doc) => {
        doc.paths['/api/v1/things/{thingId}'] = doc.paths['/api/v1/things/{id}'];
        delete doc.paths['/api/v1/things/{id}'];
        doc.paths['/api/v1/things/{thingId}'].get.parameters[0].name = 'thingId';
      }),
    ).toEqual([]);
  });

  it('names a property removed from a shared response schema once, with the operations that send it', () => {
    expect(changed((doc) => delete doc.components.schemas.Thing.properties.name)).toEqual([
      {
        api: 'rest',
        change: 'Thing.name',
        message:
          'Thing.name: removed from a response (GET /api/v1/things 200, POST /api/v1/things 201, GET /api/v1/things/{id} 200)',
        announced: false,
      },
    ]);
  });

  it('knows whether the released document had deprecated what was removed', () => {
    const released = document();
    released.components.schemas.Thing.properties.name.deprecated = true;
    released.paths['/api/v1/things/{id}'].get.deprecated = true;
    released.paths['/api/v1/things/{id}'].get['x-sunset'] = '2027-07-05';
    const current = document();
    delete current.components.schemas.Thing.properties.name;
    delete current.paths['/api/v1/things/{id}'];
    expect(openApiBreakingChanges(released, current)).toEqual([
      expect.objectContaining({ change: 'Thing.name', announced: true }),
      expect.objectContaining({ change: 'GET /api/v1/things/{id}', announced: true, notBefore: '2027-07-05' }),
    ]);
  });

  it('names a property a response no longer always has, inside nested and nullable schemas too', () => {
    expect(messages((doc) => (doc.components.schemas.Thing.required = ['id', 'amountPence', 'owner', 'tags']))).toEqual(
      [expect.stringMatching(/^Thing\.name: no longer always present in a response/)],
    );
    expect(messages((doc) => delete doc.components.schemas.Owner.properties.name)).toEqual([
      expect.stringMatching(/^Owner\.name: removed from a response/),
    ]);
  });

  it('names a type a response widened, null included, and one a request narrowed', () => {
    expect(messages((doc) => (doc.components.schemas.Thing.properties.name.type = ['string', 'null']))).toEqual([
      expect.stringMatching(/^Thing\.name: type changed from string to null \| string in a response/),
    ]);
    expect(messages((doc) => (doc.components.schemas.Thing.properties.amountPence.type = ['string', 'null']))).toEqual([
      expect.stringMatching(/^Thing\.amountPence: type changed from integer \| null to null \| string in a response/),
    ]);
    expect(messages((doc) => (doc.components.schemas.Thing.properties.tags.items = { type: 'integer' }))).toEqual([
      expect.stringMatching(/^Thing\.tags\[\]: type changed from string to integer/),
    ]);
    expect(messages((doc) => (doc.components.schemas.NewThing.properties.name.type = 'integer'))).toEqual([
      'NewThing.name: type changed from string to integer in a request (POST /api/v1/things)',
    ]);
    expect(
      messages((doc) => (doc.components.schemas.Thing.properties.owner = { $ref: '#/components/schemas/Owner' })),
    ).toEqual([]);
  });

  it('names what a request must now send, and what it may no longer send', () => {
    expect(
      messages((doc) => {
        doc.components.schemas.NewThing.properties.court = { type: 'string' };
        doc.components.schemas.NewThing.required.push('court', 'kind');
      }),
    ).toEqual([
      'NewThing.court: now required in a request (POST /api/v1/things)',
      'NewThing.kind: now required in a request (POST /api/v1/things)',
    ]);
    expect(messages((doc) => delete doc.components.schemas.NewThing.properties.kind)).toEqual([
      'NewThing.kind: removed from a request (a request that sends it is refused) (POST /api/v1/things)',
    ]);
    expect(messages((doc) => (doc.components.schemas.NewThing.properties.kind.enum = ['a']))).toEqual([
      'NewThing.kind: ["b"] no longer accepted in a request (POST /api/v1/things)',
    ]);
    expect(
      messages((doc) => {
        const { parameters } = doc.paths['/api/v1/things'].get;
        parameters[0].required = true;
        parameters.push({ name: 'court', in: 'query', required: true, schema: { type: 'string' } });
      }),
    ).toEqual([
      'GET /api/v1/things query parameter state: now required',
      'GET /api/v1/things query parameter court: now required',
    ]);
    expect(messages((doc) => (doc.paths['/api/v1/things'].get.parameters = []))).toEqual([
      'GET /api/v1/things query parameter state: removed (a request that sends it is refused)',
    ]);
  });

  it('names a success response or media type that is gone, and ignores error responses', () => {
    expect(
      messages((doc) => {
        const { responses } = doc.paths['/api/v1/things'].post;
        responses['200'] = responses['201'];
        delete responses['201'];
        delete responses['400'];
      }),
    ).toEqual(['POST /api/v1/things 201 response: removed']);
    expect(
      messages((doc) => {
        const { content } = doc.paths['/api/v1/things/{id}'].get.responses['200'];
        content['application/xml'] = content['application/json'];
        delete content['application/json'];
      }),
    ).toEqual(['GET /api/v1/things/{id} 200 response: application/json no longer sent']);
  });

  it('reads the released document, and names a property removed from it', () => {
    const released = JSON.parse(readFileSync(RELEASED_OPENAPI_FILE, 'utf8')) as Json;
    expect(openApiBreakingChanges(released, released)).toEqual([]);
    const current = JSON.parse(JSON.stringify(released)) as Json;
    delete current.components.schemas.CaseModel.properties.reference;
    expect(openApiBreakingChanges(released, current)).toEqual([
      expect.objectContaining({
        change: 'CaseModel.reference',
        message: expect.stringMatching(/^CaseModel\.reference: removed from a response \(GET \/api\/v1\/cases/),
      }),
    ]);
  });
});
