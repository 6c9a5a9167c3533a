import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extractText } from 'unpdf';
import {
  GovUkNotifySender,
  loadTemplates,
  NotificationSendError,
  render,
  renderLetterPdf,
  verifyNotifyCallback,
  DeliveryReceiptRejected,
  type GovUkNotifyConfig,
} from '../src';
import { API_KEY, EMAIL_TEMPLATE, FakeNotify, SERVICE_ID, SMS_TEMPLATE } from './fake-notify';

describe('GovUkNotifySender against a local Notify', () => {
  const notify = new FakeNotify();
  let config: GovUkNotifyConfig;

  beforeAll(async () => {
    await notify.start();
    config = {
      apiKey: API_KEY,
      baseUrl: notify.url,
      emailTemplateId: EMAIL_TEMPLATE,
      smsTemplateId: SMS_TEMPLATE,
      timeoutMs: 5_000,
    };
  });
  afterAll(() => notify.stop());
  beforeEach(() => notify.reset());

  it('sends an email through the pass-through template, signed with a JWT for the service', async () => {
    const result = await new GovUkNotifySender(config).send({
      channel: 'email',
      reference: 'ccsc-item-1',
      emailAddress: 'sian@example.cymru',
      subject: 'Nodyn atgoffa i dalu',
      body: 'Annwyl Siân\n\nMae taliad o £45.50 yn ddyledus.',
    });

    expect(result).toEqual({ providerId: expect.stringMatching(/^[0-9a-f-]{36}$/), status: 'created' });
    expect(notify.received).toEqual([
      {
        path: '/v2/notifications/email',
        issuer: SERVICE_ID,
        body: {
          email_address: 'sian@example.cymru',
          template_id: EMAIL_TEMPLATE,
          personalisation: { subject: 'Nodyn atgoffa i dalu', body: 'Annwyl Siân\n\nMae taliad o £45.50 yn ddyledus.' },
          reference: 'ccsc-item-1',
        },
      },
    ]);
  });

  it('sends a text message', async () => {
    const result = await new GovUkNotifySender(config).send({
      channel: 'sms',
      reference: 'ccsc-item-2',
      phoneNumber: '07700 900123',
      body: 'Mae eich gwrandawiad ar 18 Rhagfyr 2026.',
    });

    expect(result.status).toBe('created');
    expect(notify.received[0]?.body).toEqual({
      phone_number: '07700 900123',
      template_id: SMS_TEMPLATE,
      personalisation: { body: 'Mae eich gwrandawiad ar 18 Rhagfyr 2026.' },
      reference: 'ccsc-item-2',
    });
  });

  it('sends a precompiled letter: the rendered PDF, base64, which reads back on the other side', async () => {
    const templates = loadTemplates();
    const text = render(templates.get('enforcement.further-steps-notice'), 'cy', {
      defendantName: 'Siân Llŷr',
      accountNumber: '26001234A',
      balance: 123_456,
      amountOverdue: 15_000,
      payByDate: '2026-12-24',
    });
    const pdf = await renderLetterPdf(text, {
      sender: { name: { cy: 'GLlTEF', en: 'HMCTS' }, addressLines: ['Blwch Post 1234', 'Caerdydd'] },
      recipient: { name: 'Siân Llŷr', addressLines: ['12 Heol Gŵyr', 'Abertawe'], postcode: 'SA1 4DN' },
      date: '2026-12-06',
      reference: '26001234A',
    });

    const result = await new GovUkNotifySender(config).send({ channel: 'letter', reference: 'ccsc-item-3', pdf });

    expect(result.status).toBe('pending-virus-check');
    const sent = notify.received[0]?.body as { content: string; postage: string; reference: string };
    expect(sent.postage).toBe('second');
    expect(sent.reference).toBe('ccsc-item-3');
    const printed = Buffer.from(sent.content, 'base64');
    expect(printed.equals(pdf)).toBe(true);
    const { text: readBack } = await extractText(new Uint8Array(printed), { mergePages: true });
    expect(readBack).toContain('£1,234.56');
    expect(readBack).toContain("i'ch tŷ");
  });

  it('is refused a token signed with another secret: not retryable', async () => {
    const wrongKey = `ccsc-integration-${SERVICE_ID}-${randomUUID()}`;
    const sending = new GovUkNotifySender({ ...config, apiKey: wrongKey }).send({
      channel: 'email',
      reference: 'ccsc-item-4',
      emailAddress: 'sian@example.cymru',
      subject: 'Pwnc',
      body: 'Corff',
    });

    await expect(sending).rejects.toThrow(NotificationSendError);
    await expect(sending).rejects.toMatchObject({ retryable: false, httpStatus: 403 });
    await expect(sending).rejects.toThrow(/AuthError.*retrying will not help/);
  });

  it('is refused a token issued more than 30 seconds before it arrives (a fresh one is signed per request)', async () => {
    const slowClock = () => new Date(Date.now() - 120_000);
    const sending = new GovUkNotifySender(config, slowClock).send({
      channel: 'sms',
      reference: 'ccsc-item-5',
      phoneNumber: '07700900123',
      body: 'Corff',
    });

    await expect(sending).rejects.toMatchObject({ retryable: false, httpStatus: 403 });
  });

  it("reports Notify's validation error without the recipient", async () => {
    const sending = new GovUkNotifySender(config).send({
      channel: 'sms',
      reference: 'ccsc-item-6',
      phoneNumber: '01792 123456',
      body: 'Corff',
    });

    await expect(sending).rejects.toMatchObject({ retryable: false, httpStatus: 400 });
    const error = (await sending.catch((e: unknown) => e)) as Error;
    expect(error.message).toBe(
      'GOV.UK Notify sms: HTTP 400 (ValidationError: phone_number Not a UK mobile number); retrying will not help',
    );
    expect(error.message).not.toContain('01792');
  });

  it.each([
    [429, 'RateLimitError', 'Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds'],
    [500, 'Exception', 'Internal server error'],
    [503, 'Exception', 'Service unavailable'],
  ])('says a retry helps when Notify answers %i', async (status, error, message) => {
    notify.failures.push({ status, error, message });

    const sending = new GovUkNotifySender(config).send({
      channel: 'email',
      reference: 'ccsc-item-7',
      emailAddress: 'sian@example.cymru',
      subject: 'Pwnc',
      body: 'Corff',
    });

    await expect(sending).rejects.toMatchObject({ retryable: true, httpStatus: status });
    await expect(sending).rejects.toThrow(/retry later$/);
  });

  it('says a retry helps when Notify cannot be reached or is too slow', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const message = {
      channel: 'email' as const,
      reference: 'ccsc-item-8',
      emailAddress: 'sian@example.cymru',
      subject: 'Pwnc',
      body: 'Corff',
    };

    try {
      await expect(
        new GovUkNotifySender({ ...config, baseUrl: `http://127.0.0.1:${port}` }).send(message),
      ).rejects.toMatchObject({
        retryable: true,
        mayHaveBeenTaken: false,
        message: 'GOV.UK Notify email: could not connect',
      });
      const silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
      await expect(
        new GovUkNotifySender({ ...config, baseUrl: silentUrl, timeoutMs: 200 }).send(message),
      ).rejects.toMatchObject({ retryable: true, mayHaveBeenTaken: true, message: 'GOV.UK Notify email: timed out' });
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('finds what Notify holds under a reference, and nothing under one it never took', async () => {
    const sender = new GovUkNotifySender(config);
    const sent = await sender.send({
      channel: 'sms',
      reference: 'ccsc-item-9',
      phoneNumber: '07700900123',
      body: 'Corff',
    });

    await expect(sender.findByReference('ccsc-item-9')).resolves.toEqual({
      providerId: sent.providerId,
      status: 'created',
    });
    await expect(sender.findByReference('ccsc-item-never')).resolves.toBeUndefined();
    expect(notify.lookups).toEqual(['ccsc-item-9', 'ccsc-item-never']);
  });

  it('says Notify may have the notification when its 201 cannot be read, or it answers 5xx', async () => {
    const message = { channel: 'sms' as const, reference: 'ccsc-item-10', phoneNumber: '07700900123', body: 'Corff' };
    notify.mishaps.push('take-unreadable');
    await expect(new GovUkNotifySender(config).send(message)).rejects.toMatchObject({
      retryable: true,
      mayHaveBeenTaken: true,
      httpStatus: 201,
    });
    notify.failures.push({ status: 502, error: 'Exception', message: 'Bad gateway' });
    await expect(new GovUkNotifySender(config).send(message)).rejects.toMatchObject({ mayHaveBeenTaken: true });
    notify.failures.push({ status: 429, error: 'RateLimitError', message: 'Exceeded rate limit' });
    await expect(new GovUkNotifySender(config).send(message)).rejects.toMatchObject({ mayHaveBeenTaken: false });
  });
});

describe('a delivery-status callback endpoint using verifyNotifyCallback', () => {
  const CALLBACK_TOKEN = randomUUID();
  const received: unknown[] = [];
  let server: Server;
  let url: string;

  beforeAll(async () => {
    server = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      try {
        received.push(
          verifyNotifyCallback(request.headers.authorization, Buffer.concat(chunks).toString(), CALLBACK_TOKEN),
        );
        response.writeHead(204).end();
      } catch (error) {
        response.writeHead(error instanceof DeliveryReceiptRejected ? error.httpStatus : 500).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/notify/callbacks`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const deliver = (authorization: string, body: unknown) =>
    fetch(url, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('takes a receipt with the configured token and refuses one without', async () => {
    const receipt = {
      id: randomUUID(),
      reference: 'ccsc-item-1',
      to: 'sian@example.cymru',
      status: 'permanent-failure',
      created_at: '2026-12-06T10:15:30.000000Z',
      completed_at: '2026-12-06T10:16:00.000000Z',
      sent_at: '2026-12-06T10:15:31.000000Z',
      notification_type: 'email',
    };

    expect((await deliver(`Bearer ${CALLBACK_TOKEN}`, receipt)).status).toBe(204);
    expect((await deliver(`Bearer ${randomUUID()}`, receipt)).status).toBe(401);
    expect((await deliver(`Bearer ${CALLBACK_TOKEN}`, { ...receipt, status: 'eaten' })).status).toBe(400);
    expect(received).toEqual([
      expect.objectContaining({ id: receipt.id, reference: 'ccsc-item-1', status: 'permanent-failure' }),
    ]);
  });
});
