import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { formatGraphQLError } from '../errors/graphql-error';
import { apolloGraphQLLimits, DEFAULT_GRAPHQL_LIMITS, GraphQLLimits } from './graphql-limits';

/** `n` fragments, each spreading the next twice: 2^n paths from a document of a few hundred bytes. */
const fragmentBomb = (n: number) =>
  `query { __typename ...F0 } ${Array.from({ length: n }, (_, i) => (i < n - 1 ? `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }` : `fragment F${i} on Query { __typename }`)).join(' ')}`;

const typeDefs = `
  type Query { node: Node nodes(first: Int): [Node!]! paged(first: Int = 50): [Node!]! }
  type Node { id: ID name: String child: Node }
`;

describe('GraphQL limits (GraphQL Armor on Apollo Server)', () => {
  let server: ApolloServer;
  let url: string;
  const limits: GraphQLLimits = {
    ...DEFAULT_GRAPHQL_LIMITS,
    GRAPHQL_MAX_DEPTH: 3,
    GRAPHQL_MAX_ALIASES: 2,
    GRAPHQL_MAX_TOKENS: 400,
    GRAPHQL_MAX_DIRECTIVES: 2,
    GRAPHQL_MAX_COST: 500,
  };

  const start = async (production: boolean) => {
    server = new ApolloServer({
      typeDefs,
      resolvers: { Query: { nodes: () => [], paged: () => [] } },
      formatError: formatGraphQLError(!production),
      ...apolloGraphQLLimits(limits, production),
    });
    url = (await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } })).url;
  };
  const post = (query: string, variables?: Record<string, unknown>) => send({ query, variables });
  const postAs = (query: string, operationName: string) => send({ query, operationName });
  const send = async (request: object) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
    const body = (await res.json()) as { data?: unknown; errors?: { message: string; extensions: { code: string } }[] };
    return {
      status: res.status,
      errors: body.errors ?? [],
      message: body.errors?.map((e) => e.message).join(' ') ?? '',
    };
  };

  describe('in development', () => {
    beforeAll(() => start(false));
    afterAll(() => server.stop());

    it('accepts what stays within every limit', async () => {
      expect(
        (await post('{ a: node { child { id } } b: nodes(first: 3) { name @include(if: true) } }')).errors,
      ).toEqual([]);
    });

    it('counts depth through fragments and inline fragments', async () => {
      expect((await post('{ node { ...F } } fragment F on Node { child { id } }')).errors).toEqual([]);
      const refused = await post('{ node { ...F } } fragment F on Node { child { ... on Node { child { id } } } }');
      expect(refused).toMatchObject({ status: 400, message: 'Query depth limit of 3 exceeded, found 4.' });
      expect(refused.errors[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('counts aliases each time their fragment is spread', async () => {
      const refused = await post('{ a: node { ...F } node { child { ...F } } } fragment F on Node { b: id }');
      expect(refused).toMatchObject({ status: 400, message: 'Aliases limit of 2 exceeded, found 3.' });
      expect(refused.errors[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('multiplies the cost of a list by its literal `first`', async () => {
      expect((await post('{ nodes(first: 10) { id name } }')).errors).toEqual([]);
      const refused = await post('{ nodes(first: 200) { id name } }');
      expect(refused.status).toBe(400);
      expect(refused.message).toMatch(/^Query Cost limit of 500 exceeded, found \d+/);
      expect(refused.errors[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    // 12.5 a node: 40 of them fit in 500, 50 do not.
    const costly = '{ id name child { id name } }';
    it('multiplies a list by a page size given in a variable, or by its default, as the operation will run', async () => {
      const byVariable = `query ($n: Int) { nodes(first: $n) ${costly} }`;
      expect((await post(byVariable, { n: 40 })).errors).toEqual([]);
      for (const refused of [
        await post(byVariable, { n: 50 }),
        await post(byVariable, { n: 1_000_000 }),
        await post(`query ($n: Int = 50) { nodes(first: $n) ${costly} }`),
        await post(`{ paged ${costly} }`),
        await post(`{ paged ${costly} }`), // the same document again: its count is kept, and still refuses
        await post(`query ($n: Int) { paged(first: $n) ${costly} }`),
      ]) {
        expect(refused.status).toBe(400);
        expect(refused.message).toMatch(/^Query Cost limit of 500 exceeded, found \d+/);
        expect(refused.errors[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      }
      // The operation that runs is counted, with its own variables' defaults: another operation of the
      // document declaring the same variable smaller changes nothing, nor does one that will not run.
      const two = (name: string) =>
        postAs(
          `query A($n: Int = 50) { nodes(first: $n) ${costly} } query B($n: Int = 1) { nodes(first: $n) { id } }`,
          name,
        );
      expect((await two('A')).message).toMatch(/^Query Cost limit of 500 exceeded/);
      expect((await two('B')).errors).toEqual([]);
      // A name that selects no operation is refused, and leaves nothing that would spare the document later.
      const one = `query ($n: Int) { nodes(first: $n) ${costly} }`;
      expect((await send({ query: one, operationName: '', variables: { n: 50 } })).status).toBe(400);
      expect((await post(one, { n: 50 })).message).toMatch(/^Query Cost limit of 500 exceeded/);
      // A page larger than a page may be is counted as the largest (the field refuses it when it runs).
      expect((await post(`query ($n: Int) { a: nodes(first: $n) { id } }`, { n: 1_000_000 })).errors).toEqual([]);
      expect((await post(`{ paged(first: 40) ${costly} }`)).errors).toEqual([]);
    });

    it('limits directives', async () => {
      const refused = await post(
        '{ node { id @include(if: true) name @skip(if: false) child @include(if: true) { id } } }',
      );
      expect(refused).toMatchObject({ status: 400, message: 'Directives limit of 2 exceeded, found 3.' });
      expect(refused.errors[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('stops parsing a document past the token limit, as a bad request', async () => {
      const refused = await post(`{ node { ${'id '.repeat(400)} } }`);
      expect(refused.status).toBe(400);
      expect(refused.message).toContain('more that 400 tokens');
      expect(refused.errors[0]?.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    });

    // 2^30 paths: a judge that walked them would take minutes, past this test's own timeout; one that counts
    // each fragment once answers at once. (How fast is a benchmark's question, not a unit test's.)
    it('judges a fragment bomb without walking its paths', async () => {
      const refused = await post(fragmentBomb(30));
      expect(refused.status).toBe(400);
      expect(refused.message).toMatch(/^Query Cost limit of 500 exceeded/);
    }, 10_000);

    it('still suggests fields to a developer', async () => {
      expect((await post('{ node { nme } }')).message).toContain('Did you mean "name"?');
    });
  });

  describe('in production', () => {
    beforeAll(() => start(true));
    afterAll(() => server.stop());

    it('names no field the caller did not ask for', async () => {
      const refused = await post('{ node { nme } }');
      expect(refused.errors[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(refused.message).toContain('Cannot query field "nme" on type "Node".');
      expect(refused.message).not.toContain('name');
    });
  });
});
