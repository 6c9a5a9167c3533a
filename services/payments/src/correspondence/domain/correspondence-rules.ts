import { getMetadataStorage } from 'class-validator';
import { addDays, WorkingDayCalendar, type LocalDate } from '@ccsc/calendar';
import { eventTypeOf, type CorrespondenceRequestedV1, type EventEnvelope } from '@ccsc/contracts';
import { correspondenceRequestId, type PlaceholderKind, type TemplateDefinition } from '@ccsc/correspondence';

// Payments' correspondence rules are data (correspondence-rules.json): which of payments' own events send
// which letter or email, to whoever paid or applied, and where each of the template's values comes from.
// Payments decides WHAT to send; it knows the payer only by their account (a citizen's user id, or the
// firm's organisation id), so the request names that and cases, which holds the parties' names, addresses
// and languages, finds the party and renders. `checkCorrespondenceRules` refuses a table naming an event,
// a field, a template, a placeholder or a value this build does not know, or leaving a placeholder
// unfilled, so a mistake stops the start-up and the tests, never a letter at run time.

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

/** A value source, or a day `daysAfterEventDay` calendar days after the event's, moved on to a working day. */
export type ValueSource = ValueSourceName | { daysAfterEventDay: number };

export interface CorrespondenceRule {
  id: string;
  /** One of payments' own event types. */
  on: string;
  /** Fields of the event's data and the values (any of them) they must have. */
  if?: Record<string, string[]>;
  template: string;
  /** The text placeholder that takes the recipient's name, which cases fills in. */
  recipientNameAs: string;
  values: Record<string, ValueSource>;
}

export interface CorrespondenceRules {
  version: string;
  rules: CorrespondenceRule[];
}

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

export type CorrespondenceOutcome =
  { rule: string; request: CorrespondenceRequestedV1 } | { rule: string; skipped: string };

const isSourceName = (value: unknown): value is ValueSourceName =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(VALUE_SOURCES, value);
const kindOf = (source: ValueSource): PlaceholderKind | undefined =>
  typeof source === 'object' && source !== null ? 'date' : isSourceName(source) ? VALUE_SOURCES[source] : undefined;

function fieldsOf(type: string): Set<string> | undefined {
  const known = eventTypeOf(type);
  if (!known) return undefined;
  return new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(known.schema, '', true, false)
      .map((m) => m.propertyName),
  );
}

/** The problems of a rule table against what this build knows. Empty when the table is sound. */
export function checkCorrespondenceRules(
  table: CorrespondenceRules,
  templates: readonly TemplateDefinition[],
): string[] {
  const problems: string[] = [];
  if (typeof table.version !== 'string' || table.version === '') problems.push('the table has no version');
  if (!Array.isArray(table.rules)) return [...problems, 'the table has no rules'];
  const seen = new Set<string>();
  for (const rule of table.rules) {
    const where = `rule ${rule.id}`;
    if (seen.has(rule.id)) problems.push(`${where}: defined twice`);
    seen.add(rule.id);

    const type = eventTypeOf(rule.on);
    const fields = fieldsOf(rule.on);
    const supplied = SUPPLIED_BY[rule.on];
    if (!type || !fields) problems.push(`${where}: unknown event '${rule.on}'`);
    // A service writes only from its own events: another service's event is that service's to act on.
    else if (type.source !== 'payments') problems.push(`${where}: '${rule.on}' is not a payments event`);
    else if (!supplied) problems.push(`${where}: payments reads no values for '${rule.on}'`);
    else
      for (const [field, wanted] of Object.entries(rule.if ?? {})) {
        if (!fields.has(field)) problems.push(`${where}: '${rule.on}' has no field '${field}'`);
        if (!Array.isArray(wanted) || wanted.length === 0)
          problems.push(`${where}: the condition on '${field}' lists no values`);
      }
    // A request is only ever for one of payments' own templates: cases refuses any other.
    if (!rule.template?.startsWith('payments.'))
      problems.push(`${where}: '${rule.template}' is not a payments template`);

    const template = templates.find((t) => t.id === rule.template);
    if (!template) {
      problems.push(`${where}: unknown template '${rule.template}'`);
      continue;
    }
    const placeholders = template.placeholders;
    const name = placeholders[rule.recipientNameAs];
    if (!name) problems.push(`${where}: '${rule.template}' has no placeholder '${rule.recipientNameAs}' for the name`);
    else if (name.kind !== 'text')
      problems.push(`${where}: the name goes in a text placeholder, not '${rule.recipientNameAs}'`);
    if (rule.values?.[rule.recipientNameAs] !== undefined)
      problems.push(
        `${where}: '${rule.recipientNameAs}' is the recipient's name, which cases fills in, and has a value`,
      );

    for (const [placeholder, source] of Object.entries(rule.values ?? {})) {
      const definition = placeholders[placeholder];
      if (!definition) {
        problems.push(`${where}: '${rule.template}' has no placeholder '${placeholder}'`);
        continue;
      }
      const kind = kindOf(source);
      if (kind === undefined) problems.push(`${where}: '${placeholder}' takes an unknown value '${String(source)}'`);
      else if (kind !== definition.kind)
        problems.push(`${where}: '${placeholder}' is ${definition.kind} but its value is ${kind}`);
      if (isSourceName(source) && supplied && !supplied.includes(source))
        problems.push(`${where}: '${rule.on}' does not supply '${source}'`);
      if (typeof source === 'object' && !(Number.isInteger(source.daysAfterEventDay) && source.daysAfterEventDay >= 1))
        problems.push(`${where}: '${placeholder}' must be a whole number of days (1 or more) after the event`);
    }
    for (const placeholder of Object.keys(placeholders))
      if (placeholder !== rule.recipientNameAs && rule.values?.[placeholder] === undefined)
        problems.push(`${where}: '${rule.template}' placeholder '${placeholder}' is given no value`);
  }
  return problems;
}

