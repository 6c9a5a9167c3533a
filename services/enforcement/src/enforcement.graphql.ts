import { graphqlScope } from '@ccsc/platform';

/** The enforcement subgraph's GraphQL scope (see graphqlScope): every type declared with these is tagged 'enforcement'. */
export const enforcementGraphQL = graphqlScope('enforcement');
export const { ObjectType, InputType, ArgsType, registerEnumType, ConnectionType } = enforcementGraphQL;
