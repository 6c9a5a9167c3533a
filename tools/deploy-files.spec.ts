import { execFileSync, spawnSync } from 'node:child_process';
import {
  accessSync,
  constants,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import * as contracts from '@ccsc/contracts';
import { deadLetterTopic, eventTopic, GATEWAY_PORT, SERVICE_NAMES, SERVICES, type ServiceName } from '@ccsc/contracts';
import { ORGANISATION_ROLES, ROLES } from '@ccsc/auth/principal';
import { ConfigError, DEMO_REALM, PUBLISHED_SECRETS, serviceSettings } from '@ccsc/platform';
import { gatewaySettings, readGatewayConfig } from '../gateway/src/config';
import { IMAGE_RUNTIME } from './platform/node-flags';
import { casesSettings, readCasesConfig } from '../services/cases/src/config';
import { paymentsSettings, readPaymentsConfig } from '../services/payments/src/config';
import { queriesSettings, readQueriesConfig } from '../services/queries/src/config';
import { complaintsSettings, readComplaintsConfig } from '../services/complaints/src/config';
import { enforcementSettings, readEnforcementConfig } from '../services/enforcement/src/config';

type Source = Record<string, string | undefined>;
/** How each service and the gateway read their settings at start-up. */
const CONFIG_READERS: Record<ServiceName | 'gateway', (source: Source) => unknown> = {
  cases: readCasesConfig,
  payments: readPaymentsConfig,
  queries: readQueriesConfig,
  complaints: readComplaintsConfig,
  enforcement: readEnforcementConfig,
  gateway: readGatewayConfig,
};

/** What each service reads from its environment. */
const SERVICE_SETTINGS: Record<(typeof SERVICE_NAMES)[number], object> = {
  cases: casesSettings,
  payments: paymentsSettings,
  queries: queriesSettings,
  complaints: complaintsSettings,
  enforcement: enforcementSettings,
};

// The container and operations files are configuration that nothing else runs in CI (there is no
// Docker engine there): this test is what keeps them in step with the code. It parses them and
// checks the properties the platform relies on, and runs `docker-compose config` where it exists.

const ROOT = path.join(__dirname, '..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

type Env = Record<string, string | number | boolean | null>;
interface ComposeService {
  image?: string;
  build?: { context?: string; args?: Record<string, string> };
  command?: string[] | string;
  entrypoint?: string[] | string;
  environment?: Env;
  depends_on?: Record<string, { condition?: string }> | string[];
  healthcheck?: { test?: string[] | string };
  profiles?: string[];
  ports?: string[];
  restart?: string;
  volumes?: string[];
  stop_grace_period?: string;
}
interface Compose {
  version?: unknown;
  services: Record<string, ComposeService>;
}

// Compose files lean on YAML merge keys (`<<: *anchor`); docker-compose resolves them, and so must we.
const composeText = read('docker-compose.yml');
const compose = parse(composeText, { merge: true }) as Compose;
const demoCompose = parse(read('docker-compose.demo.yml'), { merge: true }) as Compose;
/** deploy/demo.env: the demo's published values, by variable. */
const demoEnv: Record<string, string> = Object.fromEntries(
  read('deploy/demo.env')
    .split('\n')
    .filter((line) => /^\w+=/.test(line))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
);
/** The variables docker-compose.yml refuses to start without (`${NAME:?message}`). */
const requiredVariables = [
  ...new Set([...composeText.matchAll(/\$\{(\w+):\?/g)].map(([, name]) => name as string)),
].sort();
/**
 * What GOV.UK Notify issues, which deploy/generate-env.sh takes from its caller: an API key in Notify's
 * format (`<key name>-<service id>-<secret>`, two UUIDs) and the ids of the two pass-through templates.
 * Well-formed, and published nowhere but here.
 */
const notifyIssued: Record<string, string> = {
  NOTIFY_API_KEY: 'ccsc-live-3d4f6b1e-8a2c-4e7f-9b5d-1c0e2a3f4b5c-7e9a1b3c-5d6f-4a8b-9c0d-2e4f6a8b0c1d',
  NOTIFY_EMAIL_TEMPLATE_ID: '0f7c2a9e-4b1d-4c6e-8a3f-5d2b9e7c1a04',
  NOTIFY_SMS_TEMPLATE_ID: '6a1e8c3b-2d9f-4e7a-b5c0-9f4d1e2a3b68',
};
/** What else deploy/generate-env.sh takes from its caller: the origins card payers return to. */
const callerChosen: Record<string, string> = {
  ...notifyIssued,
  CARD_RETURN_ORIGINS: 'https://claims.service.example,https://fines.service.example',
};
/** Values whose format a service checks: the caller's, and the 32 bytes of the webhook secrets' key. */
const WELL_FORMED: Record<string, string> = {
  ...callerChosen,
  WEBHOOK_SECRETS_KEY: Buffer.alloc(32, 7).toString('base64'),
};
/** What a service reads from GOV.UK Notify's side, all four required in production by those that send. */
const NOTIFY_VARIABLES = [
  'NOTIFY_API_KEY',
  'NOTIFY_CALLBACK_TOKEN',
  'NOTIFY_EMAIL_TEMPLATE_ID',
  'NOTIFY_SMS_TEMPLATE_ID',
];
/** Whether a service sends letters, emails and texts through Notify (it spreads correspondenceSettings). */
const sendsCorrespondence = (name: ServiceName) => 'NOTIFY_API_KEY' in SERVICE_SETTINGS[name];
const services = compose.services;
const service = (name: string): ComposeService => {
  const found = services[name];
  if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
};
const env = (s: ComposeService): Record<string, string> =>
  Object.fromEntries(Object.entries(s.environment ?? {}).map(([k, v]) => [k, v === null ? '' : String(v)]));
const text = (value: string[] | string | undefined) => (Array.isArray(value) ? value.join(' ') : (value ?? ''));
const dependsOn = (s: ComposeService, on: string) => {
  const deps = s.depends_on;
  if (!deps) return undefined;
  if (Array.isArray(deps)) return deps.includes(on) ? 'service_started' : undefined;
  return deps[on] ? (deps[on].condition ?? 'service_started') : undefined;
};
/** A value as docker compose resolves it from `variables`: `${NAME:-default}` or `${NAME:?message}`. */
const interpolated = (value: string, variables: Record<string, string> = {}) =>
  value.replace(
    /\$\{(\w+):([-?])([^}]*)\}/g,
    (_m, name: string, kind: string, rest: string) => variables[name] ?? (kind === '-' ? rest : `<${name}>`),
  );

// The README's configuration tables name every setting as `NAME`, as tools/readme-config.spec.ts checks;
// only its Configuration section counts, so a mention elsewhere is not mistaken for documentation.
const readme = read('README.md');
const configStart = readme.indexOf('\n## Configuration');
const configEnd = readme.indexOf('\n## ', configStart + 1);
const configuration = configStart < 0 ? '' : readme.slice(configStart, configEnd < 0 ? undefined : configEnd);
const documented = (name: string) => configuration.includes(`\`${name}\``);
const migrateSettings = (name: string) => ['DATABASE_URL', `${name.toUpperCase()}_DATABASE_URL`];

describe('docker-compose.yml', () => {
  it('finds the README configuration section it checks settings against', () => {
    expect(configuration).toMatch(/^\n## Configuration\n/);
  });

  it('follows the Compose Specification (no top-level version)', () => {
    expect(compose.version).toBeUndefined();
  });

  describe.each(SERVICE_NAMES)('%s', (name) => {
    const app = service(name);
    const migrate = service(`${name}-migrate`);

    it('is built from the root Dockerfile for its own app', () => {
      expect(app.build?.context).toBe('.');
      expect(app.build?.args?.APP).toBe(`services/${name}`);
    });

    it('has a one-shot migration job on the same image that it waits for', () => {
      expect(text(migrate.command)).toBe(`node dist/tools/migrate.js ${name}`);
      expect(migrate.image).toBe(app.image);
      expect(migrate.build?.args?.APP).toBe(`services/${name}`);
      expect(migrate.restart).toBe('no');
      expect(env(migrate).DATABASE_URL).toBe(env(app).DATABASE_URL);
      expect(dependsOn(migrate, 'postgres')).toBe('service_healthy');
      expect(dependsOn(app, `${name}-migrate`)).toBe('service_completed_successfully');
    });

    it('starts only after every topic, principal and ACL exists, and never creates topics itself', () => {
      expect(dependsOn(app, 'kafka-topics')).toBe('service_completed_successfully');
      expect(dependsOn(app, 'kafka-acls')).toBe('service_completed_successfully');
      expect(env(app).KAFKA_CREATE_TOPICS).toBe('false');
      expect(env(app).KAFKA_BROKERS).toBe('kafka:9092');
    });

    it('authenticates to Kafka as its own principal, with a password from the environment', () => {
      const e = env(app);
      expect(e.KAFKA_SASL_MECHANISM).toBe('scram-sha-512');
      expect(e.KAFKA_SASL_USERNAME).toBe(name);
      expect(e.KAFKA_SASL_PASSWORD).toMatch(new RegExp(`^\\$\\{${name.toUpperCase()}_KAFKA_PASSWORD:\\?[^}]+\\}$`));
    });

    it('listens on its port, connects to its own database as its own role and checks tokens against Keycloak', () => {
      const e = env(app);
      expect(Number(e.PORT)).toBe(SERVICES[name].port);
      expect(e.DATABASE_URL).toMatch(
        new RegExp(`^postgres://${name}:\\$\\{${name.toUpperCase()}_DB_PASSWORD:\\?[^}]+\\}@postgres:5432/${name}$`),
      );
      expect(e.NODE_ENV).toBe('production');
      expect(e.AUTH_JWKS_URL).toMatch(/^http:\/\/keycloak:8080\/realms\/[\w-]+\/protocol\/openid-connect\/certs$/);
      expect(e.AUTH_ISSUER).toBeTruthy();
      expect(e.AUTH_AUDIENCE).toBeTruthy();
      expect(e.AUTH_LOCAL_KEYS_DIR).toBeUndefined();
    });

    it('is healthy only when /health/ready answers', () => {
      expect(text(app.healthcheck?.test)).toContain(`http://127.0.0.1:${SERVICES[name].port}/health/ready`);
    });

    it('gets more time to stop than SHUTDOWN_GRACE_MS', () => {
      const grace = serviceSettings.SHUTDOWN_GRACE_MS.parse(env(app).SHUTDOWN_GRACE_MS, 'SHUTDOWN_GRACE_MS');
      expect(parseDuration(app.stop_grace_period ?? '10s')).toBeGreaterThan(grace);
    });

    it('reads only settings that exist and that the README documents', () => {
      const known = new Set(Object.keys(SERVICE_SETTINGS[name]));
      for (const key of Object.keys(env(app))) {
        expect({ key, known: known.has(key), documented: documented(key) }).toEqual({
          key,
          known: true,
          documented: true,
        });
      }
      for (const key of Object.keys(env(migrate))) {
        expect({
          key,
          known: migrateSettings(name).includes(key),
          documented: documented(key) || key.endsWith('_DATABASE_URL'),
        }).toEqual({ key, known: true, documented: true });
      }
    });
  });

  describe('gateway', () => {
    const gateway = service('gateway');

    it('is built for the gateway and published on :4000', () => {
      expect(gateway.build?.args?.APP).toBe('gateway');
      expect(Number(env(gateway).PORT)).toBe(GATEWAY_PORT);
      expect(gateway.ports).toContain(`${GATEWAY_PORT}:${GATEWAY_PORT}`);
      expect(text(gateway.healthcheck?.test)).toContain(`http://127.0.0.1:${GATEWAY_PORT}/health/ready`);
    });

    it.each(SERVICE_NAMES)('routes to %s and waits until it is healthy', (name) => {
      expect(env(gateway)[`${name.toUpperCase()}_URL`]).toBe(`http://${name}:${SERVICES[name].port}`);
      expect(dependsOn(gateway, name)).toBe('service_healthy');
    });

    it('checks tokens exactly as the services do', () => {
      for (const key of ['AUTH_JWKS_URL', 'AUTH_ISSUER', 'AUTH_AUDIENCE', 'NODE_ENV']) {
        expect({ key, value: env(gateway)[key] }).toEqual({ key, value: env(service('cases'))[key] });
      }
    });

    it('reads only settings that exist and that the README documents', () => {
      for (const key of Object.keys(env(gateway))) {
        expect({ key, known: key in gatewaySettings, documented: documented(key) }).toEqual({
          key,
          known: true,
          documented: true,
        });
      }
    });
  });

  describe('Kafka', () => {
    const kafka = service('kafka');
    const init = service('kafka-topics');
    const script = text(init.command);
    const created = [...script.matchAll(/^\s*create\s+(\S+)\s+"\$\$(\w+)"\s*$/gm)].map(([, topic, retention]) => ({
      topic,
      retention,
    }));

    it('is a single KRaft node of Apache Kafka 4.4.0 that never creates topics on the fly', () => {
      expect(kafka.image).toBe('apache/kafka:4.4.0');
      expect(env(kafka).KAFKA_PROCESS_ROLES).toBe('broker,controller');
      expect(env(kafka).KAFKA_AUTO_CREATE_TOPICS_ENABLE).toBe('false');
      expect(env(kafka).CLUSTER_ID).toMatch(/^[A-Za-z0-9_-]{22}$/);
    });

    it('has a one-shot job that creates topics once the broker is healthy', () => {
      expect(init.restart).toBe('no');
      expect(dependsOn(init, 'kafka')).toBe('service_healthy');
      expect(script).toMatch(/--create --if-not-exists/);
      expect(script).toMatch(/--partitions "\$\$TOPIC_PARTITIONS"/);
      expect(script).toMatch(/--config "retention\.ms=\$\$2"/);
      expect(Number(env(init).TOPIC_PARTITIONS)).toBeGreaterThanOrEqual(1);
    });

    it('creates exactly the topics of every service, each with a retention', () => {
      const expected = SERVICE_NAMES.flatMap((name) => [eventTopic(name), deadLetterTopic(name)]);
      expect(created.map((c) => c.topic).sort()).toEqual([...expected].sort());
      for (const { topic, retention } of created) {
        expect({ topic, retentionMs: env(init)[retention ?? ''] }).toEqual({
          topic,
          retentionMs: expect.stringMatching(/^-?\d+$/),
        });
      }
    });

    it('authenticates every listener and denies what no ACL allows, with the admin as the only super user', () => {
      const e = env(kafka);
      expect(e.KAFKA_LISTENER_SECURITY_PROTOCOL_MAP?.split(',').map((l) => l.split(':')[1])).toEqual([
        'SASL_PLAINTEXT',
        'SASL_PLAINTEXT',
        'SASL_PLAINTEXT',
      ]);
      expect(e.KAFKA_LISTENER_NAME_INTERNAL_SASL_ENABLED_MECHANISMS).toContain('SCRAM-SHA-512');
      expect(e.KAFKA_LISTENER_NAME_HOST_SASL_ENABLED_MECHANISMS).toBe('SCRAM-SHA-512');
      expect(e.KAFKA_AUTHORIZER_CLASS_NAME).toBe('org.apache.kafka.metadata.authorizer.StandardAuthorizer');
      expect(e.KAFKA_SUPER_USERS).toBe('User:admin');
      expect(e.KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND).toBeUndefined();
      expect(e.KAFKA_LISTENER_NAME_INTERNAL_PLAIN_SASL_JAAS_CONFIG).toContain('password="${KAFKA_ADMIN_PASSWORD:?');
    });

    it('has a one-shot job that creates a principal per service and its ACLs once the broker is healthy', () => {
      const acls = service('kafka-acls');
      expect(acls.restart).toBe('no');
      expect(dependsOn(acls, 'kafka')).toBe('service_healthy');
      expect(text(acls.entrypoint)).toBe('bash /opt/ccsc/create-users-and-acls.sh');
      for (const name of [...SERVICE_NAMES, 'replay'])
        expect(env(acls)).toHaveProperty(`${name.toUpperCase()}_KAFKA_PASSWORD`);
    });

    it('lets each service read exactly the events its consumers handle', () => {
      const script = read('deploy/kafka/create-users-and-acls.sh');
      const declared = Object.fromEntries(
        [...script.matchAll(/^\s*"(\w+): ([\w ]+)"$/gm)].map(([, name, producers]) => [
          name,
          (producers ?? '').split(' ').sort(),
        ]),
      );
      expect(declared).toEqual(Object.fromEntries(SERVICE_NAMES.map((name) => [name, consumedProducers(name)])));
    });

    it('is not told to create topics by anyone else', () => {
      for (const [name, s] of Object.entries(services)) {
        if ('KAFKA_BROKERS' in env(s))
          expect({ name, create: env(s).KAFKA_CREATE_TOPICS }).toEqual({ name, create: 'false' });
      }
    });
  });

  describe('Keycloak', () => {
    const keycloak = service('keycloak');
    const realm = readRealm();

    it('imports the realm file at start', () => {
      expect(keycloak.image).toMatch(/^quay\.io\/keycloak\/keycloak:\d+\.\d+\.\d+$/);
      expect(text(keycloak.command)).toBe('start-dev --import-realm');
      expect(keycloak.volumes).toContain(
        './deploy/keycloak/ccsc-realm.json:/opt/keycloak/data/import/ccsc-realm.json:ro',
      );
      expect(env(keycloak).KEYCLOAK_SYSTEM_CLIENT_SECRET).toMatch(/^\$\{KEYCLOAK_SYSTEM_CLIENT_SECRET:\?/);
    });

    it('issues tokens for the issuer and from the JWKS that the services expect', () => {
      const cases = env(service('cases'));
      expect(cases.AUTH_ISSUER).toBe(`${env(keycloak).KC_HOSTNAME}/realms/${realm.realm}`);
      expect(cases.AUTH_JWKS_URL).toBe(`http://keycloak:8080/realms/${realm.realm}/protocol/openid-connect/certs`);
    });
  });

  describe('observability profile', () => {
    it.each(['prometheus', 'grafana'])('%s runs only with --profile observability', (name) => {
      expect(service(name).profiles).toEqual(['observability']);
    });
  });

  describe('secrets', () => {
    it('has no default for any password or secret: each is required from the environment', () => {
      expect([...composeText.matchAll(/\$\{(\w*(?:PASSWORD|SECRET|TOKEN|KEY)\w*):-/g)].map(([, name]) => name)).toEqual(
        [],
      );
      expect(requiredVariables).toEqual(
        expect.arrayContaining([
          'POSTGRES_PASSWORD',
          'KAFKA_ADMIN_PASSWORD',
          'KEYCLOAK_ADMIN_PASSWORD',
          'KEYCLOAK_SYSTEM_CLIENT_SECRET',
          'CARD_PROVIDER_SECRET',
          'WEBHOOK_SECRETS_KEY',
          'GRAFANA_ADMIN_PASSWORD',
          'METRICS_TOKEN',
          ...NOTIFY_VARIABLES,
        ]),
      );
    });

    it.each(SERVICE_NAMES)(
      'gives %s the GOV.UK Notify settings from the environment if it sends correspondence',
      (name) => {
        const e = env(service(name));
        for (const variable of NOTIFY_VARIABLES)
          expect({ variable, value: e[variable] }).toEqual({
            variable,
            value: sendsCorrespondence(name)
              ? expect.stringMatching(new RegExp(`^\\$\\{${variable}:\\?[^}]+\\}$`))
              : undefined,
          });
      },
    );

    it('gives each service its own PostgreSQL role, owning only its database', () => {
      const postgres = service('postgres');
      expect(postgres.volumes).toContain(
        './deploy/postgres/create-databases.sh:/docker-entrypoint-initdb.d/create-databases.sh:ro',
      );
      const init = read('deploy/postgres/create-databases.sh');
      expect(init).toMatch(/for service in cases queries complaints payments enforcement; do/);
      expect(init).toMatch(/CREATE ROLE :"role" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'password';/);
      expect(init).toMatch(
        /CREATE DATABASE :"role" OWNER :"role";\s*REVOKE ALL ON DATABASE :"role" FROM PUBLIC;\s*GRANT CONNECT, TEMPORARY ON DATABASE :"role" TO :"role";/,
      );
      for (const name of SERVICE_NAMES)
        expect(env(postgres)[`${name.toUpperCase()}_DB_PASSWORD`]).toMatch(
          new RegExp(`^\\$\\{${name.toUpperCase()}_DB_PASSWORD:\\?`),
        );
    });

    it('keeps the demo values in deploy/demo.env, each secret known to production as published', () => {
      expect(Object.keys(demoEnv).sort()).toEqual(requiredVariables);
      // The pages card payers return to are no secret: the demo's are the documentation's example pages.
      for (const [name, value] of Object.entries(demoEnv).filter(([name]) => name !== 'CARD_RETURN_ORIGINS'))
        expect({ name, published: PUBLISHED_SECRETS.includes(value) }).toEqual({ name, published: true });
    });

    const generateEnv = (variables: Record<string, string>) =>
      spawnSync('bash', ['deploy/generate-env.sh'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, ...variables },
      });

    it("writes every required variable with deploy/generate-env.sh: Notify's and the return origins from its caller, the others random", () => {
      const run = generateEnv(callerChosen);
      expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
      const generated = run.stdout.trim().split('\n');
      expect(generated.map((line) => line.split('=')[0]).sort()).toEqual(requiredVariables);
      for (const line of generated) {
        const name = line.slice(0, line.indexOf('='));
        // Passwords as 24 random bytes in hex; the webhook secrets' key as the 32 bytes of an AES-256 key.
        const random = name === 'WEBHOOK_SECRETS_KEY' ? /^\w+=[A-Za-z0-9+/]{43}=$/ : /^\w+=[0-9a-f]{48}$/;
        expect(line).toEqual(name in callerChosen ? `${name}=${callerChosen[name]}` : expect.stringMatching(random));
      }
    });

    it.each([
      [undefined, /^set CARD_RETURN_ORIGINS \(the https origins/],
      ['https://pay.example, https://fines.example', /^CARD_RETURN_ORIGINS must list https origins/],
      ['http://pay.example', /^CARD_RETURN_ORIGINS must list https origins/],
      ['https://pay.example/return', /^CARD_RETURN_ORIGINS must list https origins/],
      ['https://Pay.Example', /^CARD_RETURN_ORIGINS must list https origins/],
      ['https://pay.example:443', /^CARD_RETURN_ORIGINS must list https origins/],
      ['https://pay.example.', /^CARD_RETURN_ORIGINS must list https origins/],
    ])('refuses with deploy/generate-env.sh, printing nothing, CARD_RETURN_ORIGINS=%s', (origins, message) => {
      const run = generateEnv({ ...notifyIssued, ...(origins === undefined ? {} : { CARD_RETURN_ORIGINS: origins }) });
      expect(run.status).not.toBe(0);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(message);
    });

    it("refuses with deploy/generate-env.sh, printing nothing, without Notify's values, naming each missing", () => {
      const run = generateEnv({ NOTIFY_API_KEY: notifyIssued.NOTIFY_API_KEY ?? '' });
      expect(run.status).not.toBe(0);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^set NOTIFY_EMAIL_TEMPLATE_ID NOTIFY_SMS_TEMPLATE_ID \(.*GOV\.UK Notify/);
    });

    it.each(SERVICE_NAMES)('refuses to start %s in production with the demo values', (name) => {
      const source = Object.fromEntries(
        Object.entries(env(service(name))).map(([key, value]) => [key, interpolated(value, demoEnv)]),
      );
      expect(source.NODE_ENV).toBe('production');
      expect(() => CONFIG_READERS[name](source)).toThrow(ConfigError);
    });

    it.each([...SERVICE_NAMES, 'gateway' as const])(
      'refuses to start %s in production against the demo realm',
      (name) => {
        const source = Object.fromEntries(
          Object.entries(env(service(name))).map(([key, value]) => [key, interpolated(value, demoEnv)]),
        );
        expect(() =>
          CONFIG_READERS[name]({ ...source, ...env(demoCompose.services[name] ?? {}), NODE_ENV: 'production' }),
        ).toThrow(/names the demo realm/);
      },
    );

    it.each(SERVICE_NAMES)('starts %s in production with values of its own', (name) => {
      // Well-formed where a format is required: Notify's API key is `<key name>-<service id>-<secret>`.
      const own = {
        ...Object.fromEntries(
          requiredVariables.map((variable) => [variable, `own-${variable.toLowerCase().replace(/_/g, '-')}`]),
        ),
        ...WELL_FORMED,
      };
      const source = Object.fromEntries(
        Object.entries(env(service(name))).map(([key, value]) => [key, interpolated(value, own)]),
      );
      expect(() => CONFIG_READERS[name](source)).not.toThrow();
    });
  });

  describe('the demo (docker-compose.demo.yml)', () => {
    it.each([...SERVICE_NAMES, 'gateway'])('runs %s outside production mode, against the demo realm', (name) => {
      const e = env(demoCompose.services[name] ?? {});
      expect(e.NODE_ENV).toBe('development');
      expect(e.AUTH_ISSUER).toBe(`${env(service('keycloak')).KC_HOSTNAME}/realms/${DEMO_REALM}`);
      expect(e.AUTH_JWKS_URL).toBe(`http://keycloak:8080/realms/${DEMO_REALM}/protocol/openid-connect/certs`);
    });

    it('imports the demo realm in place of the production one', () => {
      expect(demoCompose.services.keycloak?.volumes).toEqual([
        './deploy/keycloak/demo/ccsc-demo-realm.json:/opt/keycloak/data/import/ccsc-realm.json:ro',
      ]);
      expect(readRealm('deploy/keycloak/demo/ccsc-demo-realm.json').realm).toBe(DEMO_REALM);
    });
  });

  // Compose checks the files as an operator runs them, with nothing in the environment but the
  // command's own path: the demo as the README documents it, and production with and without secrets.
  const composeBinary = onPath('docker-compose');
  const requireCompose = process.env.REQUIRE_COMPOSE === '1';
  const composeConfig = (args: string[], variables: Record<string, string> = {}) => {
    if (!composeBinary) throw new Error('REQUIRE_COMPOSE=1 but there is no docker-compose on PATH');
    return spawnSync(composeBinary, [...args, 'config', '-q'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      env: { PATH: process.env.PATH, ...variables },
    });
  };
  const demo = ['--env-file', 'deploy/demo.env', '-f', 'docker-compose.yml', '-f', 'docker-compose.demo.yml'];
  (composeBinary || requireCompose ? it : it.skip).each([
    ['the demo', demo],
    ['the demo with --profile observability', ['--profile', 'observability', ...demo]],
    ['production with every secret set', ['-f', 'docker-compose.yml']],
    [
      'production with every secret set and --profile observability',
      ['--profile', 'observability', '-f', 'docker-compose.yml'],
    ],
  ])('passes `docker-compose config -q` for %s', (_label: string, args: string[]) => {
    const secrets = args.includes('deploy/demo.env')
      ? {}
      : Object.fromEntries(requiredVariables.map((variable) => [variable, 'f00d']));
    const run = composeConfig(args, secrets);
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  });
  (composeBinary || requireCompose ? it : it.skip)('refuses production without its secrets, naming what to set', () => {
    const run = composeConfig(['-f', 'docker-compose.yml']);
    expect(run.status).not.toBe(0);
    expect(requiredVariables).toContain(/\bset ([A-Z_]+)\b/.exec(run.stderr)?.[1]);
  });
});

/** The services whose events `name` consumes: the event types its consumers (and the case-access projection it runs) name. */
function consumedProducers(name: ServiceName): string[] {
  const eventTypes = (Object.entries(contracts) as [string, unknown][]).filter(
    (entry): entry is [string, contracts.EventType<object>] =>
      typeof entry[1] === 'object' && entry[1] !== null && 'topic' in entry[1] && 'source' in entry[1],
  );
  const sources = sourceFiles(path.join(ROOT, 'services', name, 'src')).filter((file) =>
    file.split(path.sep).includes('consumers'),
  );
  // The service's modules and its features' modules: the one that imports CaseAccessModule consumes cases' access events.
  const modules = sourceFiles(path.join(ROOT, 'services', name, 'src')).filter((f) => f.endsWith('.module.ts'));
  if (modules.some((m) => /\bCaseAccessModule\b/.test(readFileSync(m, 'utf8'))))
    sources.push(path.join(ROOT, 'libs/case-access/src/case-access.ts'));
  const code = sources.map((file) => readFileSync(file, 'utf8')).join('\n');
  // Rules kept as data (the queries work queue's task-rules.json, enforcement's correspondence-rules.json)
  // name the events they act on by type.
  const ruled = readdirRecursive(path.join(ROOT, 'services', name, 'src'))
    .filter((f) => f.endsWith('task-rules.json') || f.endsWith('correspondence-rules.json'))
    .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/"on": "([a-z]+)\./g)].map((m) => m[1]));
  // Events followed live (LiveEvents.follow) are read from their topic too, by each replica's own group.
  const all = sourceFiles(path.join(ROOT, 'services', name, 'src'))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
  const followed = eventTypes.filter(([exported]) => new RegExp(`\\.follow\\(${exported}\\)`).test(all));
  return [
    ...new Set([
      ...eventTypes.filter(([exported]) => new RegExp(`\\b${exported}\\b`).test(code)).map(([, type]) => type.source),
      ...followed.map(([, type]) => type.source),
      ...ruled,
    ]),
  ].sort();
}

function readdirRecursive(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const file = path.join(dir, entry);
    return statSync(file).isDirectory() ? readdirRecursive(file) : [file];
  });
}

function sourceFiles(dir: string): string[] {
  return readdirRecursive(dir).filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'));
}

interface ProtocolMapper {
  protocolMapper: string;
  config: Record<string, string>;
}
interface RealmUser {
  username: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  realmRoles?: string[];
  attributes?: Record<string, string[]>;
  serviceAccountClientId?: string;
  credentials?: { type: string; temporary?: boolean }[];
}
interface Realm {
  realm: string;
  defaultSignatureAlgorithm?: string;
  roles: { realm: { name: string }[] };
  clients: {
    clientId: string;
    publicClient?: boolean;
    secret?: string;
    directAccessGrantsEnabled?: boolean;
    protocolMappers?: ProtocolMapper[];
  }[];
  users: RealmUser[];
  components?: Record<string, { providerId: string; config: Record<string, string[]> }[]>;
}
function readRealm(file = 'deploy/keycloak/ccsc-realm.json'): Realm {
  return JSON.parse(read(file)) as Realm;
}

describe('deploy/keycloak/ccsc-realm.json (production)', () => {
  const realm = readRealm();

  it('has no users but service accounts, and no password grant', () => {
    expect(realm.users.filter((u) => !u.serviceAccountClientId)).toEqual([]);
    expect(realm.clients.filter((c) => c.directAccessGrantsEnabled).map((c) => c.clientId)).toEqual([]);
  });

  it('takes every client secret from the environment when Keycloak imports it', () => {
    for (const client of realm.clients.filter((c) => c.secret !== undefined))
      expect(client.secret).toMatch(/^\$\{[A-Z_]+\}$/);
    expect(realm.clients.find((c) => c.clientId === 'ccsc-system')?.secret).toBe('${KEYCLOAK_SYSTEM_CLIENT_SECRET}');
  });
});

describe.each(['deploy/keycloak/ccsc-realm.json', 'deploy/keycloak/demo/ccsc-demo-realm.json'])('%s', (file) => {
  const realm = readRealm(file);
  const platform = realm.clients.find((c) => c.clientId === 'ccsc-platform');
  const mapper = (type: string, where: (config: Record<string, string>) => boolean) =>
    platform?.protocolMappers?.find((m) => m.protocolMapper === type && where(m.config));

  it('defines every platform role', () => {
    expect(realm.roles.realm.map((r) => r.name)).toEqual(expect.arrayContaining([...ROLES]));
  });

  it('signs with an algorithm the token verifier accepts', () => {
    const accepted = /algorithms:\s*\[([^\]]*)\]/.exec(read('libs/auth/src/token-verifier.ts'))?.[1] ?? '';
    expect(accepted).toContain(`'${realm.defaultSignatureAlgorithm ?? 'RS256'}'`);
  });

  it('has a platform client whose access tokens carry sub, realm_access.roles, org and the API audience', () => {
    const audience = env(service('cases')).AUTH_AUDIENCE;
    expect(platform).toBeDefined();
    expect(mapper('oidc-sub-mapper', (c) => c['access.token.claim'] === 'true')).toBeDefined();
    expect(
      mapper(
        'oidc-usermodel-realm-role-mapper',
        (c) =>
          c['claim.name'] === 'realm_access.roles' && c.multivalued === 'true' && c['access.token.claim'] === 'true',
      ),
    ).toBeDefined();
    expect(
      mapper(
        'oidc-usermodel-attribute-mapper',
        (c) => c['user.attribute'] === 'org' && c['claim.name'] === 'org' && c['access.token.claim'] === 'true',
      ),
    ).toBeDefined();
    expect(
      mapper(
        'oidc-audience-mapper',
        (c) => c['included.custom.audience'] === audience && c['access.token.claim'] === 'true',
      ),
    ).toBeDefined();
  });

  it('keeps org in the user profile, editable by administrators only', () => {
    const provider = realm.components?.['org.keycloak.userprofile.UserProfileProvider']?.[0];
    const profile = JSON.parse(provider?.config['kc.user.profile.config']?.[0] ?? '{}') as {
      attributes?: { name: string; permissions?: { edit?: string[] } }[];
    };
    const org = profile.attributes?.find((a) => a.name === 'org');
    expect(org?.permissions?.edit).toEqual(['admin']);
  });

  it('keeps the client secrets out of the file', () => {
    for (const client of realm.clients.filter((c) => c.secret !== undefined))
      expect(client.secret).toMatch(/^\$\{[A-Z_]+\}$/);
  });
});

describe('deploy/keycloak/demo/ccsc-demo-realm.json', () => {
  const realm = readRealm('deploy/keycloak/demo/ccsc-demo-realm.json');

  it('is the demo realm, which production refuses', () => {
    expect(realm.realm).toBe(DEMO_REALM);
  });

  it.each(ROLES)('has a demo user with the %s role who can sign in without further steps', (role) => {
    const user = realm.users.find((u) => !u.serviceAccountClientId && u.realmRoles?.includes(role));
    expect(user).toBeDefined();
    expect(user?.credentials?.every((c) => c.temporary === false)).toBe(true);
    // Keycloak's user profile requires these; without them the first sign-in asks for them.
    expect([user?.email, user?.firstName, user?.lastName].every(Boolean)).toBe(true);
    if (ORGANISATION_ROLES.includes(role)) expect(user?.attributes?.org?.[0]).toBeTruthy();
  });
});

interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  data?: Record<string, string>;
  spec?: Record<string, unknown>;
}
interface Probe {
  httpGet?: { path: string; port: string | number };
}
interface Container {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
  lifecycle?: { preStop?: { exec?: { command: string[] } } };
  resources?: { requests?: { cpu?: string; memory?: string }; limits?: { cpu?: string; memory?: string } };
  securityContext?: {
    readOnlyRootFilesystem?: boolean;
    allowPrivilegeEscalation?: boolean;
    runAsNonRoot?: boolean;
    capabilities?: { drop?: string[] };
  };
}
interface PodSpec {
  containers: Container[];
  terminationGracePeriodSeconds?: number;
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
}
interface PodTemplate {
  metadata: { labels: Record<string, string> };
  spec: PodSpec;
}
interface AutoscalerSpec {
  scaleTargetRef: { apiVersion: string; kind: string; name: string };
  minReplicas?: number;
  maxReplicas: number;
  metrics?: { type: string; resource?: { name: string; target: { type: string; averageUtilization?: number } } }[];
}

const K8S_DIR = 'deploy/k8s';
/** What runs in the cluster: every service and the gateway, each with its own manifest. */
const K8S_APPS = [...SERVICE_NAMES, 'gateway' as const];
const k8sFiles = readdirSync(path.join(ROOT, K8S_DIR))
  .filter((f) => f.endsWith('.yaml'))
  .sort();
const manifests = k8sFiles.filter((f) => f !== 'kustomization.yaml');
const located: { file: string; object: K8sObject }[] = manifests.flatMap((file) =>
  parseAllDocuments(read(path.join(K8S_DIR, file))).map((doc) => {
    if (doc.errors.length) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
    return { file, object: doc.toJSON() as K8sObject };
  }),
);
const objects = located.map((l) => l.object);
const find = (kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.name === name);
const template = (o: K8sObject | undefined) => o?.spec?.template as PodTemplate | undefined;
const matches = (selector: Record<string, string> | undefined, labels: Record<string, string>) =>
  !!selector && Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels[k] === v);
