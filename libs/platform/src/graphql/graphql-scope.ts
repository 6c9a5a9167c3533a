import type { Type } from '@nestjs/common';
import {
  ArgsType,
  ArgsTypeOptions,
  EnumOptions,
  InputType,
  InputTypeOptions,
  ObjectType,
  ObjectTypeOptions,
  registerEnumType,
} from '@nestjs/graphql';
import { ConnectionType } from './connection';

/**
 * The GraphQL type decorators of one service, each tagging its type with the service's scope
 * (`registerIn`). @nestjs/graphql keeps every decorated type in one process-wide store and, unless a
 * type is tagged and the schema asks for that tag only, puts all of them in every schema. Services run
 * side by side in one process (`npm start`, the e2e tests, the supergraph composer), so without this
 * each subgraph would publish the others' types, and two services' `Case` (the entity, and another
 * service's extension of it) would collide. Shared types (PageInfo) carry no tag and are
 * `@shareable`. Services import these, never the raw decorators (a lint rule says so).
 *
 * The tag is a class of its own rather than the service's module, which would make every type file
 * import the module that imports it.
 */
export function graphqlScope(service: string) {
  const module = { [service]: class {} }[service] as Type<unknown>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  const objectTypes: Function[] = [];
  return {
    module,
    /**
     * The service's object types, all put in its schema: an entity it only extends (another
     * service's `Case`) is reachable from no query of its own, yet federation needs it there.
     */
    objectTypes,
    ObjectType(nameOrOptions?: string | ObjectTypeOptions, options: ObjectTypeOptions = {}): ClassDecorator {
      const decorate =
        typeof nameOrOptions === 'string'
          ? ObjectType(nameOrOptions, { ...options, registerIn: module })
          : ObjectType({ ...nameOrOptions, registerIn: module });
      return (target) => {
        objectTypes.push(target);
        decorate(target);
      };
    },
    InputType(nameOrOptions?: string | InputTypeOptions, options: InputTypeOptions = {}): ClassDecorator {
      return typeof nameOrOptions === 'string'
        ? InputType(nameOrOptions, { ...options, registerIn: module })
        : InputType({ ...nameOrOptions, registerIn: module });
    },
    ArgsType(options: ArgsTypeOptions = {}): ClassDecorator {
      return ArgsType({ ...options, registerIn: module });
    },
    registerEnumType<T extends object>(enumRef: T, options: EnumOptions<T>): void {
      registerEnumType(enumRef, { ...options, registerIn: module });
    },
    ConnectionType<T>(node: Type<T>, name: string) {
      return ConnectionType(node, name, module);
    },
  };
}

export type GraphQLScope = ReturnType<typeof graphqlScope>;
