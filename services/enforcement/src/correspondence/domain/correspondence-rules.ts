import { getMetadataStorage } from 'class-validator';
import { addDays, WorkingDayCalendar, type LocalDate } from '@ccsc/calendar';
import { eventTypeOf, type CorrespondenceRequestedV1, type EventEnvelope } from '@ccsc/contracts';
import { correspondenceRequestId, type PlaceholderKind, type TemplateDefinition } from '@ccsc/correspondence';
import { ACTIONS, isActionId } from '../../action/domain/enforcement-actions';
import type { AccountStatus } from '../../account/domain/fine-account';
import { arrearsOn, balanceOf, missedSince, nextPayment, type AccountStanding } from './account-figures';

// The correspondence rules are data (correspondence-rules.json): which of enforcement's own events send
// which notice to the account's defendant, and where each of the template's values comes from. Enforcement
// decides WHAT to send; cases holds the defendant's name, address and language, so it renders and sends
// (libs/contracts' CorrespondenceRequestedV1). `checkCorrespondenceRules` refuses a table naming an event,
// a field, a template, a placeholder or a value this build does not know, or leaving a placeholder
// unfilled, so a mistake stops the start-up and the tests, never a letter at run time.

/** Where a value comes from: a figure of the account on the event's day, or of the warrant the event is about. */
export const VALUE_SOURCES = {
  accountNumber: 'text',
  /** Everything still owed: imposed less paid and written off. */
  balance: 'money',
  /** What the terms asked for before the event's day and is unpaid (the default run's arrears). */
  arrears: 'money',
  /** The first scheduled payment before the event's day that is unpaid. */
  missedSince: 'date',
  /** The unpaid part of the next scheduled payment due on or after the event's day, and its day. */
  nextPaymentAmount: 'money',
  nextPaymentDate: 'date',
  /** The day of the event: the action's day, the day the account defaulted, the warrant's change. */
  eventDay: 'date',
  warrantIssuedOn: 'date',
  /** The enforcement agents the warrant was passed to. */
  warrantAgent: 'text',
} as const satisfies Record<string, PlaceholderKind>;
export type ValueSourceName = keyof typeof VALUE_SOURCES;

/** A value source, or a day `daysAfterEventDay` calendar days after the event's, moved on to a working day. */
export type ValueSource = ValueSourceName | { daysAfterEventDay: number };

export interface CorrespondenceRule {
  /** Names the rule in every problem and outcome. */
  id: string;
  /** The event type, one of enforcement's own, e.g. `enforcement.account-defaulted.v1`. */
  on: string;
  /** Fields of the event's data and the values (any of them) they must have. */
  if?: Record<string, string[]>;
  /** For an event about a warrant: the kinds of warrant (the action that created it) the notice is for. */
  warrantKinds?: string[];
  template: string;
  /** The text placeholder that takes the defendant's name, which cases fills in. */
  recipientNameAs: string;
  values: Record<string, ValueSource>;
  /** Money placeholders that make the notice pointless when nothing: no request is made. */
  skipIfZero?: string[];
}

export interface CorrespondenceRules {
  version: string;
  rules: CorrespondenceRule[];
}

const WARRANT_SOURCES: readonly ValueSourceName[] = ['warrantIssuedOn', 'warrantAgent'];
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

/**
 * The problems of a rule table against what this build knows (enforcement's event types and their fields,
 * the templates given, the value sources, the warrant-creating actions). Empty when the table is sound.
 */
