import { DataSource } from 'typeorm';
import type { Principal } from '@ccsc/auth';
import { addDays, londonInstant, londonLocalDate } from '@ccsc/calendar';
import { bearer, eventually } from '@ccsc/testing';
import { ComplaintCommands } from '../services/complaints/src/complaint/application/complaint.commands';
import { ComplaintSlaRun } from '../services/complaints/src/sla/application/sla.commands';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { graphql, graphqlData, Loose } from './graphql-client';
import { RunningPlatform, startTestPlatform } from './platform';
import { as, partnerApi, type PartnerApi } from './rest-client';

graphql(`
  fragment JourneyComplaint on Complaint {
    id
    reference
    enquiryId
    status
    currentStage
    outcome
    businessArea
    causeCategory
    stages {
      stage
      status
      dueDate
      dueAt
      calendarVersion
      breached
      answeredOnTime
      outcome
    }
    remedies {
      id
      kind
      amountPence
      paymentStatus
      refundId
    }
    timeline {
      kind
      summary
    }
  }
`);
const OPEN_CASE = graphql(`
  mutation JourneyOpenCase($i: CreateCaseInput!) {
    createCase(input: $i) {
      id
      reference
    }
  }
`);
const RAISE = graphql(`
  mutation JourneyRaiseEnquiry($i: RaiseEnquiryInput!) {
    raiseEnquiry(input: $i) {
      id
    }
  }
`);
const CONVERT = graphql(`
  mutation JourneyConvert($i: ConvertEnquiryToComplaintInput!) {
    convertEnquiryToComplaint(input: $i) {
      id
    }
  }
`);
const COMPLAINTS_OF_CASE = graphql(`
  query JourneyComplaintsOfCase($id: ID!) {
    case(id: $id) {
      complaints {
        ...JourneyComplaint
      }
    }
  }
`);
const AGREE_REFUND = graphql(`
  mutation JourneyAgreeRefund($id: ID!, $caseId: ID!) {
    agreeComplaintRemedy(id: $id, input: { kind: "refund", amountPence: 2500, caseId: $caseId }) {
      remedies {
        id
        kind
        paymentStatus
      }
    }
  }
`);
const REMEDY_PAYMENTS = graphql(`
  query JourneyRemedyPayments($id: ID!) {
    complaint(id: $id) {
      remedies {
        paymentStatus
        refundId
      }
    }
  }
`);
const COMPLAINT = graphql(`
  query JourneyComplaint($id: ID!) {
    complaint(id: $id) {
      ...JourneyComplaint
    }
  }
`);
const CASE_TIMELINE = graphql(`
  query JourneyCaseTimeline($id: ID!) {
    case(id: $id) {
      timeline(kinds: ["complaints", "payments"]) {
        summary
      }
    }
  }
`);
const MI = graphql(`
  query JourneyMi($day: String!) {
    complaintsMi(period: "day", start: $day) {
      received
      stages {
        stage
        received
        answered
        answeredOnTime
      }
      outcomes {
        category
        businessArea
        closed
        upheld
        upheldRatePercent
      }
    }
  }
`);

