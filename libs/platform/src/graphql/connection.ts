import { Type } from '@nestjs/common';
import { Directive, Field, ObjectType } from '@nestjs/graphql';
import { Page } from '../pagination/cursor';

@ObjectType({ description: 'Where a page of a list ends, for cursor pagination.' })
@Directive('@shareable')
export class PageInfo {
  @Field({ description: 'True when another page follows this one.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor!: string | null;
}

export interface Connection<T> {
  nodes: T[];
  pageInfo: PageInfo;
}

/** A `<Name>Connection` GraphQL type: the nodes of one page and where it ends (services take it from their graphqlScope). */
export function ConnectionType<T>(node: Type<T>, name: string, registerIn?: Type<unknown>): Type<Connection<T>> {
  @ObjectType(`${name}Connection`, { description: `A page of ${name} results.`, ...(registerIn ? { registerIn } : {}) })
  class ConnectionClass {
    @Field(() => [node], { description: `The ${name} results of this page, in the list's order.` })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Where this page ends, and whether another follows.' })
    pageInfo!: PageInfo;
  }
  return ConnectionClass;
}

export function toConnection<T, N>(page: Page<T>, map: (item: T) => N): Connection<N> {
  return {
    nodes: page.items.map(map),
    pageInfo: { hasNextPage: page.nextCursor !== null, endCursor: page.nextCursor },
  };
}
