import { INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  Directive,
  Field,
  GraphQLModule,
  GraphQLSchemaHost,
  ID,
  Parent,
  Query,
  ResolveField,
  Resolver,
  ResolveReference,
} from '@nestjs/graphql';
import { printSubgraphSchema } from '@apollo/subgraph';
import { graphqlScope } from './graphql-scope';
import { subgraphOptions } from './subgraph-options';

// Two services in one process, each with its own `Case`: the owner's entity and another service's
// extension of it, as in `npm start` and the e2e tests. Each schema must hold its own types only.

const owner = graphqlScope('owner');
@owner.ObjectType('Case')
@Directive('@key(fields: "id")')
class OwnedCase {
  @Field(() => ID) id!: string;
  @Field() reference!: string;
}
@owner.ObjectType('CaseFee')
class CaseFee {
  @Field() code!: string;
}
@Resolver(() => OwnedCase)
class OwnerResolver {
  @Query(() => [OwnedCase]) cases() {
    return [];
  }
  @ResolveField(() => [CaseFee]) fees() {
    return [];
  }
}
@Module({ imports: [GraphQLModule.forRoot(subgraphOptions(true, owner))], providers: [OwnerResolver] })
class OwnerModule {}

const extender = graphqlScope('extender');
@extender.ObjectType('Case')
@Directive('@key(fields: "id")')
class CaseReference {
  @Field(() => ID) id!: string;
}
@extender.ObjectType('Payment')
class Payment {
  @Field() amountPence!: number;
}
@Resolver(() => CaseReference)
class ExtenderResolver {
  @ResolveReference() resolveReference(reference: { id: string }) {
    return reference;
  }
  @ResolveField(() => [Payment]) payments(@Parent() _case: CaseReference) {
    return [];
  }
  @Query(() => [Payment]) payments2() {
    return [];
  }
}
@Module({ imports: [GraphQLModule.forRoot(subgraphOptions(true, extender))], providers: [ExtenderResolver] })
class ExtenderModule {}

describe('graphqlScope', () => {
  const apps: INestApplication[] = [];
  afterAll(async () => {
    for (const app of apps) await app.close();
  });
  const sdlOf = async (module: object) => {
    const app = await NestFactory.create(module as never, { logger: false });
    apps.push(app);
    await app.init();
    return printSubgraphSchema(app.get(GraphQLSchemaHost).schema);
  };

  it("keeps each service's types in its own schema, one process with both", async () => {
    const [ownerSdl, extenderSdl] = [await sdlOf(OwnerModule), await sdlOf(ExtenderModule)];
    const caseType = (sdl: string) =>
      /type Case\s+@key\(fields: "id"\)\s+\{([^}]*)\}/
        .exec(sdl)?.[1]
        ?.trim()
        .split(/\s*\n\s*/);
    expect(caseType(ownerSdl)).toEqual(['id: ID!', 'reference: String!', 'fees: [CaseFee!]!']);
    expect(ownerSdl).not.toContain('Payment');
    expect(caseType(extenderSdl)).toEqual(['id: ID!', 'payments: [Payment!]!']);
    expect(extenderSdl).not.toContain('CaseFee');
    expect(extenderSdl).not.toContain('reference');
  });
});
