import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@ccsc/contracts';
import { SHIPPED_TASK_RULES } from './shipped-task-rules';
import { checkTaskRules, taskSpecOf, type TaskRules } from './task-rules';

const QUEUES = new Set([
  'general',
  'civil',
  'family',
  'probate',
  'tribunals',
  'crime',
  'fees',
  'welsh',
  'judicial',
  'payments',
  'complaints',
  'enforcement',
]);
const clone = (): TaskRules => structuredClone(SHIPPED_TASK_RULES);
const event = (type: string, data: object, actor = 'officer-ann'): EventEnvelope =>
  ({ id: randomUUID(), type, source: type.split('.')[0], time: '2026-12-07T10:00:00Z', actor, data }) as EventEnvelope;

describe('task rules', () => {
  it('ship sound: every event, field, queue and skill they name exists', () => {
    expect(checkTaskRules(SHIPPED_TASK_RULES, QUEUES)).toEqual([]);
  });

  it('cover the service centre’s kinds of work', () => {
    expect(SHIPPED_TASK_RULES.rules.map((r) => r.taskType).sort()).toEqual(
      expect.arrayContaining([
        'approve-refund',
        'approve-write-off',
        'complaint-stage-response',
        'decide-help-with-fees',
        'ombudsman-enquiry',
        'review-document',
        'review-enforcement-action',
        'verify-payment-allocation',
      ]),
    );
  });

  it('refuse an unknown event, field, queue, skill or role, naming each', () => {
    const rules = clone();
    rules.rules[0].create.on = 'cases.document-recieved.v1';
    rules.rules[1].create.key = 'allocationUuid';
    rules.rules[1].queue = 'finance-desk';
    rules.rules[2].skills = ['klingon'];
    rules.rules[3].role = 'judge' as never;
    rules.rules[4].role = { role: 'team-leader', if: { amountPenny: { gt: 1 } } };
    expect(checkTaskRules(rules, QUEUES)).toEqual(
      expect.arrayContaining([
        "rule review-document.create: unknown event 'cases.document-recieved.v1'",
        "rule verify-payment-allocation.create: 'payments.allocation-recorded.v1' has no field 'allocationUuid'",
        "rule verify-payment-allocation: unknown queue 'finance-desk'",
        "rule approve-refund: unknown skill 'klingon'",
        "rule decide-help-with-fees: unknown role 'judge'",
        "rule approve-fee-waiver.create: 'payments.fee-waiver-requested.v1' has no field 'amountPenny'",
      ]),
    );
  });

  it('refuse an ending from another service than the creation, whose clock could not order them', () => {
    const rules = clone();
    rules.rules[0].complete!.push({ on: 'payments.payment-allocated.v1', key: 'paymentId' });
    expect(checkTaskRules(rules, QUEUES)).toEqual([
      "rule review-document.complete: 'payments.payment-allocated.v1' comes from payments, not cases as the creating event does",
    ]);
  });

  it('refuse a case-type route to a queue that does not exist', () => {
    const rules = clone();
    rules.caseTypes.probate.queue = 'probat';
    expect(checkTaskRules(rules, QUEUES)).toEqual(["caseTypes.probate: unknown queue 'probat'"]);
  });

  const review = () => SHIPPED_TASK_RULES.rules.find((r) => r.taskType === 'review-document')!;
  const documentReceived = (data: object) =>
    event('cases.document-received.v2', {
      caseId: randomUUID(),
      documentId: randomUUID(),
      documentType: 'will',
      channel: 'bulk-scan',
      status: 'pending-review',
      ...data,
    });

  it('route a Welsh document on a probate case to the probate queue, needing Welsh and probate', () => {
    const spec = taskSpecOf(SHIPPED_TASK_RULES, review(), documentReceived({ language: 'cy', caseType: 'probate' }));
    expect(spec).toMatchObject({
      taskType: 'review-document',
      queueId: 'probate',
      requiredSkills: ['probate', 'welsh'],
    });
  });

  it('make no task of a document that needs no review, and send one of an unknown case type to general', () => {
    expect(taskSpecOf(SHIPPED_TASK_RULES, review(), documentReceived({ status: 'accepted' }))).toBeUndefined();
    expect(taskSpecOf(SHIPPED_TASK_RULES, review(), documentReceived({ caseType: 'unknown' }))).toMatchObject({
      queueId: 'general',
      requiredSkills: [],
    });
  });

  it('keep a second-person task from whoever did the first step, and ask more authority for more money', () => {
    const refund = SHIPPED_TASK_RULES.rules.find((r) => r.taskType === 'approve-refund')!;
    const spec = taskSpecOf(
      SHIPPED_TASK_RULES,
      refund,
      event(
        'payments.refund-status-changed.v2',
        {
          refundId: randomUUID(),
          status: 'awaiting-approval',
          kind: 'refund',
          amountPence: 250_000,
          requestedBy: 'officer-ann',
        },
        'system',
      ),
    );
    // Raised by a consumer (the envelope's actor is the system): the proposer the event names is kept out.
    expect(spec).toMatchObject({
      excludedOfficer: 'officer-ann',
      requiredSkills: ['money-authority-1', 'money-authority-2'],
    });
  });

  it("give money above a caseworker's approval limit to a team leader, where the rule says so", () => {
    const waiver = SHIPPED_TASK_RULES.rules.find((r) => r.taskType === 'approve-fee-waiver')!;
    const requested = (amountPence: number) =>
      event('payments.fee-waiver-requested.v1', { waiverId: randomUUID(), caseId: randomUUID(), amountPence }, 'ann');
    expect(taskSpecOf(SHIPPED_TASK_RULES, waiver, requested(50_000))).toMatchObject({ requiredRole: 'caseworker' });
    expect(taskSpecOf(SHIPPED_TASK_RULES, waiver, requested(50_001))).toMatchObject({ requiredRole: 'team-leader' });
  });

  it('name the task types a case event changes, and only ones that exist', () => {
    const rules = clone();
    rules.caseEvents.cancel[0].taskTypes = [];
    rules.caseEvents.expedite[0].taskTypes = ['review-documnet'];
    expect(checkTaskRules(rules, QUEUES)).toEqual([
      'caseEvents.cancel: names no task type',
      "caseEvents.expedite: unknown task type 'review-documnet'",
    ]);
  });

  it("leave a withdrawn case's money, complaints and fines work open", () => {
    expect(SHIPPED_TASK_RULES.caseEvents.cancel.flatMap((c) => c.taskTypes)).toEqual(['review-document']);
  });
});
