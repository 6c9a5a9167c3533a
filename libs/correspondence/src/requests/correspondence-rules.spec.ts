import { randomUUID } from 'node:crypto';
import type { LocalDate } from '@ccsc/calendar';
import type { EventEnvelope } from '@ccsc/contracts';
import type { TemplateDefinition } from '../templates/template-definition';
import { correspondenceRequestId } from './request-id';
import { CorrespondenceRuleBook, loadCorrespondenceRules } from './correspondence-rule-book';
import {
  checkCorrespondenceRules,
  correspondenceFor,
  type CorrespondenceReading,
  type CorrespondenceRule,
  type CorrespondenceRules,
  type CorrespondenceRuleSchema,
} from './correspondence-rules';

// A made-up service reading payments' receipt event, so the shared checks are tested apart from any shipped table.
const NOTICE: TemplateDefinition = {
  id: 'payments.test-notice',
  version: 1,
  description: 'A notice for these tests',
  channels: ['letter'],
  placeholders: {
    name: { kind: 'text', description: 'The name' },
    reference: { kind: 'text', description: 'A reference' },
    amount: { kind: 'money', description: 'An amount' },
    payBy: { kind: 'date', description: 'A pay-by day' },
  },
  wording: { en: { subject: 's', body: 'b' }, cy: { subject: 's', body: 'b' } },
};
type Source = 'reference' | 'amount';
type Facts = { day: LocalDate; caseId: string | null; values: Partial<Record<Source, string | number>> };
const SCHEMA: CorrespondenceRuleSchema<Source, CorrespondenceRule<Source>> = {
  service: 'payments',
  valueSources: { reference: 'text', amount: 'money' },
};
const READING: CorrespondenceReading<Source, CorrespondenceRule<Source>, Facts> = {
  addressee: (_rule, { caseId }) => (caseId ? { caseId, userId: 'citizen-cat' } : { skipped: 'not about a case' }),
  valueOf: (source, { values }) => values[source],
};
const RECEIVED = 'payments.payment-received.v1';
const table = (...over: Partial<CorrespondenceRule<Source>>[]): CorrespondenceRules<CorrespondenceRule<Source>> => ({
  version: '1',
  rules: over.map((o, i) => ({
    id: `rule-${i}`,
    on: RECEIVED,
    if: { method: ['card'] },
    template: NOTICE.id,
    recipientNameAs: 'name',
    values: { reference: 'reference', amount: 'amount', payBy: { daysAfterEventDay: 14 } },
    skipIfZero: ['amount'],
    ...o,
  })),
});
const problems = (t: CorrespondenceRules<CorrespondenceRule<Source>>, schema = SCHEMA) =>
  checkCorrespondenceRules(t, [NOTICE], schema);

const CASE = randomUUID();
const received = (method = 'card'): EventEnvelope =>
  ({ id: randomUUID(), type: RECEIVED, source: 'payments', data: { method } }) as unknown as EventEnvelope;
const facts = (over: Partial<Facts> = {}): Facts => ({
  day: '2026-08-17',
  caseId: CASE,
  values: { reference: 'ref-1', amount: 2_500 },
  ...over,
});

