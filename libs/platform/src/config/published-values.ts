// Values this repository publishes for the docker compose demo (deploy/demo.env and the demo realm)
// and that earlier versions shipped as defaults. Anyone can read them, so a production process that
// finds one in a secret, or is pointed at the demo realm, refuses to start: a demo value copied into
// a real deployment would let anyone mint tokens, forge callbacks or read a database.
// tools/deploy-files.spec.ts keeps this list in step with deploy/demo.env.

export const PUBLISHED_SECRETS: readonly string[] = [
  // deploy/demo.env
  'demo-postgres-superuser',
  'demo-cases-db',
  'demo-queries-db',
  'demo-complaints-db',
  'demo-payments-db',
  'demo-enforcement-db',
  'demo-kafka-admin',
  'demo-cases-kafka',
  'demo-queries-kafka',
  'demo-complaints-kafka',
  'demo-payments-kafka',
  'demo-enforcement-kafka',
  'demo-replay-kafka',
  'demo-keycloak-admin',
  'demo-system-client-secret',
  'demo-card-callback-secret',
  'Y2NzYy1kZW1vLXdlYmhvb2stc2VjcmV0cy1rZXktMzI=',
  'demo-grafana-admin',
  'demo-metrics-token',
  'demo-notify-api-key',
  'demo-notify-callback-token',
  'demo-notify-email-template',
  'demo-notify-sms-template',
  // Defaults of earlier versions of docker-compose.yml and the realm file.
  'postgres',
  'admin',
  'compose-demo-card-callback-secret',
  'ccsc-system-secret',
];

/** The Keycloak realm of the demo (deploy/keycloak/demo): users whose password is their name. */
export const DEMO_REALM = 'ccsc-demo';

/** Whether an issuer or JWKS URL belongs to the demo realm. */
export const namesDemoRealm = (url: string) => new RegExp(`/realms/${DEMO_REALM}(/|$)`).test(url);
