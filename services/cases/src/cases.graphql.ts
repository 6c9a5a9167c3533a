import { graphqlScope } from '@ccsc/platform';
import { CasesModule } from './cases.module';

/** The cases subgraph's GraphQL scope (see graphqlScope): every type declared with these belongs to CasesModule. */
export const casesGraphQL = graphqlScope(() => CasesModule);
export const { ObjectType, InputType, ArgsType, registerEnumType, ConnectionType } = casesGraphQL;
