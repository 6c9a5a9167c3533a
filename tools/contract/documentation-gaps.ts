// What the published contracts leave undocumented: operations without a success schema, without their
// error responses or without examples, and GraphQL types, fields, arguments and enum values without a
// description. `npm test` holds every count at zero (tools/api-contract.spec.ts for GraphQL,
// e2e/api-contract.e2e-spec.ts for REST); `npm run contract:gaps` lists them, by service.
import {
  ConstDirectiveNode,
  EnumValueDefinitionNode,
  FieldDefinitionNode,
  InputValueDefinitionNode,
  Kind,
  parse,
  TypeDefinitionNode,
} from 'graphql';
import type { OpenApiDocument } from './current-openapi';

export interface GraphQLGap {
  /** The subgraph that defines it, lower case as in SERVICES. */
  service: string;
  /** `type Case`, `Case.reference`, `Query.case(id)`, `CaseState.Submitted`. */
  element: string;
}

// Federation's own types in the supergraph, and the root types, which are named by the operation kind.
const UNDESCRIBED_BY_DESIGN = /^(join__|link__|_)|^(Query|Mutation|Subscription)$/;

function graphOf(directives: readonly ConstDirectiveNode[] | undefined, name: string): string | undefined {
  const directive = directives?.find((d) => d.name.value === name);
  const graph = directive?.arguments?.find((a) => a.name.value === 'graph')?.value;
  return graph?.kind === Kind.ENUM ? graph.value.toLowerCase() : undefined;
}

/** Every type, field, argument and enum value of the supergraph that has no description. */
export function graphqlDocumentationGaps(supergraphSdl: string): GraphQLGap[] {
  const gaps: GraphQLGap[] = [];
  for (const definition of parse(supergraphSdl).definitions) {
    if (!('name' in definition) || !definition.name || !/TypeDefinition$/.test(definition.kind)) continue;
    const type = definition as TypeDefinitionNode;
    const name = type.name.value;
    if (name.startsWith('join__') || name.startsWith('link__')) continue;
    const service = graphOf(type.directives, 'join__type') ?? 'gateway';
    if (!UNDESCRIBED_BY_DESIGN.test(name) && !type.description?.value.trim())
      gaps.push({ service, element: `type ${name}` });
    const fields = ('fields' in type ? type.fields : undefined) as
      readonly (FieldDefinitionNode | InputValueDefinitionNode)[] | undefined;
    for (const field of fields ?? []) {
      const owner = graphOf(field.directives, 'join__field') ?? service;
      if (!field.description?.value.trim()) gaps.push({ service: owner, element: `${name}.${field.name.value}` });
      for (const arg of ('arguments' in field ? field.arguments : undefined) ?? [])
        if (!arg.description?.value.trim())
          gaps.push({ service: owner, element: `${name}.${field.name.value}(${arg.name.value})` });
    }
    const values = ('values' in type ? type.values : undefined) as readonly EnumValueDefinitionNode[] | undefined;
    for (const value of values ?? [])
      if (!value.description?.value.trim())
        gaps.push({
          service: graphOf(value.directives, 'join__enumValue') ?? service,
          element: `${name}.${value.name.value}`,
        });
  }
  return gaps;
}

export interface OpenApiGaps {
  withoutResponseSchema: string[];
  withoutErrorResponses: string[];
  withoutExamples: string[];
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

interface MediaType {
  schema?: unknown;
  example?: unknown;
  examples?: Record<string, unknown>;
}
interface Operation {
  responses?: Record<string, { content?: Record<string, MediaType> }>;
  requestBody?: { content?: Record<string, MediaType> };
}

const hasExample = (media: MediaType) => media.example !== undefined || Object.keys(media.examples ?? {}).length > 0;

/**
 * Operations (`POST /api/v1/cases`) whose success answer has no schema (a 204 needs none), that document no
 * 4xx problem+json answer, or whose request body or success answer has no example.
 */
export function openApiDocumentationGaps(document: OpenApiDocument): OpenApiGaps {
  const gaps: OpenApiGaps = { withoutResponseSchema: [], withoutErrorResponses: [], withoutExamples: [] };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method] as Operation | undefined;
      if (!operation) continue;
      const name = `${method.toUpperCase()} ${path}`;
      const responses = Object.entries(operation.responses ?? {});
      const successes = responses.filter(([status]) => status.startsWith('2'));
      const bodies = successes.filter(([status]) => status !== '204').map(([, r]) => Object.values(r.content ?? {}));
      if (!successes.length || bodies.some((media) => !media.some((m) => m.schema)))
        gaps.withoutResponseSchema.push(name);
      const problems = responses.filter(
        ([status, r]) => status.startsWith('4') && r.content?.['application/problem+json']?.schema,
      );
      if (!problems.length) gaps.withoutErrorResponses.push(name);
      // A body without a schema is counted above; one with a schema needs an example.
      const described = [Object.values(operation.requestBody?.content ?? {}), ...bodies]
        .map((media) => media.filter((m) => m.schema))
        .filter((media) => media.length);
      if (described.some((media) => !media.some(hasExample))) gaps.withoutExamples.push(name);
    }
  }
  return gaps;
}
