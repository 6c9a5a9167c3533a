import { SignJWT } from 'jose';
import type { GovUkNotifyConfig } from './govuk-notify-config';
import { parseNotifyApiKey, type NotifyApiKey } from './notify-api-key';
import {
  DELIVERY_STATUSES,
  NotificationSendError,
  type DeliveryStatus,
  type Notification,
  type NotificationSender,
  type SendResult,
} from './notification-sender.port';

interface NotifyErrorBody {
  status_code?: number;
  errors?: { error?: string; message?: string }[];
}

/**
 * GOV.UK Notify's HTTP API v2 (https://docs.notifications.service.gov.uk/rest-api.html): emails and
 * texts through the pass-through templates, letters as precompiled PDFs. Every request carries a
 * fresh JWT, since Notify refuses one issued more than 30 seconds before it arrives.
 */
export class GovUkNotifySender implements NotificationSender {
  private readonly key: NotifyApiKey;
  private readonly secret: Uint8Array;

  constructor(
    private readonly config: GovUkNotifyConfig,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.key = parseNotifyApiKey(config.apiKey);
    this.secret = new TextEncoder().encode(this.key.secret);
  }

  async send(notification: Notification): Promise<SendResult> {
    switch (notification.channel) {
      case 'email':
        return this.post('email', {
          email_address: notification.emailAddress,
          template_id: this.config.emailTemplateId,
          personalisation: { subject: notification.subject, body: notification.body },
          reference: notification.reference,
        });
      case 'sms':
        return this.post('sms', {
          phone_number: notification.phoneNumber,
          template_id: this.config.smsTemplateId,
          personalisation: { body: notification.body },
          reference: notification.reference,
        });
      case 'letter': {
        const result = await this.post('letter', {
          reference: notification.reference,
          content: Buffer.from(notification.pdf).toString('base64'),
          postage: notification.postage ?? 'second',
        });
        // A precompiled letter is checked for viruses before anything else happens to it.
        return { ...result, status: 'pending-virus-check' };
      }
    }
  }

  /**
   * GET /v2/notifications?reference=…: Notify answers `{ notifications: [{ id, reference, status, … }], links }`,
   * newest first. A status of Notify's we do not name (`sent` abroad, `returned-letter`, …) is read as
   * `created`: the notification exists, which is all the caller needs to know not to send it again.
   */
  async findByReference(reference: string): Promise<SendResult | undefined> {
    const response = await this.request('lookup', `/v2/notifications?reference=${encodeURIComponent(reference)}`);
    const text = await response.text();
    if (response.status !== 200) throw notifyError('lookup', response.status, parseJson(text) as NotifyErrorBody);
    const listed = (parseJson(text) as { notifications?: unknown } | undefined)?.notifications;
    if (!Array.isArray(listed))
      throw new NotificationSendError('GOV.UK Notify lookup: 200 without a list of notifications', true, 200);
    const found = (listed as { id?: unknown; reference?: unknown; status?: unknown }[]).find(
      (n) => n && typeof n.id === 'string' && n.reference === reference,
    );
    if (!found) return undefined;
    const status = DELIVERY_STATUSES.includes(found.status as DeliveryStatus)
      ? (found.status as DeliveryStatus)
      : 'created';
    return { providerId: found.id as string, status };
  }

  private async post(channel: Notification['channel'], body: Record<string, unknown>): Promise<SendResult> {
    const response = await this.request(channel, `/v2/notifications/${channel}`, body);
    let text: string;
    try {
      text = await response.text();
    } catch {
      // The status line came and the body did not: a 201 would mean Notify has it.
      throw new NotificationSendError(
        `GOV.UK Notify ${channel}: the answer broke off`,
        true,
        response.status,
        response.status === 201 || response.status >= 500,
      );
    }
    if (response.status === 201) {
      const created = parseJson(text) as { id?: unknown } | undefined;
      // Notify has the notification, we just cannot tell its id: a lookup by reference finds it.
      if (typeof created?.id !== 'string')
        throw new NotificationSendError(`GOV.UK Notify ${channel}: 201 without a notification id`, true, 201, true);
      const status: DeliveryStatus = 'created';
      return { providerId: created.id, status };
    }
    throw notifyError(channel, response.status, parseJson(text) as NotifyErrorBody | undefined);
  }

  private async request(what: string, path: string, body?: Record<string, unknown>): Promise<Response> {
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(this.key.serviceId)
      .setIssuedAt(Math.floor(this.now().getTime() / 1000))
      .sign(this.secret);
    try {
      return await fetch(`${this.config.baseUrl}${path}`, {
        method: body ? 'POST' : 'GET',
        headers: {
          authorization: `Bearer ${token}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
          'user-agent': 'ccsc-correspondence',
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
    } catch (error) {
      // Too slow, or the connection dropped: Notify may have taken the request, so the caller looks it up
      // by reference before sending again. A connection never made means Notify has nothing.
      // By name: the DOMException fetch rejects with need not be an instance of this realm's Error.
      const timedOut = (error as { name?: unknown } | null)?.name === 'TimeoutError';
      const neverConnected = !timedOut && NOT_CONNECTED.includes(causeCode(error) ?? '');
      const reason = timedOut ? 'timed out' : neverConnected ? 'could not connect' : 'the connection failed';
      throw new NotificationSendError(`GOV.UK Notify ${what}: ${reason}`, true, undefined, !neverConnected);
    }
  }
}

// Errors of a connection that was never made: nothing reached Notify.
const NOT_CONNECTED = [
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
];

function causeCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

/**
 * Maps Notify's answer to whether a retry helps: 429 (rate or daily limit) and 5xx are Notify's
 * side and pass; other 4xx (a bad request, a recipient not allowed by a team key, a bad key or
 * clock, an invalid PDF) will fail again the same way. Notify's own error codes and messages are
 * kept (they name fields, not values); the request is not.
 */
function notifyError(channel: string, status: number, body: NotifyErrorBody | undefined): NotificationSendError {
  const retryable = status === 429 || status >= 500;
  // A 5xx may come from a proxy in front of Notify after Notify took the request; a 4xx is Notify's refusal.
  const details = (body?.errors ?? [])
    .map((e) => [e.error, e.message].filter(Boolean).join(': '))
    .filter(Boolean)
    .join('; ')
    .slice(0, 500);
  return new NotificationSendError(
    `GOV.UK Notify ${channel}: HTTP ${status}${details ? ` (${details})` : ''}; ${retryable ? 'retry later' : 'retrying will not help'}`,
    retryable,
    status,
    status >= 500,
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
