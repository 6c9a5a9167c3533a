import { SignJWT } from 'jose';
import type { GovUkNotifyConfig } from './govuk-notify-config';
import { parseNotifyApiKey, type NotifyApiKey } from './notify-api-key';
import {
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

  private async post(channel: Notification['channel'], body: Record<string, unknown>): Promise<SendResult> {
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(this.key.serviceId)
      .setIssuedAt(Math.floor(this.now().getTime() / 1000))
      .sign(this.secret);
    let response: Response;
    try {
      response = await fetch(`${this.config.baseUrl}/v2/notifications/${channel}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'user-agent': 'ccsc-correspondence',
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
    } catch (error) {
      // Unreachable or too slow: Notify may or may not have taken it. Retrying is the right call; the
      // reference we sent ties a rare duplicate to its item in Notify's dashboard.
      // By name: the DOMException fetch rejects with need not be an instance of this realm's Error.
      const reason = (error as { name?: unknown } | null)?.name === 'TimeoutError' ? 'timed out' : 'could not connect';
      throw new NotificationSendError(`GOV.UK Notify ${channel}: ${reason}`, true);
    }
    const text = await response.text();
    if (response.status === 201) {
      const created = parseJson(text) as { id?: unknown } | undefined;
      if (typeof created?.id !== 'string')
        throw new NotificationSendError(`GOV.UK Notify ${channel}: 201 without a notification id`, true, 201);
      const status: DeliveryStatus = 'created';
      return { providerId: created.id, status };
    }
    throw notifyError(channel, response.status, parseJson(text) as NotifyErrorBody | undefined);
  }
}

/**
 * Maps Notify's answer to whether a retry helps: 429 (rate or daily limit) and 5xx are Notify's
 * side and pass; other 4xx (a bad request, a recipient not allowed by a team key, a bad key or
 * clock, an invalid PDF) will fail again the same way. Notify's own error codes and messages are
 * kept (they name fields, not values); the request is not.
 */
function notifyError(channel: string, status: number, body: NotifyErrorBody | undefined): NotificationSendError {
  const retryable = status === 429 || status >= 500;
  const details = (body?.errors ?? [])
    .map((e) => [e.error, e.message].filter(Boolean).join(': '))
    .filter(Boolean)
    .join('; ')
    .slice(0, 500);
  return new NotificationSendError(
    `GOV.UK Notify ${channel}: HTTP ${status}${details ? ` (${details})` : ''}; ${retryable ? 'retry later' : 'retrying will not help'}`,
    retryable,
    status,
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