describe('correspondence rules, shared by every service', () => {
  it('find nothing wrong with a sound table', () => {
    expect(problems(table({}))).toEqual([]);
  });

  it('name every problem of a rule: event, field, template, placeholder, value and kind', () => {
    expect(problems({ version: '', rules: [] })).toEqual(['the table has no version']);
    expect(problems(table({ id: 'same' }, { id: 'same' }))).toEqual(['rule same: defined twice']);
    expect(problems(table({ on: 'payments.nothing.v1' }))).toEqual([
      "rule rule-0: unknown event 'payments.nothing.v1'",
    ]);
    expect(problems(table({ on: 'enforcement.account-defaulted.v1', if: {} }))).toEqual([
      "rule rule-0: 'enforcement.account-defaulted.v1' is not a payments event",
    ]);
    expect(problems(table({ if: { colour: [] } }))).toEqual([
      `rule rule-0: '${RECEIVED}' has no field 'colour'`,
      "rule rule-0: the condition on 'colour' lists no values",
    ]);
    expect(problems(table({ template: 'payments.nothing' }))).toEqual([
      "rule rule-0: unknown template 'payments.nothing'",
    ]);
    expect(problems(table({ recipientNameAs: 'amount' }))).toContain(
      "rule rule-0: the name goes in a text placeholder, not 'amount'",
    );
    const values = {
      name: 'reference',
      amount: 'reference',
      payBy: { daysAfterEventDay: 0 },
      extra: 'reference',
    } as const;
    expect(problems(table({ values, skipIfZero: ['reference'] }))).toEqual([
      "rule rule-0: 'name' is the recipient's name, which cases fills in, and has a value",
      "rule rule-0: 'amount' is money but its value is text",
      "rule rule-0: 'payBy' must be a whole number of days (1 or more) after the event",
      "rule rule-0: 'payments.test-notice' has no placeholder 'extra'",
      "rule rule-0: 'payments.test-notice' placeholder 'reference' is given no value",
      "rule rule-0: skipIfZero names 'reference', which is no money value of the rule",
    ]);
    expect(problems(table({ values: { reference: 'nowhere' as Source } }))).toContain(
      "rule rule-0: 'reference' takes an unknown value 'nowhere'",
    );
  });

  it("add the service's own limits: values by event, its own templates, its own checks", () => {
    const strict: typeof SCHEMA = {
      ...SCHEMA,
      suppliedBy: { [RECEIVED]: ['reference'] },
      ownTemplatesOnly: true,
      ruleProblems: (rule, where, fields) => (fields?.has('paymentId') ? [`${where}: seen ${rule.on}`] : []),
    };
    expect(problems(table({}), strict)).toEqual([
      `rule rule-0: seen ${RECEIVED}`,
      `rule rule-0: '${RECEIVED}' does not supply 'amount'`,
    ]);
    expect(problems(table({ on: 'payments.refund-status-changed.v2', if: {} }), strict)).toContain(
      "rule rule-0: payments reads no values for 'payments.refund-status-changed.v2'",
    );
    expect(problems(table({ template: 'cases.nothing' }), strict)).toContain(
      "rule rule-0: 'cases.nothing' is not a payments template",
    );
  });

  it('stop the start-up with every problem, and name the events to consume', () => {
    expect(() => loadCorrespondenceRules(table({ id: 'a', on: 'x' }, { id: 'a' }), SCHEMA, [NOTICE])).toThrow(
      "correspondence-rules.json cannot be used:\n- rule a: unknown event 'x'\n- rule a: defined twice",
    );
    const book = new CorrespondenceRuleBook(table({}, {}), SCHEMA, [NOTICE]);
    expect(book.eventTypes().map((t) => t.type)).toEqual([RECEIVED]);
  });

  it('ask for a request under an id of event and template, a pay-by day moved on to a working day', () => {
    const event = received();
    // 2026-08-17 and 14 days is Monday 31 August, a bank holiday: the pay-by day is the Tuesday.
    expect(correspondenceFor(table({}), event, facts(), READING)).toEqual([
      {
        rule: 'rule-0',
        request: {
          requestId: correspondenceRequestId(event.id, NOTICE.id),
          caseId: CASE,
          userId: 'citizen-cat',
          template: NOTICE.id,
          values: { reference: 'ref-1', amount: 2_500, payBy: '2026-09-01' },
          recipientNameAs: 'name',
        },
      },
    ]);
  });

  it('ask nothing of a rule the event does not meet, and say why a rule it meets asks nothing', () => {
    expect(correspondenceFor(table({}), received('cheque'), facts(), READING)).toEqual([]);
    const skipped = (f: Facts) => correspondenceFor(table({}), received(), f, READING);
    expect(skipped(facts({ caseId: null }))).toEqual([{ rule: 'rule-0', skipped: 'not about a case' }]);
    expect(skipped(facts({ values: { amount: 1 } }))).toEqual([
      { rule: 'rule-0', skipped: "nothing to put in 'reference'" },
    ]);
    expect(skipped(facts({ values: { reference: 'r', amount: 0 } }))).toEqual([
      { rule: 'rule-0', skipped: "'amount' is nothing" },
    ]);
  });
});
