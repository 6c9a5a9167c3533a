export {
  ADDRESS_LINES,
  addresseeNameProblem,
  addressLinesProblem,
  CONTROL_OR_LINE_BREAK,
  normaliseAddressLines,
  normalisePostcode,
  UK_POSTCODE,
} from './address/postal-address';
export { IsAddresseeName } from './address/is-addressee-name';
export {
  CHANNELS,
  PLACEHOLDER_KINDS,
  type Channel,
  type Language,
  type PlaceholderDefinition,
  type PlaceholderKind,
  type TemplateDefinition,
  type TemplateWording,
} from './templates/template-definition';
export { CORRESPONDENCE_TEMPLATES } from './templates/correspondence-templates';
export {
  loadTemplates,
  TemplateSet,
  TemplateSetError,
  UnknownTemplateError,
  type Template,
} from './templates/load-templates';
export {
  chooseLanguage,
  type LanguageChoiceFacts,
  type LanguagePreference,
  type RenderLanguage,
} from './language/choose-language';
export {
  formatPence,
  PlaceholderValueError,
  type BilingualText,
  type PlaceholderValue,
  type PlaceholderValues,
} from './render/format-placeholder-value';
export { correspondenceRequestId, uuidV5 } from './requests/request-id';
export { render, type RenderedSection, type RenderedText } from './render/render-text';
export { renderLetterPdf, type LetterDetails, type LetterRecipient, type LetterSender } from './render/letter-pdf';
export {
  DELIVERY_STATUSES,
  NotificationSendError,
  type DeliveryStatus,
  type EmailNotification,
  type LetterNotification,
  type Notification,
  type NotificationSender,
  type SendResult,
  type SmsNotification,
} from './notifications/notification-sender.port';
export { SandboxNotificationSender, type SandboxSentItem } from './notifications/sandbox-notification-sender';
export { GovUkNotifySender } from './notifications/govuk-notify-sender';
export {
  notifyConfigFromEnv,
  NOTIFY_PRODUCTION_URL,
  type GovUkNotifyConfig,
} from './notifications/govuk-notify-config';
export { parseNotifyApiKey, type NotifyApiKey } from './notifications/notify-api-key';
export {
  DeliveryReceiptRejected,
  isNotifyCallbackAuthorised,
  parseDeliveryReceipt,
  verifyNotifyCallback,
  type DeliveryReceipt,
} from './notifications/notify-delivery-receipt';
export {
  channelFor,
  ITEM_STATUSES,
  letterSenderFor,
  nextAttemptAt,
  statusAfterProvider,
  type CorrespondenceItem,
  type ItemRecipient,
  type ItemStatus,
  type RetryPolicy,
} from './outbox/correspondence-item';
export { postcodeInWales } from './outbox/in-wales';