const configMapData = (container: Container): Record<string, string> =>
  Object.assign(
    {},
    ...(container.envFrom ?? []).map((e) =>
      e.configMapRef ? (find('ConfigMap', e.configMapRef.name)?.data ?? {}) : {},
    ),
  );
/** The HorizontalPodAutoscaler that scales Deployment `name`. */
const autoscalerOf = (name: string) =>
  objects
    .filter((o) => o.kind === 'HorizontalPodAutoscaler')
    .map((o) => ({ apiVersion: o.apiVersion, spec: o.spec as unknown as AutoscalerSpec }))
    .find((o) => o.spec.scaleTargetRef.kind === 'Deployment' && o.spec.scaleTargetRef.name === name);
const secretsCreated = createdSecrets(read(path.join(K8S_DIR, 'create-secrets.sh')));
/** The secrets each app must read from a Secret, never from a ConfigMap. */
const k8sSecrets = (app: ServiceName | 'gateway') =>
  app === 'gateway'
    ? ['METRICS_TOKEN']
    : [
        'DATABASE_URL',
        'KAFKA_SASL_USERNAME',
        'KAFKA_SASL_PASSWORD',
        'METRICS_TOKEN',
        ...(app === 'payments' ? ['CARD_PROVIDER_SECRET'] : []),
        ...(app === 'cases' ? ['WEBHOOK_SECRETS_KEY'] : []),
        ...(sendsCorrespondence(app) ? NOTIFY_VARIABLES : []),
      ];
