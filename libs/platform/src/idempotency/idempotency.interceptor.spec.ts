import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { lastValueFrom, of } from 'rxjs';
import type { DataSource } from 'typeorm';
import { BadUserInputError } from '../errors/app-error';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { canonicalJson, requestBodyHash } from './request-fingerprint';

describe('IdempotencyInterceptor: requests it leaves alone', () => {
  const query = jest.fn(() => Promise.reject(new Error('the database must not be touched')));
  const interceptor = new IdempotencyInterceptor({ query } as unknown as DataSource);
  const handled = { handle: () => of('handler ran') };

  const context = (req: object, type = 'http') => {
    const host = new ExecutionContextHost([
      {
        method: 'POST',
        originalUrl: '/things',
        headers: { 'idempotency-key': 'k1' },
        principal: { sub: 'alice' },
        ...req,
      },
      {},
    ]);
    host.setType(type);
    return host;
  };
  const run = (req: object, type?: string) => lastValueFrom(interceptor.intercept(context(req, type), handled));

  afterEach(() => expect(query).not.toHaveBeenCalled());

  it('skips POST /graphql as REST: GraphQL is keyed per mutation field', async () => {
    await expect(run({ originalUrl: '/graphql?x=1' })).resolves.toBe('handler ran');
  });

  /** A resolver's context as Nest's GraphQL driver gives it: root, args, context and info. */
  const Mutation = { name: 'Mutation' };
  const resolver = (
    options: { operation?: string; parent?: object; fields?: number; req?: object; extensions?: object } = {},
  ) => {
    const req = {
      headers: { 'idempotency-key': 'k1' },
      principal: { sub: 'alice' },
      body: options.extensions ? { extensions: options.extensions } : {},
      ...options.req,
    };
    const info = {
      fieldName: 'createThing',
      parentType: options.parent ?? Mutation,
      schema: { getMutationType: () => Mutation },
      operation: {
        operation: options.operation ?? 'mutation',
        selectionSet: { selections: Array.from({ length: options.fields ?? 1 }, () => ({ kind: 'Field' })) },
      },
    };
    const host = new ExecutionContextHost([{}, { input: { name: 'x' } }, { req }, info]);
    host.setType('graphql');
    return lastValueFrom(interceptor.intercept(host, handled));
  };

  it('skips GraphQL queries, fields below the mutation, and mutations without a key or a caller', async () => {
    await expect(resolver({ operation: 'query' })).resolves.toBe('handler ran');
    await expect(resolver({ parent: { name: 'Thing' } })).resolves.toBe('handler ran');
    await expect(resolver({ req: { headers: {} } })).resolves.toBe('handler ran');
    await expect(resolver({ req: { principal: undefined } })).resolves.toBe('handler ran');
  });

  it('refuses a malformed GraphQL key, from the header or the extensions, and a key over two mutation fields', async () => {
    await expect(resolver({ req: { headers: { 'idempotency-key': '' } } })).rejects.toBeInstanceOf(BadUserInputError);
    await expect(resolver({ req: { headers: {} }, extensions: { idempotencyKey: 42 } })).rejects.toBeInstanceOf(
      BadUserInputError,
    );
    await expect(resolver({ fields: 2 })).rejects.toBeInstanceOf(BadUserInputError);
  });

  it('skips methods other than POST, requests without the header, and requests without a caller', async () => {
    await expect(run({ method: 'PUT' })).resolves.toBe('handler ran');
    await expect(run({ headers: {} })).resolves.toBe('handler ran');
    await expect(run({ principal: undefined })).resolves.toBe('handler ran');
  });

  it('refuses a malformed key before looking anything up', async () => {
    await expect(run({ headers: { 'idempotency-key': 'x'.repeat(256) } })).rejects.toBeInstanceOf(BadUserInputError);
  });
});

describe('request fingerprint', () => {
  it('ignores object key order at every level but keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
    expect(requestBodyHash({ a: 1, b: { c: 2, d: 3 } })).toBe(requestBodyHash({ b: { d: 3, c: 2 }, a: 1 }));
    expect(requestBodyHash({ list: [1, 2] })).not.toBe(requestBodyHash({ list: [2, 1] }));
  });

  it('treats a missing body as null', () => {
    expect(canonicalJson(undefined)).toBe('null');
    expect(requestBodyHash(undefined)).toBe(requestBodyHash(null));
  });
});
