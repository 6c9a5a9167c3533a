import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { jwtVerify } from 'jose';

// A local stand-in for GOV.UK Notify's API v2: it checks each request's JWT with jose as Notify does
// (HS256 with the key's secret, issuer = service id, issued within the last 30 seconds) and answers
// with Notify's status codes and bodies. It keeps what it took, so GET /v2/notifications?reference=…
// answers as Notify does ({ notifications: [{ id, reference, status, type, … }], links }, newest first).

export const SERVICE_ID = randomUUID();
export const SECRET = randomUUID();
export const API_KEY = `ccsc-integration-${SERVICE_ID}-${SECRET}`;
export const EMAIL_TEMPLATE = randomUUID();
export const SMS_TEMPLATE = randomUUID();

export interface Received {
  path: string;
  issuer: string | undefined;
  body: Record<string, unknown>;
}

export interface Taken {
  id: string;
  reference: string | null;
  type: 'email' | 'sms' | 'letter';
  status: string;
}

type Override = { status: number; error: string; message: string };

/**
 * How the next valid send is handled, instead of an immediate 201: `take-then-hang` keeps it and answers
 * only after the client has given up (Notify slow to answer); `hang` never gets as far as keeping it
 * (lost on the way); `take-unreadable` keeps it and answers 201 with a body that is not JSON.
 */
export type Mishap = 'take-then-hang' | 'hang' | 'take-unreadable';

export class FakeNotify {
  readonly received: Received[] = [];
  /** What Notify has, oldest first: every send it took. */
  readonly taken: Taken[] = [];
  readonly lookups: string[] = [];
  /** Answers the next requests with these errors, in order, instead of checking them. */
  readonly failures: Override[] = [];
  readonly mishaps: Mishap[] = [];
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  reset(): void {
    for (const list of [this.received, this.taken, this.lookups, this.failures, this.mishaps]) list.length = 0;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const answer = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    const fail = (status: number, error: string, message: string) =>
      answer(status, { status_code: status, errors: [{ error, message }] });

    const override = this.failures.shift();
    if (override) return fail(override.status, override.error, override.message);

    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!token) return fail(401, 'AuthError', 'Unauthorized: authentication token must be provided');
    let issuer: string | undefined;
    try {
      const { payload } = await jwtVerify(token, new TextEncoder().encode(SECRET), {
        algorithms: ['HS256'],
        issuer: SERVICE_ID,
        requiredClaims: ['iat'],
        maxTokenAge: '30s',
      });
      issuer = payload.iss;
    } catch {
      return fail(403, 'AuthError', 'Invalid token: signature, api token not found');
    }

    const url = new URL(request.url ?? '/', this.url);
    if (request.method === 'GET' && url.pathname === '/v2/notifications') {
      const reference = url.searchParams.get('reference');
      this.lookups.push(reference ?? '');
      const notifications = this.taken
        .filter((n) => reference === null || n.reference === reference)
        .reverse()
        .map((n) => ({ ...n, created_at: new Date().toISOString() }));
      return answer(200, { notifications, links: { current: `${this.url}${request.url ?? ''}` } });
    }

    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    this.received.push({ path: request.url ?? '', issuer, body });
    const id = randomUUID();
    const personalisation = body.personalisation as Record<string, string> | undefined;
    const take = (type: Taken['type'], created: Record<string, unknown>) => {
      const mishap = this.mishaps.shift();
      if (mishap === 'hang') return; // never answered, never kept
      this.taken.push({ id, reference: (body.reference as string | undefined) ?? null, type, status: 'created' });
      if (mishap === 'take-then-hang') return;
      if (mishap === 'take-unreadable') {
        response.writeHead(201, { 'content-type': 'application/json' });
        response.end('<html>Created</html>');
        return;
      }
      answer(201, created);
    };
    switch (request.url) {
      case '/v2/notifications/email':
        if (body.template_id !== EMAIL_TEMPLATE) return fail(400, 'BadRequestError', 'Template not found');
        if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(String(body.email_address)))
          return fail(400, 'ValidationError', 'email_address Not a valid email address');
        return take('email', {
          id,
          reference: body.reference,
          content: { subject: personalisation?.subject, body: personalisation?.body, from_email: 'ccsc@notify.test' },
          uri: `${this.url}/v2/notifications/${id}`,
          template: { id: body.template_id, version: 1, uri: `${this.url}/v2/template/${String(body.template_id)}` },
        });
      case '/v2/notifications/sms':
        if (body.template_id !== SMS_TEMPLATE) return fail(400, 'BadRequestError', 'Template not found');
        if (!/^(\+44|0)7\d{9}$/.test(String(body.phone_number).replace(/\s/g, '')))
          return fail(400, 'ValidationError', 'phone_number Not a UK mobile number');
        return take('sms', { id, reference: body.reference, content: { body: personalisation?.body } });
      case '/v2/notifications/letter': {
        const pdf = Buffer.from(String(body.content), 'base64');
        if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-')
          return fail(400, 'ValidationError', 'Letter content is not a valid PDF');
        if (!['first', 'second', 'economy'].includes(String(body.postage)))
          return fail(400, 'ValidationError', 'postage invalid');
        return take('letter', { id, reference: body.reference, postage: body.postage });
      }
      default:
        return fail(404, 'NotFound', 'Not found');
    }
  }
}
