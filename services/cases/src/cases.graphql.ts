import { graphqlScope } from '@ccsc/platform';

/** The cases subgraph's GraphQL scope (see graphqlScope): every type declared with these is tagged 'cases'. */
export const casesGraphQL = graphqlScope('cases');
export const { ObjectType, InputType, ArgsType, registerEnumType, ConnectionType } = casesGraphQL;
