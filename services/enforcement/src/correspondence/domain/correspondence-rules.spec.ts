import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@ccsc/contracts';
import { CORRESPONDENCE_TEMPLATES, correspondenceRequestId } from '@ccsc/correspondence';
import { loadCorrespondenceRules } from '@ccsc/correspondence/requests';
import { CorrespondenceRuleBook } from '../application/correspondence-rule-book';
import {
  checkCorrespondenceRules,
  ENFORCEMENT_RULE_SCHEMA,
  correspondenceFor,
  type CorrespondenceFacts,
  type CorrespondenceRules,
} from './correspondence-rules';
import { SHIPPED_CORRESPONDENCE_RULES } from './shipped-correspondence-rules';

const clone = (): CorrespondenceRules => structuredClone(SHIPPED_CORRESPONDENCE_RULES);
const CASE = randomUUID();
const PARTY = randomUUID();
const ACCOUNT = randomUUID();

const event = (type: string, data: object): EventEnvelope =>
  ({
    specversion: '1.0',
    id: randomUUID(),
    type,
    source: 'enforcement',
    subject: ACCOUNT,
    time: '2026-06-15T09:00:00Z',
    datacontenttype: 'application/json',
    actor: 'system',
    data,
  }) as EventEnvelope;
const actionTaken = (action: string, takenBy = 'default-run') =>
  event('enforcement.enforcement-action-taken.v2', {
    accountId: ACCOUNT,
    actionId: randomUUID(),
    action,
    caseId: CASE,
    takenAt: '2026-06-15T09:00:00Z',
    takenBy,
  });
const defaulted = () =>
  event('enforcement.account-defaulted.v1', {
    accountId: ACCOUNT,
    accountNumber: 'FA00000042K',
    arrearsPence: 10_000,
    caseId: CASE,
  });
const warrantChanged = (status: string) =>
  event('enforcement.warrant-status-changed.v1', { accountId: ACCOUNT, warrantId: randomUUID(), status });

/** £930 imposed, £20 a month from 1 March, £30 paid: March's £20 and half of April's. */
const facts = (overrides: Partial<CorrespondenceFacts['account']> = {}, day = '2026-06-15'): CorrespondenceFacts => ({
  accountId: ACCOUNT,
  day,
  account: {
    accountNumber: 'FA00000042K',
    status: 'live',
    caseId: CASE,
    defendantPartyId: PARTY,
    imposingCourt: "Cardiff Magistrates' Court",
    imposedPence: 93_000,
    creditedPence: 3_000,
    creditedBeforeTermsPence: 0,
    terms: { kind: 'instalments', frequency: 'monthly', instalmentPence: 2_000, firstInstalment: '2026-03-01' },
    ...overrides,
  },
});

