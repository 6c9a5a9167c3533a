import { readFileSync } from 'node:fs';
import { SUPERGRAPH_FILE } from '../gateway/src/gateway';
import { AUTHORISATION_MATRIX } from './authorisation/authorisation-matrix';
import { graphqlOperations } from './authorisation/discovery';
import { ONE_SURFACE_ONLY, SAME_ACTION } from './api-surface';
import { RunningPlatform, startTestPlatform } from './platform';

const WRITE_METHODS = ['post', 'put', 'patch', 'delete'];

/** `POST /api/v1/cases/:id/events` for the OpenAPI path `/api/v1/cases/{id}/events`. */
const routeKey = (method: string, path: string) => `${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`;

/*
 * One API surface: every officer action is in GraphQL and in partner REST, or listed in ONE_SURFACE_ONLY
 * with the reason it is not. Actions are the supergraph's mutations and the REST operations that write
 * (reads are shaped for their clients: a GraphQL query joins what REST serves as several resources).
 */
describe('one API surface for every action', () => {
  let platform: RunningPlatform;
  let restWrites: string[];
  const mutations = graphqlOperations(readFileSync(SUPERGRAPH_FILE, 'utf8')).filter((o) => o.startsWith('Mutation.'));
  const queries = new Set(
    graphqlOperations(readFileSync(SUPERGRAPH_FILE, 'utf8')).filter((o) => o.startsWith('Query.')),
  );

  beforeAll(async () => {
    platform = await startTestPlatform();
    const docs = (await (await fetch(`${platform.gatewayUrl}/api/docs`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    restWrites = Object.entries(docs.paths).flatMap(([path, operations]) =>
      Object.keys(operations)
        .filter((method) => WRITE_METHODS.includes(method))
        .map((method) => routeKey(method, path)),
    );
  });
  afterAll(() => platform.stop());

  it('pairs every REST write with a GraphQL operation, or says why it has none', () => {
    const paired = new Set(SAME_ACTION.map(([rest]) => rest));
    expect(restWrites.filter((r) => !paired.has(r) && !(r in ONE_SURFACE_ONLY))).toEqual([]);
  });

  it('pairs every mutation with a REST operation, or says why it has none', () => {
    const paired = new Set(SAME_ACTION.map(([, graphql]) => graphql));
    expect(mutations.filter((m) => !paired.has(m) && !(m in ONE_SURFACE_ONLY))).toEqual([]);
  });

  it('lists nothing that does not exist, and nothing both as paired and as one-surface', () => {
    const known = new Set([...restWrites, ...mutations, ...queries]);
    const listed = [...SAME_ACTION.flat(), ...Object.keys(ONE_SURFACE_ONLY)];
    expect(listed.filter((entry) => !known.has(entry))).toEqual([]);
    const both = SAME_ACTION.flat().filter((entry) => entry in ONE_SURFACE_ONLY);
    expect(both).toEqual([]);
    expect(Object.entries(ONE_SURFACE_ONLY).filter(([, reason]) => reason.trim().length < 20)).toEqual([]);
  });

  it('gives both halves of a pair the same rules: the same staff roles and the same parties in the authorisation matrix', () => {
    // Each variant of a row (`POST /api/v1/cases/:id/events [submit]`) against the same variant of its twin.
    const rulesOf = (operation: string) =>
      JSON.stringify(
        AUTHORISATION_MATRIX.filter((r) => r.key === operation || r.key.startsWith(`${operation} [`))
          .map((r) => [r.key.slice(operation.length), [...r.staff].sort(), r.parties] as const)
          .sort(([a], [b]) => a.localeCompare(b)),
      );
    const differing = SAME_ACTION.filter(([rest, graphql]) => {
      const [a, b] = [rulesOf(rest), rulesOf(graphql)];
      return a === '[]' || a !== b;
    });
    expect(differing).toEqual([]);
  });
});
