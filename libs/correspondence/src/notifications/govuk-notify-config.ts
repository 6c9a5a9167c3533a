import { parseNotifyApiKey } from './notify-api-key';

export const NOTIFY_PRODUCTION_URL = 'https://api.notifications.service.gov.uk';

/**
 * How GovUkNotifySender reaches Notify. Notify sends emails and texts only from templates held in
 * Notify, so each service has one pass-through template per channel, whose subject is `((subject))`
 * and whose content is `((body))`: our templates stay here, versioned and checked with the code.
 */
export interface GovUkNotifyConfig {
  apiKey: string;
  baseUrl: string;
  emailTemplateId: string;
  smsTemplateId: string;
  /** How long one request may take before it is abandoned (and counted as retryable). */
  timeoutMs: number;
}

/**
 * Reads the configuration from the environment:
 * - NOTIFY_API_KEY: the API key from Notify's settings (a team or test key outside production);
 * - NOTIFY_BASE_URL: optional, Notify's API by default; https unless it is a local test server;
 * - NOTIFY_EMAIL_TEMPLATE_ID, NOTIFY_SMS_TEMPLATE_ID: the pass-through templates' ids;
 * - NOTIFY_TIMEOUT_MS: optional, 10 s by default.
 * NOTIFY_CALLBACK_TOKEN, the bearer token configured for delivery receipts, is read by whoever
 * receives them (see verifyNotifyCallback).
 */
export function notifyConfigFromEnv(env: NodeJS.ProcessEnv = process.env): GovUkNotifyConfig {
  const required = (name: string): string => {
    const value = env[name]?.trim();
    if (!value) throw new Error(`${name} must be set to send through GOV.UK Notify`);
    return value;
  };
  const apiKey = required('NOTIFY_API_KEY');
  parseNotifyApiKey(apiKey);
  const baseUrl = (env.NOTIFY_BASE_URL?.trim() || NOTIFY_PRODUCTION_URL).replace(/\/+$/, '');
  const url = new URL(baseUrl);
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(local && url.protocol === 'http:'))
    throw new Error('NOTIFY_BASE_URL must be https (http only for a local test server)');
  const timeoutMs = Number(env.NOTIFY_TIMEOUT_MS ?? 10_000);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) throw new Error('NOTIFY_TIMEOUT_MS must be a whole number of ms');
  return {
    apiKey,
    baseUrl,
    emailTemplateId: required('NOTIFY_EMAIL_TEMPLATE_ID'),
    smsTemplateId: required('NOTIFY_SMS_TEMPLATE_ID'),
    timeoutMs,
  };
}
