import 'reflect-metadata';
import { Injectable, Module } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { resolversOf } from './resolvers-of';

@Resolver()
class ThingResolver {
  @Query(() => String)
  thing(): string {
    return 'x';
  }
}

@Injectable()
class ThingCommands {}

@Module({ providers: [ThingResolver, ThingCommands, { provide: 'TOKEN', useValue: 1 }] })
class ThingModule {}

@Module({ providers: [ThingCommands] })
class PlainModule {}

describe('resolversOf', () => {
  it("finds the resolvers among feature modules' providers, and only them", () => {
    expect(resolversOf(ThingModule, PlainModule)).toEqual([ThingResolver]);
  });
});
