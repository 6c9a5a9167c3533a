/**
 * The platform's services: what the gateway routes to and the embedded stack starts. The port is
 * each service's default in the embedded stack and docker compose; the gateway is on 4000.
 */
export const SERVICES = {
  cases: { port: 4101, title: 'Cases' },
  queries: { port: 4102, title: 'Queries' },
  complaints: { port: 4103, title: 'Complaints' },
  payments: { port: 4104, title: 'Payments' },
  enforcement: { port: 4105, title: 'Enforcement' },
} as const;

export type ServiceName = keyof typeof SERVICES;
export const SERVICE_NAMES = Object.keys(SERVICES) as ServiceName[];
export const GATEWAY_PORT = 4000;
