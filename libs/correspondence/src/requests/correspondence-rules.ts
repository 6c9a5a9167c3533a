import { getMetadataStorage } from 'class-validator';
import { addDays, WorkingDayCalendar, type LocalDate } from '@ccsc/calendar';
import { eventTypeOf, type CorrespondenceRequestedV1, type EventEnvelope } from '@ccsc/contracts';
import type { PlaceholderKind, TemplateDefinition } from '../templates/template-definition';
import { correspondenceRequestId } from './request-id';

// A service's correspondence rules are data (its correspondence-rules.json): which of its own events send
// which template, and where each of the template's values comes from. The service decides WHAT to send;
// cases holds the recipient's name, address and language, so it renders and sends (libs/contracts'
// CorrespondenceRequestedV1). `checkCorrespondenceRules` refuses a table naming an event, a field, a
// template, a placeholder or a value the build does not know, or leaving a placeholder unfilled, so a
// mistake stops the start-up and the tests, never a letter at run time.

/** A value source of the service, or a day `daysAfterEventDay` calendar days after the event's, moved on to a working day. */
export type ValueSource<SourceName extends string = string> = SourceName | { daysAfterEventDay: number };

export interface CorrespondenceRule<SourceName extends string = string> {
  /** Names the rule in every problem and outcome. */
  id: string;
  /** The event type, one of the service's own, e.g. `enforcement.account-defaulted.v1`. */
  on: string;
  /** Fields of the event's data and the values (any of them) they must have. */
  if?: Record<string, string[]>;
  template: string;
  /** The text placeholder that takes the recipient's name, which cases fills in. */
  recipientNameAs: string;
  values: Record<string, ValueSource<SourceName>>;
  /** Money placeholders that make the notice pointless when nothing: no request is made. */
  skipIfZero?: string[];
}

export interface CorrespondenceRules<Rule extends CorrespondenceRule = CorrespondenceRule> {
  version: string;
  rules: Rule[];
}

/** What a service's rule table may name beyond the shared rules: its events, its values, its own checks. */
export interface CorrespondenceRuleSchema<SourceName extends string, Rule extends CorrespondenceRule<SourceName>> {
  /** The service whose own events the rules act on (the events' `source`). */
  service: string;
  /** Every value the service can read, and its kind. */
  valueSources: Readonly<Record<SourceName, PlaceholderKind>>;
  /** When the values differ by event: those each event supplies. An event not listed takes no rule. */
  suppliedBy?: Readonly<Record<string, readonly SourceName[]>>;
  /** Whether a rule may name only the service's own templates (`<service>.…`), as cases requires of some. */
  ownTemplatesOnly?: boolean;
  /** The service's own problems of a rule; `fields` are its event's, when that is one of the service's own. */
  ruleProblems?(rule: Rule, where: string, fields: ReadonlySet<string> | undefined): string[];
}

function fieldsOf(type: string): Set<string> | undefined {
  const known = eventTypeOf(type);
  if (!known) return undefined;
  return new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(known.schema, '', true, false)
      .map((m) => m.propertyName),
  );
}

const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');

/**
 * The problems of a rule table against what this build knows (the service's event types and their fields,
 * the templates given, the value sources). Empty when the table is sound.
 */
export function checkCorrespondenceRules<SourceName extends string, Rule extends CorrespondenceRule<SourceName>>(
  table: CorrespondenceRules<Rule>,
  templates: readonly TemplateDefinition[],
  schema: CorrespondenceRuleSchema<SourceName, Rule>,
): string[] {
  const { service, valueSources, suppliedBy } = schema;
  const isSourceName = (value: unknown): value is SourceName =>
    typeof value === 'string' && Object.prototype.hasOwnProperty.call(valueSources, value);
  const kindOf = (source: ValueSource<SourceName>): PlaceholderKind | undefined =>
    typeof source === 'object' && source !== null ? 'date' : isSourceName(source) ? valueSources[source] : undefined;

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
    const supplied = suppliedBy?.[rule.on];
    let ownFields: Set<string> | undefined;
    if (!type || !fields) problems.push(`${where}: unknown event '${rule.on}'`);
    // A service writes only from its own events: another service's event is that service's to act on.
    else if (type.source !== service)
      problems.push(`${where}: '${rule.on}' is not ${article(service)} ${service} event`);
    else if (suppliedBy && !supplied) problems.push(`${where}: ${service} reads no values for '${rule.on}'`);
    else {
      ownFields = fields;
      for (const [field, wanted] of Object.entries(rule.if ?? {})) {
        if (!fields.has(field)) problems.push(`${where}: '${rule.on}' has no field '${field}'`);
        if (!Array.isArray(wanted) || wanted.length === 0)
          problems.push(`${where}: the condition on '${field}' lists no values`);
      }
    }
    problems.push(...(schema.ruleProblems?.(rule, where, ownFields) ?? []));
    if (schema.ownTemplatesOnly && !rule.template?.startsWith(`${service}.`))
      problems.push(`${where}: '${rule.template}' is not ${article(service)} ${service} template`);

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
    for (const placeholder of rule.skipIfZero ?? [])
      if (placeholders[placeholder]?.kind !== 'money' || rule.values?.[placeholder] === undefined)
        problems.push(`${where}: skipIfZero names '${placeholder}', which is no money value of the rule`);
  }
  return problems;
}

