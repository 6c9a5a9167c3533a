import { buildSchema, parse, validate } from 'graphql';
import { aliasLimit, depthLimit } from './graphql-limits';

const schema = buildSchema(`type Query { node: Node } type Node { id: ID child: Node }`);
const errors = (query: string, rules = [depthLimit(3), aliasLimit(2)]) => validate(schema, parse(query), rules).map((e) => e.message);

describe('GraphQL limits', () => {
  it('counts depth through nested fields, fragments and inline fragments', () => {
    expect(errors('{ node { child { id } } }')).toEqual([]);
    expect(errors('{ node { child { child { id } } } }')).toEqual(['The operation is 4 levels deep; at most 3 are allowed']);
    expect(errors('{ node { ...F } } fragment F on Node { child { child { id } } }')).toHaveLength(1);
    expect(errors('{ node { ... on Node { child { child { id } } } } }')).toHaveLength(1);
  });

  it('does not loop on a fragment that spreads itself', () => {
    // graphql's own NoFragmentCycles rule reports the cycle; this rule must simply terminate.
    expect(validate(schema, parse('{ node { ...F } } fragment F on Node { child { ...F } }'), [depthLimit(10)])).toEqual([]);
  });

  it('limits aliases per operation', () => {
    expect(errors('{ a: node { id } b: node { id } }')).toEqual([]);
    expect(errors('{ a: node { id } b: node { id } c: node { id } }')).toEqual(['The operation uses more than 2 aliases']);
  });
});
