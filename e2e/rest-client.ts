// The tests' partner REST client: openapi-fetch over the types openapi-typescript generates from
// contracts/current/openapi.json (`npm run contract:current`), the document the gateway serves at /api/docs. A
// test calling a path, method, parameter or body property the contract lacks, or reading a property an answer
// does not document, does not compile. What the gateway answers is checked against the same document at run
// time (e2e/platform.ts).
import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './generated/openapi';

export type PartnerApi = Client<paths>;
export type Schemas = components['schemas'];

/** The partner API of the gateway at `gatewayUrl`. */
export const partnerApi = (gatewayUrl: string): PartnerApi => createClient<paths>({ baseUrl: gatewayUrl });

/** The headers of a call made as `authorization` (a bearer token), with any others. */
export const as = (authorization: string, headers: Record<string, string> = {}) => ({
  headers: { authorization, ...headers },
});

/**
 * A body or parameter a test sends knowing the contract does not take it (to see the refusal, or a credential
 * check that comes first): the one place a test steps outside the generated types on purpose.
 */
export const offContract = (value: unknown): never => value as never;