/** The rules an event meets: its type, and each condition on its data. */
export function rulesFor(table: CorrespondenceRules, event: EventEnvelope): CorrespondenceRule[] {
  const data = event.data as Record<string, unknown>;
  return table.rules.filter(
    (rule) =>
      rule.on === event.type &&
      Object.entries(rule.if ?? {}).every(([field, wanted]) => wanted.includes(data[field] as string)),
  );
}

/** England and Wales working days, built once: a pay-by day that falls when the courts are closed moves on. */
const CALENDAR = WorkingDayCalendar.englandAndWales();

/**
 * What each rule the event meets asks for: a request to cases, or why none. The request's id is a UUID v5
 * of the source event's id and the template, so the same event handled again asks for the same item.
 */
export function correspondenceFor(
  table: CorrespondenceRules,
  event: EventEnvelope,
  facts: CorrespondenceFacts,
  calendar: WorkingDayCalendar = CALENDAR,
): CorrespondenceOutcome[] {
  return rulesFor(table, event).map((rule) => decide(rule, event, facts, calendar));
}

function decide(
  rule: CorrespondenceRule,
  event: EventEnvelope,
  facts: CorrespondenceFacts,
  calendar: WorkingDayCalendar,
): CorrespondenceOutcome {
  const skip = (skipped: string): CorrespondenceOutcome => ({ rule: rule.id, skipped });
  // Cases knows people only as parties of a case: money for a fine account or not yet placed has nobody there.
  if (!facts.caseId) return skip('not about a case');
  if (!facts.recipient) return skip('nobody known paid or applied');
  const values: Record<string, string | number> = {};
  for (const [placeholder, from] of Object.entries(rule.values)) {
    const value =
      typeof from === 'object'
        ? workingDayFrom(calendar, addDays(facts.day, from.daysAfterEventDay))
        : facts.values[from];
    if (value === undefined) return skip(`nothing to put in '${placeholder}'`);
    values[placeholder] = value;
  }
  return {
    rule: rule.id,
    request: {
      requestId: correspondenceRequestId(event.id, rule.template),
      caseId: facts.caseId,
      ...facts.recipient,
      template: rule.template,
      values,
      recipientNameAs: rule.recipientNameAs,
    },
  };
}

function workingDayFrom(calendar: WorkingDayCalendar, day: LocalDate): LocalDate {
  return calendar.isWorkingDay(day) ? day : calendar.nextWorkingDay(day);
}
