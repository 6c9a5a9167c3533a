import { PersistedDocuments, sha256 } from './persisted-documents';

const LISTED = 'query Listed { __typename }';
const OTHER = 'query Other { __typename }';
const byHash = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

describe('where a GraphQL request’s document comes from', () => {
  it('registers a text sent with its hash, then runs the hash alone, named as a documentId or a persisted query', () => {
    const documents = new PersistedDocuments();
    const hash = sha256(LISTED);
    expect(documents.resolve({ extensions: byHash(hash) })).toEqual({
      refusal: expect.objectContaining({ status: 200, code: 'PERSISTED_QUERY_NOT_FOUND' }),
    });
    expect(documents.resolve({ query: LISTED, extensions: { ...byHash(hash), idempotencyKey: 'k' } })).toEqual({
      parameters: { query: LISTED, extensions: { idempotencyKey: 'k' } },
    });
    for (const named of [{ documentId: `sha256:${hash}` }, { documentId: hash }, { extensions: byHash(hash) }])
      expect(documents.resolve({ ...named, operationName: 'Listed' })).toEqual({
        parameters: expect.objectContaining({ query: LISTED, operationName: 'Listed' }),
      });
    expect(documents.resolve({ query: OTHER, extensions: byHash(hash) })).toEqual({
      refusal: expect.objectContaining({ status: 400 }),
    });
    expect(documents.resolve({ query: OTHER })).toEqual({ parameters: { query: OTHER } });
  });

  it("with trusted documents, runs only the manifest's own text, and registers nothing", () => {
    const documents = new PersistedDocuments(new Map([[sha256(LISTED), LISTED]]));
    const hash = sha256(LISTED);
    for (const listed of [{ documentId: hash }, { extensions: byHash(hash) }, { query: LISTED }])
      expect(documents.resolve({ ...listed, operationName: 'Listed' })).toEqual({
        parameters: expect.objectContaining({ query: LISTED, operationName: 'Listed' }),
      });
    const refused = { refusal: expect.objectContaining({ status: 400, code: 'PERSISTED_QUERY_NOT_FOUND' }) };
    expect(documents.resolve({ query: OTHER })).toEqual(refused);
    expect(documents.resolve({ query: OTHER, extensions: byHash(sha256(OTHER)) })).toEqual(refused);
    expect(documents.resolve({ extensions: byHash(sha256(OTHER)) })).toEqual(refused);
    // A listed hash does not vouch for another text.
    expect(documents.resolve({ query: OTHER, extensions: byHash(hash) })).toEqual(refused);
  });
});
