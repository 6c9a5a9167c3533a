import { feesSettledV1 } from '@ccsc/contracts';
import { bearer, eventually, publishEvent } from '@ccsc/testing';
import { graphql, graphqlData, sendGraphQL } from './graphql-client';
import { RunningPlatform, startTestPlatform } from './platform';

const OPEN = graphql(`
  mutation MoneyClaimOpen($i: CreateCaseInput!) {
    createCase(input: $i) {
      id
      state
    }
  }
`);
const TRIGGER = graphql(`
  mutation MoneyClaimTrigger($i: TriggerCaseEventInput!) {
    triggerCaseEvent(input: $i) {
      state
    }
  }
`);
const READINESS = graphql(`
  query MoneyClaimReadiness($id: ID!, $e: String!) {
    case(id: $id) {
      readiness(event: $e) {
        ready
        criteria {
          id
          met
          reason
        }
      }
    }
  }
`);
const RECEIVE_DOCUMENT = graphql(`
  mutation MoneyClaimReceiveDocument($i: ReceiveDocumentInput!) {
    receiveDocument(input: $i) {
      id
      status
    }
  }
`);
const REVIEW_DOCUMENT = graphql(`
  mutation MoneyClaimReviewDocument($i: ReviewDocumentInput!) {
    reviewDocument(input: $i) {
      status
    }
  }
`);
const TIMELINE = graphql(`
  query MoneyClaimTimeline($id: ID!) {
    case(id: $id) {
      timeline {
        summary
        actor
        kind
        source
      }
      history {
        event
        actor
        reason
      }
    }
  }
`);

/** Payments does not exist yet: its "fees settled" event is published exactly as it will be. */
async function paymentsSettles(caseId: string, feeCodes: string[]) {
  await publishEvent(feesSettledV1, caseId, { caseId, feeCodes, settlement: 'paid' });
}

describe('a money claim from draft to listed, through the gateway', () => {
  let platform: RunningPlatform;
  let citizen: string;
  let caseworker: string;

  beforeAll(async () => {
    platform = await startTestPlatform();
    [citizen, caseworker] = await Promise.all([
      bearer('citizen', { sub: 'citizen-alex' }),
      bearer('caseworker', { sub: 'officer-sam' }),
    ]);
  });
  afterAll(() => platform.stop());

  const trigger = (caseId: string, event: string, who: string) =>
    graphqlData(platform.gatewayUrl, TRIGGER, { i: { caseId, event, reason: `${event} step` } }, who);
  const readiness = async (caseId: string, event: string) =>
    (await graphqlData(platform.gatewayUrl, READINESS, { id: caseId, e: event }, caseworker)).case.readiness;

  it('takes the claim through submission, fee, document review, issue and listing, with every step on its timeline', async () => {
    const created = await graphqlData(
      platform.gatewayUrl,
      OPEN,
      {
        i: {
          caseType: 'civil-money-claim',
          parties: [
            { role: 'claimant', kind: 'person', name: 'Alex Smith' },
            { role: 'defendant', kind: 'organisation', name: 'Widgets Ltd' },
          ],
        },
      },
      citizen,
    );
    const caseId = created.createCase.id;
    expect((await trigger(caseId, 'submit', citizen)).triggerCaseEvent.state).toBe('Submitted');

    const document = await graphqlData(
      platform.gatewayUrl,
      RECEIVE_DOCUMENT,
      {
        i: {
          caseId,
          title: 'Signed statement of truth',
          documentType: 'statement-of-truth',
          channel: 'post',
          storeReference: 'dm-store://documents/abc',
        },
      },
      caseworker,
    );
    expect(document.receiveDocument.status).toBe('pending-review');

    const waiting = await readiness(caseId, 'issue');
    expect(waiting.ready).toBe(false);
    expect(waiting.criteria).toEqual(
      expect.arrayContaining([
        { id: 'fees-settled', met: false, reason: expect.stringContaining('FEE0202') },
        { id: 'documents-accepted', met: false, reason: expect.stringContaining('1 document') },
      ]),
    );
    const refused = await sendGraphQL(platform.gatewayUrl, TRIGGER, { i: { caseId, event: 'issue' } }, caseworker);
    expect(refused.body.errors![0]!.extensions.code).toBe('CONFLICT');

    await graphqlData(
      platform.gatewayUrl,
      REVIEW_DOCUMENT,
      { i: { caseId, documentId: document.receiveDocument.id, decision: 'accepted' } },
      caseworker,
    );
    await paymentsSettles(caseId, ['FEE0202']);
    await eventually(async () => expect((await readiness(caseId, 'issue')).ready).toBe(true));

    await trigger(caseId, 'issue', caseworker);
    await trigger(caseId, 'serve', caseworker);
    expect((await trigger(caseId, 'ready-for-listing', caseworker)).triggerCaseEvent.state).toBe('ReadyForListing');
    expect((await readiness(caseId, 'list')).criteria).toContainEqual({
      id: 'fees-settled',
      met: false,
      reason: expect.stringContaining('FEE0221'),
    });
    await paymentsSettles(caseId, ['FEE0221']);
    await eventually(async () => expect((await readiness(caseId, 'list')).ready).toBe(true));
    expect((await trigger(caseId, 'list', caseworker)).triggerCaseEvent.state).toBe('Listed');

    await eventually(async () => {
      const { case: found } = await graphqlData(platform.gatewayUrl, TIMELINE, { id: caseId }, caseworker);
      const letters = found.timeline.filter((e) => e.kind === 'correspondence');
      // Issuing wrote to both parties (neither gave an address or email here): the same instant as the issue.
      expect(letters.map((e) => e.summary).sort()).toEqual([
        'Not sent: no way to reach the claimant is held: The court issued the case: its reference, and that we will say what happens next',
        'Not sent: no way to reach the defendant is held: The court issued the case: its reference, and that we will say what happens next',
      ]);
      const rest = found.timeline.filter((e) => e.kind !== 'correspondence');
      expect(rest.map((e) => [e.summary, e.actor])).toEqual([
        ['Case opened as civil-money-claim, state Draft', 'citizen-alex'],
        ['submit: Draft → Submitted', 'citizen-alex'],
        ['Document received (statement-of-truth) by post: pending-review', 'officer-sam'],
        ['Document accepted', 'officer-sam'],
        ['Fees paid: FEE0202', 'system'],
        ['issue: Submitted → Issued', 'officer-sam'],
        ['serve: Issued → AwaitingResponse', 'officer-sam'],
        ['ready-for-listing: AwaitingResponse → ReadyForListing', 'officer-sam'],
        ['Fees paid: FEE0221', 'system'],
        ['list: ReadyForListing → Listed', 'officer-sam'],
      ]);
      expect(found.history.map((h) => h.event)).toEqual(['submit', 'issue', 'serve', 'ready-for-listing', 'list']);
    });
  });
});
