import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bearer, TEST_AUDIENCE, TEST_ISSUER, testEnv } from '@ccsc/testing';
import { readGatewayConfig } from './config';
import { createGateway, Gateway } from './gateway';
import { sha256 } from './persisted-documents';

// Root `__typename` is answered by the gateway itself, so these run with no service behind it.
const LISTED = 'query Listed { __typename }';
const UNLISTED = 'query Unlisted { __typename }';

async function startGateway(env: Record<string, string> = {}): Promise<{ gateway: Gateway; url: string }> {
  const gateway = await createGateway(
    readGatewayConfig({
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'silent',
      AUTH_LOCAL_KEYS_DIR: testEnv().keysDir,
      AUTH_ISSUER: TEST_ISSUER,
      AUTH_AUDIENCE: TEST_AUDIENCE,
      ...env,
    }),
  );
  return { gateway, url: await gateway.listen() };
}

describe('GraphQL over HTTP at the gateway', () => {
  let url: string;
  let gateway: Gateway;
  let authorization: string;
  beforeAll(async () => {
    ({ gateway, url } = await startGateway());
    authorization = await bearer('caseworker');
  });
  afterAll(() => gateway.close());

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization, ...headers },
      body: JSON.stringify(body),
    });

  it('answers in the GraphQL-over-HTTP media type to a client that asks for it, and in JSON to the others', async () => {
    const accept = { accept: 'application/graphql-response+json, application/json;q=0.9' };
    const ok = await post({ query: LISTED }, accept);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/graphql-response+json; charset=utf-8');
    expect(await ok.json()).toEqual({ data: { __typename: 'Query' } });

    const invalid = await post({ query: '{ nothingHere }' }, accept);
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('content-type')).toBe('application/graphql-response+json; charset=utf-8');
    // Refused at the edge, before Apollo: the same media type.
    const anonymous = await post({ query: LISTED }, { ...accept, authorization: '' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    expect(
      ((await anonymous.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code,
    ).toBe('UNAUTHENTICATED');

    for (const plain of [{}, { accept: 'application/json' }, { accept: '*/*' }] as Record<string, string>[]) {
      const res = await post({ query: LISTED }, plain);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    }
    expect((await post({ query: LISTED }, { accept: 'text/csv' })).status).toBe(406);
  });

  it('refuses a body that holds no operation, or a batch, as BAD_REQUEST in words that fit', async () => {
    for (const body of [{}, [], [{ query: LISTED }]]) {
      const res = await post(body);
      expect(res.status).toBe(400);
      const answer = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(answer.errors[0]?.extensions.code).toBe('BAD_REQUEST');
      expect(answer.errors[0]?.message).not.toMatch(/invalid JSON/);
    }
    const empty = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
    });
    expect(empty.status).toBe(400);
    // Not an object at all: the JSON parser's own refusal (strict JSON bodies), 400 as well.
    expect((await post('null')).status).toBe(400);
  });

  it('refuses a body that does not decompress as it says, and malformed JSON in a GET, with 400, never a 500', async () => {
    const raw = (headers: Record<string, string>, body: Buffer | string) =>
      fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization, ...headers },
        body: typeof body === 'string' ? body : new Uint8Array(body),
      });
    const { gzipSync } = await import('node:zlib');
    const truncated = gzipSync(JSON.stringify({ query: LISTED })).subarray(0, 15);
    for (const [encoding, body] of [
      ['gzip', JSON.stringify({ query: LISTED })],
      ['deflate', JSON.stringify({ query: LISTED })],
      ['br', JSON.stringify({ query: LISTED })],
      ['gzip', truncated],
    ] as const) {
      const res = await raw({ 'content-encoding': encoding }, body);
      expect([encoding, res.status]).toEqual([encoding, 400]);
      const answer = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(answer.errors[0]).toMatchObject({
        message: 'The request body does not decompress as its Content-Encoding says',
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    const unknown = await raw({ 'content-encoding': 'foo' }, JSON.stringify({ query: LISTED }));
    expect(unknown.status).toBe(415);
    expect(((await unknown.json()) as { errors: { message: string }[] }).errors[0]?.message).toMatch(
      /gzip, deflate or br/,
    );
    // Compressed as it says, it runs.
    const gzipped = await raw({ 'content-encoding': 'gzip' }, gzipSync(JSON.stringify({ query: LISTED })));
    expect(await gzipped.json()).toEqual({ data: { __typename: 'Query' } });

    const get = (search: string) =>
      fetch(`${url}/graphql?query=${encodeURIComponent(LISTED)}&${search}`, { headers: { authorization } });
    for (const search of [
      'variables=%7B',
      'extensions=%7B',
      'variables=%7B%22a%22:%22%00%22%7D',
      'variables=5',
      'extensions=%5B%5D',
    ]) {
      const res = await get(search);
      expect([search, res.status]).toEqual([search, 400]);
      const answer = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(answer.errors[0]?.extensions.code).toBe('BAD_REQUEST');
      expect(answer.errors[0]?.message).toMatch(
        /^The (variables|extensions) parameter (is not valid JSON|must be a JSON object)$/,
      );
    }
    expect(await (await get('variables=%7B%7D')).json()).toEqual({ data: { __typename: 'Query' } });
    expect(await (await get('variables=null')).json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('registers automatic persisted queries, and then runs them by hash alone, by POST or GET', async () => {
    const hash = sha256(LISTED);
    const byHash = { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } };
    const unknown = await post(byHash);
    expect(unknown.status).toBe(200);
    expect(((await unknown.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe(
      'PERSISTED_QUERY_NOT_FOUND',
    );
    expect(await (await post({ query: LISTED, ...byHash })).json()).toEqual({ data: { __typename: 'Query' } });
    expect(await (await post(byHash)).json()).toEqual({ data: { __typename: 'Query' } });
    expect(await (await post({ documentId: `sha256:${hash}` })).json()).toEqual({ data: { __typename: 'Query' } });
    const get = await fetch(`${url}/graphql?documentId=${hash}`, {
      headers: { authorization, 'apollo-require-preflight': 'true' },
    });
    expect(await get.json()).toEqual({ data: { __typename: 'Query' } });

    const mismatched = await post({ query: UNLISTED, ...byHash });
    expect(mismatched.status).toBe(400);
  });
});

describe('trusted documents', () => {
  let url: string;
  let gateway: Gateway;
  let authorization: string;
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'trusted-documents-'));
    const manifest = path.join(dir, 'persisted-documents.json');
    writeFileSync(manifest, JSON.stringify({ [sha256(LISTED)]: LISTED }));
    ({ gateway, url } = await startGateway({ TRUSTED_DOCUMENTS: manifest }));
    authorization = await bearer('caseworker');
  });
  afterAll(() => gateway.close());

  const post = (body: unknown) =>
    fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify(body),
    });
  const refusal = async (res: Response) => {
    expect(res.status).toBe(400);
    const body = (await res.json()) as { data?: unknown; errors: { message: string; extensions: { code: string } }[] };
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining("Only the gateway's trusted documents run here"),
        extensions: expect.objectContaining({ code: 'PERSISTED_QUERY_NOT_FOUND' }),
      }),
    ]);
  };

  it('runs an operation of the manifest, named by documentId or persisted-query hash, or sent whole', async () => {
    const hash = sha256(LISTED);
    for (const body of [
      { documentId: hash },
      { documentId: `sha256:${hash}` },
      { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } },
      { query: LISTED },
    ]) {
      const res = await post(body);
      expect([res.status, await res.json()]).toEqual([200, { data: { __typename: 'Query' } }]);
    }
    const get = await fetch(`${url}/graphql?documentId=sha256:${hash}`, {
      headers: { authorization, 'apollo-require-preflight': 'true' },
    });
    expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses any other operation with PERSISTED_QUERY_NOT_FOUND, however it is sent, and never registers it', async () => {
    const hash = sha256(UNLISTED);
    await refusal(await post({ query: UNLISTED }));
    // An automatic-persisted-queries client's registration: refused, and the hash stays unknown after.
    await refusal(await post({ query: UNLISTED, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }));
    await refusal(await post({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }));
    await refusal(await post({ documentId: hash }));
    // A listed hash does not vouch for another text.
    await refusal(
      await post({ query: UNLISTED, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(LISTED) } } }),
    );
    await refusal(
      await fetch(`${url}/graphql?query=${encodeURIComponent(UNLISTED)}`, {
        headers: { authorization, 'apollo-require-preflight': 'true' },
      }),
    );
    // Not even parsed: a broken document is refused the same way.
    await refusal(await post({ query: '{ __typename' }));
  });

  it('refuses at start a manifest whose hashes are not the sha256 of their documents', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'trusted-documents-'));
    const sha1 = path.join(dir, 'sha1.json');
    writeFileSync(sha1, JSON.stringify({ '2fd4e1c67a2d28fced849ee1bb76e7391b93eb12': LISTED }));
    expect(() => readGatewayConfig({ TRUSTED_DOCUMENTS: sha1 })).toThrow(
      /TRUSTED_DOCUMENTS is not a usable manifest: .*is not the sha256 of its document/,
    );
    expect(() => readGatewayConfig({ TRUSTED_DOCUMENTS: path.join(dir, 'missing.json') })).toThrow(
      /TRUSTED_DOCUMENTS is not a usable manifest: cannot read/,
    );
  });
});
