// The integration tests' half of the contract check: every answer of a service app under test against that
// service's OpenAPI document as partners get it, i.e. as the gateway merges it into /api/docs (OpenAPI 3.1).
// How the gateway does that is the gateway's business, which a shared library may not import: the test run's
// jest setup (tools/contract/response-contract.setup.ts) says it here once.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { OpenApiContract } from './openapi-contract';
import { watchResponses } from './response-watch';

/** The OpenAPI 3.1 document of the service serving at `serviceUrl`, as the gateway serves its part. */
export type ServiceDocumentReader = (serviceUrl: string) => Promise<Record<string, unknown>>;

let readDocument: ServiceDocumentReader | undefined;

/** Turns the check on for every service app started by startTestService from now on. */
export function checkServiceResponsesWith(reader: ServiceDocumentReader): void {
  readDocument = reader;
}

/**
 * Checks each answer of `app` against its document, when the test run turned the check on. The app then
 * listens on a free loopback port (supertest uses that port rather than one of its own).
 */
export async function watchServiceContract(app: INestApplication): Promise<void> {
  if (!readDocument) return;
  const server = app.getHttpServer() as Server;
  await app.listen(0, '127.0.0.1');
  const { port } = server.address() as AddressInfo;
  const contract = new OpenApiContract(await readDocument(`http://127.0.0.1:${port}`));
  watchResponses(server, async () => contract);
}
