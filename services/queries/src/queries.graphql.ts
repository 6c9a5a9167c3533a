import { graphqlScope } from '@ccsc/platform';

/** The queries subgraph's GraphQL scope (see graphqlScope): every type declared with these is tagged 'queries'. */
export const queriesGraphQL = graphqlScope('queries');
export const { ObjectType, InputType, ArgsType, registerEnumType, ConnectionType } = queriesGraphQL;
