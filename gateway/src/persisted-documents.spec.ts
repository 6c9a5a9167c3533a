import { normaliseParameters, sha256 } from './persisted-documents';

const LISTED = 'query Listed { __typename }';
const trusted = new Map([[sha256(LISTED), LISTED]]);
const byHash = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

describe('GraphQL request parameters, as Apollo Server reads them', () => {
  it("turns a documentId into Apollo's persisted-query extension, with or without its sha256: prefix", () => {
    const hash = sha256(LISTED);
    expect(normaliseParameters({ documentId: `sha256:${hash}`, extensions: { idempotencyKey: 'k' } })).toEqual({
      extensions: { idempotencyKey: 'k', ...byHash(hash) },
    });
    expect(normaliseParameters({ documentId: hash })).toEqual({ extensions: byHash(hash) });
    expect(normaliseParameters({ query: LISTED, documentId: hash })).toEqual({ query: LISTED });
    expect(normaliseParameters({ query: LISTED, extensions: byHash(hash) })).toEqual({
      query: LISTED,
      extensions: byHash(hash),
    });
  });

  it("with trusted documents, sends on only the manifest's own text, and turns anything else into a lookup that fails", () => {
    const hash = sha256(LISTED);
    for (const listed of [{ documentId: hash }, { extensions: byHash(hash) }, { query: LISTED }])
      expect(normaliseParameters({ ...listed, operationName: 'Listed' }, trusted)).toEqual({
        query: LISTED,
        operationName: 'Listed',
        extensions: {},
      });
    const other = 'query Other { __typename }';
    expect(normaliseParameters({ query: other }, trusted)).toEqual({
      query: undefined,
      extensions: byHash(sha256(other)),
    });
    // A listed hash does not vouch for another text.
    expect(normaliseParameters({ query: other, extensions: byHash(hash) }, trusted)).toEqual({
      query: undefined,
      extensions: byHash(''),
    });
  });
});
