import { bearer } from '@ccsc/testing';
import type { Loose } from './graphql-client';
import { RunningPlatform, startTestPlatform } from './platform';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const CLAIM = JSON.stringify({
  caseType: 'civil-money-claim',
  parties: [
    { role: 'claimant', kind: 'person', name: 'Alex Smith' },
    { role: 'defendant', kind: 'organisation', name: 'Widgets Ltd' },
  ],
});
// Any value matches a path parameter for routing: 405 and 415 are decided before a parameter is read.
const fill = (template: string) => template.replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000');

// HTTP's own answers, at every REST route of every service through the gateway (the routes from /api/docs):
// a method the path does not serve is 405 with Allow, a body that is not JSON is 415. Both answer before
// any handler runs, so neither changes anything.
describe('HTTP semantics at every REST route', () => {
  let platform: RunningPlatform;
  let paths: [string, string[]][];
  let authorization: string;

  beforeAll(async () => {
    platform = await startTestPlatform();
    const document = (await (await fetch(`${platform.gatewayUrl}/api/docs`)).json()) as Loose;
    const documented = document.paths as Record<string, Record<string, unknown>>;
    paths = Object.entries(documented).map(([template, operations]) => [
      template,
      METHODS.filter((method) => method in operations).map((method) => method.toUpperCase()),
    ]);
    authorization = await bearer('caseworker');
  }, 120_000);
  afterAll(() => platform?.stop());

  it('answers a method a path does not serve with 405, problem+json and Allow naming the methods it does', async () => {
    expect(paths.length).toBeGreaterThan(50);
    const wrong: string[] = [];
    for (const [template, served] of paths) {
      const method = METHODS.map((m) => m.toUpperCase()).find((m) => !served.includes(m));
      if (!method) continue;
      const res = await fetch(platform.gatewayUrl + fill(template), {
        method,
        headers: { authorization, 'content-type': 'application/json' },
        body: method === 'GET' ? undefined : '{}',
      });
      const allow = (res.headers.get('allow') ?? '').split(/,\s*/).filter((m) => m !== 'HEAD');
      const body = (await res.json().catch(() => ({}))) as { code?: string };
      const expected = [...served].sort();
      if (res.status !== 405 || body.code !== 'METHOD_NOT_ALLOWED' || allow.join() !== expected.join())
        wrong.push(`${method} ${template}: ${res.status} ${body.code} Allow: ${res.headers.get('allow')}`);
    }
    expect(wrong).toEqual([]);
  });

  it('answers a body that is not JSON with 415 and Accept, at every route that takes a body', async () => {
    const wrong: string[] = [];
    for (const [template, served] of paths) {
      for (const method of served.filter((m) => m !== 'GET')) {
        for (const type of ['text/plain', 'application/x-www-form-urlencoded', undefined]) {
          const res = await fetch(platform.gatewayUrl + fill(template), {
            method,
            headers: { authorization, ...(type ? { 'content-type': type } : {}) },
            body: new TextEncoder().encode('name=Alex'),
          });
          const body = (await res.json().catch(() => ({}))) as { code?: string; correlationId?: string };
          if (
            res.status !== 415 ||
            body.code !== 'UNSUPPORTED_MEDIA_TYPE' ||
            // Refused before the logger runs, and still the id of the header and the logs.
            !body.correlationId ||
            body.correlationId !== res.headers.get('x-correlation-id') ||
            !res.headers.get('content-type')?.includes('application/problem+json') ||
            res.headers.get('accept') !== 'application/json'
          )
            wrong.push(`${method} ${template} as ${type ?? 'no type'}: ${res.status} ${body.code}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('still answers a path no route serves with 404, and takes JSON with a charset or as a +json type', async () => {
    const missing = await fetch(`${platform.gatewayUrl}/api/v1/cases/no/such/route`, { headers: { authorization } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('allow')).toBeNull();

    const created = await fetch(`${platform.gatewayUrl}/api/v1/cases`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json; charset=utf-8' },
      body: CLAIM,
    });
    expect(created.status).toBe(201);

    // A structured-suffix JSON type is JSON too: accepted, and parsed (not refused field by field as empty).
    const suffixed = await fetch(`${platform.gatewayUrl}/api/v1/cases`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/merge-patch+json' },
      body: CLAIM,
    });
    expect(suffixed.status).toBe(201);
  });
});
