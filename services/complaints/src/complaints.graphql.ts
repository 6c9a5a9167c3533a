import { graphqlScope } from '@ccsc/platform';

/** The complaints subgraph's GraphQL scope (see graphqlScope): every type declared with these is tagged 'complaints'. */
export const complaintsGraphQL = graphqlScope('complaints');
export const { ObjectType, InputType, ArgsType, ConnectionType } = complaintsGraphQL;