export function checkCorrespondenceRules(
  table: CorrespondenceRules,
  templates: readonly TemplateDefinition[],
): string[] {
  const problems: string[] = [];
  if (typeof table.version !== 'string' || table.version === '') problems.push('the table has no version');
  const seen = new Set<string>();
  for (const rule of table.rules) {
    const where = `rule ${rule.id}`;
    if (seen.has(rule.id)) problems.push(`${where}: defined twice`);
    seen.add(rule.id);

    const type = eventTypeOf(rule.on);
    const fields = fieldsOf(rule.on);
    if (!type || !fields) problems.push(`${where}: unknown event '${rule.on}'`);
    // A service writes only from its own events: another service's event is that service's to act on.
    else if (type.source !== 'enforcement') problems.push(`${where}: '${rule.on}' is not an enforcement event`);
    else {
      for (const [field, wanted] of Object.entries(rule.if ?? {})) {
        if (!fields.has(field)) problems.push(`${where}: '${rule.on}' has no field '${field}'`);
        if (!Array.isArray(wanted) || wanted.length === 0)
          problems.push(`${where}: the condition on '${field}' lists no values`);
      }
      const aboutWarrant = fields.has('warrantId');
      const warrantValues = Object.values(rule.values ?? {}).filter(
        (s) => isSourceName(s) && WARRANT_SOURCES.includes(s),
      );
      if (!aboutWarrant && (warrantValues.length > 0 || rule.warrantKinds))
        problems.push(`${where}: '${rule.on}' is not about a warrant, so it has no warrant to read`);
    }
    for (const kind of rule.warrantKinds ?? [])
      if (!isActionId(kind) || !ACTIONS[kind].createsWarrant)
        problems.push(`${where}: '${kind}' is no action that creates a warrant`);

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
      if (typeof source === 'object' && !(Number.isInteger(source.daysAfterEventDay) && source.daysAfterEventDay >= 1))
        problems.push(`${where}: '${placeholder}' must be a whole number of days (1 or more) after the event`);
    }
    for (const placeholder of Object.keys(placeholders))
      if (placeholder !== rule.recipientNameAs && rule.values?.[placeholder] === undefined)
        problems.push(`${where}: '${rule.template}' placeholder '${placeholder}' is given no value`);
    for (const placeholder of rule.skipIfZero ?? [])
      if (placeholders[placeholder]?.kind !== 'money' || rule.values?.[placeholder] === undefined)
        problems.push(`${where}: skipIfZero names '${placeholder}', which is no money value of the rule`);
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

/** What enforcement knows when an event calls for a notice, read in the event's inbox transaction. */
export interface CorrespondenceFacts {
  accountId: string;
  /** The event's day (Europe/London): the action's, the default's, the warrant change's. */
  day: LocalDate;
  account: AccountStanding & {
    accountNumber: string;
    status: AccountStatus;
    caseId: string | null;
    defendantPartyId: string | null;
  };
  /** The warrant an event about a warrant names, when there is one. */
  warrant?: { kind: string; issuedOn: LocalDate; agent: string | null };
}

export type CorrespondenceOutcome =
  { rule: string; request: CorrespondenceRequestedV1 } | { rule: string; skipped: string };

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
  const { account, day } = facts;
  const skip = (skipped: string): CorrespondenceOutcome => ({ rule: rule.id, skipped });
  // A paid, written-off, consolidated or transferred account has nothing left to ask its defendant for.
  if (account.status !== 'live') return skip(`the account is ${account.status}`);
  // Nobody to write to: cases knows people only as parties of a case. An officer sees the account anyway.
  if (!account.defendantPartyId || !account.caseId) return skip('the account has no defendant party on a case');
  if (rule.warrantKinds && !(facts.warrant && rule.warrantKinds.includes(facts.warrant.kind)))
    return skip('the warrant is not of a kind this notice is for');

  const next = nextPayment(account, day);
  const source = (name: ValueSourceName): string | number | undefined => {
    switch (name) {
      case 'accountNumber':
        return account.accountNumber;
      case 'balance':
        return balanceOf(account);
      case 'arrears':
        return arrearsOn(account, day);
      case 'missedSince':
        return missedSince(account, day);
      case 'nextPaymentAmount':
        return next?.amountPence;
      case 'nextPaymentDate':
        return next?.dueOn;
      case 'eventDay':
        return day;
      case 'warrantIssuedOn':
        return facts.warrant?.issuedOn;
      case 'warrantAgent':
        return facts.warrant?.agent ?? undefined;
    }
  };
  const values: Record<string, string | number> = {};
  for (const [placeholder, from] of Object.entries(rule.values)) {
    const value =
      typeof from === 'object' ? workingDayFrom(calendar, addDays(day, from.daysAfterEventDay)) : source(from);
    if (value === undefined) return skip(`nothing to put in '${placeholder}'`);
    values[placeholder] = value;
  }
  const zero = (rule.skipIfZero ?? []).find((p) => values[p] === 0);
  if (zero) return skip(`'${zero}' is nothing`);
  return {
    rule: rule.id,
    request: {
      requestId: correspondenceRequestId(event.id, rule.template),
      caseId: account.caseId,
      partyId: account.defendantPartyId,
      template: rule.template,
      values,
      recipientNameAs: rule.recipientNameAs,
      about: account.accountNumber,
    },
  };
}

/**
 * A pay-by day is a count of calendar days, as a notice states it; one that would fall on a weekend or a
 * bank holiday, when the office that takes payments and calls is closed, moves on to the next working day,
 * in the defendant's favour (as CPR 2.8(5) does for an act at a court office).
 */
function workingDayFrom(calendar: WorkingDayCalendar, day: LocalDate): LocalDate {
  return calendar.isWorkingDay(day) ? day : calendar.nextWorkingDay(day);
}
