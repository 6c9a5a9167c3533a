import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@ccsc/contracts';
import { CORRESPONDENCE_TEMPLATES, correspondenceRequestId } from '@ccsc/correspondence';
import { loadCorrespondenceRules } from '@ccsc/correspondence/requests';
import { CorrespondenceRuleBook } from '../application/correspondence-rule-book';
import { payerOf } from '../infrastructure/correspondence-facts.repository';
import {
  checkCorrespondenceRules,
  PAYMENTS_RULE_SCHEMA,
  correspondenceFor,
  type CorrespondenceFacts,
  type CorrespondenceRules,
} from './correspondence-rules';
import { SHIPPED_CORRESPONDENCE_RULES } from './shipped-correspondence-rules';

const clone = (): CorrespondenceRules => structuredClone(SHIPPED_CORRESPONDENCE_RULES);
const CASE = randomUUID();
const REFERENCE = '1234567890123456';

const event = (type: string, data: object, time = '2026-06-15T09:00:00Z'): EventEnvelope =>
  ({
    specversion: '1.0',
    id: randomUUID(),
    type,
    source: 'payments',
    subject: randomUUID(),
    time,
    datacontenttype: 'application/json',
    actor: 'system',
    data,
  }) as EventEnvelope;

const paymentId = randomUUID();
const received = () =>
  event('payments.payment-received.v1', {
    paymentId,
    method: 'card',
    amountPence: 27_300,
    caseId: CASE,
    receivedAt: '2026-06-15T09:00:00Z',
  });
const receiptFacts = (over: Partial<CorrespondenceFacts> = {}): CorrespondenceFacts => ({
  caseId: CASE,
  recipient: { userId: 'citizen-cat' },
  day: '2026-06-15',
  values: {
    paymentReference: paymentId,
    amount: 27_300,
    receivedOn: '2026-06-15',
    caseReference: REFERENCE,
    eventDay: '2026-06-15',
  },
  ...over,
});
const refundChanged = (status: string, kind = 'refund') =>
  event('payments.refund-status-changed.v2', {
    refundId: randomUUID(),
    status,
    kind,
    amountPence: 5_000,
    caseId: CASE,
    requestedBy: 'fay',
  });
// 2026-06-19 is a Friday: 14 days on is Friday 3 July, a working day; from 2026-08-17 it is 31 August, a bank holiday.
const concluded = (time = '2026-06-19T15:00:00Z') =>
  event(
    'payments.help-with-fees-concluded.v1',
    { applicationId: randomUUID(), caseId: CASE, outcome: 'decided' },
    time,
  );

