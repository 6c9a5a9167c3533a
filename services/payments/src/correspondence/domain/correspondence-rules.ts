import type { LocalDate } from '@ccsc/calendar';
import { paymentsCorrespondenceRequestedV1, type EventEnvelope } from '@ccsc/contracts';
import type { PlaceholderKind, TemplateDefinition } from '@ccsc/correspondence';
import * as shared from '@ccsc/correspondence/requests';

// Payments' correspondence rules (correspondence-rules.json) send letters and emails to whoever paid or
// applied; the table's shape and checks are libs/correspondence's (@ccsc/correspondence/requests). Payments
// knows the payer only by their account (a citizen's user id, or the firm's organisation id), so the request
// names that and cases, which holds the parties' names, addresses and languages, finds the party and renders.

/** Where a value comes from, and its kind. */
export const VALUE_SOURCES = {
  /** The payment's id: what the payer sees it by and quotes. */
  paymentReference: 'text',
  /** The money the event is about: the payment received, the refund approved. */
  amount: 'money',
  /** The London day the payment was received. */
  receivedOn: 'date',
  /** The case's 16-digit reference, as cases announced it. */
  caseReference: 'text',
  /** The London day of the event: the refund's approval, the application's decision. */
  eventDay: 'date',
  refundReference: 'text',
  helpWithFeesReference: 'text',
  /** The fee a Help with Fees application was for, as last assessed. */
  feeAmount: 'money',
  /** What the decision remits: the assessed remission when granted, nothing when refused or failed. */
  remittedAmount: 'money',
  /** The fee less what the decision remits. */
  amountToPay: 'money',
} as const satisfies Record<string, PlaceholderKind>;
export type ValueSourceName = keyof typeof VALUE_SOURCES;

/** The values payments can read for each of its events a rule may act on; another event has no rule yet. */
export const SUPPLIED_BY: Readonly<Record<string, readonly ValueSourceName[]>> = {
  'payments.payment-received.v1': ['paymentReference', 'amount', 'receivedOn', 'caseReference', 'eventDay'],
  'payments.refund-status-changed.v2': ['refundReference', 'amount', 'caseReference', 'eventDay'],
  'payments.help-with-fees-concluded.v1': [
    'helpWithFeesReference',
    'feeAmount',
    'remittedAmount',
    'amountToPay',
    'caseReference',
    'eventDay',
  ],
};

/** Whom payments knows as the payer or applicant: a citizen's account, or the firm that paid. */
export type Recipient = { userId: string } | { organisationId: string };

/** What payments knows when an event calls for a letter, read in the event's inbox transaction. */
export interface CorrespondenceFacts {
  caseId: string | null;
  /** Undefined when nobody known paid (bulk-scanned money is recorded by an officer, not its payer). */
  recipient?: Recipient;
  /** The event's London day. */
  day: LocalDate;
  values: Partial<Record<ValueSourceName, string | number>>;
}

export type CorrespondenceRule = shared.CorrespondenceRule<ValueSourceName>;
export type CorrespondenceRules = shared.CorrespondenceRules<CorrespondenceRule>;
export type CorrespondenceOutcome = shared.CorrespondenceOutcome;

export const PAYMENTS_RULE_SCHEMA: shared.CorrespondenceRuleSchema<ValueSourceName, CorrespondenceRule> = {
  service: 'payments',
  valueSources: VALUE_SOURCES,
  suppliedBy: SUPPLIED_BY,
  // A request is only ever for one of payments' own templates: cases refuses any other.
  ownTemplatesOnly: true,
};

/** The problems of a rule table against payments' events, the values each supplies and the templates given. */
export const checkCorrespondenceRules = (table: CorrespondenceRules, templates: readonly TemplateDefinition[]) =>
  shared.checkCorrespondenceRules(table, templates, PAYMENTS_RULE_SCHEMA);

const PAYMENTS_READING: shared.CorrespondenceReading<ValueSourceName, CorrespondenceRule, CorrespondenceFacts> = {
  addressee(_rule, { caseId, recipient }) {
    // Cases knows people only as parties of a case: money for a fine account or not yet placed has nobody there.
    if (!caseId) return { skipped: 'not about a case' };
    if (!recipient) return { skipped: 'nobody known paid or applied' };
    return { caseId, ...recipient };
  },
  valueOf: (name, { values }) => values[name],
};

/** What each rule the event meets asks of cases for the payer or applicant, or why nothing. */
export const correspondenceFor = (
  table: CorrespondenceRules,
  event: EventEnvelope,
  facts: CorrespondenceFacts,
  calendar?: Parameters<typeof shared.correspondenceFor>[4],
): CorrespondenceOutcome[] => shared.correspondenceFor(table, event, facts, PAYMENTS_READING, calendar);

/** How payments asks cases: its request event, its reading of the facts, the request's subject. */
export const PAYMENTS_REQUESTS: shared.CorrespondenceRequestsOf<
  ValueSourceName,
  CorrespondenceRule,
  CorrespondenceFacts
> = {
  requested: paymentsCorrespondenceRequestedV1,
  reading: PAYMENTS_READING,
  // Keyed by what the event is about (the payment, the refund, the application), as that event is.
  subjectOf: (event, _facts, request) => event.subject ?? request.caseId,
};
