import { graphqlScope } from '@ccsc/platform';

/** The payments subgraph's GraphQL scope (see graphqlScope): every type declared with these is tagged 'payments'. */
export const paymentsGraphQL = graphqlScope('payments');
export const { ObjectType, InputType, ArgsType, ConnectionType } = paymentsGraphQL;

/**
 * GraphQL passes an explicit null for a nullable input field; to the commands, as to REST, it means
 * "not given". The REST body classes double as GraphQL inputs, so a mutation hands its input through this.
 */
export function defined<T extends object>(input: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v != null)) as {
    [K in keyof T]: Exclude<T[K], null>;
  };
}
