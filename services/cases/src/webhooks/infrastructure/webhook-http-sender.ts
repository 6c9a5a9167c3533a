import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { endpointUrlProblem, isAllowedAddress, type EndpointUrlPolicy } from '../domain/endpoint-url-policy';

export interface SignedMessage {
  url: string;
  /** The `webhook-id`: the delivery's id, the same on every attempt. */
  id: string;
  body: string;
  secrets: readonly string[];
  sentAt: Date;
}

/** What one attempt came to: the receiver's status, or why there was none. Never the request itself. */
export interface SendOutcome {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

class AddressNotAllowed extends Error {
  readonly code = 'EADDRNOTPUBLIC';
}

/** `webhook-signature`: one `v1,<base64>` per secret, space-separated, as Standard Webhooks allows. */
export function signatureHeader(message: Pick<SignedMessage, 'id' | 'body' | 'secrets' | 'sentAt'>): string {
  return message.secrets.map((secret) => new Webhook(secret).sign(message.id, message.sentAt, message.body)).join(' ');
}

/** Short, fixed descriptions of failures for the attempt log: no addresses, no bodies, no secrets. */
function describe(error: unknown): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'EADDRNOTPUBLIC':
      return 'the endpoint resolves to an address that is not allowed';
    case 'ETIMEDOUT':
      return 'timed out';
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ECONNRESET':
      return 'connection reset';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host name not found';
    default:
      return code ? `network error ${code}`.slice(0, 200) : 'network error';
  }
}

/**
 * Sends signed webhook messages over HTTP(S). Every address a name resolves to is checked when
 * connecting (not only the URL when it was registered), so DNS cannot point a registered name at our
 * own network later. Redirects are not followed: a 3xx is a failed attempt like any other non-2xx.
 */
export class WebhookHttpSender {
  constructor(
    private readonly policy: EndpointUrlPolicy,
    private readonly timeoutMs: number,
  ) {}

  send(message: SignedMessage): Promise<SendOutcome> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    return new Promise<SendOutcome>((resolve) => {
      let settled = false;
      // Declared before `finish`, which a refusal below calls before the deadline is set.
      let timer: NodeJS.Timeout | undefined = undefined;
      const finish = (statusCode: number | null, error: string | null) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ statusCode, error, durationMs: elapsed() });
      };
      // Judged again when sending, not only when registered: an endpoint saved before a rule was
      // added (a port, a trailing dot) must not be called either.
      if (endpointUrlProblem(message.url, this.policy)) {
        finish(null, 'the endpoint URL is not allowed');
        return;
      }
      const url = new URL(message.url);
      const host = url.hostname.replace(/^\[|\]$/g, '');
      if (isIP(host) && !isAllowedAddress(host, this.policy)) {
        finish(null, describe(new AddressNotAllowed()));
        return;
      }
      const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, {
        method: 'POST',
        lookup: this.guardedLookup(),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'ccsc-webhooks/1',
          'webhook-id': message.id,
          'webhook-timestamp': String(Math.floor(message.sentAt.getTime() / 1000)),
          'webhook-signature': signatureHeader(message),
        },
      });
      // One deadline for the whole attempt (connect, send, answer), so a slow receiver cannot hold it longer.
      timer = setTimeout(() => {
        finish(null, 'timed out');
        request.destroy();
      }, this.timeoutMs);
      request.on('response', (response: IncomingMessage) => {
        finish(response.statusCode ?? null, response.statusCode ? null : 'no status');
        // The status is the whole answer; the body is not wanted. Draining it instead would leave the
        // socket to the receiver, which could send headers and trickle (or never end) the body and so
        // keep one socket per attempt open for good, with no deadline left to close it.
        request.destroy();
      });
      request.on('error', (error) => finish(null, describe(error)));
      request.end(message.body);
    });
  }

  private guardedLookup(): LookupFunction {
    const policy = this.policy;
    return ((hostname: string, options: LookupOptions, callback: (...args: unknown[]) => void) => {
      dnsLookup(hostname, options, (error, address: string | LookupAddress[], family?: number) => {
        if (error) return callback(error);
        const addresses = Array.isArray(address) ? address.map((a) => a.address) : [address];
        if (addresses.length === 0 || addresses.some((a) => !isAllowedAddress(a, policy)))
          return callback(new AddressNotAllowed('The endpoint resolves to an address that is not allowed'));
        return callback(null, address, family);
      });
    }) as LookupFunction;
  }
}