/** The rules an event meets: its type, and each condition on its data. */
export function rulesFor<Rule extends CorrespondenceRule>(
  table: CorrespondenceRules<Rule>,
  event: EventEnvelope,
): Rule[] {
  const data = event.data as Record<string, unknown>;
  return table.rules.filter(
    (rule) =>
      rule.on === event.type &&
      Object.entries(rule.if ?? {}).every(([field, wanted]) => wanted.includes(data[field] as string)),
  );
}

export type CorrespondenceOutcome =
  { rule: string; request: CorrespondenceRequestedV1 } | { rule: string; skipped: string };

/** Whom a request is for, as the service knows them: the case, and a party, citizen account or firm. */
export type RequestAddressee = Omit<CorrespondenceRequestedV1, 'requestId' | 'template' | 'values' | 'recipientNameAs'>;

/** How a service reads its facts of an event: whom to write to under a rule (or why nobody), and each value. */
export interface CorrespondenceReading<SourceName extends string, Rule, Facts extends { day: LocalDate }> {
  addressee(rule: Rule, facts: Facts): RequestAddressee | { skipped: string };
  valueOf(source: SourceName, facts: Facts): string | number | undefined;
}

/** England and Wales working days, built once: a pay-by day that falls when the courts are closed moves on. */
const CALENDAR = WorkingDayCalendar.englandAndWales();

/**
 * What each rule the event meets asks for: a request to cases, or why none. The request's id is a UUID v5
 * of the source event's id and the template, so the same event handled again asks for the same item.
 */
export function correspondenceFor<
  SourceName extends string,
  Rule extends CorrespondenceRule<SourceName>,
  Facts extends { day: LocalDate },
>(
  table: CorrespondenceRules<Rule>,
  event: EventEnvelope,
  facts: Facts,
  reading: CorrespondenceReading<SourceName, Rule, Facts>,
  calendar: WorkingDayCalendar = CALENDAR,
): CorrespondenceOutcome[] {
  return rulesFor(table, event).map((rule) => decide(rule, event, facts, reading, calendar));
}

function decide<
  SourceName extends string,
  Rule extends CorrespondenceRule<SourceName>,
  Facts extends { day: LocalDate },
>(
  rule: Rule,
  event: EventEnvelope,
  facts: Facts,
  reading: CorrespondenceReading<SourceName, Rule, Facts>,
  calendar: WorkingDayCalendar,
): CorrespondenceOutcome {
  const skip = (skipped: string): CorrespondenceOutcome => ({ rule: rule.id, skipped });
  const addressee = reading.addressee(rule, facts);
  if ('skipped' in addressee) return skip(addressee.skipped);
  const values: Record<string, string | number> = {};
  for (const [placeholder, from] of Object.entries<ValueSource<SourceName>>(rule.values)) {
    const value =
      typeof from === 'object' ? payByDay(facts.day, from.daysAfterEventDay, calendar) : reading.valueOf(from, facts);
    if (value === undefined) return skip(`nothing to put in '${placeholder}'`);
    values[placeholder] = value;
  }
  const zero = (rule.skipIfZero ?? []).find((p) => values[p] === 0);
  if (zero) return skip(`'${zero}' is nothing`);
  const { caseId, ...recipient } = addressee;
  return {
    rule: rule.id,
    request: {
      requestId: correspondenceRequestId(event.id, rule.template),
      caseId,
      ...recipient,
      template: rule.template,
      values,
      recipientNameAs: rule.recipientNameAs,
    },
  };
}

/**
 * A pay-by day is a count of calendar days, as a notice states it; one that would fall on a weekend or a
 * bank holiday, when the office that takes payments and calls is closed, moves on to the next working day,
 * in the recipient's favour (as CPR 2.8(5) does for an act at a court office).
 */
export function payByDay(from: LocalDate, days: number, calendar: WorkingDayCalendar = CALENDAR): LocalDate {
  const day = addDays(from, days);
  return calendar.isWorkingDay(day) ? day : calendar.nextWorkingDay(day);
}
