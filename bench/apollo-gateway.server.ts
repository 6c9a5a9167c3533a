// Apollo Gateway 2 (@apollo/gateway on @apollo/server 5) over the platform's own supergraph, as a
// child process of gateway-cost.bench.ts: the engine the gateway ran before Hive Gateway, kept as the
// yardstick of issue 20 (the gateway's own CPU per request against Apollo Gateway's, in one run).
//
//   APOLLO_SUPERGRAPH=<file> PORT=<port> AUTH_LOCAL_KEYS_DIR=<dir> node tools/run.js bench/apollo-gateway.server.ts
//
// Configured as gateway/src/gateway.ts had it (git history, before the switch): the supergraph's
// subgraphs called through RemoteGraphQLDataSource with Node's own fetch (undici, keep-alive) and the
// caller's own token, GraphQL Armor's limits as Apollo Server options (apolloGraphQLLimits, so both
// gateways judge the same limits), the platform's error format, no landing page. The subgraph URLs
// are those written in APOLLO_SUPERGRAPH (the bench rewrites them to this run's services).
//
// Lean on purpose: a node:http server with the same edge token check as bench/hive-gateway.server.ts
// (TokenVerifier, before any GraphQL work), and none of our gateway's Express stack (request logs,
// metrics, rate limit, security headers, persisted documents): what it costs is Apollo Gateway's own,
// so our gateway's cost is compared against Apollo Gateway at its leanest.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer, HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { authOptionsFrom, TokenVerifier } from '@ccsc/auth';
import { apolloGraphQLLimits, formatGraphQLError, graphqlLimitSettings, readConfig } from '@ccsc/platform';

interface Context {
  authorization?: string;
}

/** Calls a subgraph with the caller's own token: the subgraph authorises, the gateway only authenticates. */
class AuthorizationDataSource extends RemoteGraphQLDataSource<Context> {
  override willSendRequest({
    request,
    context,
  }: Parameters<NonNullable<RemoteGraphQLDataSource<Context>['willSendRequest']>>[0]) {
    if (context.authorization) request.http?.headers.set('authorization', context.authorization);
  }
}

type Fetcher = NonNullable<NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher']>;
/** Node's own fetch (undici's keep-alive pool); Apollo's types name their own fetch shape, the same at run time. */
const subgraphFetch = fetch as unknown as Fetcher;

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

const UNAUTHENTICATED = '{"errors":[{"message":"unauthenticated","extensions":{"code":"UNAUTHENTICATED"}}]}';

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(): Promise<void> {
  const supergraphSdl = readFileSync(required('APOLLO_SUPERGRAPH'), 'utf8');
  const port = Number(required('PORT'));
  const production = process.env.NODE_ENV === 'production';
  const verifier = new TokenVerifier(
    authOptionsFrom({
      NODE_ENV: 'test',
      AUTH_LOCAL_KEYS_DIR: required('AUTH_LOCAL_KEYS_DIR'),
      AUTH_ISSUER: process.env.AUTH_ISSUER ?? 'ccsc-local',
      AUTH_AUDIENCE: process.env.AUTH_AUDIENCE ?? 'ccsc-api',
    }),
  );
  // Depth, aliases, tokens, directives and cost, judged before anything is planned or fetched.
  const limits = apolloGraphQLLimits(readConfig(graphqlLimitSettings, process.env), production);
  const apollo = new ApolloServer<Context>({
    gateway: new ApolloGateway({
      supergraphSdl,
      buildService: ({ url }) => new AuthorizationDataSource({ url, fetcher: subgraphFetch }),
    }),
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    formatError: formatGraphQLError(!production),
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    plugins: [...limits.plugins, ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();

  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    const [path = '', search = ''] = (req.url ?? '').split(/(?=\?)/);
    if (path === '/healthcheck') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    if (path !== '/graphql') return void res.writeHead(404).end();
    const token = TokenVerifier.bearerOf(req.headers.authorization);
    try {
      if (!token) throw new Error('no token');
      await verifier.verify(token);
    } catch {
      req.resume();
      return void res.writeHead(401, { 'content-type': 'application/json' }).end(UNAUTHENTICATED);
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers))
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    let body: unknown;
    if (req.method === 'POST') {
      try {
        body = JSON.parse(await readBody(req)) as unknown;
      } catch {
        return void res
          .writeHead(400, { 'content-type': 'application/json' })
          .end('{"errors":[{"message":"bad JSON"}]}');
      }
    }
    const httpGraphQLRequest: HTTPGraphQLRequest = { method: req.method ?? 'GET', headers, search, body };
    const answer = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest,
      context: async () => ({ authorization: req.headers.authorization }),
    });
    for (const [key, value] of answer.headers) res.setHeader(key, value);
    res.statusCode = answer.status ?? 200;
    if (answer.body.kind === 'complete') return void res.end(answer.body.string);
    for await (const chunk of answer.body.asyncIterator) res.write(chunk);
    res.end();
  };
  const server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"errors":[{"message":"internal error","extensions":{"code":"INTERNAL_SERVER_ERROR"}}]}');
    });
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  process.stdout.write(`${JSON.stringify({ msg: `apollo gateway listening on ${port}` })}\n`);
  const stop = () => {
    server.closeAllConnections();
    server.close(() => void apollo.stop().finally(() => process.exit(0)));
    setTimeout(() => process.exit(0), 2_000).unref();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