describe('correspondence rules', () => {
  it('ship sound: every event, field, template, placeholder and value they name exists and fits', () => {
    expect(checkCorrespondenceRules(SHIPPED_CORRESPONDENCE_RULES, CORRESPONDENCE_TEMPLATES)).toEqual([]);
    expect(() => new CorrespondenceRuleBook()).not.toThrow();
  });

  it('name only enforcement templates that libs/correspondence defines', () => {
    const ids = new Set(CORRESPONDENCE_TEMPLATES.filter((t) => t.id.startsWith('enforcement.')).map((t) => t.id));
    for (const rule of SHIPPED_CORRESPONDENCE_RULES.rules) expect(ids).toContain(rule.template);
    expect(SHIPPED_CORRESPONDENCE_RULES.rules.map((r) => r.template).sort()).toEqual([
      'enforcement.collection-order-notice',
      'enforcement.default-notice',
      'enforcement.further-steps-notice',
      'enforcement.payment-reminder',
      'enforcement.warrant-notice',
    ]);
  });

  it('refuse at start-up an unknown event, field, template or value, naming the rule', () => {
    const table = clone();
    table.rules[0]!.on = 'enforcement.account-defualted.v1';
    table.rules[1]!.if = { actoin: ['reminder'] };
    table.rules[2]!.template = 'enforcement.further-step-notice';
    table.rules[3]!.values.balance = 'balanse' as never;
    expect(() => loadCorrespondenceRules(table, ENFORCEMENT_RULE_SCHEMA)).toThrow(
      [
        'correspondence-rules.json cannot be used:',
        "- rule default-notice: unknown event 'enforcement.account-defualted.v1'",
        "- rule payment-reminder: 'enforcement.enforcement-action-taken.v2' has no field 'actoin'",
        "- rule further-steps-notice: unknown template 'enforcement.further-step-notice'",
        "- rule warrant-notice: 'balance' takes an unknown value 'balanse'",
      ].join('\n'),
    );
  });

  it('refuse a template placeholder that no value fills, and a value of the wrong kind', () => {
    const table = clone();
    delete table.rules[2]!.values.payByDate;
    table.rules[0]!.values.missedSince = 'arrears';
    expect(checkCorrespondenceRules(table, CORRESPONDENCE_TEMPLATES)).toEqual([
      "rule default-notice: 'missedSince' is date but its value is money",
      "rule further-steps-notice: 'enforcement.further-steps-notice' placeholder 'payByDate' is given no value",
    ]);
  });

  it('write a collection order notice naming the court that imposed the sums, and nothing without that court', () => {
    const [outcome] = correspondenceFor(SHIPPED_CORRESPONDENCE_RULES, actionTaken('collection-order'), facts());
    expect(outcome).toMatchObject({
      rule: 'collection-order-notice',
      request: {
        template: 'enforcement.collection-order-notice',
        values: {
          accountNumber: 'FA00000042K',
          balance: 90_000,
          courtName: "Cardiff Magistrates' Court",
          orderDate: '2026-06-15',
          nextPaymentAmount: 2_000,
          nextPaymentDate: '2026-07-01',
        },
      },
    });
    expect(
      correspondenceFor(SHIPPED_CORRESPONDENCE_RULES, actionTaken('collection-order'), facts({ imposingCourt: null })),
    ).toEqual([{ rule: 'collection-order-notice', skipped: "nothing to put in 'courtName'" }]);
    // Terms that schedule nothing more (a pay-by day gone by): everything owed, within 14 days. 29 June 2026
    // is a Monday, so it stands.
    const payByGone = facts({ terms: { kind: 'pay-by-date', payBy: '2026-02-07' } });
    const [allOwed] = correspondenceFor(SHIPPED_CORRESPONDENCE_RULES, actionTaken('collection-order'), payByGone);
    expect(allOwed).toMatchObject({
      request: { values: { nextPaymentAmount: 90_000, nextPaymentDate: '2026-06-29' } },
    });
  });

  it("refuse another service's event, a name the rule also fills, a warrant read off a non-warrant event", () => {
    const table = clone();
    table.rules[0]!.on = 'cases.case-created.v1';
    table.rules[1]!.values.defendantName = 'accountNumber';
    table.rules[2]!.warrantKinds = ['reminder'];
    table.rules[3]!.values.balance = { daysAfterEventDay: 0 } as never;
    expect(checkCorrespondenceRules(table, CORRESPONDENCE_TEMPLATES)).toEqual([
      "rule default-notice: 'cases.case-created.v1' is not an enforcement event",
      "rule payment-reminder: 'defendantName' is the recipient's name, which cases fills in, and has a value",
      "rule further-steps-notice: 'enforcement.enforcement-action-taken.v2' is not about a warrant, so it has no warrant to read",
      "rule further-steps-notice: 'reminder' is no action that creates a warrant",
      "rule warrant-notice: 'balance' is money but its value is date",
      "rule warrant-notice: 'balance' must be a whole number of days (1 or more) after the event",
    ]);
  });

  describe('a further-steps notice', () => {
    it('asks for the account number, the balance, the arrears in pence and a pay-by day 14 days on', () => {
      const source = actionTaken('further-steps-notice');
      expect(correspondenceFor(SHIPPED_CORRESPONDENCE_RULES, source, facts())).toEqual([
        {
          rule: 'further-steps-notice',
          request: {
            requestId: correspondenceRequestId(source.id, 'enforcement.further-steps-notice'),
            caseId: CASE,
            partyId: PARTY,
            template: 'enforcement.further-steps-notice',
            // Due before 15 June: March, April, May and 1 June, £80; £30 paid.
            values: { accountNumber: 'FA00000042K', balance: 90_000, amountOverdue: 5_000, payByDate: '2026-06-29' },
            recipientNameAs: 'defendantName',
            about: 'FA00000042K',
          },
        },
      ]);
    });

    it('moves a pay-by day that falls on a weekend or bank holiday to the next working day', () => {
      // 14 days after 2026-08-17 is Monday 31 August 2026, the summer bank holiday; after 2026-06-20 a Saturday.
      const [holiday] = correspondenceFor(
        SHIPPED_CORRESPONDENCE_RULES,
        actionTaken('further-steps-notice'),
        facts({}, '2026-08-17'),
      );
      expect(holiday).toMatchObject({ request: { values: { payByDate: '2026-09-01' } } });
      const [weekend] = correspondenceFor(
        SHIPPED_CORRESPONDENCE_RULES,
        actionTaken('further-steps-notice'),
        facts({}, '2026-06-20'),
      );
      expect(weekend).toMatchObject({ request: { values: { payByDate: '2026-07-06' } } });
    });

    it('is the same request for the same event, and another for another event', () => {
      const source = actionTaken('further-steps-notice');
      const once = correspondenceFor(SHIPPED_CORRESPONDENCE_RULES, source, facts());
      expect(correspondenceFor(SHIPPED_CORRESPONDENCE_RULES, source, facts())).toEqual(once);
      const [other] = correspondenceFor(SHIPPED_CORRESPONDENCE_RULES, actionTaken('further-steps-notice'), facts());
      expect(other).not.toEqual(once[0]);
    });

    it('is not asked for when nothing is overdue', () => {
      expect(
        correspondenceFor(
          SHIPPED_CORRESPONDENCE_RULES,
          actionTaken('further-steps-notice'),
          facts({ creditedPence: 8_000 }),
        ),
      ).toEqual([{ rule: 'further-steps-notice', skipped: "'amountOverdue' is nothing" }]);
    });
  });

  it('a default asks for a default notice: first missed payment, arrears, balance, pay-by day', () => {
    const source = defaulted();
    expect(correspondenceFor(SHIPPED_CORRESPONDENCE_RULES, source, facts())).toEqual([
      {
        rule: 'default-notice',
        request: expect.objectContaining({
          requestId: correspondenceRequestId(source.id, 'enforcement.default-notice'),
          template: 'enforcement.default-notice',
          // £30 paid covers March and half of April: April's payment is the first one missed.
          values: {
            accountNumber: 'FA00000042K',
            balance: 90_000,
            missedSince: '2026-04-01',
            amountOverdue: 5_000,
            payByDate: '2026-06-29',
          },
        }),
      },
    ]);
  });

  it("the default run's reminder is the default notice's own step: only an officer's reminder sends a payment reminder", () => {
    expect(correspondenceFor(SHIPPED_CORRESPONDENCE_RULES, actionTaken('reminder'), facts())).toEqual([]);
    expect(correspondenceFor(SHIPPED_CORRESPONDENCE_RULES, actionTaken('reminder', 'officer'), facts())).toEqual([
      {
        rule: 'payment-reminder',
        request: expect.objectContaining({
          template: 'enforcement.payment-reminder',
          // The next payment on or after 15 June is 1 July's £20, nothing of it paid yet.
          values: { accountNumber: 'FA00000042K', amountDue: 2_000, dueDate: '2026-07-01' },
        }),
      },
    ]);
  });

  it('a warrant of control passed to agents asks for a warrant notice naming them; a committal warrant does not', () => {
    const withAgent = warrantChanged('with-agent');
    const warrant = { kind: 'warrant-of-control', issuedOn: '2026-06-01', agent: 'Marston Holdings' };
    expect(correspondenceFor(SHIPPED_CORRESPONDENCE_RULES, withAgent, { ...facts(), warrant })).toEqual([
      {
        rule: 'warrant-notice',
        request: expect.objectContaining({
          template: 'enforcement.warrant-notice',
          values: {
            accountNumber: 'FA00000042K',
            balance: 90_000,
            issuedDate: '2026-06-01',
            enforcementAgency: 'Marston Holdings',
          },
        }),
      },
    ]);
    expect(
      correspondenceFor(SHIPPED_CORRESPONDENCE_RULES, withAgent, {
        ...facts(),
        warrant: { ...warrant, kind: 'committal-warrant' },
      }),
    ).toEqual([{ rule: 'warrant-notice', skipped: 'the warrant is not of a kind this notice is for' }]);
    expect(correspondenceFor(SHIPPED_CORRESPONDENCE_RULES, warrantChanged('issued'), { ...facts(), warrant })).toEqual(
      [],
    );
  });

  it('asks nothing without a defendant party or a case (nobody to write to), nor on an account no longer live', () => {
    const none = { rule: 'further-steps-notice', skipped: 'the account has no defendant party on a case' };
    const source = actionTaken('further-steps-notice');
    expect(correspondenceFor(SHIPPED_CORRESPONDENCE_RULES, source, facts({ defendantPartyId: null }))).toEqual([none]);
    expect(correspondenceFor(SHIPPED_CORRESPONDENCE_RULES, source, facts({ caseId: null }))).toEqual([none]);
    expect(correspondenceFor(SHIPPED_CORRESPONDENCE_RULES, source, facts({ status: 'paid' }))).toEqual([
      { rule: 'further-steps-notice', skipped: 'the account is paid' },
    ]);
  });

  it('actions with no notice ask nothing', () => {
    for (const action of ['registration', 'warrant-of-control', 'enforcement-hold'])
      expect(correspondenceFor(SHIPPED_CORRESPONDENCE_RULES, actionTaken(action, 'officer'), facts())).toEqual([]);
  });
});
