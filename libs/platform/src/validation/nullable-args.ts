import type { Type } from '@nestjs/common';
import { Args, type ArgsOptions } from '@nestjs/graphql';

/**
 * A nullable GraphQL input argument that is validated like any other. A parameter typed
 * `Input | undefined` is recorded by SWC's decorator metadata as `Object`, and Nest's ValidationPipe
 * validates nothing typed `Object`: the argument's class-validator rules were silently skipped (a
 * 5,000-character officer reached the database; an `awareAt` of "last tuesday" became now). This
 * records the input class as the parameter's type, so the global pipe validates it when it is given.
 */
export function NullableArgs(
  property: string,
  type: () => Type<unknown>,
  options: Omit<ArgsOptions, 'type' | 'nullable'> = {},
): ParameterDecorator {
  return (target, key, index) => {
    Args(property, { ...options, type, nullable: true })(target, key as string, index);
    const types = Reflect.getMetadata('design:paramtypes', target, key as string) as unknown[] | undefined;
    if (types) types[index] = type();
  };
}
