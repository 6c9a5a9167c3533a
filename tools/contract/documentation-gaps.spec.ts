import { readFileSync } from 'node:fs';
import { CURRENT_SUPERGRAPH_FILE } from './contract-files';
import { readCurrentOpenApi } from './current-contract';
import type { OpenApiDocument } from './current-openapi';
import { graphqlDocumentationGaps, openApiDocumentationGaps } from './documentation-gaps';

const SUPERGRAPH = `
schema @link(url: "https://specs.apollo.dev/join/v0.5", for: EXECUTION) { query: Query }
enum join__Graph { CASES @join__graph(name: "cases", url: "http://cases") PAYMENTS @join__graph(name: "payments", url: "http://payments") }
type Query @join__type(graph: CASES) @join__type(graph: PAYMENTS) {
  "A case you may see." case("The case's id." id: ID!, reference: String): Case @join__field(graph: CASES)
  fees: [Int!]! @join__field(graph: PAYMENTS)
}
"A case." type Case @join__type(graph: CASES) { "Its id." id: ID! state: CaseState! }
enum CaseState @join__type(graph: CASES) { "Being drafted." Draft Issued }
`;

describe('what the contracts leave undocumented', () => {
  it('lists GraphQL fields, arguments and enum values without a description, by the subgraph that defines them', () => {
    expect(graphqlDocumentationGaps(SUPERGRAPH)).toEqual([
      { service: 'cases', element: 'Query.case(reference)' },
      { service: 'payments', element: 'Query.fees' },
      { service: 'cases', element: 'Case.state' },
      { service: 'cases', element: 'type CaseState' },
      { service: 'cases', element: 'CaseState.Issued' },
    ]);
  });

  it('lists operations without a success schema, a problem+json answer or an example', () => {
    const problem = { content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
    const document = {
      paths: {
        '/a': {
          get: {
            responses: { '200': { content: { 'application/json': { schema: {}, example: {} } } }, '404': problem },
          },
          post: { responses: { '201': { description: '' } } },
        },
        '/b': {
          delete: { responses: { '204': { description: '' }, '404': problem } },
          put: {
            requestBody: { content: { 'application/json': { schema: {} } } },
            responses: { '200': { content: { 'application/json': { schema: {}, example: {} } } }, '409': problem },
          },
        },
      },
    } as unknown as OpenApiDocument;
    expect(openApiDocumentationGaps(document)).toEqual({
      withoutResponseSchema: ['POST /a'],
      withoutErrorResponses: ['POST /a'],
      withoutExamples: ['PUT /b'],
    });
  });

  // contracts/current/openapi.json is what the gateway serves (e2e/api-contract.e2e-spec.ts holds them equal).
  it('finds every operation of the OpenAPI document with its success schema, its error answers and examples', () => {
    expect(openApiDocumentationGaps(readCurrentOpenApi() as OpenApiDocument)).toEqual({
      withoutResponseSchema: [],
      withoutErrorResponses: [],
      withoutExamples: [],
    });
  });

  it('finds every GraphQL type, field, argument and enum value of the supergraph described', () => {
    const gaps = graphqlDocumentationGaps(readFileSync(CURRENT_SUPERGRAPH_FILE, 'utf8'));
    expect(gaps.map((g) => `${g.service}: ${g.element}`)).toEqual([]);
  });
});
