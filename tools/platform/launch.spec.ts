import type { ServiceName } from '@ccsc/contracts';
import type { PlatformDatabase } from './databases';
import { launchPlatform, type Env, type PlatformServer, type ServerRunner } from './launch';

interface FakeServer extends PlatformServer {
  env: Env;
  port?: number;
}

/** Records what the launcher asks of a runner, in order; `failing` refuses to start. */
function fakeRunner(failing?: ServiceName) {
  const events: string[] = [];
  const server = (name: string, env: Env, port?: number): FakeServer => {
    events.push(`start ${name}`);
    return { url: `http://${name}`, env, port, stop: async () => void events.push(`stop ${name}`) };
  };
  const runner: ServerRunner<FakeServer, FakeServer> = {
    service: async (name, env, port) => {
      if (name === failing) throw new Error(`${name} failed`);
      return server(name, env, port);
    },
    gateway: async (env, port) => server('gateway', env, port),
  };
  return { runner, events };
}

// Databases given, so that no PostgreSQL is needed; the launcher must never drop them.
const database = (name: string): PlatformDatabase => ({
  name,
  url: `postgres://db/${name}`,
  drop: () => Promise.reject(new Error(`dropped ${name}`)),
});
const reuse = { cases: database('cases'), payments: database('payments') };

describe('launchPlatform', () => {
  it('starts the services in order on their databases, then the gateway in front of them', async () => {
    const { runner, events } = fakeRunner();
    const platform = await launchPlatform({
      runner,
      services: ['cases', 'payments'],
      databases: { fresh: 'test' },
      reuse,
      ports: { payments: 4104, gateway: 4000 },
      env: { NODE_ENV: 'test', LOG_LEVEL: 'silent' },
      serviceEnv: { DATABASE_POOL_SIZE: '4', LOG_LEVEL: 'warn' },
      gatewayEnv: { RATE_LIMIT_REQUESTS: '1000' },
    });

    expect(events).toEqual(['start cases', 'start payments', 'start gateway']);
    expect(platform.services.payments).toMatchObject({
      port: 4104,
      env: { NODE_ENV: 'test', LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: '4', DATABASE_URL: 'postgres://db/payments' },
    });
    expect(platform.services.cases?.port).toBeUndefined();
    expect(platform.gateway).toMatchObject({
      port: 4000,
      env: {
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        RATE_LIMIT_REQUESTS: '1000',
        CASES_URL: 'http://cases',
        PAYMENTS_URL: 'http://payments',
      },
    });
    expect(platform.gateway?.env.DATABASE_POOL_SIZE).toBeUndefined();
    expect(platform.servers().map((s) => s.url)).toEqual(['http://cases', 'http://payments', 'http://gateway']);
    expect(platform.databases).toEqual(reuse);

    await platform.stop();
    await platform.stop();
    expect(events.slice(3)).toEqual(['stop gateway', 'stop payments', 'stop cases']);
  });

  it('starts no gateway when told not to', async () => {
    const { runner, events } = fakeRunner();
    const options = { runner, services: ['cases' as const], databases: { fresh: 'test' }, reuse, gateway: false };
    const platform = await launchPlatform(options);
    expect(platform.gateway).toBeUndefined();
    await platform.stop();
    expect(events).toEqual(['start cases', 'stop cases']);
  });

  it('stops what had started when a service fails to, and reports that failure', async () => {
    const { runner, events } = fakeRunner('payments');
    await expect(
      launchPlatform({ runner, services: ['cases', 'payments'], databases: { fresh: 'test' }, reuse }),
    ).rejects.toThrow('payments failed');
    expect(events).toEqual(['start cases', 'stop cases']);
  });

  it('refuses a database it has no PostgreSQL for', async () => {
    const { runner, events } = fakeRunner();
    await expect(launchPlatform({ runner, services: ['queries'], databases: { fresh: 'test' } })).rejects.toThrow(
      'No PostgreSQL server for the queries database',
    );
    expect(events).toEqual([]);
  });
});
