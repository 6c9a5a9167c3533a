import { toJsonSchema } from './openapi';

describe('OpenAPI 3.0 schemas as 3.1 (JSON Schema 2020-12)', () => {
  it('puts null among the types of a nullable field, and among its values when it lists them', () => {
    expect(toJsonSchema({ type: 'string', nullable: true, description: 'Null for any category.' })).toEqual({
      type: ['string', 'null'],
      description: 'Null for any category.',
    });
    expect(toJsonSchema({ type: 'string', nullable: true, enum: ['normal', 'urgent'] })).toEqual({
      type: ['string', 'null'],
      enum: ['normal', 'urgent', null],
    });
    expect(toJsonSchema({ type: 'integer', nullable: false })).toEqual({ type: 'integer' });
  });

  it('offers null beside a nullable reference or composition, which could not hold it inside', () => {
    // What @nestjs/swagger writes for a nullable property of a DTO type.
    expect(
      toJsonSchema({ type: 'object', nullable: true, description: 'The hearing', allOf: [{ $ref: '#/x/Hearing' }] }),
    ).toEqual({
      description: 'The hearing',
      anyOf: [{ type: 'object', allOf: [{ $ref: '#/x/Hearing' }] }, { type: 'null' }],
    });
  });

  it('turns a boolean exclusive bound into the bound, and converts nested schemas', () => {
    expect(
      toJsonSchema({
        type: 'object',
        properties: {
          nullable: { type: 'string' },
          pence: { type: 'integer', minimum: 0, exclusiveMinimum: true, maximum: 10, exclusiveMaximum: false },
          items: { type: 'array', items: { type: 'string', nullable: true } },
        },
      }),
    ).toEqual({
      type: 'object',
      properties: {
        nullable: { type: 'string' },
        pence: { type: 'integer', exclusiveMinimum: 0, maximum: 10 },
        items: { type: 'array', items: { type: ['string', 'null'] } },
      },
    });
  });
});
