import type { Provider, Type } from '@nestjs/common';
import { MODULE_METADATA } from '@nestjs/common/constants';

// @Resolver() marks its class with this key (@nestjs/graphql's RESOLVER_NAME_METADATA).
const RESOLVER_NAME = 'graphql:resolver_name';

/**
 * The GraphQL resolvers that feature modules provide: what a service's subgraph is composed from
 * (`npm run compose` builds the SDL from these alone, without the rest of the service). So a
 * resolver is listed once, in its feature's module, and nowhere else.
 */
export function resolversOf(...modules: Type<unknown>[]): Type<unknown>[] {
  return modules.flatMap((module) =>
    ((Reflect.getMetadata(MODULE_METADATA.PROVIDERS, module) ?? []) as Provider[]).filter(isResolver),
  );
}

function isResolver(provider: Provider): provider is Type<unknown> {
  return typeof provider === 'function' && Reflect.getMetadataKeys(provider).includes(RESOLVER_NAME);
}