const validateK8s = (dir?: string) =>
  execFileSync(process.execPath, ['tools/k8s-validate.mjs', ...(dir ? [dir] : [])], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });

describe('deploy/k8s', () => {
  const kustomization = parse(read(path.join(K8S_DIR, 'kustomization.yaml'))) as {
    resources: string[];
    images?: { name: string }[];
  };

  it('lists every manifest in kustomization.yaml', () => {
    expect([...kustomization.resources].sort()).toEqual(manifests);
  });

  it('lists every image the manifests run in kustomization.yaml, so an overlay can set its tag', () => {
    const images = objects.flatMap((o) => (template(o)?.spec.containers ?? []).map((c) => c.image.split(':')[0]));
    expect((kustomization.images ?? []).map((i) => i.name).sort()).toEqual([...new Set(images)].sort());
  });

  it('has a Deployment, Service, PodDisruptionBudget and autoscaler per app and a migration Job per service', () => {
    const kinds = ['Deployment', 'Service', 'PodDisruptionBudget', 'HorizontalPodAutoscaler'];
    const expected = [
      ...K8S_APPS.flatMap((app) => kinds.map((kind) => `${kind} ${app} in ${app}.yaml`)),
      ...SERVICE_NAMES.map((name) => `Job ${name}-migrate in ${name}-migrate.yaml`),
    ];
    const present = located
      .filter(({ object }) => [...kinds, 'Job'].includes(object.kind))
      .map(({ file, object }) => `${object.kind} ${object.metadata.name} in ${file}`);
    expect(present.sort()).toEqual(expected.sort());
  });

  it('validates against the Kubernetes schemas', () => {
    expect(validateK8s()).toMatch(/^\d+ objects in \d+ manifests match the Kubernetes schemas\n$/);
  });

  it('fails the schema check on an invalid manifest or an unknown kind, naming file, kind and name', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'k8s-validate-'));
    try {
      writeFileSync(
        path.join(dir, 'cases.yaml'),
        read(path.join(K8S_DIR, 'cases.yaml')).replace(/containerPort: \d+/, 'containerPort: "http"'),
      );
      writeFileSync(path.join(dir, 'other.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: { name: loose }\n');
      let failure: { status?: number; stderr?: string } = {};
      try {
        validateK8s(dir);
      } catch (error) {
        failure = error as typeof failure;
      }
      expect(failure.status).toBe(1);
      expect(failure.stderr?.split('\n')).toEqual([
        expect.stringMatching(/^cases\.yaml \(document 1\): Deployment cases: .*containerPort must be integer$/),
        'other.yaml (document 1): Pod loose: unknown kind v1/Pod',
        '',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe.each(
    K8S_APPS.map((app) =>
      app === 'gateway'
        ? { app, port: GATEWAY_PORT, settings: gatewaySettings as object }
        : { app, port: SERVICES[app].port, settings: SERVICE_SETTINGS[app] },
    ),
  )('$app', ({ app, port, settings }) => {
    const deployment = find('Deployment', app);
    const pod = template(deployment);
    const container = pod?.spec.containers[0];

    it('has a Deployment of at least two replicas', () => {
      expect(deployment).toBeDefined();
      expect(deployment?.spec?.replicas).toBeGreaterThanOrEqual(2);
      expect(container?.image).toMatch(new RegExp(`^ccsc/${app}:`));
      expect(container?.ports?.[0]?.containerPort).toBe(port);
    });

    it('probes readiness on /health/ready and liveness and start-up on /health/live', () => {
      expect(container?.readinessProbe?.httpGet?.path).toBe('/health/ready');
      expect(container?.livenessProbe?.httpGet?.path).toBe('/health/live');
      expect(container?.startupProbe?.httpGet?.path).toBe('/health/live');
    });

    it('requests and limits CPU and memory', () => {
      expect(container?.resources?.requests).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
      expect(container?.resources?.limits).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
    });

    it('runs as non-root on a read-only root filesystem without privileges', () => {
      expect(pod?.spec.securityContext?.runAsNonRoot).toBe(true);
      expect(pod?.spec.securityContext?.runAsUser).toBeGreaterThan(0);
      expect(container?.securityContext).toMatchObject({
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
      });
    });

    it('gets more time to stop than its preStop pause and SHUTDOWN_GRACE_MS together', () => {
      const grace = serviceSettings.SHUTDOWN_GRACE_MS.parse(
        configMapData(container as Container).SHUTDOWN_GRACE_MS,
        'SHUTDOWN_GRACE_MS',
      );
      const pause = Number(container?.lifecycle?.preStop?.exec?.command.at(-1) ?? 0);
      expect(pause).toBeGreaterThan(0);
      expect((pod?.spec.terminationGracePeriodSeconds ?? 30) * 1000).toBeGreaterThan(grace + pause * 1000);
    });

    it('takes settings from ConfigMaps that exist, known to it and documented in the README', () => {
      const refs = (container?.envFrom ?? []).map((e) => e.configMapRef?.name).filter(Boolean);
      expect(refs).toContain(app);
      for (const name of refs)
        expect({ name, exists: !!find('ConfigMap', name ?? '') }).toEqual({ name, exists: true });
      for (const key of Object.keys(configMapData(container as Container))) {
        expect({ key, known: key in settings, documented: documented(key) }).toEqual({
          key,
          known: true,
          documented: true,
        });
      }
      expect(Number(configMapData(container as Container).PORT)).toBe(port);
    });

    it.each(k8sSecrets(app))(
      'takes %s from a Secret that create-secrets.sh creates, never from a ConfigMap',
      (secret) => {
        const ref = container?.env?.find((e) => e.name === secret)?.valueFrom?.secretKeyRef;
        expect(ref).toEqual({ name: expect.any(String), key: secret });
        expect(secretsCreated).toContain(`${ref?.name}/${ref?.key}`);
        expect(configMapData(container as Container)[secret]).toBeUndefined();
      },
    );

    it('starts in production with its ConfigMaps and values of its own in its Secrets', () => {
      // Well-formed where a format is required: a database URL, Notify's API key, the webhook secrets' key.
      const own = (key: string) =>
        key === 'DATABASE_URL'
          ? `postgres://${app}:own-db-password@db.internal:5432/${app}`
          : (WELL_FORMED[key] ?? `own-${key.toLowerCase().replace(/_/g, '-')}`);
      const source = {
        ...configMapData(container as Container),
        ...Object.fromEntries((container?.env ?? []).map((e) => [e.name, e.value ?? own(e.name)])),
      };
      expect(source.NODE_ENV).toBe('production');
      expect(() => CONFIG_READERS[app](source)).not.toThrow();
    });

    it('has a Service and a PodDisruptionBudget that select its pods', () => {
      const labels = pod?.metadata.labels ?? {};
      const svc = find('Service', app);
      expect(matches(svc?.spec?.selector as Record<string, string>, labels)).toBe(true);
      expect((svc?.spec?.ports as { port: number }[])[0]?.port).toBe(port);
      const pdb = objects.find(
        (o) =>
          o.kind === 'PodDisruptionBudget' &&
          matches((o.spec?.selector as { matchLabels?: Record<string, string> })?.matchLabels, labels),
      );
      expect(pdb?.apiVersion).toBe('policy/v1');
      expect(pdb?.spec?.minAvailable ?? pdb?.spec?.maxUnavailable).toBeDefined();
      expect(Number(pdb?.spec?.minAvailable ?? 0)).toBeLessThan(Number(deployment?.spec?.replicas));
    });

    it('scales its Deployment on CPU with a HorizontalPodAutoscaler, from its replicas up', () => {
      const hpa = autoscalerOf(app);
      expect(hpa?.apiVersion).toBe('autoscaling/v2');
      expect(hpa?.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: app });
      expect(hpa?.spec.minReplicas).toBeGreaterThanOrEqual(2);
      expect(hpa?.spec.minReplicas).toBe(deployment?.spec?.replicas);
      expect(hpa?.spec.maxReplicas).toBeGreaterThan(hpa?.spec.minReplicas ?? Infinity);
      expect(hpa?.spec.metrics).toEqual([
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: expect.any(Number) } },
        },
      ]);
    });
  });

  describe.each(SERVICE_NAMES)('%s-migrate', (name) => {
    const job = find('Job', `${name}-migrate`);
    const pod = template(job);
    const container = pod?.spec.containers[0];
    const app = template(find('Deployment', name))?.spec.containers[0];

    it('migrates with a Job on the same image and database secret as the Deployment', () => {
      expect(job?.apiVersion).toBe('batch/v1');
      expect([...(container?.command ?? []), ...(container?.args ?? [])].join(' ')).toBe(
        `node dist/tools/migrate.js ${name}`,
      );
      expect(container?.image).toBe(app?.image);
      expect(container?.env?.find((e) => e.name === 'DATABASE_URL')?.valueFrom).toEqual(
        app?.env?.find((e) => e.name === 'DATABASE_URL')?.valueFrom,
      );
    });

    it('reads only what the migration tool knows, and runs as non-root on a read-only root filesystem', () => {
      for (const key of (container?.env ?? []).map((e) => e.name))
        expect({ key, known: key === 'NODE_ENV' || migrateSettings(name).includes(key) }).toEqual({ key, known: true });
      expect(pod?.spec.securityContext?.runAsNonRoot).toBe(true);
      expect(container?.securityContext?.readOnlyRootFilesystem).toBe(true);
    });
  });

  it('has no secret in any ConfigMap', () => {
    for (const map of objects.filter((o) => o.kind === 'ConfigMap')) {
      for (const [key, value] of Object.entries(map.data ?? {})) {
        expect({
          key,
          secretName: /PASSWORD|SECRET|TOKEN/.test(key),
          credentialsInUrl: /:\/\/[^/@\s]+:[^/@\s]+@/.test(value),
        }).toEqual({ key, secretName: false, credentialsInUrl: false });
      }
    }
  });

  it('points the gateway at every service', () => {
    const data = configMapData(template(find('Deployment', 'gateway'))?.spec.containers[0] as Container);
    for (const name of SERVICE_NAMES)
      expect(data[`${name.toUpperCase()}_URL`]).toBe(`http://${name}:${SERVICES[name].port}`);
  });

  it('states in docs/operations.md the replicas and database connections the manifests allow', () => {
    const documentedScaling = scalingTable(read('docs/operations.md'));
    const expected = K8S_APPS.map((app) => {
      const hpa = autoscalerOf(app)?.spec;
      const deployment = find('Deployment', app);
      const surge = Number(
        (deployment?.spec?.strategy as { rollingUpdate?: { maxSurge?: number } })?.rollingUpdate?.maxSurge,
      );
      const pool = configMapData(template(deployment)?.spec.containers[0] as Container).DATABASE_POOL_SIZE;
      const metric = hpa?.metrics?.[0]?.resource?.target.averageUtilization;
      // At most maxReplicas plus the rollout's surge pods, each with its pool, and the migration Job's 2.
      const connections = pool === undefined ? 0 : ((hpa?.maxReplicas ?? 0) + surge) * Number(pool) + 2;
      return {
        app,
        replicas: `${hpa?.minReplicas}–${hpa?.maxReplicas}`,
        cpu: `${metric}%`,
        pool: pool ?? 'none',
        connections,
      };
    });
    expect(documentedScaling.rows).toEqual(expected);
    expect(documentedScaling.total).toBe(expected.reduce((sum, row) => sum + row.connections, 0));
  });

  const kubectl = onPath('kubectl');
  (kubectl ? it : it.skip)('renders with `kubectl kustomize`', () => {
    const run = spawnSync(kubectl as string, ['kustomize', K8S_DIR], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  });
});

