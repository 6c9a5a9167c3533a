import { FragmentDefinitionNode, GraphQLError, Kind, SelectionSetNode, ValidationRule } from 'graphql';

/**
 * Cheap guards against abusive operations, checked before any subgraph is called: how deep a
 * selection nests (fragments included) and how many aliases one operation uses.
 */
export function depthLimit(max: number): ValidationRule {
  return (context) => {
    const fragments = new Map(
      context
        .getDocument()
        .definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((d) => [d.name.value, d]),
    );
    const depthOf = (set: SelectionSetNode, seen: Set<string>): number =>
      Math.max(
        0,
        ...set.selections.map((s) => {
          if (s.kind === Kind.FIELD) return s.selectionSet ? 1 + depthOf(s.selectionSet, seen) : 1;
          if (s.kind === Kind.INLINE_FRAGMENT) return depthOf(s.selectionSet, seen);
          const fragment = fragments.get(s.name.value);
          if (!fragment || seen.has(s.name.value)) return 0;
          return depthOf(fragment.selectionSet, new Set([...seen, s.name.value]));
        }),
      );
    return {
      OperationDefinition(node) {
        const depth = depthOf(node.selectionSet, new Set());
        if (depth > max) {
          context.reportError(new GraphQLError(`The operation is ${depth} levels deep; at most ${max} are allowed`, { nodes: [node] }));
        }
      },
    };
  };
}

export function aliasLimit(max: number): ValidationRule {
  return (context) => {
    let aliases = 0;
    return {
      Field(node) {
        if (node.alias && ++aliases === max + 1) {
          context.reportError(new GraphQLError(`The operation uses more than ${max} aliases`, { nodes: [node] }));
        }
      },
    };
  };
}
