import { createServer, type Server } from 'node:http';
import { readLocalJwks } from '@ccsc/auth';

/** Serves the JWKS of a local signing key over HTTP on the loopback, as an identity provider would. */
export async function serveJwks(keysDir: string): Promise<{ url: string; server: Server }> {
  const jwks = JSON.stringify(readLocalJwks(keysDir));
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(jwks));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/.well-known/jwks.json`, server };
}
