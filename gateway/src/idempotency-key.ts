import type { ApolloServerPlugin } from '@apollo/server';
import type { Request } from 'express';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from './subgraph-data-source';

/**
 * A GraphQL mutation's `Idempotency-Key`: the header, as on REST, or the request's `extensions.idempotencyKey`
 * for clients that cannot set headers per operation. The gateway only carries it: the subgraph that owns the
 * mutation validates it and keeps the first answer (libs/platform's IdempotencyInterceptor).
 */
export function idempotencyKeyOf(req: Request): unknown {
  const header = req.headers['idempotency-key'];
  if (header !== undefined) return header;
  const extensions = (req.body as { extensions?: unknown } | undefined)?.extensions;
  if (extensions === null || typeof extensions !== 'object') return undefined;
  return (extensions as { idempotencyKey?: unknown }).idempotencyKey;
}

/**
 * One key names one command: a keyed mutation operation with several root fields is refused before any
 * subgraph runs, since they may belong to different subgraphs, and the second would find the key taken by
 * the first after the first had committed.
 */
export function oneMutationPerKeyPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (contextValue.idempotencyKey === undefined || operation?.operation !== 'mutation') return;
          if (typeof contextValue.idempotencyKey !== 'string') {
            throw refused('An Idempotency-Key must be a string', 'must be 1 to 255 printable ASCII characters');
          }
          if (operation.selectionSet.selections.length !== 1) {
            throw refused(
              'An Idempotency-Key covers one mutation: send one mutation field per request',
              'the operation must select exactly one mutation field',
            );
          }
        },
      };
    },
  };
}

function refused(message: string, fieldMessage: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: 'BAD_USER_INPUT',
      http: { status: 400 },
      fieldErrors: [{ field: 'Idempotency-Key', message: fieldMessage }],
    },
  });
}
