import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { takeContractMismatches } from './contract-mismatches';
import { OpenApiContract } from './openapi-contract';
import { watchResponses } from './response-watch';

const contract = new OpenApiContract({
  openapi: '3.1.0',
  info: { title: 'test', version: '1' },
  paths: {
    '/api/v1/things/{id}': {
      get: {
        operationId: 'ThingController_get',
        responses: {
          '200': {
            description: 'the thing',
            content: {
              'application/json': {
                schema: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
              },
            },
          },
        },
      },
    },
  },
});

describe('watching a server’s answers', () => {
  let server: Server;
  let url: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/api/v1/things/good')
        return void res.setHeader('content-type', 'application/json').end('{"id":"a"}');
      // As a proxy answers: the headers in writeHead, the body in pieces.
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
      res.write('{"id":1,');
      res.end(Buffer.from('"extra":true}'));
    });
    watchResponses(server, async () => contract);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('checks every answer against the contract, however it was written, and keeps what does not match', async () => {
    await (await fetch(`${url}/api/v1/things/good`)).text();
    await (await fetch(`${url}/api/v1/things/bad`)).text();
    expect(await takeContractMismatches()).toEqual([
      {
        kind: 'mismatch',
        operation: 'GET /api/v1/things/{id} (ThingController_get)',
        status: 200,
        error: '/id: must be string; (the body): property "extra" is not documented',
      },
    ]);
    expect(await takeContractMismatches()).toEqual([]);
  });
});
