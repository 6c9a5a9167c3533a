import { randomInt, randomUUID } from 'node:crypto';
import { documentReceivedV2, feesSettledV1 } from '@ccsc/contracts';
import { eventually, publishEvent } from '@ccsc/testing';
import { parse } from 'graphql';
import { assertOperationInContract, type Loose } from '../graphql-client';
import { IDENTITIES, ORGS, Persona, SetupActor, Tokens } from './personas';

export type Actor = Persona | SetupActor;

export interface RestResponse {
  status: number;
  body: Loose | undefined;
}

export interface GraphQLResult {
  status: number;
  data?: Loose | null;
  errors?: { message: string; extensions?: Loose }[];
  /** The gateway's own account of what it could not complete (e.g. a null for a non-null field). */
  extensions?: { valueCompletion?: { message: string }[] };
}

/** Calls through the gateway as one of the personas or setup actors. */
export class Api {
  constructor(
    readonly gatewayUrl: string,
    private readonly tokens: Tokens,
  ) {}

  async rest(who: Actor, method: string, path: string, body?: unknown): Promise<RestResponse> {
    const res = await fetch(`${this.gatewayUrl}${path}`, {
      method,
      headers: {
        authorization: this.tokens[who],
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: Loose | undefined;
    try {
      parsed = text ? (JSON.parse(text) as Loose) : undefined;
    } catch {
      parsed = { text };
    }
    return { status: res.status, body: parsed };
  }

  // The matrix's operations are built per row from strings, so no generated type covers them: each is checked
  // against the API schema before it goes instead.
  async gql(who: Actor, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult> {
    assertOperationInContract(parse(query));
    const res = await fetch(`${this.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: this.tokens[who] },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, ...((await res.json()) as Omit<GraphQLResult, 'status'>) };
  }

  /**
   * A subscription over server-sent events: the refusal it ends with, or `{ subscribed: true }` when the
   * gateway and the subgraph took it and nothing went wrong within `settleMs` (nothing has changed yet).
   */
  async subscribe(
    who: Actor,
    query: string,
    variables: Record<string, unknown> = {},
    settleMs = 1_500,
  ): Promise<GraphQLResult> {
    assertOperationInContract(parse(query));
    const controller = new AbortController();
    const res = await fetch(`${this.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: this.tokens[who] },
      body: JSON.stringify({ query, variables }),
      signal: controller.signal,
    });
    if (!res.body || !res.headers.get('content-type')?.startsWith('text/event-stream'))
      return { status: res.status, ...((await res.json()) as Omit<GraphQLResult, 'status'>) };
    const reader = res.body.getReader();
    const settled = setTimeout(() => controller.abort(), settleMs);
    let received = '';
    try {
      for (;;) {
        const chunk = await reader.read();
        if (chunk.done) break;
        received += new TextDecoder().decode(chunk.value);
        const data = /event: next\ndata: (.*)\n/.exec(received)?.[1];
        if (data) return { status: res.status, ...(JSON.parse(data) as Omit<GraphQLResult, 'status'>) };
      }
    } catch (error) {
      if (!controller.signal.aborted) throw error;
    } finally {
      clearTimeout(settled);
      controller.abort();
    }
    return { status: res.status, data: { subscribed: true } };
  }

  /** A setup step that must succeed: anything else stops the test, naming the step. */
  async ok(who: Actor, method: string, path: string, body?: unknown): Promise<Loose> {
    const res = await this.rest(who, method, path, body);
    if (res.status >= 300)
      throw new Error(`setup ${method} ${path} as ${who}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body ?? {};
  }

  async data(who: Actor, query: string, variables: Record<string, unknown> = {}): Promise<Loose> {
    const res = await this.gql(who, query, variables);
    if (res.errors?.length || !res.data)
      throw new Error(`setup ${query.slice(0, 60)} as ${who}: ${JSON.stringify(res.errors)}`);
    return res.data;
  }
}

/** A value no other call uses, to find what one call created. */
export const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${randomInt(1e9).toString(36)}`;
export const uniquePence = () => randomInt(1_000, 90_000);

export interface Claim {
  id: string;
  reference: string;
  claimantPartyId: string;
  defendantPartyId: string;
}

/** What the scenario seeded; the table builds its calls from these ids. */
export interface Scenario {
  claim: Claim & {
    documentId: string;
    hearingId: string;
    decisionId: string;
    referralId: string;
    enquiryId: string;
    complaintId: string;
    paymentId: string;
    venueId: string;
    hearingDate: string;
  };
  criminal: { id: string; defendantPartyId: string; fineAccountId: string; fineAccountNumber: string };
  accounts: { claimantFirm: string; defendantFirm: string; unrelatedFirm: string };
  article: { id: string; versionId: string };
  today: string;
}

const CLAIMANT = {
  name: 'Cat Claimant',
  email: 'cat.claimant@example.com',
  phone: '+44 20 7946 0001',
  postcode: 'SW1A2AA',
};

const CLAIM_PARTIES = [
  {
    role: 'claimant',
    kind: 'person',
    name: CLAIMANT.name,
    email: CLAIMANT.email,
    phone: CLAIMANT.phone,
    postcode: CLAIMANT.postcode,
    userId: IDENTITIES.claimant.sub,
    representedBy: ORGS.claimantFirm,
    reasonableAdjustments: ['large print'],
    vulnerabilityFlags: ['anxiety'],
  },
  {
    role: 'defendant',
    kind: 'person',
    name: 'Dan Defendant',
    email: 'dan.defendant@example.com',
    phone: '+44 20 7946 0002',
    postcode: 'CF10 1AA',
    userId: IDENTITIES.defendant.sub,
    representedBy: ORGS.defendantFirm,
  },
];

const CREATE_CASE = 'mutation($i: CreateCaseInput!) { createCase(input: $i) { id reference parties { id role } } }';

function partyIdOf(created: Loose, role: string): string {
  const party = (created.parties as Loose[]).find((p) => p.role === role);
  if (!party) throw new Error(`setup: the new case has no ${role}`);
  return party.id as string;
}

/**
 * Builders of fresh resources for the rows that change something: every persona allowed to make a
 * change gets its own, in the state the change needs, so one call never decides another's answer.
 */
export class Fixtures {
  constructor(readonly api: Api) {}

  /** A money claim in Draft between the scenario's claimant and defendant, with their firms. */
  async claim(): Promise<Claim> {
    const { createCase } = await this.api.data('caseworker', CREATE_CASE, {
      i: { caseType: 'civil-money-claim', parties: CLAIM_PARTIES },
    });
    return {
      id: createCase.id,
      reference: createCase.reference,
      claimantPartyId: partyIdOf(createCase, 'claimant'),
      defendantPartyId: partyIdOf(createCase, 'defendant'),
    };
  }

  /** A criminal prosecution listed, ready for its result. */
  async listedCriminalCase(): Promise<{ id: string; defendantPartyId: string }> {
    const { createCase } = await this.api.data('caseworker', CREATE_CASE, {
      i: {
        caseType: 'criminal-prosecution',
        parties: [
          { role: 'applicant', kind: 'organisation', name: 'Crown Prosecution Service' },
          { role: 'defendant', kind: 'person', name: 'Jo Bloggs' },
        ],
      },
    });
    await this.trigger(createCase.id, 'list');
    return { id: createCase.id, defendantPartyId: partyIdOf(createCase, 'defendant') };
  }

  /** A claim submitted, its issue fee charged by payments; `feeId` is that fee in its service request. */
  async submittedClaim(): Promise<Claim & { feeId: string }> {
    const claim = await this.claim();
    await this.trigger(claim.id, 'submit');
    const request = await eventually(
      () => this.api.ok('caseworker', 'GET', `/api/v1/payments/cases/${claim.id}/service-request`),
      30_000,
    );
    return { ...claim, feeId: request.fees[0].id };
  }

  /** A claim issued: submitted, its fee settled (as payments would announce) and issued. */
  async issuedClaim(): Promise<Claim> {
    const claim = await this.claim();
    await this.trigger(claim.id, 'submit');
    await publishEvent(feesSettledV1, claim.id, { caseId: claim.id, feeCodes: ['FEE0202'], settlement: 'paid' });
    await eventually(async () => {
      const { case: found } = await this.api.data(
        'caseworker',
        'query($id: ID!) { case(id: $id) { readiness(event: "issue") { ready } } }',
        { id: claim.id },
      );
      if (!found.readiness.ready) throw new Error('not ready to issue yet');
    });
    await this.trigger(claim.id, 'issue');
    return claim;
  }

  /** A claim the claimant's firm has overpaid the issue fee of (£35.00) from its account by £15.00. */
  async paidClaim(accountNumber: string): Promise<Claim & { paymentId: string }> {
    const claim = await this.submittedClaim();
    const payment = await this.api.ok(
      'claimantFirm',
      'POST',
      `/api/v1/payments/cases/${claim.id}/payments-by-account`,
      { accountNumber, amountPence: 5_000 },
    );
    return { ...claim, paymentId: payment.id };
  }

  async trigger(caseId: string, event: string): Promise<void> {
    await this.api.ok('caseworker', 'POST', `/api/v1/cases/${caseId}/events`, {
      event,
      reason: 'authorisation matrix set-up',
    });
  }

  async document(caseId: string): Promise<string> {
    return (
      await this.api.ok('caseworker', 'POST', `/api/v1/cases/${caseId}/documents`, {
        title: 'Defence',
        documentType: 'defence',
        channel: 'post',
        storeReference: unique('dm-store://documents/matrix'),
      })
    ).id;
  }

  async referral(claim: Claim): Promise<string> {
    return (
      await this.api.ok('caseworker', 'POST', `/api/v1/cases/${claim.id}/assisted-digital-referrals`, {
        partyId: claim.claimantPartyId,
        needs: ['no-device'],
      })
    ).id;
  }

  async hearing(caseId: string, venueId = 'LDN-MTX', startsAt = '2031-07-14T10:00:00+01:00'): Promise<string> {
    return (
      await this.api.ok('caseworker', 'POST', `/api/v1/cases/${caseId}/hearings`, {
        venueId,
        venueName: 'Matrix County Court',
        hearingType: 'final-hearing',
        startsAt,
        durationMinutes: 60,
      })
    ).id;
  }

  /** An enquiry the claimant raised about a claim, once queries has learnt of the case. */
  async enquiry(caseId: string): Promise<string> {
    const raised = await eventually(
      () =>
        this.api.ok('claimant', 'POST', '/api/v1/queries/enquiries', {
          channel: 'online-form',
          subject: 'When is my hearing?',
          message: 'Please tell me the date',
          caseId,
          contact: { name: CLAIMANT.name, email: CLAIMANT.email },
        }),
      30_000,
    );
    return raised.id;
  }

  /** A complaint the claimant filed about a claim, once complaints has learnt of the case. */
  async complaint(caseId: string): Promise<string> {
    return (
      await eventually(
        () =>
          this.api.ok('claimant', 'POST', '/api/v1/complaints', {
            caseIds: [caseId],
            category: 'delay',
            summary: 'My claim is taking too long',
          }),
        30_000,
      )
    ).id;
  }

  /** A complaint recorded by complaints staff (about the cases given, once complaints knows them) and moved on by the given steps. */
  async complaintAt(steps: ComplaintStep[], caseIds: string[] = []): Promise<string> {
    const open = () =>
      this.api.ok('complaints', 'POST', '/api/v1/complaints', {
        complainantType: 'public',
        complainantName: 'Pat Public',
        origin: 'telephone',
        category: 'fees',
        caseIds,
      });
    const { id } = await eventually(open, 30_000);
    for (const step of steps)
      await this.api.ok(
        'complaints',
        'POST',
        `/api/v1/complaints/${id}/${COMPLAINT_STEPS[step].path}`,
        COMPLAINT_STEPS[step].body,
      );
    return id;
  }

  /** A task waiting in the civil queue: a document needing review, as cases announces it. */
  async workTask(): Promise<string> {
    const caseId = randomUUID();
    const documentId = randomUUID();
    await publishEvent(documentReceivedV2, caseId, {
      caseId,
      documentId,
      documentType: 'form',
      channel: 'post',
      status: 'pending-review',
      language: 'en',
      caseType: 'civil-money-claim',
    });
    return eventually(async () => {
      const { tasks } = await this.api.data('teamLeader', 'query($c: ID) { tasks(caseId: $c) { id } }', { c: caseId });
      if (!tasks[0]) throw new Error('no task yet');
      return tasks[0].id as string;
    }, 30_000);
  }

  /**
   * An officer of the civil team and the contact centre (whose queues enquiries wait in) with every
   * skill, always on shift: someone a team leader may give work to.
   */
  async workOfficer(
    userId = unique('officer')
      .replace(/[^a-z0-9-]/gi, '-')
      .toLowerCase(),
  ): Promise<string> {
    await this.api.data('teamLeader', 'mutation($i: SaveOfficerInput!) { saveOfficer(input: $i) { userId } }', {
      i: {
        userId,
        name: 'Olu Officer',
        role: 'caseworker',
        teams: ['civil', 'contact-centre'],
        skills: ['civil', 'welsh', 'money-authority-2'],
        capacity: 100,
        shift: {
          days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
          start: '00:00',
          end: '24:00',
        },
        leave: [],
        active: true,
      },
    });
    return userId;
  }

  async staffEnquiry(caseId?: string): Promise<string> {
    return (
      await this.api.ok('caseworker', 'POST', '/api/v1/queries/enquiries', {
        channel: 'telephone',
        subject: unique('Caller asks'),
        message: 'About a fee',
        ...(caseId ? { caseId } : {}),
        contact: { name: 'Pat Caller' },
      })
    ).id;
  }

  async unallocatedCheque(): Promise<string> {
    return (
      await this.api.ok('finance', 'POST', '/api/v1/payments/bulk-scan-payments', {
        method: 'cheque',
        amountPence: uniquePence(),
        reference: 'no usable reference',
      })
    ).id;
  }

  /** A cheque allocated to nothing usable (unidentified) by one officer, awaiting a second. */
  async allocation(): Promise<string> {
    const payment = await this.unallocatedCheque();
    return (
      await this.api.ok('finance', 'POST', `/api/v1/payments/payments/${payment}/allocations`, {
        target: 'unidentified',
        reason: 'No reference and no covering letter',
      })
    ).id;
  }

  async verifiedAllocation(): Promise<string> {
    const id = await this.allocation();
    await this.api.ok('teamLeader', 'POST', `/api/v1/payments/allocations/${id}/verification`, { approve: true });
    return id;
  }

  /** A refund raised on a paid claim, then taken as far as `until`. */
  async refund(
    accountNumber: string,
    until: 'awaiting-approval' | 'returned' | 'approved',
    requester: Actor = 'finance',
  ): Promise<{ id: string; caseId: string }> {
    const claim = await this.paidClaim(accountNumber);
    const { id } = await this.api.ok(requester, 'POST', '/api/v1/payments/refunds', {
      caseId: claim.id,
      amountPence: 1_000,
      reason: 'overpayment',
    });
    if (until !== 'awaiting-approval')
      await this.api.ok('teamLeader', 'POST', `/api/v1/payments/refunds/${id}/decision`, {
        decision: until === 'returned' ? 'return' : 'approve',
      });
    return { id, caseId: claim.id };
  }

  async feeProposal(code: string): Promise<number> {
    return (
      await this.api.ok('finance', 'POST', `/api/v1/payments/fees/${code}/versions`, {
        amount: { type: 'flat', amountPence: uniquePence() },
        validFrom: '2032-01-01',
      })
    ).version;
  }

  async paymentAccount(): Promise<string> {
    const accountNumber = `PBA${randomInt(1_000_000, 9_999_999)}`;
    await openApprovedAccount(this.api, {
      accountNumber,
      organisationId: 'org-fixture',
      name: 'Fixture Law LLP',
      creditLimitPence: 100_000,
    });
    return accountNumber;
  }

  /** A firm's account with a higher credit limit asked for, waiting for a second person's decision. */
  async creditRaise(): Promise<string> {
    const accountNumber = await this.paymentAccount();
    await this.api.ok('finance', 'POST', `/api/v1/payments/accounts/${accountNumber}/changes`, {
      creditLimitPence: 200_000,
    });
    return accountNumber;
  }

  /** The claimant's Help with Fees application on a claim's issue fee, waiting for staff. */
  async helpWithFees(caseId: string): Promise<string> {
    return (
      await this.api.ok('claimant', 'POST', '/api/v1/payments/help-with-fees/applications', {
        caseId,
        feeCode: 'FEE0202',
        applicant: LOW_INCOME,
      })
    ).id;
  }

  /** A fee waiver agreed as a complaint's remedy, which payments holds for a second person's approval. */
  async feeWaiver(): Promise<{ id: string; caseId: string }> {
    const claim = await this.submittedClaim();
    const complaint = await this.complaintAt(['acknowledge', 'investigate', 'draft', 'send'], [claim.id]);
    await this.api.ok('complaints', 'POST', `/api/v1/complaints/${complaint}/remedies`, {
      kind: 'fee-waiver',
      caseId: claim.id,
      feeCode: 'FEE0202',
      amountPence: 3_500,
    });
    return eventually(async () => {
      const { items } = await this.api.ok('finance', 'GET', '/api/v1/payments/fee-waivers/awaiting-approval?limit=100');
      const waiver = (items as Loose[]).find((w) => w.caseId === claim.id);
      if (!waiver) throw new Error('payments has not raised the waiver yet');
      return { id: waiver.id as string, caseId: claim.id };
    }, 30_000);
  }

  /** A fine account of its own, from a fixed penalty registered by enforcement. */
  async fineAccount(): Promise<{ id: string; accountNumber: string }> {
    const account = await this.api.ok('enforcement', 'POST', '/api/v1/enforcement/fixed-penalties', {
      penaltyReference: unique('FP')
        .toUpperCase()
        .replace(/[^A-Z0-9-]/g, '')
        .slice(0, 32),
      businessUnit: 'BU-MATRIX',
      amountPence: 10_000,
    });
    return { id: account.id, accountNumber: account.accountNumber };
  }

  async writeOff(): Promise<string> {
    const account = await this.fineAccount();
    return (
      await this.api.ok('enforcement', 'POST', `/api/v1/enforcement/accounts/${account.id}/write-offs`, {
        amountPence: 1_000,
        reason: 'hardship',
      })
    ).id;
  }

  /** A warrant of control issued on a fresh account (it needs a further steps notice first) and given to an agency. */
  async warrant(agent: string): Promise<{ id: string; accountId: string }> {
    const account = await this.fineAccount();
    await this.api.ok('enforcement', 'POST', `/api/v1/enforcement/accounts/${account.id}/actions`, {
      action: 'further-steps-notice',
    });
    const { warrantId } = await this.api.ok(
      'enforcement',
      'POST',
      `/api/v1/enforcement/accounts/${account.id}/actions`,
      { action: 'warrant-of-control' },
    );
    await this.api.ok('enforcement', 'POST', `/api/v1/enforcement/warrants/${warrantId}/outcome`, {
      status: 'with-agent',
      agent,
    });
    return { id: warrantId, accountId: account.id };
  }

  async article(): Promise<{ id: string; versionId: string }> {
    const { createKnowledgeArticle } = await this.api.data(
      'teamLeader',
      'mutation($i: CreateKnowledgeArticleInput!) { createKnowledgeArticle(input: $i) { id articleId } }',
      {
        i: {
          language: 'en',
          title: unique('Paying a court fee'),
          body: 'How to pay a court fee online or by post.',
          serviceTags: ['fees'],
        },
      },
    );
    return { id: createKnowledgeArticle.articleId, versionId: createKnowledgeArticle.id };
  }
}

/** A household whose fee would be remitted in full. */
export const LOW_INCOME = { monthlyIncomePence: 100_000, couple: false, childrenAges: [], savingsPence: 0, age: 40 };

export type ComplaintStep =
  'acknowledge' | 'investigate' | 'draft' | 'send' | 'escalate' | 'breach' | 'refer' | 'enquire';
const COMPLAINT_STEPS: Record<ComplaintStep, { path: string; body: object }> = {
  acknowledge: { path: 'acknowledgement', body: {} },
  investigate: { path: 'investigation', body: {} },
  draft: { path: 'response-draft', body: { text: 'We are sorry for the delay.' } },
  send: { path: 'response', body: { outcome: 'upheld' } },
  escalate: { path: 'escalation', body: {} },
  breach: { path: 'data-breach', body: {} },
  refer: { path: 'ombudsman-referral', body: { ombudsmanReference: 'PHSO-1' } },
  enquire: { path: 'ombudsman-referral/enquiries', body: { text: 'Please send the case file.' } },
};

/**
 * The scenario every row reads: a money claim between the claimant (represented by the claimant's
 * firm) and the defendant (represented by the defendant's firm), with case-wide items (a document,
 * a hearing, a decision) and the claimant's own (an enquiry, a complaint, a payment, a Help with
 * Fees application, an assisted-digital referral); and a criminal case resulted with a fine, whose
 * defendant is the same defendant, prosecuted privately by the claimant. Everything goes through
 * the gateway, as staff except what a party does for itself.
 */
/** The officer team leaders give enquiries to in the table's calls. */
export const ENQUIRY_OFFICER = 'officer-x';

/** A firm's account opened by finance, its credit granted by a team leader: two people, as every raise takes. */
async function openApprovedAccount(
  api: Api,
  account: { accountNumber: string; organisationId: string; name: string; creditLimitPence: number },
): Promise<void> {
  await api.ok('finance', 'POST', '/api/v1/payments/accounts', account);
  await api.ok('teamLeader', 'POST', `/api/v1/payments/accounts/${account.accountNumber}/credit-limit/decision`, {
    approve: true,
    creditLimitPence: account.creditLimitPence,
  });
}

export async function seedScenario(api: Api): Promise<Scenario> {
  const fixtures = new Fixtures(api);
  const today = new Date().toISOString().slice(0, 10);
  const accounts = { claimantFirm: 'PBA1000001', defendantFirm: 'PBA1000002', unrelatedFirm: 'PBA1000003' };
  for (const [persona, accountNumber] of Object.entries(accounts)) {
    await openApprovedAccount(api, {
      accountNumber,
      organisationId: ORGS[persona as keyof typeof ORGS],
      name: `${persona} LLP`,
      creditLimitPence: 10_000_000,
    });
  }

  // Work goes by profile: the officer team leaders give enquiries to, and the staff personas who take them.
  for (const officer of [
    ENQUIRY_OFFICER,
    'matrix-caseworker',
    'matrix-team-leader',
    'matrix-judiciary',
    'matrix-system',
  ])
    await fixtures.workOfficer(officer);

  const claim = await fixtures.claim();
  await fixtures.trigger(claim.id, 'submit');
  const documentId = await fixtures.document(claim.id);
  // Accepted, it is on the record both sides read (one in review is the court's and its filer's).
  await api.ok('caseworker', 'POST', `/api/v1/cases/${claim.id}/documents/${documentId}/review`, {
    decision: 'accepted',
  });
  const venueId = 'LDN-MTX';
  const hearingId = await fixtures.hearing(claim.id, venueId);
  const { recordDecision } = await api.data(
    'judge',
    'mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { id } }',
    {
      i: {
        caseId: claim.id,
        outcome: 'Directions given',
        legalBasis: 'CPR 3.1',
        reasons: 'To progress the claim',
        evidenceReferences: [documentId],
      },
    },
  );
  const referralId = await fixtures.referral(claim);
  const enquiryId = await fixtures.enquiry(claim.id);
  const complaintId = await fixtures.complaint(claim.id);
  await eventually(() => api.ok('caseworker', 'GET', `/api/v1/payments/cases/${claim.id}/service-request`), 30_000);
  await api.ok('claimant', 'POST', '/api/v1/payments/help-with-fees/applications', {
    caseId: claim.id,
    feeCode: 'FEE0202',
    applicant: { ...LOW_INCOME, monthlyIncomePence: 500_000 },
  });
  const payment = await api.ok('claimantFirm', 'POST', `/api/v1/payments/cases/${claim.id}/payments-by-account`, {
    accountNumber: accounts.claimantFirm,
  });

  const { createCase: criminal } = await api.data('caseworker', CREATE_CASE, {
    i: {
      caseType: 'criminal-prosecution',
      parties: [
        {
          role: 'applicant',
          kind: 'person',
          name: 'Cat Claimant',
          userId: IDENTITIES.claimant.sub,
          representedBy: ORGS.claimantFirm,
        },
        {
          role: 'defendant',
          kind: 'person',
          name: 'Dan Defendant',
          userId: IDENTITIES.defendant.sub,
          representedBy: ORGS.defendantFirm,
        },
      ],
    },
  });
  const criminalDefendant = partyIdOf(criminal, 'defendant');
  await fixtures.trigger(criminal.id, 'list');
  await api.data('judge', 'mutation($i: RecordResultInput!) { recordCaseResult(input: $i) { id } }', {
    i: {
      caseId: criminal.id,
      defendantPartyId: criminalDefendant,
      outcome: 'Guilty plea: fined',
      impositions: [{ kind: 'fine', amountPence: 40_000, creditor: 'central-funds' }],
    },
  });
  const fineAccount = await eventually(async () => {
    const { case: found } = await api.data(
      'caseworker',
      'query($id: ID!) { case(id: $id) { fineAccounts { id accountNumber } } }',
      { id: criminal.id },
    );
    if (found.fineAccounts.length !== 1) throw new Error('no fine account yet');
    return found.fineAccounts[0] as { id: string; accountNumber: string };
  }, 30_000);
  // Payments takes card payments only to numbers enforcement has announced (fine-account-registered).
  await eventually(
    () => api.ok('caseworker', 'GET', `/api/v1/payments/fine-accounts/${fineAccount.accountNumber}`),
    30_000,
  );

  const article = await fixtures.article();
  await api.data('teamLeader', 'mutation($v: ID!) { publishKnowledgeArticleVersion(versionId: $v) { id } }', {
    v: article.versionId,
  });

  // Everything the claimant did reaches the case's timeline through events; rows read it afterwards.
  await eventually(async () => {
    const { case: found } = await api.data(
      'caseworker',
      'query($id: ID!) { case(id: $id) { timeline { kind summary } } }',
      { id: claim.id },
    );
    const missing = privateTimelineKinds.filter(
      (kind) => !(found.timeline as TimelineEntry[]).some((e) => privateKindOf(e) === kind),
    );
    if (missing.length) throw new Error(`the timeline lacks ${missing.join(', ')}`);
  }, 30_000);

  return {
    claim: {
      ...claim,
      documentId,
      hearingId,
      decisionId: recordDecision.id,
      referralId,
      enquiryId,
      complaintId,
      paymentId: payment.id,
      venueId,
      hearingDate: '2031-07-14',
    },
    criminal: {
      id: criminal.id,
      defendantPartyId: criminalDefendant,
      fineAccountId: fineAccount.id,
      fineAccountNumber: fineAccount.accountNumber,
    },
    accounts,
    article,
    today,
  };
}

export interface TimelineEntry {
  kind: string;
  summary: string;
}

/** The timeline entries about one party's own business (not case-wide), by what they are about. */
export const privateTimelineKinds = ['enquiries', 'complaints', 'assisted-digital', 'payment'] as const;
export function privateKindOf(entry: TimelineEntry): (typeof privateTimelineKinds)[number] | undefined {
  if (entry.kind === 'enquiries' || entry.kind === 'complaints' || entry.kind === 'assisted-digital') return entry.kind;
  return /^(Payment of|Refund|Consolatory payment|Help with Fees)/.test(entry.summary) ? 'payment' : undefined;
}