describe('Prometheus, alerts and Grafana', () => {
  const prometheus = parse(read('deploy/prometheus/prometheus.yml')) as {
    rule_files: string[];
    scrape_configs: {
      job_name: string;
      metrics_path?: string;
      static_configs: { targets: string[]; labels?: Record<string, string> }[];
    }[];
  };
  const alerts = parse(read('deploy/prometheus/alerts.yml')) as {
    groups: { rules: { alert: string; expr: string; annotations?: { runbook?: string } }[] }[];
  };
  const rules = alerts.groups.flatMap((g) => g.rules);
  const runbook = read('docs/operations.md');
  const anchors = new Set([...runbook.matchAll(/^#+\s+(.+)$/gm)].map(([, heading]) => slug(heading ?? '')));

  it.each(SERVICE_NAMES)('scrapes /metrics of %s with its service label', (name) => {
    const job = prometheus.scrape_configs.find((j) => j.job_name === 'ccsc-services');
    const target = job?.static_configs.find((c) => c.targets.includes(`${name}:${SERVICES[name].port}`));
    expect(job?.metrics_path ?? '/metrics').toBe('/metrics');
    expect(target?.labels?.service).toBe(name);
  });

  it('loads the alert rules', () => {
    expect(prometheus.rule_files).toContain('/etc/prometheus/alerts.yml');
    expect(service('prometheus').volumes).toContain('./deploy/prometheus:/etc/prometheus:ro');
  });

  it.each([
    ['a service down', /\bup\{/],
    ['the outbox backlog', /\bccsc_outbox_unpublished_events\b/],
    ['the oldest unpublished event', /\bccsc_outbox_oldest_unpublished_age_seconds\b/],
    ['dead letters', /\bccsc_dead_letter_events\b.*>\s*0\b/],
    ['consumer lag', /\bccsc_consumer_lag_events\b/],
    ['the 5xx rate', /ccsc_http_request_duration_seconds_count\{[^}]*status=~"5\.\."/],
    ['p99 latency', /histogram_quantile\(0\.99,[^]*ccsc_http_request_duration_seconds_bucket/],
  ])('alerts on %s', (_what, pattern) => {
    expect(rules.some((r) => pattern.test(r.expr))).toBe(true);
  });

  it.each(rules.map((r) => [r.alert, r.annotations?.runbook ?? '']))(
    'explains %s in docs/operations.md',
    (alert, link) => {
      expect(link).toBe(`docs/operations.md#${slug(alert)}`);
      expect(anchors.has(slug(alert))).toBe(true);
    },
  );

  it('provisions the Prometheus data source the dashboard uses', () => {
    const datasources = parse(read('deploy/grafana/provisioning/datasources/prometheus.yml')) as {
      datasources: { uid: string; url: string }[];
    };
    const dashboard = read('deploy/grafana/dashboards/ccsc-platform.json');
    const uids = new Set([...dashboard.matchAll(/"uid":\s*"([^"]+)"/g)].map(([, uid]) => uid));
    uids.delete((JSON.parse(dashboard) as { uid: string }).uid);
    expect([...uids]).toEqual([datasources.datasources[0]?.uid]);
    expect(datasources.datasources[0]?.url).toBe('http://prometheus:9090');
    for (const metric of [
      'ccsc_http_request_duration_seconds',
      'ccsc_graphql_operation_duration_seconds',
      'ccsc_outbox_unpublished_events',
      'ccsc_dead_letter_events',
      'ccsc_consumer_lag_events',
      'ccsc_db_pool_connections',
      'ccsc_business_events_total',
    ]) {
      expect({ metric, onDashboard: dashboard.includes(metric) }).toEqual({ metric, onDashboard: true });
    }
  });

  it('shows every section of the management information from the same figures as its CSV exports', () => {
    const dashboard = read('deploy/grafana/dashboards/ccsc-management-information.json');
    const uids = new Set([...dashboard.matchAll(/"uid":\s*"([^"]+)"/g)].map(([, uid]) => uid));
    uids.delete((JSON.parse(dashboard) as { uid: string }).uid);
    expect([...uids]).toEqual(['ccsc-prometheus']);
    // The gauges managementInformationSurface registers: ccsc_management_information_<section>.
    for (const section of ['cases', 'enquiries', 'complaints', 'fees', 'fines']) {
      const metric = `ccsc_management_information_${section}`;
      expect({ metric, onDashboard: dashboard.includes(metric) }).toEqual({ metric, onDashboard: true });
    }
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');

  it('builds any app in one pattern and runs it as a non-root user in production mode', () => {
    expect(dockerfile).toMatch(/^ARG APP$/m);
    expect(dockerfile).toMatch(/^RUN npm ci\b/m);
    expect(dockerfile).toMatch(/npm prune --omit=dev/);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/NODE_ENV=production/);
  });

  it('checks /health/live and starts node in exec form behind an init process', () => {
    expect(dockerfile).toMatch(/^HEALTHCHECK [^]*\/health\/live/m);
    expect(dockerfile).toMatch(/^ENTRYPOINT \["\/usr\/bin\/tini", "--"\]$/m);
    // As the benchmarks measure the apps (tools/platform/node-flags.ts): the same node flags and environment.
    const cmd = /^CMD (\[.*\])$/m.exec(dockerfile)?.[1];
    expect(cmd && JSON.parse(cmd)).toEqual(['node', ...IMAGE_RUNTIME.flags, 'main.js']);
    for (const [name, value] of Object.entries(IMAGE_RUNTIME.env))
      expect(dockerfile).toMatch(new RegExp(`^ENV ${name}=${value}$`, 'm'));
  });

  it('keeps tests, local data and secrets out of the build context', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .map((l) => l.trim());
    expect(ignored).toEqual(expect.arrayContaining(['**/node_modules', '.data', '.git', '**/*.spec.ts', '.env']));
  });
});

/** A Compose duration such as `15s`, `1m30s` or `500ms`, in milliseconds. */
function parseDuration(value: string): number {
  const units: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1, us: 0.001 };
  let total = 0;
  for (const [, amount, unit] of value.matchAll(/(\d+(?:\.\d+)?)(ms|us|h|m|s)/g))
    total += Number(amount) * (units[unit ?? 's'] ?? 0);
  return total;
}

/** The anchor GitHub gives a Markdown heading. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\w\- ]/g, '')
    .replace(/ /g, '-');
}

function onPath(binary: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, binary);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/** The Secrets deploy/k8s/create-secrets.sh creates, as `name/key`; `$service` stands for each service. */
function createdSecrets(script: string): string[] {
  return script
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .flatMap((line) => {
      const [, name, literals] = /\bcreate_secret\s+"?([\w$-]+)"?((?:\s+--from-literal=\w+=\S+)+)/.exec(line) ?? [];
      if (!name || !literals) return [];
      const names = name.includes('$service') ? SERVICE_NAMES.map((s) => name.replace('$service', s)) : [name];
      const keys = [...literals.matchAll(/--from-literal=(\w+)=/g)].map(([, key]) => key);
      return names.flatMap((n) => keys.map((key) => `${n}/${key}`));
    });
}

/** The table of docs/operations.md, "Scale a service": each app's replicas, CPU target, pool and connections. */
function scalingTable(runbook: string) {
  const start = runbook.indexOf('\n## Scale a service');
  const section = runbook.slice(start, runbook.indexOf('\n## ', start + 1));
  const rows = [...section.matchAll(/^\| (\w+) \| (\d+–\d+) \| (\d+%) \| (\d+|none) \| (\d+) \|$/gm)].map(
    ([, app, replicas, cpu, pool, connections]) => ({ app, replicas, cpu, pool, connections: Number(connections) }),
  );
  const total = /^\| all services \|.*\| (\d+) \|$/m.exec(section)?.[1];
  return { rows, total: total === undefined ? undefined : Number(total) };
}
