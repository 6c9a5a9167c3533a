// Responses are checked field by field in the tests, so a loose type is enough here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = Record<string, any>;

export interface GraphQLResponse {
  status: number;
  body: { data?: Loose; errors?: { message: string; extensions: Loose }[] };
}

export async function graphql(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  authorization?: string,
): Promise<GraphQLResponse> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as GraphQLResponse['body'] };
}

/** The data of an operation that must succeed: a response with errors fails the test, naming them. */
export async function graphqlData(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  authorization: string,
): Promise<Loose> {
  const res = await graphql(url, query, variables, authorization);
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data).toBeDefined();
  return res.body.data as Loose;
}
