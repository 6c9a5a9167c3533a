import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { readGatewayConfig } from '../../gateway/src/config';
import { createGateway } from '../../gateway/src/gateway';
import { runAsService } from '@ccsc/platform';
import { SERVICE_ENTRIES } from '../services';
import type { PlatformServer, ServerRunner } from './launch';

export interface InProcessService extends PlatformServer {
  app: INestApplication;
}

// Callers reach the services through the gateway, which binds where its HOST says.
const LOOPBACK = '127.0.0.1';

/**
 * Every server in this process, sharing its in-process event bus (unless KAFKA_BROKERS is set):
 * what `npm start` and the end-to-end tests run.
 */
export function inProcess(): ServerRunner<InProcessService, PlatformServer> {
  return {
    service: async (name, env, port = 0) => {
      const entry = SERVICE_ENTRIES[name];
      if (!entry) throw new Error(`No ${name} service exists yet`);
      // Everything the service starts (server, timers, consumers) logs under its own name.
      const app = await runAsService(name, async () => {
        const started = await entry.app(entry.readConfig({ ...env, PORT: String(port) }));
        await started.listen(port, LOOPBACK);
        return started;
      });
      const bound = ((app.getHttpServer() as Server).address() as AddressInfo).port;
      return { app, url: `http://${LOOPBACK}:${bound}`, stop: () => runAsService(name, () => app.close()) };
    },
    gateway: async (env, port = 0) => {
      const gateway = await createGateway(readGatewayConfig({ ...env, PORT: String(port) }));
      return { url: await gateway.listen(), stop: () => gateway.close() };
    },
  };
}