// The complaints journey across queries, complaints, payments and cases, through the gateway and
// the event bus: an enquiry becomes a complaint, stage 1 is answered late, stage 2 upholds it with a
// refund that payments raises awaiting approval, and the complaint, the case timeline and the MI
// show each step. The clock cannot wait ten working days, so the late steps call complaints' own
// use cases at a later instant; everything else goes through the gateway.
describe('a complaint from an enquiry to a refund', () => {
  let platform: RunningPlatform;
  let caseworker: string;
  let officer: string;
  let financeFay: string;
  let financeSam: string;
  let api: PartnerApi;
  const complaintsOfficer: Principal = { sub: 'officer-olu', roles: ['complaints-officer'] };

  beforeAll(async () => {
    // The late steps run on complaints' clock weeks ahead, so the consumers accept events dated then.
    platform = await startTestPlatform({
      services: ['queries', 'payments', 'complaints'],
      env: { EVENT_CLOCK_SKEW_MS: String(31 * 86_400_000) },
    });
    caseworker = await bearer('caseworker', { sub: 'officer-sam' });
    officer = await bearer('complaints-officer', { sub: 'officer-olu' });
    [financeFay, financeSam] = await Promise.all([
      bearer('finance-officer', { sub: 'finance-fay' }),
      bearer('finance-officer', { sub: 'finance-sam' }),
    ]);
    api = partnerApi(platform.gatewayUrl);
  }, 120_000);
  afterAll(() => platform.stop());

  const gql = <Data, Variables>(document: TypedDocumentNode<Data, Variables>, variables: Variables, who = officer) =>
    graphqlData(platform.gatewayUrl, document, variables, who);

  it('is converted, answered late, escalated, upheld with a refund, and reported', async () => {
    const created = await gql(
      OPEN_CASE,
      {
        i: {
          caseType: 'civil-money-claim',
          parties: [
            { role: 'claimant', kind: 'person', name: 'Alex Smith' },
            { role: 'defendant', kind: 'organisation', name: 'Widgets Ltd' },
          ],
        },
      },
      caseworker,
    );
    const caseId = created.createCase.id;
    // The claimant paid £25 at the counter, allocated to the case and verified by a second officer: what the
    // remedy will give back (a remedy gives back money that was paid, never more).
    const payments = platform.services.payments!.app.get(DataSource);
    await eventually(async () => {
      const known = await payments.query(`SELECT 1 FROM case_access WHERE case_id = $1`, [caseId]);
      expect(known).toHaveLength(1);
    }, 30_000);
    const cash = await api.POST('/api/v1/payments/bulk-scan-payments', {
      ...as(financeFay),
      body: { method: 'cash', amountPence: 2500, caseReference: created.createCase.reference },
    });
    expect(cash.data?.allocations).toHaveLength(1);
    const verified = await api.POST('/api/v1/payments/allocations/{id}/verification', {
      ...as(financeSam),
      params: { path: { id: cash.data!.allocations[0]!.id } },
      body: { approve: true },
    });
    expect(verified.response.status).toBe(200);
    const raised = await eventually(
      () =>
        gql(
          RAISE,
          {
            i: {
              channel: 'telephone',
              subject: 'Still no hearing date',
              message: 'Caller is unhappy with the delay',
              caseId,
              category: 'delay',
              contact: { name: 'Alex Smith' },
            },
          },
          caseworker,
        ),
      30_000,
    );
    const enquiryId = raised.raiseEnquiry.id;
    await gql(CONVERT, { i: { enquiryId, reason: 'Caller wants to complain about the delay' } }, caseworker);

    // Complaints opens it from queries' event, and the case shows it through federation.
    const opened = await eventually(async () => {
      // Complaints officers work from the complaint; the caseworker sees it from the case.
      const data = await gql(COMPLAINTS_OF_CASE, { id: caseId }, caseworker);
      expect(data.case.complaints).toHaveLength(1);
      return data.case.complaints[0]!;
    }, 30_000);
    expect(opened).toMatchObject({
      enquiryId,
      status: 'open',
      currentStage: 1,
      stages: [{ stage: 1, status: 'received', calendarVersion: expect.stringMatching(/^ew-rules/) }],
    });
    const id = opened.id;
    const dueDate = opened.stages[0]!.dueDate;

    // The morning after the deadline: the run flags the breach, and stage 1 is answered late.
    const late = londonInstant(addDays(dueDate, 1), '10:00');
    const complaints = platform.services.complaints!.app;
    const commands = complaints.get(ComplaintCommands);
    expect((await complaints.get(ComplaintSlaRun).run(late)).breached).toBe(1);
    await commands.acknowledge(id, complaintsOfficer, undefined, late);
    await commands.startInvestigation(id, undefined, complaintsOfficer, undefined, late);
    await commands.draftResponse(
      id,
      { templateId: 'stage-1-response', findings: 'The listing was delayed by a backlog.' },
      complaintsOfficer,
      undefined,
      late,
    );
    await commands.sendResponse(id, 'not-upheld', undefined, complaintsOfficer, undefined, late);
    await commands.escalate(id, complaintsOfficer, undefined, late);
    // Stage 2 is answered in good time, two days after it started.
    const stage2 = londonInstant(addDays(dueDate, 3), '10:00');
    await commands.acknowledge(id, complaintsOfficer, undefined, stage2);
    await commands.startInvestigation(id, undefined, complaintsOfficer, undefined, stage2);
    await commands.draftResponse(
      id,
      { templateId: 'stage-2-senior-review', findings: 'On review the delay was ours; we will refund the fee.' },
      complaintsOfficer,
      undefined,
      stage2,
    );
    await commands.sendResponse(id, 'upheld', undefined, complaintsOfficer, undefined, stage2);

    const remedied = await gql(AGREE_REFUND, { id, caseId });
    expect(remedied.agreeComplaintRemedy.remedies).toEqual([
      { id: expect.any(String), kind: 'refund', paymentStatus: 'sent-to-payments' },
    ]);
    const remedyId = remedied.agreeComplaintRemedy.remedies[0]!.id;

    // Payments raises the refund awaiting approval, and says so; the complaint shows it.
    const refund = await eventually(async () => {
      const rows = (await payments.query(
        `SELECT id, status, amount_pence::int AS amount, reason FROM refunds WHERE remedy_id = $1`,
        [remedyId],
      )) as Loose[];
      expect(rows).toHaveLength(1);
      return rows[0]!;
    }, 30_000);
    expect(refund).toMatchObject({ status: 'awaiting-approval', amount: 2500, reason: 'complaint-remedy' });
    await eventually(async () => {
      const data = await gql(REMEDY_PAYMENTS, { id });
      expect(data.complaint.remedies).toEqual([{ paymentStatus: 'awaiting-approval', refundId: refund.id }]);
    }, 30_000);

    const closedAt = londonInstant(addDays(dueDate, 3), '11:00');
    await commands.close(id, 'civil-listing', 'process-failure', complaintsOfficer, undefined, closedAt);

    const final = (await gql(COMPLAINT, { id })).complaint;
    expect(final).toMatchObject({
      status: 'closed',
      outcome: 'upheld',
      businessArea: 'civil-listing',
      causeCategory: 'process-failure',
    });
    expect(final.stages).toMatchObject([
      { stage: 1, outcome: 'not-upheld', breached: true, answeredOnTime: false },
      { stage: 2, outcome: 'upheld', breached: false, answeredOnTime: true },
    ]);
    expect(final.timeline.map((e) => e.kind)).toEqual([
      'opened',
      'stage-breached',
      'stage-acknowledged',
      'stage-investigating',
      'response-drafted',
      'response-sent',
      'escalated',
      'stage-acknowledged',
      'stage-investigating',
      'response-drafted',
      'response-sent',
      'remedy-agreed',
      'remedy-payment',
      'closed',
    ]);

    // The case's own timeline has every complaint step and the refund, from both services' events.
    await eventually(async () => {
      const data = await gql(CASE_TIMELINE, { id: caseId }, caseworker);
      const summaries = data.case.timeline.map((e) => e.summary);
      expect(summaries).toEqual(
        expect.arrayContaining([
          `Complaint ${opened.reference} opened (minor)`,
          'Complaint stage 1 deadline missed',
          'Complaint stage 1: response-sent, not-upheld',
          'Complaint stage 2: received',
          'Complaint stage 2: response-sent, upheld',
          'Refund of £25.00: awaiting-approval',
          'Complaint closed: upheld',
        ]),
      );
    }, 30_000);

    const mi = (day: string) => gql(MI, { day });
    expect((await mi(londonLocalDate(new Date()))).complaintsMi).toMatchObject({ received: 1 });
    expect((await mi(londonLocalDate(late))).complaintsMi.stages).toEqual([
      { stage: 1, received: 0, answered: 1, answeredOnTime: 0 },
      { stage: 2, received: 1, answered: 0, answeredOnTime: 0 },
      { stage: 3, received: 0, answered: 0, answeredOnTime: 0 },
    ]);
    const closingDay = (await mi(londonLocalDate(closedAt))).complaintsMi;
    expect(closingDay.stages[1]).toEqual({ stage: 2, received: 0, answered: 1, answeredOnTime: 1 });
    expect(closingDay.outcomes).toEqual([
      { category: 'delay', businessArea: 'civil-listing', closed: 1, upheld: 1, upheldRatePercent: 100 },
    ]);
  });
});
