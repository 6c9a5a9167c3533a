import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';

/**
 * A document whose `operationName` names none of its operations (or that holds several and names
 * none) is the caller's mistake. Apollo Server leaves it to the executor, and the gateway's executor
 * throws, which Apollo answers as a 500; this refuses it first, as BAD_USER_INPUT with HTTP 400.
 */
export function unknownOperationPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (operation) return;
          const message = request.operationName
            ? `The document has no operation named "${request.operationName}"`
            : 'The document holds several operations: operationName must say which one to run';
          throw new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
        },
      };
    },
  };
}
