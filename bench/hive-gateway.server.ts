// Hive Gateway (The Guild's federation gateway, @graphql-hive/gateway-runtime: the engine the
// `hive-gateway` CLI of @graphql-hive/gateway runs) over the platform's own supergraph, as a child
// process of gateway-cost.bench.ts.
//
//   HIVE_SUPERGRAPH=<file> HIVE_PLANNER=js|rust PORT=<port> AUTH_LOCAL_KEYS_DIR=<dir> node tools/run.js bench/hive-gateway.server.ts
//
// HIVE_PLANNER=rust plugs in @graphql-hive/router-runtime's unifiedGraphHandler: query plans from
// the Rust planner of Hive Router (a napi binary), executed by the same runtime.
//
// Edge authentication as our gateway does it (the same TokenVerifier, before any GraphQL work),
// and the caller's token passed on to the subgraphs, which authorise; so the two gateways do the
// same work per request apart from the gateway engine itself.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { authOptionsFrom, TokenVerifier } from '@ccsc/auth';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

async function main(): Promise<void> {
  const supergraph = readFileSync(required('HIVE_SUPERGRAPH'), 'utf8');
  const planner = process.env.HIVE_PLANNER === 'rust' ? 'rust' : 'js';
  const port = Number(required('PORT'));
  const verifier = new TokenVerifier(
    authOptionsFrom({
      NODE_ENV: 'test',
      AUTH_LOCAL_KEYS_DIR: required('AUTH_LOCAL_KEYS_DIR'),
      AUTH_ISSUER: process.env.AUTH_ISSUER ?? 'ccsc-local',
      AUTH_AUDIENCE: process.env.AUTH_AUDIENCE ?? 'ccsc-api',
    }),
  );
  const gateway = createGatewayRuntime({
    supergraph,
    logging: false,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    ...(planner === 'rust' ? { unifiedGraphHandler } : {}),
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get('authorization') ?? '' }),
    },
  });
  const server = createServer((req, res) => {
    if (req.url === '/graphql' && req.method === 'POST') {
      const token = TokenVerifier.bearerOf(req.headers.authorization);
      const verified = token ? verifier.verify(token) : Promise.reject(new Error('no token'));
      verified.then(
        () => void gateway(req, res),
        () =>
          void res
            .writeHead(401, { 'content-type': 'application/json' })
            .end('{"errors":[{"message":"unauthenticated","extensions":{"code":"UNAUTHENTICATED"}}]}'),
      );
      return;
    }
    void gateway(req, res);
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  process.stdout.write(`${JSON.stringify({ msg: `hive gateway (${planner} planner) listening on ${port}` })}\n`);
  const stop = () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 2_000).unref();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
