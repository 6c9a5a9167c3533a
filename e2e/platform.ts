import { createServer, Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { readLocalJwks } from '@ccsc/auth';
import { testEnv, TEST_AUDIENCE, TEST_ISSUER } from '@ccsc/testing';
import { startCasesApp } from '../services/cases/test/cases-app';
import { readGatewayConfig } from '../gateway/src/config';
import { createGateway, Gateway } from '../gateway/src/gateway';

export interface RunningPlatform {
  gatewayUrl: string;
  casesUrl: string;
  cases: INestApplication;
  stop(): Promise<void>;
}

/** The cases service listening on a port, and a gateway in front of it, as in production. */
export async function startPlatform(overrides: Record<string, string> = {}): Promise<RunningPlatform> {
  const cases = await startCasesApp();
  await cases.app.listen(0, '127.0.0.1');
  const casesUrl = (await cases.app.getUrl()).replace('[::1]', '127.0.0.1');
  const gateway: Gateway = await createGateway(
    readGatewayConfig({
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      AUTH_LOCAL_KEYS_DIR: testEnv().keysDir,
      AUTH_ISSUER: TEST_ISSUER,
      AUTH_AUDIENCE: TEST_AUDIENCE,
      CASES_URL: casesUrl,
      ...overrides,
    }),
  );
  const gatewayUrl = await gateway.listen();
  return {
    gatewayUrl,
    casesUrl,
    cases: cases.app,
    stop: async () => {
      await gateway.close();
      await cases.close();
    },
  };
}

/** Serves the test signing key's JWKS over HTTP, as an identity provider would. */
export async function serveJwks(): Promise<{ url: string; server: Server }> {
  const jwks = JSON.stringify(readLocalJwks(testEnv().keysDir));
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(jwks));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/.well-known/jwks.json`, server };
}
