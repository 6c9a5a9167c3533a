import { graphqlScope } from '@ccsc/platform';

/** The payments subgraph's GraphQL scope (see graphqlScope): every type declared with these is tagged 'payments'. */
export const paymentsGraphQL = graphqlScope('payments');
export const { ObjectType, ArgsType, ConnectionType } = paymentsGraphQL;
