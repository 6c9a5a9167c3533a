import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebhookHttpSender } from './webhook-http-sender';

const message = (url: string) => ({
  url,
  id: 'msg_1',
  body: '{"type":"case.issued"}',
  secrets: [`whsec_${Buffer.alloc(32, 1).toString('base64')}`],
  sentAt: new Date(),
});

describe('webhook HTTP sender', () => {
  let server: Server;
  const sockets: Socket[] = [];
  afterEach(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  it('closes the socket once the status is known, even when the receiver never ends its body', async () => {
    const closed: number[] = [];
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        // Headers now, then a body trickled and never ended: only our side can close this socket.
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('still going');
        const trickle = setInterval(() => res.write('.'), 50);
        res.on('close', () => clearInterval(trickle));
      });
    });
    server.on('connection', (socket: Socket) => {
      sockets.push(socket);
      socket.on('close', () => closed.push(Date.now()));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const timeoutMs = 1_000;
    const sender = new WebhookHttpSender({ allowLoopback: true }, timeoutMs);

    const started = Date.now();
    const outcome = await sender.send(message(`http://127.0.0.1:${port}/hook`));
    expect(outcome).toMatchObject({ statusCode: 200, error: null });
    await new Promise((resolve) => setTimeout(resolve, timeoutMs + 200));
    expect(sockets).toHaveLength(1);
    expect(closed).toHaveLength(1);
    expect(closed[0] - started).toBeLessThan(timeoutMs);
  });

  it('does not call an endpoint whose URL the policy no longer allows', async () => {
    let called = false;
    server = createServer((_req, res) => {
      called = true;
      res.writeHead(200).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const sender = new WebhookHttpSender({ allowLoopback: false }, 1_000);
    const outcome = await sender.send(message('https://localhost./hook'));
    expect(outcome).toMatchObject({ statusCode: null, error: 'the endpoint URL is not allowed' });
    expect(called).toBe(false);
  });
});