describe('payments correspondence rules', () => {
  it('ships a table that fits the templates and payments events', () => {
    expect(checkCorrespondenceRules(SHIPPED_CORRESPONDENCE_RULES, CORRESPONDENCE_TEMPLATES)).toEqual([]);
    expect(() => new CorrespondenceRuleBook()).not.toThrow();
    expect(SHIPPED_CORRESPONDENCE_RULES.rules.map((r) => r.id)).toEqual([
      'payment-receipt',
      'refund-approved',
      'help-with-fees-decision',
    ]);
  });

  it('refuses a table with an unknown or foreign event, template, field, placeholder or value, naming the rule', () => {
    const broken = clone();
    broken.rules[0]!.on = 'enforcement.account-defaulted.v1';
    broken.rules[1]!.if = { colour: ['green'] };
    broken.rules[1]!.values.amount = 'feeAmount';
    broken.rules[2]!.values.feeAmount = 'eventDay';
    delete broken.rules[2]!.values.amountToPay;
    broken.rules[2]!.values.applicantName = 'caseReference';
    broken.rules[2]!.values.payByDate = { daysAfterEventDay: 0 };
    const problems = checkCorrespondenceRules(broken, CORRESPONDENCE_TEMPLATES);
    expect(problems).toEqual(
      expect.arrayContaining([
        "rule payment-receipt: 'enforcement.account-defaulted.v1' is not a payments event",
        "rule refund-approved: 'payments.refund-status-changed.v2' has no field 'colour'",
        "rule refund-approved: 'payments.refund-status-changed.v2' does not supply 'feeAmount'",
        "rule help-with-fees-decision: 'feeAmount' is money but its value is date",
        "rule help-with-fees-decision: 'payments.help-with-fees-decision' placeholder 'amountToPay' is given no value",
        "rule help-with-fees-decision: 'applicantName' is the recipient's name, which cases fills in, and has a value",
        "rule help-with-fees-decision: 'payByDate' must be a whole number of days (1 or more) after the event",
      ]),
    );
    expect(() => loadCorrespondenceRules(broken, PAYMENTS_RULE_SCHEMA)).toThrow(
      /correspondence-rules.json cannot be used/,
    );

    const foreign = clone();
    foreign.rules[0]!.template = 'enforcement.default-notice';
    expect(checkCorrespondenceRules(foreign, CORRESPONDENCE_TEMPLATES)).toContain(
      "rule payment-receipt: 'enforcement.default-notice' is not a payments template",
    );
    const unsupplied = clone();
    unsupplied.rules[0]!.on = 'payments.fees-settled.v1';
    expect(checkCorrespondenceRules(unsupplied, CORRESPONDENCE_TEMPLATES)).toContain(
      "rule payment-receipt: payments reads no values for 'payments.fees-settled.v1'",
    );
  });

  it('asks for a receipt to the payer named by their account, under an id of the event and the template', () => {
    const source = received();
    expect(correspondenceFor(SHIPPED_CORRESPONDENCE_RULES, source, receiptFacts())).toEqual([
      {
        rule: 'payment-receipt',
        request: {
          requestId: correspondenceRequestId(source.id, 'payments.payment-receipt'),
          caseId: CASE,
          userId: 'citizen-cat',
          template: 'payments.payment-receipt',
          values: { paymentReference: paymentId, amount: 27_300, paidOn: '2026-06-15', appliedToReference: REFERENCE },
          recipientNameAs: 'payerName',
        },
      },
    ]);
    const byFirm = correspondenceFor(
      SHIPPED_CORRESPONDENCE_RULES,
      source,
      receiptFacts({ recipient: { organisationId: 'org-a' } }),
    );
    expect(byFirm).toEqual([
      { rule: 'payment-receipt', request: expect.objectContaining({ organisationId: 'org-a' }) },
    ]);
    expect(byFirm[0]).not.toHaveProperty('request.userId');
    expect(byFirm[0]).not.toHaveProperty('request.partyId');
  });

  it('asks nothing without a case, without a known payer, or without the case reference', () => {
    const source = received();
    expect(correspondenceFor(SHIPPED_CORRESPONDENCE_RULES, source, receiptFacts({ caseId: null }))).toEqual([
      { rule: 'payment-receipt', skipped: 'not about a case' },
    ]);
    const { recipient: _nobody, ...unknownPayer } = receiptFacts();
    expect(correspondenceFor(SHIPPED_CORRESPONDENCE_RULES, source, unknownPayer)).toEqual([
      { rule: 'payment-receipt', skipped: 'nobody known paid or applied' },
    ]);
    const noReference = receiptFacts();
    delete noReference.values.caseReference;
    expect(correspondenceFor(SHIPPED_CORRESPONDENCE_RULES, source, noReference)).toEqual([
      { rule: 'payment-receipt', skipped: "nothing to put in 'appliedToReference'" },
    ]);
  });

  it('writes about an approved refund only: not one awaiting approval, rejected or paid, nor a consolatory payment', () => {
    const facts = (refundId: string): CorrespondenceFacts => ({
      caseId: CASE,
      recipient: { organisationId: 'org-a' },
      day: '2026-06-15',
      values: { refundReference: refundId, amount: 5_000, caseReference: REFERENCE, eventDay: '2026-06-15' },
    });
    const approved = refundChanged('approved');
    const refundId = (approved.data as { refundId: string }).refundId;
    expect(correspondenceFor(SHIPPED_CORRESPONDENCE_RULES, approved, facts(refundId))).toEqual([
      {
        rule: 'refund-approved',
        request: expect.objectContaining({
          organisationId: 'org-a',
          template: 'payments.refund-approved',
          values: { refundReference: refundId, amount: 5_000, approvedOn: '2026-06-15', caseReference: REFERENCE },
          recipientNameAs: 'recipientName',
        }),
      },
    ]);
    for (const other of [
      refundChanged('awaiting-approval'),
      refundChanged('rejected'),
      refundChanged('paid'),
      refundChanged('approved', 'consolatory-payment'),
    ])
      expect(correspondenceFor(SHIPPED_CORRESPONDENCE_RULES, other, facts(refundId))).toEqual([]);
  });

  it('tells the applicant the decision on Help with Fees, with a pay-by day 14 days on, moved past a bank holiday', () => {
    const facts = (day: string, remitted: number): CorrespondenceFacts => ({
      caseId: CASE,
      recipient: { userId: 'citizen-cat' },
      day,
      values: {
        helpWithFeesReference: 'hwf-1',
        feeAmount: 45_500,
        remittedAmount: remitted,
        amountToPay: 45_500 - remitted,
        caseReference: REFERENCE,
        eventDay: day,
      },
    });
    expect(correspondenceFor(SHIPPED_CORRESPONDENCE_RULES, concluded(), facts('2026-06-19', 45_500))).toEqual([
      {
        rule: 'help-with-fees-decision',
        request: expect.objectContaining({
          userId: 'citizen-cat',
          template: 'payments.help-with-fees-decision',
          values: {
            helpWithFeesReference: 'hwf-1',
            decisionDate: '2026-06-19',
            feeAmount: 45_500,
            remittedAmount: 45_500,
            amountToPay: 0,
            payByDate: '2026-07-03',
          },
        }),
      },
    ]);
    // Refused: nothing remitted, the whole fee to pay; the 14th day is the August bank holiday.
    const [refused] = correspondenceFor(
      SHIPPED_CORRESPONDENCE_RULES,
      concluded('2026-08-17T10:00:00Z'),
      facts('2026-08-17', 0),
    );
    expect(refused).toMatchObject({
      request: { values: { remittedAmount: 0, amountToPay: 45_500, payByDate: '2026-09-01' } },
    });
  });

  it('knows the payer only when they paid themselves: a firm by its id, a citizen by theirs, never the officer who scanned', () => {
    expect(payerOf({ method: 'card', payer: 'citizen-cat', organisationId: null })).toEqual({ userId: 'citizen-cat' });
    expect(payerOf({ method: 'card', payer: 'sol-a', organisationId: 'org-a' })).toEqual({ organisationId: 'org-a' });
    expect(payerOf({ method: 'payment-by-account', payer: 'sol-a', organisationId: 'org-a' })).toEqual({
      organisationId: 'org-a',
    });
    for (const method of ['cheque', 'postal-order', 'cash', 'bank-transfer'])
      expect(payerOf({ method, payer: 'fay', organisationId: null })).toBeUndefined();
  });
});
