// The breaking changes between two supergraphs, by GraphQL Inspector, in the schema clients see.
import { Supergraph } from '@apollo/federation-internals';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import type { BreakingChange } from './contract-change';

/** The API schema of a composed supergraph: without the join and link machinery clients never see. */
export const apiSchemaOf = (supergraphSdl: string): GraphQLSchema =>
  Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();

export interface GraphQLChanges {
  breaking: BreakingChange[];
  /** What may change a client's behaviour without failing it (a new enum value, an argument's new default). */
  dangerous: string[];
}

/** Removals an element's own `@deprecated` can announce; anything else breaking has no deprecation to point at. */
const ANNOUNCEABLE = ['FIELD_REMOVED', 'FIELD_ARGUMENT_REMOVED', 'INPUT_FIELD_REMOVED', 'ENUM_VALUE_REMOVED'];

export async function graphqlChanges(releasedSupergraph: string, currentSupergraph: string): Promise<GraphQLChanges> {
  const released = apiSchemaOf(releasedSupergraph);
  const changes = await diff(released, apiSchemaOf(currentSupergraph));
  const at = (level: CriticalityLevel) => changes.filter((change) => change.criticality.level === level);
  return {
    breaking: at(CriticalityLevel.Breaking).map((change) => breakingChange(released, change)),
    dangerous: at(CriticalityLevel.Dangerous).map((change) => change.message),
  };
}

function breakingChange(released: GraphQLSchema, change: Change): BreakingChange {
  const name = change.path ?? change.message;
  return {
    api: 'graphql',
    change: name,
    message: `${name}: ${change.message}`,
    ...(ANNOUNCEABLE.includes(change.type) && change.path
      ? { announced: deprecationReason(released, change.path) !== undefined }
      : {}),
  };
}

/** The `@deprecated` reason of `Type.field`, `Type.field.argument`, `Input.field` or `Enum.VALUE`. */
export function deprecationReason(schema: GraphQLSchema, path: string): string | undefined {
  const [typeName, member, argument] = path.split('.');
  const type = schema.getType(typeName);
  if (!type || !member) return undefined;
  if (isEnumType(type)) return type.getValue(member)?.deprecationReason ?? undefined;
  if (isInputObjectType(type)) return type.getFields()[member]?.deprecationReason ?? undefined;
  if (!isObjectType(type) && !isInterfaceType(type)) return undefined;
  const field = type.getFields()[member];
  if (!argument) return field?.deprecationReason ?? undefined;
  return field?.args.find((arg) => arg.name === argument)?.deprecationReason ?? undefined;
}
