import { randomUUID } from 'node:crypto';
import { addDays, londonLocalDate } from '@ccsc/calendar';
import { eventually } from '@ccsc/testing';
import type { Loose } from '../graphql-client';
import {
  accountOf,
  accountProbe,
  articleProbe,
  asId,
  body,
  caseField,
  CASE_FIELDS,
  caseProbe,
  casesNamed,
  claimantContactShown,
  claimIn,
  COMPLAINT,
  complaintAt,
  complaintProbe,
  complaintsSaying,
  DECISION,
  DOCUMENT,
  ENQUIRY,
  enquiriesAbout,
  enquiryProbe,
  everyPrivateEntryShown,
  fineResult,
  freshClaim,
  furtherClaimant,
  gql,
  HEARING,
  listed,
  CallContext,
  GraphQLCall,
  markerProbe,
  newClaim,
  onCase,
  paymentProbe,
  privateEntryShown,
  refundsProbe,
  RestCall,
  Row,
  row,
  serviceRequestProbe,
  THREE_STAGES,
  ANSWERED,
  triggerGql,
  triggerRest,
  withMarker,
} from './matrix-support';
import { IDENTITIES, ORGS, Persona, StaffRole, STAFF_ROLES } from './personas';
import {
  Api,
  ComplaintStep,
  ENQUIRY_OFFICER,
  Fixtures,
  LOW_INCOME,
  TimelineEntry,
  unique,
  uniquePence,
} from './scenario';

/*
 * THE AUTHORISATION MATRIX: who may call every REST route and every GraphQL operation and Case field.
 * The spec (authorisation-matrix.e2e-spec.ts) reads the routes from the services' own controllers and
 * the operations from the composed supergraph, fails for any without a row here (and any row that
 * matches nothing), then calls every row as every persona through the gateway.
 *
 *   staff    the staff roles allowed (the route's @Roles); every other staff role is denied, or
 *            filtered where `otherStaff: 'filtered'` says so.
 *   parties  one letter per persona, in this order:   claimant side   defendant side   unrelated
 *                                                      cit  firm       cit  firm        firm  cit
 *            A  allow     the call is authorised: 2xx, or a business refusal (409/422, CONFLICT).
 *            D  deny      403 or 404 (FORBIDDEN / NOT_FOUND), and a write changes nothing.
 *            F  filtered  the call succeeds but what the row's `sees` looks for is not in the answer
 *                         (for A and allowed staff it must be there).
 *
 * The policy: staff act by role. A citizen acts as the party they are, a firm for the parties it
 * represents: both see that party's details, needs, referrals and the fees its side pays. The other
 * side may see the case and what is case-wide (state, hearings, decisions, documents) but not the
 * other party's contact details and needs, fees and Help with Fees, assisted-digital referrals, fine
 * account or the timeline entries about them. What someone raised or paid is theirs: an enquiry or a
 * complaint is seen by whoever raised it (the citizen, or the firm), a payment by its payer, so the
 * claimant's firm does not read the claimant's own complaint, nor the claimant the firm's payment.
 * The case timeline shows the parties its procedural history and their own detail changes; entries
 * other services publish about one party are staff's there (the party reads them in that service).
 * Anyone may pay a fine by its account number (money in, as on a court notice). A stranger sees
 * nothing of the case (not found). Case events: a party only those its role may trigger (the
 * claimant's side submits and withdraws the claim), staff by the event's roles, judicial events the
 * judiciary. Rows that change something get a fresh resource per allowed persona (`fresh`).
 */

/** A further claimant with the contact details letters would go to, and no firm. */
const UNREPRESENTED_CLAIMANT = {
  role: 'claimant',
  kind: 'person',
  name: 'Further Claimant',
  email: 'further@example.com',
};

/** Payment terms start from today, within three years: two months on. */
const PAY_BY = addDays(londonLocalDate(new Date()), 60);

// Staff role sets, as the services' @Roles name them.
// Every staff role at work; the auditor oversees and reads only the audit trail, an agency only its warrants.
const ALL_STAFF = STAFF_ROLES.filter((role) => role !== 'auditor' && role !== 'enforcement-agent');
const NO_STAFF: readonly StaffRole[] = [];
const AUDITORS: StaffRole[] = ['auditor'];
const MI_READERS: StaffRole[] = ['team-leader'];
const CASE_CREATORS: StaffRole[] = ['caseworker', 'team-leader', 'system'];
const CASE_OFFICERS: StaffRole[] = ['caseworker', 'team-leader'];
const HEARING_STAFF: StaffRole[] = ['caseworker', 'team-leader', 'judiciary'];
const DECISION_MAKERS: StaffRole[] = ['judiciary', 'caseworker', 'team-leader'];
const RESULTERS: StaffRole[] = ['judiciary', 'caseworker'];
const PAYMENT_READERS: StaffRole[] = [
  'caseworker',
  'team-leader',
  'judiciary',
  'finance-officer',
  'complaints-officer',
  'system',
];
const PAYERS: StaffRole[] = ['caseworker', 'team-leader', 'finance-officer', 'system'];
const FINANCE_STAFF: StaffRole[] = ['finance-officer', 'caseworker', 'team-leader'];
const FEE_KEEPERS: StaffRole[] = ['finance-officer', 'team-leader'];
const APPROVERS: StaffRole[] = ['team-leader', 'finance-officer'];
const REMISSION_APPROVERS: StaffRole[] = ['caseworker', 'team-leader', 'finance-officer'];
const ENQUIRY_STAFF: StaffRole[] = ['caseworker', 'team-leader', 'judiciary', 'system'];
const TEAM_LEADERS: StaffRole[] = ['team-leader', 'system'];
const WORKERS: StaffRole[] = ['caseworker', 'team-leader'];
/** A task as a team leader sees it: what a denied write must leave unchanged. */
const taskProbe = async (api: Api, _s: unknown, fresh: { id: string }) =>
  (await api.data('teamLeader', 'query($id: ID!) { task(id: $id) { status assignedTo escalated } }', { id: fresh.id }))
    .task;
const COMPLAINT_STAFF: StaffRole[] = ['complaints-officer', 'team-leader'];
const COMPLAINT_READERS: StaffRole[] = ['complaints-officer', 'team-leader', 'caseworker', 'system'];
const COMPLAINT_RUNNERS: StaffRole[] = ['complaints-officer', 'team-leader', 'system'];
const ACCOUNT_READERS: StaffRole[] = ['enforcement-officer', 'team-leader', 'finance-officer', 'caseworker', 'system'];
const ENFORCEMENT_OFFICERS: StaffRole[] = ['enforcement-officer', 'team-leader'];

const IDENTITY_MATCHERS: StaffRole[] = ['caseworker', 'team-leader'];

/** A letter to the claimant of a fresh claim: its address given, then a hearing listed, which writes to every party. */
async function claimantsLetter(f: Fixtures): Promise<Loose> {
  const claim = await f.claim();
  await f.api.ok('caseworker', 'PATCH', `/api/v1/cases/${claim.id}/parties/${claim.claimantPartyId}`, {
    addressLines: ['1 Matrix Road', 'London'],
  });
  await f.hearing(claim.id);
  return eventually(async () => {
    const items = (await f.api.ok('caseworker', 'GET', `/api/v1/cases/${claim.id}/correspondence`)) as Loose[];
    const letter = items.find((i) => i.partyId === claim.claimantPartyId && i.channel === 'letter');
    if (!letter) throw new Error('no letter to the claimant yet');
    return { id: letter.id as string };
  }, 30_000);
}

// Partner webhooks belong to a firm: its users manage them, staff and citizens have none.
const FIRMS_ONLY = 'DA DA AD';
/** A URL of its own for each endpoint: a firm registers one URL once. */
const webhookUrl = () => `https://hooks.example-solicitors.co.uk/matrix/${randomUUID()}`;
/**
 * An endpoint of the allowed firm (the claimant's firm's for the denied), subscribed to hearings. The
 * firm's earlier ones are removed first: a firm has at most a few endpoints, and the matrix makes one per
 * check.
 */
async function webhookEndpoint(f: Fixtures, _s: unknown, allowed?: Persona): Promise<Loose> {
  const owner = allowed ?? 'claimantFirm';
  const { items } = (await f.api.ok(owner, 'GET', '/api/v1/cases/webhooks/endpoints?limit=100')) as { items: Loose[] };
  for (const earlier of items) await f.api.ok(owner, 'DELETE', `/api/v1/cases/webhooks/endpoints/${earlier.id}`);
  const endpoint = await f.api.ok(owner, 'POST', '/api/v1/cases/webhooks/endpoints', {
    url: webhookUrl(),
    eventTypes: ['hearing.listed'],
  });
  return { id: endpoint.id, owner };
}
/** The same, with a delivery: a hearing listed on a claim the firm represents. */
async function webhookDelivery(f: Fixtures, s: unknown, allowed?: Persona): Promise<Loose> {
  const endpoint = await webhookEndpoint(f, s, allowed);
  const claim = await f.api.ok('caseworker', 'POST', '/api/v1/cases', {
    caseType: 'civil-money-claim',
    parties: [
      {
        role: 'claimant',
        kind: 'person',
        name: unique('Matrix'),
        representedBy: IDENTITIES[endpoint.owner as Persona].org,
      },
    ],
  });
  await f.hearing(claim.id as string);
  const delivery = await eventually(async () => {
    const page = await f.api.ok(
      endpoint.owner as Persona,
      'GET',
      `/api/v1/cases/webhooks/endpoints/${endpoint.id}/deliveries`,
    );
    const first = (page.items as Loose[])[0];
    if (!first) throw new Error('no delivery yet');
    return first;
  });
  return { ...endpoint, deliveryId: delivery.id };
}
/** The endpoint as its firm sees it: what a denied write must leave unchanged. */
const webhookProbe = async (api: Api, _s: unknown, fresh: Loose) =>
  api.ok(fresh.owner as Persona, 'GET', `/api/v1/cases/webhooks/endpoints/${fresh.id}`);
const deliveryProbe = async (api: Api, _s: unknown, fresh: Loose) => {
  const delivery = await api.ok(fresh.owner as Persona, 'GET', `/api/v1/cases/webhooks/deliveries/${fresh.deliveryId}`);
  return { status: delivery.status, createdAt: delivery.createdAt };
};

/** The defendants of two prosecutions, not matched yet: `partyId` on case `id`, to be matched with `sameAsPartyId`. */
async function twoProsecutions(f: Fixtures): Promise<Loose> {
  const [first, second] = [await f.listedCriminalCase(), await f.listedCriminalCase()];
  return { id: second.id, partyId: second.defendantPartyId, sameAsPartyId: first.defendantPartyId, otherId: first.id };
}

/** The same, matched by a caseworker as one person: `identityId`. */
async function matchedProsecutions(f: Fixtures): Promise<Loose> {
  const fresh = await twoProsecutions(f);
  const matched = await f.api.ok('caseworker', 'PUT', `/api/v1/cases/${fresh.id}/parties/${fresh.partyId}/identity`, {
    sameAsPartyId: fresh.sameAsPartyId,
  });
  return { ...fresh, identityId: matched.id };
}

const REFERRAL = {
  stakeholderKind: 'police',
  stakeholderName: 'Matrix Constabulary',
  concerns: 'Leave obtained by deception',
};
const MINDED_TO = { proposedOutcome: 'Revoke leave', grounds: 'The evidence shows deception' };

/**
 * A status review of the claimant (the person under review; the claimant's firm represents them), taken as far as
 * `step`: referred; investigating with accepted evidence; or with its minded-to notice issued.
 */
async function statusReview(f: Fixtures, step: 'referred' | 'investigating' | 'minded-to'): Promise<Loose> {
  const { id } = await f.api.ok('caseworker', 'POST', '/api/v1/cases', {
    caseType: 'immigration-status-review',
    parties: [
      {
        role: 'subject',
        kind: 'person',
        name: 'Cat Claimant',
        userId: IDENTITIES.claimant.sub,
        representedBy: ORGS.claimantFirm,
      },
    ],
  });
  if (step === 'referred') return { id };
  await f.api.ok('caseworker', 'POST', `/api/v1/cases/${id}/status-review/referrals`, REFERRAL);
  await f.trigger(id, 'investigate');
  await f.api.ok('caseworker', 'POST', `/api/v1/cases/${id}/documents`, DOCUMENT);
  if (step === 'investigating') return { id };
  await f.api.ok('caseworker', 'POST', `/api/v1/cases/${id}/status-review/minded-to-notice`, MINDED_TO);
  return { id };
}
const referredReview = (f: Fixtures) => statusReview(f, 'referred');
const investigatedReview = (f: Fixtures) => statusReview(f, 'investigating');
const noticedReview = (f: Fixtures) => statusReview(f, 'minded-to');
let sharedNoticedReview: Promise<Loose> | undefined;
/** One review with its notice for the rows that only read it. */
const readableNoticedReview = (f: Fixtures) => (sharedNoticedReview ??= noticedReview(f));

/** Staff's view of a status review's records and progress. */
const statusReviewProbe = async (api: Api, _s: unknown, fresh: Loose) =>
  (
    await api.data(
      'caseworker',
      'query($id: ID!) { case(id: $id) { state history { event } statusReviewReferrals { id } mindedToNotice { id representations { id } } } }',
      { id: fresh.id },
    )
  ).case;

/** A claim with a decision a judge recorded (none of the personas), for a second person to check. */
async function decidedClaim(f: Fixtures): Promise<Loose> {
  const claim = await f.claim();
  const decision = await f.api.ok('judge', 'POST', `/api/v1/cases/${claim.id}/decisions`, DECISION);
  return { ...claim, decisionId: decision.id };
}
const decisionsProbe = async (api: Api, _s: unknown, fresh: Loose) =>
  (
    await api.data('caseworker', 'query($id: ID!) { case(id: $id) { decisions { id check { outcome checkedBy } } } }', {
      id: fresh.id,
    })
  ).case;

/** Staff's view of both defendants' identities. */
const identitiesProbe = async (api: Api, _s: unknown, fresh: Loose) =>
  Promise.all(
    [fresh.id, fresh.otherId].map(async (id: string) =>
      (await api.ok('caseworker', 'GET', `/api/v1/cases/${id}`)).parties.map((p: Loose) => p.identityId ?? null),
    ),
  );

export const AUTHORISATION_MATRIX: readonly Row[] = [
  // ───────────── cases: REST ─────────────
  row(
    'POST /api/v1/cases',
    CASE_CREATORS,
    'AA AA AA',
    ({ fresh, as }) => body('/api/v1/cases', newClaim(fresh.marker, as)),
    { fresh: withMarker, probe: markerProbe(casesNamed) },
  ),
  row('GET /api/v1/cases', ALL_STAFF, 'AA FF FF', '/api/v1/cases?limit=100', {
    sees: (b, s) => claimantContactShown(claimIn(b.items, s)),
  }),
  row('GET /api/v1/cases/search', ALL_STAFF, 'AA FF FF', '/api/v1/cases/search?partyName=Claimant', {
    sees: (b, s) => claimantContactShown(claimIn(b.items, s)),
  }),
  row('GET /api/v1/cases/:idOrReference', ALL_STAFF, 'AA FF DD', ({ s }) => `/api/v1/cases/${s.claim.reference}`, {
    sees: claimantContactShown,
  }),
  row(
    'GET /api/v1/cases/:id/readiness',
    ALL_STAFF,
    'AA DD DD',
    ({ s }) => `/api/v1/cases/${s.claim.id}/readiness?event=issue`,
  ),
  row('GET /api/v1/cases/:id/history', ALL_STAFF, 'AA AA DD', ({ s }) => `/api/v1/cases/${s.claim.id}/history`),
  row('GET /api/v1/cases/:id/timeline', ALL_STAFF, 'FF FF DD', ({ s }) => `/api/v1/cases/${s.claim.id}/timeline`, {
    sees: (b) => privateEntryShown(b as TimelineEntry[]),
    seesAll: (b) => everyPrivateEntryShown(b as TimelineEntry[]),
  }),
  // Correspondence is the personal data of the party it went to: that party's side reads it, the other side none.
  row(
    'GET /api/v1/cases/:caseId/correspondence',
    ALL_STAFF,
    'AA FF DD',
    ({ s }) => `/api/v1/cases/${s.claim.id}/correspondence`,
    { sees: (b, s) => (b as Loose[]).some((item) => item.partyId === s.claim.claimantPartyId) },
  ),
  row(
    'GET /api/v1/cases/correspondence/:id/letter.pdf',
    ALL_STAFF,
    'AA DD DD',
    ({ fresh }) => `/api/v1/cases/correspondence/${fresh.id}/letter.pdf`,
    { fresh: claimantsLetter },
  ),
  // Notify presents its callback token; a platform token is no credential for it, whoever holds it.
  row(
    'POST /api/v1/cases/correspondence/delivery-receipts',
    NO_STAFF,
    'DD DD DD',
    () => body('/api/v1/cases/correspondence/delivery-receipts', { id: 'matrix', status: 'delivered' }),
    { denyStatuses: [401], unprobed: 'refused before anything is read: the callback token does not match' },
  ),
  row('POST /api/v1/cases/:id/events [submit]', CASE_OFFICERS, 'AA DD DD', triggerRest('submit'), {
    fresh: freshClaim,
    probe: caseProbe,
  }),
  row('POST /api/v1/cases/:id/events [withdraw]', CASE_OFFICERS, 'AA DD DD', triggerRest('withdraw'), {
    fresh: freshClaim,
    probe: caseProbe,
  }),
  row('POST /api/v1/cases/:id/events [stay: judicial]', ['judiciary'], 'DD DD DD', triggerRest('stay'), {
    fresh: (f) => f.issuedClaim(),
    probe: caseProbe,
  }),
  row(
    'POST /api/v1/cases/:id/parties',
    CASE_CREATORS,
    'DA DD DD',
    ({ fresh, as }) => body(`/api/v1/cases/${fresh.id}/parties`, furtherClaimant(as)),
    { fresh: freshClaim, probe: caseProbe },
  ),
  // Unrepresented, with contact details the court would write to: no firm adds one, even on its own side.
  row(
    'POST /api/v1/cases/:id/parties [unrepresented claimant]',
    CASE_CREATORS,
    'DD DD DD',
    ({ fresh }) => body(`/api/v1/cases/${fresh.id}/parties`, UNREPRESENTED_CLAIMANT),
    { fresh: freshClaim, probe: caseProbe },
  ),
  row(
    'PATCH /api/v1/cases/:id/parties/:partyId',
    CASE_CREATORS,
    'AA DD DD',
    ({ fresh }) =>
      body(`/api/v1/cases/${fresh.id}/parties/${fresh.claimantPartyId}`, {
        phone: '+44 20 7946 0999',
        reasonableAdjustments: ['braille'],
      }),
    { fresh: freshClaim, probe: caseProbe },
  ),
  row(
    'PUT /api/v1/cases/:id/parties/:partyId/representation',
    CASE_CREATORS,
    'AA DD DD',
    ({ fresh }) =>
      body(`/api/v1/cases/${fresh.id}/parties/${fresh.claimantPartyId}/representation`, { organisationId: null }),
    { fresh: freshClaim, probe: caseProbe },
  ),
  row(
    'POST /api/v1/cases/:id/results',
    RESULTERS,
    'DD DD DD',
    ({ fresh }) => body(`/api/v1/cases/${fresh.id}/results`, fineResult(fresh.defendantPartyId)),
    { fresh: (f) => f.listedCriminalCase(), probe: caseProbe },
  ),
  row(
    'PUT /api/v1/cases/:id/parties/:partyId/identity',
    IDENTITY_MATCHERS,
    'DD DD DD',
    ({ fresh }) =>
      body(`/api/v1/cases/${fresh.id}/parties/${fresh.partyId}/identity`, { sameAsPartyId: fresh.sameAsPartyId }),
    { fresh: twoProsecutions, probe: identitiesProbe },
  ),
  row(
    'DELETE /api/v1/cases/:id/parties/:partyId/identity',
    IDENTITY_MATCHERS,
    'DD DD DD',
    ({ fresh }) => ({ path: `/api/v1/cases/${fresh.id}/parties/${fresh.partyId}/identity` }),
    { fresh: matchedProsecutions, probe: identitiesProbe },
  ),
  row(
    'GET /api/v1/cases/identities/:identityId',
    ALL_STAFF,
    'DD DD DD',
    ({ fresh }) => `/api/v1/cases/identities/${fresh.identityId}`,
    {
      fresh: matchedProsecutions,
    },
  ),
  row(
    'POST /api/v1/cases/deadlines/runs',
    ['team-leader', 'system'],
    'DD DD DD',
    ({ s }) => body('/api/v1/cases/deadlines/runs', { runOn: s.today }),
    { unprobed: 'a run moves on only cases whose deadline has passed, as the system, whoever starts it' },
  ),
  row(
    'POST /api/v1/cases/:id/documents',
    CASE_CREATORS,
    'AA AA DD',
    ({ fresh }) => body(`/api/v1/cases/${fresh.id}/documents`, DOCUMENT),
    { fresh: freshClaim, probe: caseProbe },
  ),
  row('GET /api/v1/cases/:id/documents', ALL_STAFF, 'AA AA DD', ({ s }) => `/api/v1/cases/${s.claim.id}/documents`),
  row(
    'POST /api/v1/cases/:id/documents/:documentId/review',
    CASE_OFFICERS,
    'DD DD DD',
    ({ fresh }) => body(`/api/v1/cases/${fresh.id}/documents/${fresh.documentId}/review`, { decision: 'accepted' }),
    {
      fresh: async (f) => {
        const claim = await f.claim();
        return { ...claim, documentId: await f.document(claim.id) };
      },
      probe: caseProbe,
    },
  ),
  row(
    'POST /api/v1/cases/:id/assisted-digital-referrals',
    CASE_CREATORS,
    'DD DD DD',
    ({ fresh }) =>
      body(`/api/v1/cases/${fresh.id}/assisted-digital-referrals`, {
        partyId: fresh.claimantPartyId,
        needs: ['low-digital-confidence'],
      }),
    { fresh: freshClaim, probe: caseProbe },
  ),
  row(
    'GET /api/v1/cases/:id/assisted-digital-referrals',
    ALL_STAFF,
    'AA FF DD',
    ({ s }) => `/api/v1/cases/${s.claim.id}/assisted-digital-referrals`,
    { sees: (b, s) => listed(b as Loose[], s.claim.referralId) },
  ),
  row(
    'POST /api/v1/cases/:id/assisted-digital-referrals/:referralId/status',
    CASE_CREATORS,
    'DD DD DD',
    ({ fresh }) =>
      body(`/api/v1/cases/${fresh.id}/assisted-digital-referrals/${fresh.referralId}/status`, {
        status: 'accepted',
        supplierReference: 'SUP-1',
      }),
    {
      fresh: async (f) => {
        const claim = await f.claim();
        return { ...claim, referralId: await f.referral(claim) };
      },
      probe: caseProbe,
    },
  ),
  row(
    'GET /api/v1/cases/hearings/by-venue',
    HEARING_STAFF,
    'DD DD DD',
    ({ s }) => `/api/v1/cases/hearings/by-venue?venueId=${s.claim.venueId}&date=${s.claim.hearingDate}`,
  ),
  row(
    'POST /api/v1/cases/:id/hearings',
    HEARING_STAFF,
    'DD DD DD',
    ({ fresh }) => body(`/api/v1/cases/${fresh.id}/hearings`, HEARING),
    { fresh: freshClaim, probe: caseProbe },
  ),
  row('GET /api/v1/cases/:id/hearings', ALL_STAFF, 'AA AA DD', ({ s }) => `/api/v1/cases/${s.claim.id}/hearings`),
  row(
    'GET /api/v1/cases/:id/hearings/:hearingId',
    ALL_STAFF,
    'AA AA DD',
    ({ s }) => `/api/v1/cases/${s.claim.id}/hearings/${s.claim.hearingId}`,
  ),
  row(
    'POST /api/v1/cases/:id/hearings/:hearingId/status',
    HEARING_STAFF,
    'DD DD DD',
    ({ fresh }) =>
      body(`/api/v1/cases/${fresh.id}/hearings/${fresh.hearingId}/status`, {
        status: 'running-late',
        delayMinutes: 15,
      }),
    {
      fresh: async (f) => {
        const claim = await f.claim();
        return { ...claim, hearingId: await f.hearing(claim.id) };
      },
      probe: caseProbe,
    },
  ),
  row('GET /api/v1/cases/webhooks/event-types', NO_STAFF, FIRMS_ONLY, '/api/v1/cases/webhooks/event-types'),
  row(
    'POST /api/v1/cases/webhooks/endpoints',
    NO_STAFF,
    FIRMS_ONLY,
    () => body('/api/v1/cases/webhooks/endpoints', { url: webhookUrl(), eventTypes: ['case.issued'] }),
    { unprobed: "refused by the role guard before anything is read; an endpoint is only ever the caller firm's own" },
  ),
  row('GET /api/v1/cases/webhooks/endpoints', NO_STAFF, FIRMS_ONLY, '/api/v1/cases/webhooks/endpoints'),
  row(
    'GET /api/v1/cases/webhooks/endpoints/:endpointId',
    NO_STAFF,
    FIRMS_ONLY,
    ({ fresh }) => `/api/v1/cases/webhooks/endpoints/${fresh.id}`,
    { fresh: webhookEndpoint },
  ),
  row(
    'PATCH /api/v1/cases/webhooks/endpoints/:endpointId',
    NO_STAFF,
    FIRMS_ONLY,
    ({ fresh }) => body(`/api/v1/cases/webhooks/endpoints/${fresh.id}`, { enabled: false }),
    { fresh: webhookEndpoint, probe: webhookProbe },
  ),
  row(
    'DELETE /api/v1/cases/webhooks/endpoints/:endpointId',
    NO_STAFF,
    FIRMS_ONLY,
    ({ fresh }) => `/api/v1/cases/webhooks/endpoints/${fresh.id}`,
    { fresh: webhookEndpoint, probe: webhookProbe },
  ),
  row(
    'POST /api/v1/cases/webhooks/endpoints/:endpointId/rotate-secret',
    NO_STAFF,
    FIRMS_ONLY,
    ({ fresh }) => body(`/api/v1/cases/webhooks/endpoints/${fresh.id}/rotate-secret`),
    { fresh: webhookEndpoint, probe: webhookProbe },
  ),
  row(
    'GET /api/v1/cases/webhooks/endpoints/:endpointId/deliveries',
    NO_STAFF,
    FIRMS_ONLY,
    ({ fresh }) => `/api/v1/cases/webhooks/endpoints/${fresh.id}/deliveries`,
    { fresh: webhookEndpoint },
  ),
  row(
    'GET /api/v1/cases/webhooks/deliveries/:deliveryId',
    NO_STAFF,
    FIRMS_ONLY,
    ({ fresh }) => `/api/v1/cases/webhooks/deliveries/${fresh.deliveryId}`,
    { fresh: webhookDelivery },
  ),
  row(
    'POST /api/v1/cases/webhooks/deliveries/:deliveryId/replay',
    NO_STAFF,
    FIRMS_ONLY,
    ({ fresh }) => body(`/api/v1/cases/webhooks/deliveries/${fresh.deliveryId}/replay`),
    { fresh: webhookDelivery, probe: deliveryProbe },
  ),
  row(
    'POST /api/v1/cases/:id/decisions',
    DECISION_MAKERS,
    'DD DD DD',
    ({ fresh }) => body(`/api/v1/cases/${fresh.id}/decisions`, DECISION),
    { fresh: freshClaim, probe: caseProbe },
  ),
  row('GET /api/v1/cases/:id/decisions', ALL_STAFF, 'AA AA DD', ({ s }) => `/api/v1/cases/${s.claim.id}/decisions`),
  row(
    'POST /api/v1/cases/:id/decisions/:decisionId/check',
    CASE_OFFICERS,
    'DD DD DD',
    ({ fresh }) => body(`/api/v1/cases/${fresh.id}/decisions/${fresh.decisionId}/check`, { outcome: 'approved' }),
    { fresh: decidedClaim, probe: decisionsProbe },
  ),
  row(
    'POST /api/v1/cases/:id/status-review/referrals',
    CASE_OFFICERS,
    'DD DD DD',
    ({ fresh }) => body(`/api/v1/cases/${fresh.id}/status-review/referrals`, REFERRAL),
    { fresh: referredReview, probe: statusReviewProbe },
  ),
  // A referral names its source and their concerns: the review's caseworkers read it, never the person under review.
  row(
    'GET /api/v1/cases/:id/status-review/referrals',
    CASE_OFFICERS,
    'DD DD DD',
    ({ fresh }) => `/api/v1/cases/${fresh.id}/status-review/referrals`,
    { fresh: readableNoticedReview },
  ),
  row(
    'POST /api/v1/cases/:id/status-review/minded-to-notice',
    ['caseworker'],
    'DD DD DD',
    ({ fresh }) => body(`/api/v1/cases/${fresh.id}/status-review/minded-to-notice`, MINDED_TO),
    { fresh: investigatedReview, probe: statusReviewProbe },
  ),
  // The notice is served on the person under review (the claimant here), who reads it, as their firm does.
  row(
    'GET /api/v1/cases/:id/status-review/minded-to-notice',
    ALL_STAFF,
    'AA DD DD',
    ({ fresh }) => `/api/v1/cases/${fresh.id}/status-review/minded-to-notice`,
    { fresh: readableNoticedReview },
  ),
  row(
    'POST /api/v1/cases/:id/status-review/minded-to-notice/representations',
    CASE_OFFICERS,
    'DD DD DD',
    ({ fresh }) =>
      body(`/api/v1/cases/${fresh.id}/status-review/minded-to-notice/representations`, {
        receivedOn: londonLocalDate(new Date()),
        madeBy: 'subject',
        summary: 'It was not deception',
      }),
    { fresh: noticedReview, probe: statusReviewProbe },
  ),

  // ───────────── cases: GraphQL ─────────────
  row(
    'Query.case',
    ALL_STAFF,
    'AA FF DD',
    ({ s }) => gql(`query($id: ID!) { case(id: $id) { ${CASE_FIELDS} } }`, { id: s.claim.id }),
    { sees: (d) => claimantContactShown(d.case) },
  ),
  row(
    'Query.caseByReference',
    ALL_STAFF,
    'AA FF DD',
    ({ s }) =>
      gql(`query($r: String!) { caseByReference(reference: $r) { ${CASE_FIELDS} } }`, { r: s.claim.reference }),
    { sees: (d) => claimantContactShown(d.caseByReference) },
  ),
  row('Query.cases', ALL_STAFF, 'AA FF FF', () => gql(`{ cases(first: 100) { nodes { ${CASE_FIELDS} } } }`), {
    sees: (d, s) => claimantContactShown(claimIn(d.cases.nodes, s)),
  }),
  row(
    'Query.searchCases',
    ALL_STAFF,
    'AA FF FF',
    () => gql(`{ searchCases(criteria: { partyName: "Claimant" }, first: 100) { nodes { ${CASE_FIELDS} } } }`),
    { sees: (d, s) => claimantContactShown(claimIn(d.searchCases.nodes, s)) },
  ),
  row('Query.caseTypes', ALL_STAFF, 'AA AA AA', () => gql('{ caseTypes { id } }')),
  // Live: taken as reading the case is (staff by role, the parties and their firms), refused to anyone else.
  row('Subscription.hearingStatusChanged', ALL_STAFF, 'AA AA DD', ({ s }) =>
    gql('subscription($id: ID!) { hearingStatusChanged(caseId: $id) { to } }', { id: s.claim.id }),
  ),
  row('Query.hearingsAtVenue', HEARING_STAFF, 'DD DD DD', ({ s }) =>
    gql('query($v: String!, $d: String!) { hearingsAtVenue(venueId: $v, date: $d) { id } }', {
      v: s.claim.venueId,
      d: s.claim.hearingDate,
    }),
  ),
  row(
    'Mutation.createCase',
    CASE_CREATORS,
    'AA AA AA',
    ({ fresh, as }) =>
      gql('mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }', { i: newClaim(fresh.marker, as) }),
    { fresh: withMarker, probe: markerProbe(casesNamed) },
  ),
  row('Mutation.triggerCaseEvent [submit]', CASE_OFFICERS, 'AA DD DD', triggerGql('submit'), {
    fresh: freshClaim,
    probe: caseProbe,
  }),
  row('Mutation.triggerCaseEvent [withdraw]', CASE_OFFICERS, 'AA DD DD', triggerGql('withdraw'), {
    fresh: freshClaim,
    probe: caseProbe,
  }),
  row('Mutation.triggerCaseEvent [stay: judicial]', ['judiciary'], 'DD DD DD', triggerGql('stay'), {
    fresh: (f) => f.issuedClaim(),
    probe: caseProbe,
  }),
  row(
    'Mutation.addParty',
    CASE_CREATORS,
    'DA DD DD',
    ({ fresh, as }) =>
      gql('mutation($i: AddPartyInput!) { addParty(input: $i) { id } }', {
        i: { caseId: fresh.id, party: furtherClaimant(as) },
      }),
    { fresh: freshClaim, probe: caseProbe },
  ),
  row(
    'Mutation.addParty [unrepresented claimant]',
    CASE_CREATORS,
    'DD DD DD',
    ({ fresh }) =>
      gql('mutation($i: AddPartyInput!) { addParty(input: $i) { id } }', {
        i: { caseId: fresh.id, party: UNREPRESENTED_CLAIMANT },
      }),
    { fresh: freshClaim, probe: caseProbe },
  ),
  row(
    'Mutation.updateParty',
    CASE_CREATORS,
    'AA DD DD',
    ({ fresh }) =>
      gql('mutation($i: UpdatePartyInput!) { updateParty(input: $i) { id } }', {
        i: {
          caseId: fresh.id,
          partyId: fresh.claimantPartyId,
          phone: '+44 20 7946 0999',
          reasonableAdjustments: ['braille'],
        },
      }),
    { fresh: freshClaim, probe: caseProbe },
  ),
  row(
    'Mutation.changeRepresentation',
    CASE_CREATORS,
    'AA DD DD',
    ({ fresh }) =>
      gql('mutation($i: ChangeRepresentationInput!) { changeRepresentation(input: $i) { id } }', {
        i: { caseId: fresh.id, partyId: fresh.claimantPartyId, organisationId: null },
      }),
    { fresh: freshClaim, probe: caseProbe },
  ),
  row(
    'Mutation.recordCaseResult',
    RESULTERS,
    'DD DD DD',
    ({ fresh }) =>
      gql('mutation($i: RecordResultInput!) { recordCaseResult(input: $i) { id } }', {
        i: { caseId: fresh.id, ...fineResult(fresh.defendantPartyId) },
      }),
    { fresh: (f) => f.listedCriminalCase(), probe: caseProbe },
  ),
  row(
    'Query.partyIdentity',
    ALL_STAFF,
    'DD DD DD',
    ({ fresh }) =>
      gql('query($id: ID!) { partyIdentity(id: $id) { id parties { caseId } } }', { id: fresh.identityId }),
    { fresh: matchedProsecutions },
  ),
  row(
    'Mutation.matchPartyIdentity',
    IDENTITY_MATCHERS,
    'DD DD DD',
    ({ fresh }) =>
      gql('mutation($i: MatchPartyIdentityInput!) { matchPartyIdentity(input: $i) { id } }', {
        i: { caseId: fresh.id, partyId: fresh.partyId, sameAsPartyId: fresh.sameAsPartyId },
      }),
    { fresh: twoProsecutions, probe: identitiesProbe },
  ),
  row(
    'Mutation.unmatchPartyIdentity',
    IDENTITY_MATCHERS,
    'DD DD DD',
    ({ fresh }) =>
      gql('mutation($c: ID!, $p: ID!) { unmatchPartyIdentity(caseId: $c, partyId: $p) }', {
        c: fresh.id,
        p: fresh.partyId,
      }),
    { fresh: matchedProsecutions, probe: identitiesProbe },
  ),
  row(
    'Mutation.runCaseDeadlines',
    ['team-leader', 'system'],
    'DD DD DD',
    ({ s }) =>
      gql('mutation($i: RunCaseDeadlinesInput) { runCaseDeadlines(input: $i) { triggered } }', {
        i: { runOn: s.today },
      }),
    { unprobed: 'a run moves on only cases whose deadline has passed, as the system, whoever starts it' },
  ),
  row(
    'Mutation.receiveDocument',
    CASE_CREATORS,
    'AA AA DD',
    ({ fresh }) =>
      gql('mutation($i: ReceiveDocumentInput!) { receiveDocument(input: $i) { id } }', {
        i: { caseId: fresh.id, ...DOCUMENT },
      }),
    { fresh: freshClaim, probe: caseProbe },
  ),
  row(
    'Mutation.reviewDocument',
    CASE_OFFICERS,
    'DD DD DD',
    ({ fresh }) =>
      gql('mutation($i: ReviewDocumentInput!) { reviewDocument(input: $i) { id } }', {
        i: { caseId: fresh.id, documentId: fresh.documentId, decision: 'accepted' },
      }),
    {
      fresh: async (f) => {
        const claim = await f.claim();
        return { ...claim, documentId: await f.document(claim.id) };
      },
      probe: caseProbe,
    },
  ),
  row(
    'Mutation.referForAssistedDigital',
    CASE_CREATORS,
    'DD DD DD',
    ({ fresh }) =>
      gql('mutation($i: ReferInput!) { referForAssistedDigital(input: $i) { id } }', {
        i: { caseId: fresh.id, partyId: fresh.claimantPartyId, needs: ['language'] },
      }),
    { fresh: freshClaim, probe: caseProbe },
  ),
  row(
    'Mutation.updateAssistedDigitalReferral',
    CASE_CREATORS,
    'DD DD DD',
    ({ fresh }) =>
      gql('mutation($i: ReferralStatusInput!) { updateAssistedDigitalReferral(input: $i) { id } }', {
        i: { caseId: fresh.id, referralId: fresh.referralId, status: 'accepted' },
      }),
    {
      fresh: async (f) => {
        const claim = await f.claim();
        return { ...claim, referralId: await f.referral(claim) };
      },
      probe: caseProbe,
    },
  ),
  row(
    'Mutation.listHearing',
    HEARING_STAFF,
    'DD DD DD',
    ({ fresh }) =>
      gql('mutation($i: ListHearingInput!) { listHearing(input: $i) { id } }', { i: { caseId: fresh.id, ...HEARING } }),
    { fresh: freshClaim, probe: caseProbe },
  ),
  row(
    'Mutation.updateHearingStatus',
    HEARING_STAFF,
    'DD DD DD',
    ({ fresh }) =>
      gql('mutation($i: UpdateHearingStatusInput!) { updateHearingStatus(input: $i) { id } }', {
        i: { hearingId: fresh.hearingId, status: 'running-late', delayMinutes: 10 },
      }),
    {
      fresh: async (f) => {
        const claim = await f.claim();
        return { ...claim, hearingId: await f.hearing(claim.id) };
      },
      probe: caseProbe,
    },
  ),
  row(
    'Mutation.recordDecision',
    DECISION_MAKERS,
    'DD DD DD',
    ({ fresh }) =>
      gql('mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { id } }', {
        i: { caseId: fresh.id, ...DECISION },
      }),
    { fresh: freshClaim, probe: caseProbe },
  ),
  row(
    'Mutation.checkDecision',
    CASE_OFFICERS,
    'DD DD DD',
    ({ fresh }) =>
      gql('mutation($i: CheckDecisionInput!) { checkDecision(input: $i) { id } }', {
        i: { caseId: fresh.id, decisionId: fresh.decisionId, outcome: 'approved' },
      }),
    { fresh: decidedClaim, probe: decisionsProbe },
  ),
  row(
    'Mutation.recordStatusReviewReferral',
    CASE_OFFICERS,
    'DD DD DD',
    ({ fresh }) =>
      gql('mutation($i: RecordStatusReviewReferralInput!) { recordStatusReviewReferral(input: $i) { id } }', {
        i: { caseId: fresh.id, ...REFERRAL },
      }),
    { fresh: referredReview, probe: statusReviewProbe },
  ),
  row(
    'Mutation.issueMindedToNotice',
    ['caseworker'],
    'DD DD DD',
    ({ fresh }) =>
      gql('mutation($i: IssueMindedToNoticeInput!) { issueMindedToNotice(input: $i) { id } }', {
        i: { caseId: fresh.id, ...MINDED_TO },
      }),
    { fresh: investigatedReview, probe: statusReviewProbe },
  ),
  row(
    'Mutation.recordRepresentations',
    CASE_OFFICERS,
    'DD DD DD',
    ({ fresh }) =>
      gql('mutation($i: RecordRepresentationsInput!) { recordRepresentations(input: $i) { id } }', {
        i: {
          caseId: fresh.id,
          receivedOn: londonLocalDate(new Date()),
          madeBy: 'subject',
          summary: 'It was not deception',
        },
      }),
    { fresh: noticedReview, probe: statusReviewProbe },
  ),

  // ───────────── Case fields (the money claim; fineAccounts the criminal case) ─────────────
  row('Case.id', ALL_STAFF, 'AA AA DD', caseField('')),
  row('Case.reference', ALL_STAFF, 'AA AA DD', caseField('reference')),
  row('Case.caseType', ALL_STAFF, 'AA AA DD', caseField('caseType')),
  row('Case.state', ALL_STAFF, 'AA AA DD', caseField('state')),
  row('Case.createdAt', ALL_STAFF, 'AA AA DD', caseField('createdAt')),
  row('Case.updatedAt', ALL_STAFF, 'AA AA DD', caseField('updatedAt')),
  row('Case.fees', ALL_STAFF, 'AA AA DD', caseField('fees', '{ code status }')),
  row('Case.claimAmountPence', ALL_STAFF, 'AA AA DD', caseField('claimAmountPence')),
  row('Case.stateEndsOn', ALL_STAFF, 'AA AA DD', caseField('stateEndsOn')),
  row('Case.readiness', ALL_STAFF, 'AA DD DD', caseField('readiness(event: "issue")', '{ ready criteria { id met } }')),
  row('Case.history', ALL_STAFF, 'AA AA DD', caseField('history', '{ event actor }')),
  row('Case.documents', ALL_STAFF, 'AA AA DD', caseField('documents', '{ id }'), {
    sees: (d, s) => listed(onCase('documents')(d), s.claim.documentId),
  }),
  // As its REST route: each side reads the letters to its own party, the other side's are filtered out.
  row('Case.correspondence', ALL_STAFF, 'AA FF DD', caseField('correspondence', '{ id partyId }'), {
    sees: (d, s) =>
      Boolean((onCase('correspondence')(d) as Loose[] | undefined)?.some((i) => i.partyId === s.claim.claimantPartyId)),
  }),
  row('Case.hearings', ALL_STAFF, 'AA AA DD', caseField('hearings', '{ id }'), {
    sees: (d, s) => listed(onCase('hearings')(d), s.claim.hearingId),
  }),
  row('Case.decisions', ALL_STAFF, 'AA AA DD', caseField('decisions', '{ id }'), {
    sees: (d, s) => listed(onCase('decisions')(d), s.claim.decisionId),
  }),
  row('Case.statusReviewReferrals', CASE_OFFICERS, 'DD DD DD', caseField('statusReviewReferrals', '{ id }')),
  row('Case.mindedToNotice', ALL_STAFF, 'AA AA DD', caseField('mindedToNotice', '{ id }')),
  row(
    'Case.parties',
    ALL_STAFF,
    'AA FF DD',
    caseField('parties', '{ role email phone postcode reasonableAdjustments vulnerabilityFlags }'),
    { sees: (d) => claimantContactShown(d.case) },
  ),
  row('Case.timeline', ALL_STAFF, 'FF FF DD', caseField('timeline', '{ kind summary }'), {
    sees: (d) => privateEntryShown(onCase('timeline')(d)),
    seesAll: (d) => everyPrivateEntryShown(onCase('timeline')(d)),
  }),
  row('Case.assistedDigitalReferrals', ALL_STAFF, 'AA FF DD', caseField('assistedDigitalReferrals', '{ id }'), {
    sees: (d, s) => listed(onCase('assistedDigitalReferrals')(d), s.claim.referralId),
  }),
  row('Case.complaints', COMPLAINT_READERS, 'AF FF DD', caseField('complaints', '{ id }'), {
    otherStaff: 'filtered',
    sees: (d, s) => listed(onCase('complaints')(d), s.claim.complaintId),
  }),
  row('Case.enquiries', ENQUIRY_STAFF, 'AF FF DD', caseField('enquiries', '{ id }'), {
    otherStaff: 'filtered',
    sees: (d, s) => listed(onCase('enquiries')(d), s.claim.enquiryId),
  }),
  row('Case.payments', PAYMENT_READERS, 'FA FF DD', caseField('payments', '{ id }'), {
    otherStaff: 'filtered',
    sees: (d, s) => listed(onCase('payments')(d), s.claim.paymentId),
  }),
  row(
    'Case.serviceRequest',
    PAYMENT_READERS,
    'AA FF DD',
    caseField('serviceRequest', '{ id remittedPence paidPence }'),
    { otherStaff: 'filtered', sees: (d) => Boolean(onCase('serviceRequest')(d)) },
  ),
  row(
    'Case.fineAccounts',
    ACCOUNT_READERS,
    'FF FF DD',
    ({ s }) => gql('query($id: ID!) { case(id: $id) { id fineAccounts { id } } }', { id: s.criminal.id }),
    { otherStaff: 'filtered', sees: (d, s) => listed(onCase('fineAccounts')(d), s.criminal.fineAccountId) },
  ),

  // ───────────── payments: REST ─────────────
  row(
    'GET /api/v1/payments/fees',
    ALL_STAFF,
    'AA AA AA',
    '/api/v1/payments/fees?service=civil-money-claims&jurisdiction=civil&event=issue&claimAmountPence=100000',
  ),
  row('GET /api/v1/payments/fees/:code/versions', ALL_STAFF, 'AA AA AA', '/api/v1/payments/fees/FEE0202/versions'),
  // A fee has one version awaiting approval at a time: each allowed persona proposes for a fee of its own (the denied, FEE0031).
  row(
    'POST /api/v1/payments/fees/:code/versions',
    FEE_KEEPERS,
    'DD DD DD',
    ({ as }) =>
      body(
        `/api/v1/payments/fees/${({ 'finance-officer': 'FEE0209', 'team-leader': 'FEE0205' } as Partial<Record<Persona, string>>)[as.persona] ?? 'FEE0031'}/versions`,
        { amount: { type: 'flat', amountPence: uniquePence() }, validFrom: '2032-01-01' },
      ),
    {
      probe: async (api) => api.ok('finance', 'GET', '/api/v1/payments/fees/FEE0031/versions'),
    },
  ),
  row(
    'POST /api/v1/payments/fees/:code/versions/:version/decision',
    FEE_KEEPERS,
    'DD DD DD',
    ({ fresh }) => body(`/api/v1/payments/fees/FEE0011/versions/${fresh.version}/decision`, { approve: false }),
    {
      fresh: async (f) => ({ version: await f.feeProposal('FEE0011') }),
      probe: async (api) => api.ok('finance', 'GET', '/api/v1/payments/fees/FEE0011/versions'),
      serial: true,
    },
  ),
  row(
    'GET /api/v1/payments/cases/:caseId/service-request',
    PAYMENT_READERS,
    'AA DD DD',
    ({ s }) => `/api/v1/payments/cases/${s.claim.id}/service-request`,
  ),
  row(
    'POST /api/v1/payments/cases/:caseId/service-request/fees/:feeId/claim-amount',
    FINANCE_STAFF,
    'DD DD DD',
    ({ fresh }) =>
      body(`/api/v1/payments/cases/${fresh.id}/service-request/fees/${fresh.feeId}/claim-amount`, {
        claimAmountPence: 250_000,
      }),
    {
      fresh: (f) => f.submittedClaim(),
      probe: serviceRequestProbe,
    },
  ),
  row(
    'POST /api/v1/payments/cases/:caseId/payments-by-account',
    PAYERS,
    'DA DD DD',
    ({ fresh, as, s }) =>
      body(`/api/v1/payments/cases/${fresh.id}/payments-by-account`, { accountNumber: accountOf(as, s) }),
    {
      fresh: (f) => f.submittedClaim(),
      probe: serviceRequestProbe,
    },
  ),
  row(
    'POST /api/v1/payments/cases/:caseId/card-payments',
    PAYERS,
    'AA DD DD',
    ({ fresh }) =>
      body(`/api/v1/payments/cases/${fresh.id}/card-payments`, { returnUrl: 'https://claims.example.gov.uk/paid' }),
    {
      fresh: (f) => f.submittedClaim(),
      probe: serviceRequestProbe,
    },
  ),
  row(
    'GET /api/v1/payments/fine-accounts/:accountNumber',
    PAYERS,
    'AA AA AA',
    ({ s }) => `/api/v1/payments/fine-accounts/${s.criminal.fineAccountNumber}`,
  ),
  row(
    'POST /api/v1/payments/fine-accounts/:accountNumber/card-payments',
    PAYERS,
    'AA AA AA',
    ({ s }) =>
      body(`/api/v1/payments/fine-accounts/${s.criminal.fineAccountNumber}/card-payments`, {
        amountPence: 1_000,
        returnUrl: 'https://fines.example.gov.uk/paid',
      }),
    {
      probe: async (api, s) =>
        (await api.ok('finance', 'GET', '/api/v1/payments/payments?limit=100')).items.filter(
          (p: Loose) => p.fineAccountNumber === s.criminal.fineAccountNumber,
        ).length,
    },
  ),
  // The provider signs its callback; a platform token is no credential for it, whoever holds it.
  row(
    'POST /api/v1/payments/card-callbacks',
    NO_STAFF,
    'DD DD DD',
    () =>
      body('/api/v1/payments/card-callbacks', { paymentId: '00000000-0000-4000-8000-000000000000', status: 'success' }),
    {
      denyStatuses: [401],
      unprobed: 'refused before anything is read: the signature does not verify',
    },
  ),
  row(
    'POST /api/v1/payments/bulk-scan-payments',
    ['system', 'finance-officer'],
    'DD DD DD',
    ({ fresh }) => body('/api/v1/payments/bulk-scan-payments', { method: 'postal-order', amountPence: fresh.pence }),
    {
      fresh: async () => ({ pence: uniquePence() }),
      probe: async (api, _s, f) =>
        (await api.ok('finance', 'GET', '/api/v1/payments/unallocated?limit=100')).items.filter(
          (p: Loose) => p.amountPence === f.pence,
        ).length,
    },
  ),
  row('GET /api/v1/payments/payments', PAYMENT_READERS, 'FA FF FF', '/api/v1/payments/payments?limit=100', {
    sees: (b, s) => listed(b.items, s.claim.paymentId),
  }),
  row(
    'GET /api/v1/payments/payments/search',
    PAYMENT_READERS,
    'FA FF FF',
    '/api/v1/payments/payments/search?payer=claimantFirm&limit=100',
    { sees: (b, s) => listed(b.items, s.claim.paymentId) },
  ),
  row(
    'GET /api/v1/payments/payments/:id',
    PAYMENT_READERS,
    'DA DD DD',
    ({ s }) => `/api/v1/payments/payments/${s.claim.paymentId}`,
  ),
  row(
    'POST /api/v1/payments/payments/:id/reversals',
    ['finance-officer', 'system'],
    'DD DD DD',
    ({ fresh }) => body(`/api/v1/payments/payments/${fresh.id}/reversals`, { reason: 'bounced' }),
    {
      fresh: (f) => asId(f.unallocatedCheque()),
      probe: paymentProbe,
    },
  ),
  row('GET /api/v1/payments/accounts', FINANCE_STAFF, 'DA DF FD', '/api/v1/payments/accounts', {
    sees: (b, s) => Boolean((b as Loose[]).some((a) => a.accountNumber === s.accounts.claimantFirm)),
  }),
  row(
    'POST /api/v1/payments/accounts',
    ['finance-officer'],
    'DD DD DD',
    ({ fresh }) =>
      body('/api/v1/payments/accounts', {
        accountNumber: fresh.accountNumber,
        organisationId: 'org-new',
        name: 'New Law LLP',
        creditLimitPence: 1_000,
      }),
    {
      fresh: async () => ({ accountNumber: `PBA${uniquePence() + 2_000_000}` }),
      probe: async (api, _s, f) =>
        (await api.ok('finance', 'GET', '/api/v1/payments/accounts')).filter(
          (a: Loose) => a.accountNumber === f.accountNumber,
        ).length,
    },
  ),
  row(
    'POST /api/v1/payments/accounts/:accountNumber/changes',
    ['finance-officer'],
    'DD DD DD',
    ({ fresh }) => body(`/api/v1/payments/accounts/${fresh.accountNumber}/changes`, { creditLimitPence: 5_000 }),
    {
      fresh: async (f) => ({ accountNumber: await f.paymentAccount() }),
      probe: async (api, _s, f) =>
        (await api.ok('finance', 'GET', '/api/v1/payments/accounts')).find(
          (a: Loose) => a.accountNumber === f.accountNumber,
        ),
    },
  ),
  row(
    'POST /api/v1/payments/accounts/:accountNumber/credit-limit/decision',
    ['finance-officer', 'team-leader'],
    'DD DD DD',
    ({ fresh }) =>
      body(`/api/v1/payments/accounts/${fresh.accountNumber}/credit-limit/decision`, {
        approve: false,
        creditLimitPence: 200_000,
      }),
    {
      fresh: async (f) => ({ accountNumber: await f.creditRaise() }),
      probe: async (api, _s, f) =>
        (await api.ok('finance', 'GET', '/api/v1/payments/accounts')).find(
          (a: Loose) => a.accountNumber === f.accountNumber,
        ),
    },
  ),
  row('GET /api/v1/payments/unallocated', FINANCE_STAFF, 'DD DD DD', '/api/v1/payments/unallocated'),
  row(
    'POST /api/v1/payments/payments/:id/allocations',
    FINANCE_STAFF,
    'DD DD DD',
    ({ fresh }) =>
      body(`/api/v1/payments/payments/${fresh.id}/allocations`, { target: 'unidentified', reason: 'No reference' }),
    {
      fresh: (f) => asId(f.unallocatedCheque()),
      probe: paymentProbe,
    },
  ),
  row(
    'POST /api/v1/payments/allocations/:id/transfers',
    FINANCE_STAFF,
    'DD DD DD',
    ({ fresh, s }) =>
      body(`/api/v1/payments/allocations/${fresh.id}/transfers`, {
        target: 'fine-account',
        fineAccountNumber: s.criminal.fineAccountNumber,
      }),
    {
      fresh: (f) => asId(f.verifiedAllocation()),
      probe: async (api) =>
        (await api.ok('finance', 'GET', '/api/v1/payments/allocations/awaiting-verification?limit=100')).items.length,
    },
  ),
  row(
    'GET /api/v1/payments/allocations/awaiting-verification',
    FINANCE_STAFF,
    'DD DD DD',
    '/api/v1/payments/allocations/awaiting-verification',
  ),
  row(
    'POST /api/v1/payments/allocations/:id/verification',
    FINANCE_STAFF,
    'DD DD DD',
    ({ fresh }) => body(`/api/v1/payments/allocations/${fresh.id}/verification`, { approve: true }),
    {
      fresh: (f) => asId(f.allocation()),
      probe: async (api, _s, f) =>
        (await api.ok('finance', 'GET', '/api/v1/payments/allocations/awaiting-verification?limit=100')).items.some(
          (a: Loose) => a.id === f.id,
        ),
    },
  ),
  row(
    'POST /api/v1/payments/refunds',
    FINANCE_STAFF,
    'DD DD DD',
    ({ fresh }) => body('/api/v1/payments/refunds', { caseId: fresh.id, amountPence: 500, reason: 'overpayment' }),
    {
      fresh: (f, s) => f.paidClaim(s.accounts.claimantFirm),
      probe: refundsProbe,
    },
  ),
  row(
    'GET /api/v1/payments/refunds/awaiting-approval',
    APPROVERS,
    'DD DD DD',
    '/api/v1/payments/refunds/awaiting-approval',
  ),
  row(
    'POST /api/v1/payments/refunds/:id/decision',
    APPROVERS,
    'DD DD DD',
    ({ fresh }) => body(`/api/v1/payments/refunds/${fresh.id}/decision`, { decision: 'reject', note: 'Not overpaid' }),
    {
      fresh: (f, s) => f.refund(s.accounts.claimantFirm, 'awaiting-approval'),
      probe: refundsProbe,
    },
  ),
  row(
    'POST /api/v1/payments/refunds/:id/resubmission',
    FINANCE_STAFF,
    'DD DD DD',
    ({ fresh }) => body(`/api/v1/payments/refunds/${fresh.id}/resubmission`, { amountPence: 800 }),
    {
      // Only the officer who asked for a refund updates it: each allowed persona asks for its own.
      fresh: (f, s, allowed) => f.refund(s.accounts.claimantFirm, 'returned', allowed),
      probe: refundsProbe,
    },
  ),
  row(
    'POST /api/v1/payments/refunds/:id/payment',
    ['finance-officer', 'system'],
    'DD DD DD',
    ({ fresh }) => body(`/api/v1/payments/refunds/${fresh.id}/payment`),
    {
      fresh: (f, s) => f.refund(s.accounts.claimantFirm, 'approved'),
      probe: async (api, _s, f) =>
        (await api.ok('finance', 'GET', `/api/v1/payments/cases/${f.caseId}/service-request`)) as unknown,
    },
  ),
  row(
    'POST /api/v1/payments/help-with-fees/applications',
    REMISSION_APPROVERS,
    'AA DD DD',
    ({ fresh }) =>
      body('/api/v1/payments/help-with-fees/applications', {
        caseId: fresh.id,
        feeCode: 'FEE0202',
        applicant: LOW_INCOME,
      }),
    {
      fresh: (f) => f.submittedClaim(),
      probe: serviceRequestProbe,
    },
  ),
  row(
    'GET /api/v1/payments/help-with-fees/applications/awaiting-staff',
    REMISSION_APPROVERS,
    'DD DD DD',
    '/api/v1/payments/help-with-fees/applications/awaiting-staff',
  ),
  // Every remission is picked for an evidence check in this run (see the spec), so a decision without one is refused after authorisation.
  row(
    'POST /api/v1/payments/help-with-fees/applications/:id/decision',
    REMISSION_APPROVERS,
    'DD DD DD',
    ({ fresh }) =>
      body(`/api/v1/payments/help-with-fees/applications/${fresh.applicationId}/decision`, { grant: true }),
    {
      fresh: async (f) => {
        const claim = await f.submittedClaim();
        return { ...claim, applicationId: await f.helpWithFees(claim.id) };
      },
      probe: serviceRequestProbe,
    },
  ),
  row(
    'POST /api/v1/payments/help-with-fees/applications/:id/evidence-check',
    REMISSION_APPROVERS,
    'DD DD DD',
    ({ fresh }) =>
      body(`/api/v1/payments/help-with-fees/applications/${fresh.applicationId}/evidence-check`, { passed: true }),
    {
      fresh: async (f) => {
        const claim = await f.submittedClaim();
        return { ...claim, applicationId: await f.helpWithFees(claim.id) };
      },
      probe: serviceRequestProbe,
    },
  ),
  row(
    'POST /api/v1/payments/help-with-fees/assessments',
    REMISSION_APPROVERS,
    'AA AA AA',
    () => body('/api/v1/payments/help-with-fees/assessments', { ...LOW_INCOME, feePence: 45_500 }),
    { readOnly: true },
  ),
  row(
    'GET /api/v1/payments/fee-waivers/awaiting-approval',
    REMISSION_APPROVERS,
    'DD DD DD',
    '/api/v1/payments/fee-waivers/awaiting-approval',
  ),
  row(
    'POST /api/v1/payments/fee-waivers/:id/decision',
    REMISSION_APPROVERS,
    'DD DD DD',
    ({ fresh }) => body(`/api/v1/payments/fee-waivers/${fresh.id}/decision`, { approve: false }),
    {
      fresh: (f) => f.feeWaiver(),
      probe: async (api, _s, f) =>
        (await api.ok('finance', 'GET', '/api/v1/payments/fee-waivers/awaiting-approval?limit=100')).items.some(
          (w: Loose) => w.id === f.id,
        ),
    },
  ),
  row(
    'GET /api/v1/payments/reconciliation',
    ['finance-officer', 'team-leader'],
    'DD DD DD',
    ({ s }) => `/api/v1/payments/reconciliation?date=${s.today}`,
  ),
  row(
    'GET /api/v1/payments/ledger/entries',
    ['finance-officer', 'team-leader'],
    'DD DD DD',
    '/api/v1/payments/ledger/entries?account=cash:card&limit=100',
  ),
  row(
    'GET /api/v1/payments/ledger/cases/:caseId/entries',
    ['finance-officer', 'team-leader'],
    'DD DD DD',
    ({ s }) => `/api/v1/payments/ledger/cases/${s.claim.id}/entries`,
  ),
  row(
    'GET /api/v1/payments/ledger/balances',
    ['finance-officer', 'team-leader'],
    'DD DD DD',
    ({ s }) => `/api/v1/payments/ledger/balances?date=${s.today}&kind=cash`,
  ),

  // ───────────── payments: GraphQL ─────────────
  row('Query.feeLookup', ALL_STAFF, 'AA AA AA', () =>
    gql(
      '{ feeLookup(service: "civil-money-claims", jurisdiction: "civil", event: "issue", claimAmountPence: 100000) { amountPence } }',
    ),
  ),
  row('Query.payment', PAYMENT_READERS, 'DA DD DD', ({ s }) =>
    gql('query($id: ID!) { payment(id: $id) { id amountPence } }', { id: s.claim.paymentId }),
  ),
  row('Query.payments', PAYMENT_READERS, 'FA FF FF', () => gql('{ payments(first: 100) { nodes { id } } }'), {
    sees: (d, s) => listed(d.payments.nodes, s.claim.paymentId),
  }),
  row(
    'Query.searchPayments',
    PAYMENT_READERS,
    'FA FF FF',
    () => gql('{ searchPayments(criteria: { payer: "claimantFirm" }, first: 100) { nodes { id } } }'),
    { sees: (d, s) => listed(d.searchPayments.nodes, s.claim.paymentId) },
  ),
  row('Query.paymentAccounts', FINANCE_STAFF, 'DA DF FD', () => gql('{ paymentAccounts { accountNumber } }'), {
    sees: (d, s) => (d.paymentAccounts as Loose[]).some((a) => a.accountNumber === s.accounts.claimantFirm),
  }),
  row('Query.helpWithFeesAssessment', REMISSION_APPROVERS, 'AA AA AA', () =>
    gql('query($i: HelpWithFeesAssessmentInput!) { helpWithFeesAssessment(input: $i) { outcome } }', {
      i: { ...LOW_INCOME, feePence: 45_500 },
    }),
  ),
  row('Query.ledgerEntries', ['finance-officer', 'team-leader'], 'DD DD DD', () =>
    gql('{ ledgerEntries(account: "cash:card", first: 100) { nodes { id } } }'),
  ),
  row('Query.caseLedgerEntries', ['finance-officer', 'team-leader'], 'DD DD DD', ({ s }) =>
    gql('query($c: ID!) { caseLedgerEntries(caseId: $c) { nodes { id } } }', { c: s.claim.id }),
  ),
  row('Query.ledgerBalances', ['finance-officer', 'team-leader'], 'DD DD DD', ({ s }) =>
    gql('query($d: String!) { ledgerBalances(date: $d, kind: "cash") { nodes { account } } }', { d: s.today }),
  ),
  row('Query.dailyReconciliation', ['finance-officer', 'team-leader'], 'DD DD DD', ({ s }) =>
    gql('query($d: String!) { dailyReconciliation(date: $d) { balanced } }', { d: s.today }),
  ),
  row(
    'Mutation.correctClaimAmount',
    FINANCE_STAFF,
    'DD DD DD',
    ({ fresh }) =>
      gql(
        'mutation($c: ID!, $f: ID!, $i: CorrectClaimAmountInput!) { correctClaimAmount(caseId: $c, feeId: $f, input: $i) { id } }',
        { c: fresh.id, f: fresh.feeId, i: { claimAmountPence: 250_000 } },
      ),
    {
      fresh: (f) => f.submittedClaim(),
      probe: serviceRequestProbe,
    },
  ),
  row(
    'Mutation.payFeesByAccount',
    PAYERS,
    'DA DD DD',
    ({ fresh, as, s }) =>
      gql('mutation($c: ID!, $i: PayFeesByAccountInput!) { payFeesByAccount(caseId: $c, input: $i) { id } }', {
        c: fresh.id,
        i: { accountNumber: accountOf(as, s) },
      }),
    {
      fresh: (f) => f.submittedClaim(),
      probe: serviceRequestProbe,
    },
  ),
  row(
    'Mutation.startCardPayment',
    PAYERS,
    'AA DD DD',
    ({ fresh }) =>
      gql('mutation($c: ID!, $i: StartCardPaymentInput!) { startCardPayment(caseId: $c, input: $i) { id } }', {
        c: fresh.id,
        i: { returnUrl: 'https://claims.example.gov.uk/paid' },
      }),
    {
      fresh: (f) => f.submittedClaim(),
      probe: serviceRequestProbe,
    },
  ),
  row('Query.payableFineAccount', PAYERS, 'AA AA AA', ({ s }) =>
    gql('query($a: String!) { payableFineAccount(accountNumber: $a) { payable } }', {
      a: s.criminal.fineAccountNumber,
    }),
  ),
  row(
    'Mutation.startFineAccountCardPayment',
    PAYERS,
    'AA AA AA',
    ({ s }) =>
      gql(
        'mutation($a: String!, $i: StartFineAccountCardPaymentInput!) { startFineAccountCardPayment(accountNumber: $a, input: $i) { id } }',
        { a: s.criminal.fineAccountNumber, i: { amountPence: 1_000, returnUrl: 'https://fines.example.gov.uk/paid' } },
      ),
    {
      probe: async (api, s) =>
        (await api.ok('finance', 'GET', '/api/v1/payments/payments?limit=100')).items.filter(
          (p: Loose) => p.fineAccountNumber === s.criminal.fineAccountNumber,
        ).length,
    },
  ),
  row(
    'Mutation.recordBulkScanPayment',
    ['system', 'finance-officer'],
    'DD DD DD',
    ({ fresh }) =>
      gql('mutation($i: RecordBulkScanPaymentInput!) { recordBulkScanPayment(input: $i) { id } }', {
        i: { method: 'postal-order', amountPence: fresh.pence },
      }),
    {
      fresh: async () => ({ pence: uniquePence() }),
      probe: async (api, _s, f) =>
        (await api.ok('finance', 'GET', '/api/v1/payments/unallocated?limit=100')).items.filter(
          (p: Loose) => p.amountPence === f.pence,
        ).length,
    },
  ),
  row(
    'Mutation.reversePayment',
    ['finance-officer', 'system'],
    'DD DD DD',
    ({ fresh }) =>
      gql('mutation($p: ID!, $i: ReversePaymentInput!) { reversePayment(paymentId: $p, input: $i) { id } }', {
        p: fresh.id,
        i: { reason: 'bounced' },
      }),
    {
      fresh: (f) => asId(f.unallocatedCheque()),
      probe: paymentProbe,
    },
  ),
  row(
    'Mutation.openPaymentAccount',
    ['finance-officer'],
    'DD DD DD',
    ({ fresh }) =>
      gql('mutation($i: OpenPaymentAccountInput!) { openPaymentAccount(input: $i) { accountNumber } }', {
        i: {
          accountNumber: fresh.accountNumber,
          organisationId: 'org-new',
          name: 'New Law LLP',
          creditLimitPence: 1_000,
        },
      }),
    {
      fresh: async () => ({ accountNumber: `PBA${uniquePence() + 3_000_000}` }),
      probe: async (api, _s, f) =>
        (await api.ok('finance', 'GET', '/api/v1/payments/accounts')).filter(
          (a: Loose) => a.accountNumber === f.accountNumber,
        ).length,
    },
  ),
  row(
    'Mutation.changePaymentAccount',
    ['finance-officer'],
    'DD DD DD',
    ({ fresh }) =>
      gql(
        'mutation($a: String!, $i: ChangePaymentAccountInput!) { changePaymentAccount(accountNumber: $a, input: $i) { accountNumber } }',
        { a: fresh.accountNumber, i: { creditLimitPence: 5_000 } },
      ),
    {
      fresh: async (f) => ({ accountNumber: await f.paymentAccount() }),
      probe: async (api, _s, f) =>
        (await api.ok('finance', 'GET', '/api/v1/payments/accounts')).find(
          (a: Loose) => a.accountNumber === f.accountNumber,
        ),
    },
  ),
  row(
    'Mutation.decidePaymentAccountCreditLimit',
    ['finance-officer', 'team-leader'],
    'DD DD DD',
    ({ fresh }) =>
      gql(
        'mutation($a: String!, $i: PaymentAccountCreditLimitDecisionInput!) { decidePaymentAccountCreditLimit(accountNumber: $a, input: $i) { accountNumber } }',
        { a: fresh.accountNumber, i: { approve: false, creditLimitPence: 200_000 } },
      ),
    {
      fresh: async (f) => ({ accountNumber: await f.creditRaise() }),
      probe: async (api, _s, f) =>
        (await api.ok('finance', 'GET', '/api/v1/payments/accounts')).find(
          (a: Loose) => a.accountNumber === f.accountNumber,
        ),
    },
  ),
  row(
    'Mutation.allocatePayment',
    FINANCE_STAFF,
    'DD DD DD',
    ({ fresh }) =>
      gql('mutation($p: ID!, $i: PaymentAllocationInput!) { allocatePayment(paymentId: $p, input: $i) { id } }', {
        p: fresh.id,
        i: { target: 'unidentified', reason: 'No reference' },
      }),
    {
      fresh: (f) => asId(f.unallocatedCheque()),
      probe: paymentProbe,
    },
  ),
  row(
    'Mutation.transferAllocation',
    FINANCE_STAFF,
    'DD DD DD',
    ({ fresh, s }) =>
      gql('mutation($a: ID!, $i: PaymentAllocationInput!) { transferAllocation(allocationId: $a, input: $i) { id } }', {
        a: fresh.id,
        i: { target: 'fine-account', fineAccountNumber: s.criminal.fineAccountNumber },
      }),
    {
      fresh: (f) => asId(f.verifiedAllocation()),
      probe: async (api) =>
        (await api.ok('finance', 'GET', '/api/v1/payments/allocations/awaiting-verification?limit=100')).items.length,
    },
  ),
  row(
    'Mutation.verifyAllocation',
    FINANCE_STAFF,
    'DD DD DD',
    ({ fresh }) =>
      gql('mutation($a: ID!, $i: VerifyAllocationInput!) { verifyAllocation(allocationId: $a, input: $i) { id } }', {
        a: fresh.id,
        i: { approve: true },
      }),
    {
      fresh: (f) => asId(f.allocation()),
      probe: async (api, _s, f) =>
        (await api.ok('finance', 'GET', '/api/v1/payments/allocations/awaiting-verification?limit=100')).items.some(
          (a: Loose) => a.id === f.id,
        ),
    },
  ),
  // As over REST, each allowed persona proposes for a fee of its own (the denied, FEE0238): one version awaits approval at a time.
  row(
    'Mutation.proposeFeeVersion',
    FEE_KEEPERS,
    'DD DD DD',
    ({ as }) =>
      gql('mutation($c: String!, $i: ProposeFeeVersionInput!) { proposeFeeVersion(code: $c, input: $i) { version } }', {
        c:
          ({ 'finance-officer': 'FEE0228', 'team-leader': 'FEE0229' } as Partial<Record<Persona, string>>)[
            as.persona
          ] ?? 'FEE0238',
        i: { amount: { type: 'flat', amountPence: uniquePence() }, validFrom: '2032-01-01' },
      }),
    {
      probe: async (api) => api.ok('finance', 'GET', '/api/v1/payments/fees/FEE0238/versions'),
    },
  ),
  row(
    'Mutation.decideFeeVersion',
    FEE_KEEPERS,
    'DD DD DD',
    ({ fresh }) =>
      gql(
        'mutation($v: Int!, $i: FeeVersionDecisionInput!) { decideFeeVersion(code: "FEE0239", version: $v, input: $i) { status } }',
        { v: fresh.version, i: { approve: false } },
      ),
    {
      fresh: async (f) => ({ version: await f.feeProposal('FEE0239') }),
      probe: async (api) => api.ok('finance', 'GET', '/api/v1/payments/fees/FEE0239/versions'),
      serial: true,
    },
  ),
  row(
    'Mutation.requestRefund',
    FINANCE_STAFF,
    'DD DD DD',
    ({ fresh }) =>
      gql('mutation($i: RequestRefundInput!) { requestRefund(input: $i) { id } }', {
        i: { caseId: fresh.id, amountPence: 500, reason: 'overpayment' },
      }),
    {
      fresh: (f, s) => f.paidClaim(s.accounts.claimantFirm),
      probe: refundsProbe,
    },
  ),
  row(
    'Mutation.decideRefund',
    APPROVERS,
    'DD DD DD',
    ({ fresh }) =>
      gql('mutation($r: ID!, $i: RefundDecisionInput!) { decideRefund(refundId: $r, input: $i) { status } }', {
        r: fresh.id,
        i: { decision: 'reject', note: 'Not overpaid' },
      }),
    {
      fresh: (f, s) => f.refund(s.accounts.claimantFirm, 'awaiting-approval'),
      probe: refundsProbe,
    },
  ),
  row(
    'Mutation.resubmitRefund',
    FINANCE_STAFF,
    'DD DD DD',
    ({ fresh }) =>
      gql('mutation($r: ID!, $i: ResubmitRefundInput!) { resubmitRefund(refundId: $r, input: $i) { status } }', {
        r: fresh.id,
        i: { amountPence: 800 },
      }),
    {
      // Only the officer who asked for a refund updates it: each allowed persona asks for its own.
      fresh: (f, s, allowed) => f.refund(s.accounts.claimantFirm, 'returned', allowed),
      probe: refundsProbe,
    },
  ),
  row(
    'Mutation.payRefund',
    ['finance-officer', 'system'],
    'DD DD DD',
    ({ fresh }) => gql('mutation($r: ID!) { payRefund(refundId: $r) { status } }', { r: fresh.id }),
    {
      fresh: (f, s) => f.refund(s.accounts.claimantFirm, 'approved'),
      probe: async (api, _s, f) =>
        (await api.ok('finance', 'GET', `/api/v1/payments/cases/${f.caseId}/service-request`)) as unknown,
    },
  ),
  row(
    'Mutation.applyForHelpWithFees',
    REMISSION_APPROVERS,
    'AA DD DD',
    ({ fresh }) =>
      gql('mutation($i: HelpWithFeesApplicationInput!) { applyForHelpWithFees(input: $i) { id } }', {
        i: { caseId: fresh.id, feeCode: 'FEE0202', applicant: LOW_INCOME },
      }),
    {
      fresh: (f) => f.submittedClaim(),
      probe: serviceRequestProbe,
    },
  ),
  // Every remission is picked for an evidence check in this run (see the spec), so a decision without one is refused after authorisation.
  row(
    'Mutation.decideHelpWithFees',
    REMISSION_APPROVERS,
    'DD DD DD',
    ({ fresh }) =>
      gql(
        'mutation($a: ID!, $i: HelpWithFeesDecisionInput!) { decideHelpWithFees(applicationId: $a, input: $i) { status } }',
        { a: fresh.applicationId, i: { grant: true } },
      ),
    {
      fresh: async (f) => {
        const claim = await f.submittedClaim();
        return { ...claim, applicationId: await f.helpWithFees(claim.id) };
      },
      probe: serviceRequestProbe,
    },
  ),
  row(
    'Mutation.recordHelpWithFeesEvidenceCheck',
    REMISSION_APPROVERS,
    'DD DD DD',
    ({ fresh }) =>
      gql(
        'mutation($a: ID!, $i: HelpWithFeesEvidenceCheckInput!) { recordHelpWithFeesEvidenceCheck(applicationId: $a, input: $i) { status } }',
        { a: fresh.applicationId, i: { passed: true } },
      ),
    {
      fresh: async (f) => {
        const claim = await f.submittedClaim();
        return { ...claim, applicationId: await f.helpWithFees(claim.id) };
      },
      probe: serviceRequestProbe,
    },
  ),
  row(
    'Mutation.decideFeeWaiver',
    REMISSION_APPROVERS,
    'DD DD DD',
    ({ fresh }) =>
      gql('mutation($w: ID!, $i: FeeWaiverDecisionInput!) { decideFeeWaiver(feeWaiverId: $w, input: $i) { status } }', {
        w: fresh.id,
        i: { approve: false },
      }),
    {
      fresh: (f) => f.feeWaiver(),
      probe: async (api, _s, f) =>
        (await api.ok('finance', 'GET', '/api/v1/payments/fee-waivers/awaiting-approval?limit=100')).items.some(
          (w: Loose) => w.id === f.id,
        ),
    },
  ),

  // ───────────── queries: REST ─────────────
  row(
    'POST /api/v1/queries/enquiries',
    ENQUIRY_STAFF,
    'AA AA DD',
    ({ s, fresh }) => body('/api/v1/queries/enquiries', ENQUIRY(s.claim.id, fresh.marker)),
    { fresh: withMarker, probe: markerProbe(enquiriesAbout) },
  ),
  row('GET /api/v1/queries/enquiries', ENQUIRY_STAFF, 'AF FF FF', '/api/v1/queries/enquiries?limit=100', {
    sees: (b, s) => listed(b.items, s.claim.enquiryId),
  }),
  row(
    'GET /api/v1/queries/enquiries/search',
    ENQUIRY_STAFF,
    'AF FF FF',
    ({ s }) => `/api/v1/queries/enquiries/search?caseReference=${s.claim.reference}&limit=100`,
    { sees: (b, s) => listed(b.items, s.claim.enquiryId) },
  ),
  row(
    'GET /api/v1/queries/enquiries/:id',
    ENQUIRY_STAFF,
    'AD DD DD',
    ({ s }) => `/api/v1/queries/enquiries/${s.claim.enquiryId}`,
  ),
  row(
    'POST /api/v1/queries/enquiries/:id/messages',
    ENQUIRY_STAFF,
    'AD DD DD',
    ({ fresh }) => body(`/api/v1/queries/enquiries/${fresh.id}/messages`, { body: 'Any news?' }),
    {
      fresh: (f, s) => asId(f.enquiry(s.claim.id)),
      probe: enquiryProbe,
    },
  ),
  row(
    'GET /api/v1/queries/enquiries/:id/messages',
    ENQUIRY_STAFF,
    'AD DD DD',
    ({ s }) => `/api/v1/queries/enquiries/${s.claim.enquiryId}/messages`,
  ),
  // What was sent to the enquiry's contact: read by whoever may see the enquiry, as its thread is.
  row(
    'GET /api/v1/queries/enquiries/:id/correspondence',
    ENQUIRY_STAFF,
    'AD DD DD',
    ({ s }) => `/api/v1/queries/enquiries/${s.claim.enquiryId}/correspondence`,
  ),
  // Notify presents its callback token; a platform token is no credential for it, whoever holds it.
  row(
    'POST /api/v1/queries/correspondence/delivery-receipts',
    NO_STAFF,
    'DD DD DD',
    () => body('/api/v1/queries/correspondence/delivery-receipts', { id: 'matrix', status: 'delivered' }),
    { denyStatuses: [401], unprobed: 'refused before anything is read: the callback token does not match' },
  ),
  row(
    'POST /api/v1/queries/enquiries/:id/status',
    ENQUIRY_STAFF,
    'DD DD DD',
    ({ fresh }) => body(`/api/v1/queries/enquiries/${fresh.id}/status`, { status: 'resolved', reason: 'Answered' }),
    {
      fresh: (f) => asId(f.staffEnquiry()),
      probe: enquiryProbe,
    },
  ),
  row(
    'POST /api/v1/queries/enquiries/:id/complaint',
    ENQUIRY_STAFF,
    'DD DD DD',
    ({ fresh }) => body(`/api/v1/queries/enquiries/${fresh.id}/complaint`, { reason: 'Caller is complaining' }),
    {
      fresh: (f) => asId(f.staffEnquiry()),
      probe: enquiryProbe,
    },
  ),
  row(
    'POST /api/v1/queries/enquiries/:id/assisted-digital-needs',
    ENQUIRY_STAFF,
    'DD DD DD',
    ({ fresh }) => body(`/api/v1/queries/enquiries/${fresh.id}/assisted-digital-needs`, { needs: ['no-device'] }),
    {
      fresh: (f, s) => asId(f.staffEnquiry(s.claim.id)),
      probe: enquiryProbe,
    },
  ),
  row('GET /api/v1/queries/queues', ENQUIRY_STAFF, 'DD DD DD', '/api/v1/queries/queues'),
  row(
    'GET /api/v1/queries/queues/:queueId/enquiries',
    ENQUIRY_STAFF,
    'DD DD DD',
    '/api/v1/queries/queues/general/enquiries',
  ),
  row('GET /api/v1/queries/workload', ENQUIRY_STAFF, 'DD DD DD', '/api/v1/queries/workload'),
  row(
    'POST /api/v1/queries/queues/:queueId/next',
    ENQUIRY_STAFF,
    'DD DD DD',
    () => body('/api/v1/queries/queues/general/next'),
    {
      probe: async (api) => (await api.data('caseworker', '{ workQueues { id waiting } }')).workQueues,
    },
  ),
  row(
    'POST /api/v1/queries/enquiries/:id/claim',
    ENQUIRY_STAFF,
    'DD DD DD',
    ({ fresh }) => body(`/api/v1/queries/enquiries/${fresh.id}/claim`),
    { fresh: (f) => asId(f.staffEnquiry()), probe: enquiryProbe },
  ),
  // Assigning someone else's work is a team leader's (the domain narrows the controller's roles).
  row(
    'POST /api/v1/queries/enquiries/:id/assignment',
    ['team-leader'],
    'DD DD DD',
    ({ fresh }) =>
      body(`/api/v1/queries/enquiries/${fresh.id}/assignment`, { officer: ENQUIRY_OFFICER, reason: 'Welsh speaker' }),
    { fresh: (f) => asId(f.staffEnquiry()), probe: enquiryProbe },
  ),
  row(
    'POST /api/v1/queries/enquiries/:id/unassignment',
    ['team-leader'],
    'DD DD DD',
    ({ fresh }) => body(`/api/v1/queries/enquiries/${fresh.id}/unassignment`, { reason: 'On leave' }),
    {
      fresh: async (f) => {
        const id = await f.staffEnquiry();
        await f.api.ok('teamLeader', 'POST', `/api/v1/queries/enquiries/${id}/assignment`, {
          officer: ENQUIRY_OFFICER,
        });
        return { id };
      },
      probe: enquiryProbe,
    },
  ),
  row(
    'POST /api/v1/queries/enquiries/:id/escalation',
    ENQUIRY_STAFF,
    'DD DD DD',
    ({ fresh }) =>
      body(`/api/v1/queries/enquiries/${fresh.id}/escalation`, {
        to: 'team-leader',
        reason: 'Caller asks for a manager',
      }),
    { fresh: (f) => asId(f.staffEnquiry()), probe: enquiryProbe },
  ),
  row(
    'POST /api/v1/queries/enquiries/:id/triage',
    ENQUIRY_STAFF,
    'DD DD DD',
    ({ fresh }) =>
      body(`/api/v1/queries/enquiries/${fresh.id}/triage`, {
        queueId: 'general',
        priority: 'urgent',
        articleIds: [],
        reason: 'Hearing tomorrow',
      }),
    { fresh: (f) => asId(f.staffEnquiry()), probe: enquiryProbe },
  ),
  row('GET /api/v1/queries/triage/rules', ENQUIRY_STAFF, 'DD DD DD', '/api/v1/queries/triage/rules'),
  row(
    'POST /api/v1/queries/triage/rules',
    TEAM_LEADERS,
    'DD DD DD',
    ({ fresh }) =>
      body('/api/v1/queries/triage/rules', {
        position: 99,
        keywords: [fresh.marker.toLowerCase()],
        queueId: 'general',
        articleIds: [],
        active: false,
      }),
    {
      fresh: withMarker,
      probe: async (api) => (await api.data('caseworker', '{ triageRules { id } }')).triageRules.length,
    },
  ),
  row(
    'PUT /api/v1/queries/triage/rules/:id',
    TEAM_LEADERS,
    'DD DD DD',
    ({ fresh }) =>
      body(`/api/v1/queries/triage/rules/${fresh.id}`, {
        position: 98,
        keywords: [fresh.marker],
        queueId: 'general',
        articleIds: [],
        active: false,
      }),
    {
      fresh: async (f) => {
        const marker = unique('matrix').toLowerCase();
        const rule = await f.api.ok('teamLeader', 'POST', '/api/v1/queries/triage/rules', {
          position: 99,
          keywords: [marker],
          queueId: 'general',
          articleIds: [],
          active: false,
        });
        return { id: rule.id, marker };
      },
      probe: async (api, _s, f) =>
        ((await api.data('caseworker', '{ triageRules { id position keywords active } }')).triageRules as Loose[]).find(
          (r) => r.id === f.id,
        ),
    },
  ),
  row('GET /api/v1/queries/knowledge/search', ENQUIRY_STAFF, 'AA AA AA', '/api/v1/queries/knowledge/search?text=fee'),
  row(
    'POST /api/v1/queries/knowledge/articles',
    TEAM_LEADERS,
    'DD DD DD',
    ({ fresh }) =>
      body('/api/v1/queries/knowledge/articles', {
        language: 'en',
        title: fresh.marker,
        body: 'Text',
        serviceTags: ['general'],
      }),
    {
      fresh: withMarker,
      unprobed: 'drafts are listed nowhere but by article id; the role guard refuses before any write',
    },
  ),
  row(
    'GET /api/v1/queries/knowledge/articles/:id',
    ENQUIRY_STAFF,
    'DD DD DD',
    ({ s }) => `/api/v1/queries/knowledge/articles/${s.article.id}`,
  ),
  row(
    'GET /api/v1/queries/knowledge/articles/:id/stats',
    ENQUIRY_STAFF,
    'DD DD DD',
    ({ s }) => `/api/v1/queries/knowledge/articles/${s.article.id}/stats`,
  ),
  row(
    'POST /api/v1/queries/knowledge/articles/:id/versions',
    TEAM_LEADERS,
    'DD DD DD',
    ({ fresh }) =>
      body(`/api/v1/queries/knowledge/articles/${fresh.id}/versions`, {
        language: 'en',
        title: 'Paying a fee',
        body: 'Updated text',
      }),
    {
      fresh: (f) => f.article(),
      probe: articleProbe,
    },
  ),
  row(
    'POST /api/v1/queries/knowledge/versions/:versionId/publication',
    TEAM_LEADERS,
    'DD DD DD',
    ({ fresh }) => body(`/api/v1/queries/knowledge/versions/${fresh.versionId}/publication`),
    {
      fresh: (f) => f.article(),
      probe: articleProbe,
    },
  ),
  row(
    'POST /api/v1/queries/knowledge/versions/:versionId/retirement',
    TEAM_LEADERS,
    'DD DD DD',
    ({ fresh }) => body(`/api/v1/queries/knowledge/versions/${fresh.versionId}/retirement`),
    {
      fresh: async (f) => {
        const a = await f.article();
        await f.api.ok('teamLeader', 'POST', `/api/v1/queries/knowledge/versions/${a.versionId}/publication`);
        return a;
      },
      probe: articleProbe,
    },
  ),
  row(
    'POST /api/v1/queries/knowledge/versions/:versionId/ratings',
    ENQUIRY_STAFF,
    'AA AA AA',
    ({ s }) => body(`/api/v1/queries/knowledge/versions/${s.article.versionId}/ratings`, { helpful: true }),
    {
      probe: async (api, s) =>
        (
          await api.data(
            'caseworker',
            'query($ids: [ID!]!) { knowledgeArticleStats(ids: $ids) { helpful notHelpful } }',
            { ids: [s.article.id] },
          )
        ).knowledgeArticleStats,
    },
  ),
  row('POST /api/v1/queries/sla/runs', TEAM_LEADERS, 'DD DD DD', '/api/v1/queries/sla/runs', {
    unprobed: 'a run only refreshes flags derived from the clock',
  }),
  row('GET /api/v1/queries/sla/policies', ENQUIRY_STAFF, 'DD DD DD', '/api/v1/queries/sla/policies'),
  row(
    'PUT /api/v1/queries/sla/policies',
    TEAM_LEADERS,
    'DD DD DD',
    () =>
      body('/api/v1/queries/sla/policies', {
        channel: 'post',
        category: 'matrix-rest',
        clock: 'resolution',
        unit: 'working-days',
        amount: 10,
      }),
    {
      probe: async (api) =>
        (await api.data('caseworker', '{ slaPolicies { channel category clock unit amount } }')).slaPolicies,
    },
  ),

  // ───────────── queries: the work queue (GraphQL) ─────────────
  // Officers by role; the work itself goes by profile (teams, skills, shift, capacity), so a persona
  // with no profile is refused with CONFLICT, a business answer, where one with a profile would take it.
  row('Query.tasks', WORKERS, 'DD DD DD', () => gql('{ tasks(queueId: "civil") { id } }')),
  row('Query.myTasks', WORKERS, 'DD DD DD', () => gql('{ myTasks { id } }')),
  row(
    'Query.task',
    WORKERS,
    'DD DD DD',
    ({ fresh }) => gql('query($id: ID!) { task(id: $id) { id } }', { id: fresh.id }),
    {
      fresh: (f) => asId(f.workTask()),
    },
  ),
  row('Query.officers', WORKERS, 'DD DD DD', () => gql('{ officers { userId } }')),
  row('Query.workFigures', ['team-leader'], 'DD DD DD', ({ s }) =>
    gql('query($d: String!) { workFigures(from: $d, to: $d) { by key open } }', { d: s.today }),
  ),
  row('Mutation.takeNextTask', WORKERS, 'DD DD DD', () => gql('mutation { takeNextTask { id } }'), {
    probe: async (api) =>
      (await api.data('teamLeader', '{ tasks(status: "assigned", first: 100) { id assignedTo } }')).tasks,
  }),
  row(
    'Mutation.claimTask',
    WORKERS,
    'DD DD DD',
    ({ fresh }) => gql('mutation($id: ID!) { claimTask(taskId: $id) { id } }', { id: fresh.id }),
    { fresh: (f) => asId(f.workTask()), probe: taskProbe },
  ),
  row(
    'Mutation.releaseTask',
    WORKERS,
    'DD DD DD',
    ({ fresh }) => gql('mutation($i: TaskReasonInput!) { releaseTask(input: $i) { id } }', { i: { taskId: fresh.id } }),
    { fresh: (f) => asId(f.workTask()), probe: taskProbe },
  ),
  // Escalating someone else's task is a team leader's (the domain narrows the resolver's roles).
  row(
    'Mutation.escalateTask',
    ['team-leader'],
    'DD DD DD',
    ({ fresh }) =>
      gql('mutation($i: TaskReasonInput!) { escalateTask(input: $i) { id } }', {
        i: { taskId: fresh.id, reason: 'needs a leader' },
      }),
    { fresh: (f) => asId(f.workTask()), probe: taskProbe },
  ),
  row(
    'Mutation.assignTask',
    ['team-leader'],
    'DD DD DD',
    ({ fresh }) =>
      gql('mutation($i: AssignTaskInput!) { assignTask(input: $i) { id } }', {
        i: { taskId: fresh.id, officer: fresh.officer },
      }),
    { fresh: async (f) => ({ id: await f.workTask(), officer: await f.workOfficer() }), probe: taskProbe },
  ),
  row(
    'Mutation.reassignOfficerTasks',
    ['team-leader'],
    'DD DD DD',
    () =>
      gql('mutation($i: ReassignOfficerTasksInput!) { reassignOfficerTasks(input: $i) { reassigned } }', {
        i: { fromOfficer: 'nobody-at-all', toOfficers: [] },
      }),
    { unprobed: 'moves the tasks of an officer who holds none: nothing to change, whoever asks' },
  ),
  row(
    'Mutation.saveOfficer',
    ['team-leader'],
    'DD DD DD',
    () =>
      gql('mutation($i: SaveOfficerInput!) { saveOfficer(input: $i) { userId } }', {
        i: {
          userId: 'matrix-saved-officer',
          name: 'Sam',
          role: 'caseworker',
          teams: ['civil'],
          skills: ['civil'],
          capacity: 5,
          shift: { days: ['monday'], start: '09:00', end: '17:00' },
          leave: [],
          active: false,
        },
      }),
    {
      probe: async (api) =>
        (await api.data('teamLeader', '{ officers { userId active } }')).officers.filter(
          (o: { userId: string }) => o.userId === 'matrix-saved-officer',
        ),
    },
  ),
  row(
    'Mutation.setQueueAutoAssign',
    ['team-leader'],
    'DD DD DD',
    () => gql('mutation { setQueueAutoAssign(queueId: "judicial", autoAssign: false) }'),
    { unprobed: 'sets the setting the queue already has: nothing to change, whoever asks' },
  ),
  row('Mutation.runTaskDeadlines', TEAM_LEADERS, 'DD DD DD', () => gql('mutation { runTaskDeadlines { overdue } }'), {
    unprobed: 'a run flags only tasks whose deadline has come, as the system, whoever starts it',
  }),
  row('Subscription.myTasksChanged', WORKERS, 'DD DD DD', () => gql('subscription { myTasksChanged { change } }')),
  row('Subscription.queueChanged', WORKERS, 'DD DD DD', () =>
    gql('subscription { queueChanged(queueId: "civil") { change } }'),
  ),

  // ───────────── queries: GraphQL ─────────────
  row('Query.enquiry', ENQUIRY_STAFF, 'AD DD DD', ({ s }) =>
    gql('query($id: ID!) { enquiry(id: $id) { id subject } }', { id: s.claim.enquiryId }),
  ),
  row('Query.enquiries', ENQUIRY_STAFF, 'AF FF FF', () => gql('{ enquiries(first: 100) { nodes { id } } }'), {
    sees: (d, s) => listed(d.enquiries.nodes, s.claim.enquiryId),
  }),
  row(
    'Query.searchEnquiries',
    ENQUIRY_STAFF,
    'AF FF FF',
    ({ s }) =>
      gql('query($r: String!) { searchEnquiries(criteria: { caseReference: $r }, first: 100) { nodes { id } } }', {
        r: s.claim.reference,
      }),
    { sees: (d, s) => listed(d.searchEnquiries.nodes, s.claim.enquiryId) },
  ),
  row('Query.workQueues', ENQUIRY_STAFF, 'DD DD DD', () => gql('{ workQueues { id waiting } }')),
  row('Query.workQueue', ENQUIRY_STAFF, 'DD DD DD', () => gql('{ workQueue(queueId: "general") { id } }')),
  row('Query.workload', ENQUIRY_STAFF, 'DD DD DD', () => gql('{ workload { officer open } }')),
  row('Query.triageRules', ENQUIRY_STAFF, 'DD DD DD', () => gql('{ triageRules { id } }')),
  row('Query.searchKnowledge', ENQUIRY_STAFF, 'AA AA AA', () => gql('{ searchKnowledge(text: "fee") { rank } }')),
  row('Query.knowledgeArticle', ENQUIRY_STAFF, 'DD DD DD', ({ s }) =>
    gql('query($id: ID!) { knowledgeArticle(id: $id) { id status } }', { id: s.article.id }),
  ),
  row('Query.knowledgeArticleStats', ENQUIRY_STAFF, 'DD DD DD', ({ s }) =>
    gql('query($ids: [ID!]!) { knowledgeArticleStats(ids: $ids) { articleId helpful } }', { ids: [s.article.id] }),
  ),
  row('Query.slaPolicies', ENQUIRY_STAFF, 'DD DD DD', () => gql('{ slaPolicies { clock unit amount } }')),
  row('Query.enquiryFigures', ENQUIRY_STAFF, 'DD DD DD', ({ s }) =>
    gql('query($d: String!) { enquiryFigures(from: $d, to: $d) { received } }', { d: s.today }),
  ),
  row(
    'Mutation.raiseEnquiry',
    ENQUIRY_STAFF,
    'AA AA DD',
    ({ s, fresh }) =>
      gql('mutation($i: RaiseEnquiryInput!) { raiseEnquiry(input: $i) { id } }', {
        i: ENQUIRY(s.claim.id, fresh.marker),
      }),
    { fresh: withMarker, probe: markerProbe(enquiriesAbout) },
  ),
  row(
    'Mutation.addEnquiryMessage',
    ENQUIRY_STAFF,
    'AD DD DD',
    ({ fresh }) =>
      gql('mutation($i: AddEnquiryMessageInput!) { addEnquiryMessage(input: $i) { id } }', {
        i: { enquiryId: fresh.id, body: 'Any news?' },
      }),
    {
      fresh: (f, s) => asId(f.enquiry(s.claim.id)),
      probe: enquiryProbe,
    },
  ),
  row(
    'Mutation.changeEnquiryStatus',
    ENQUIRY_STAFF,
    'DD DD DD',
    ({ fresh }) =>
      gql('mutation($i: ChangeEnquiryStatusInput!) { changeEnquiryStatus(input: $i) { id } }', {
        i: { enquiryId: fresh.id, status: 'resolved', reason: 'Answered' },
      }),
    {
      fresh: (f) => asId(f.staffEnquiry()),
      probe: enquiryProbe,
    },
  ),
  row(
    'Mutation.convertEnquiryToComplaint',
    ENQUIRY_STAFF,
    'DD DD DD',
    ({ fresh }) =>
      gql('mutation($i: ConvertEnquiryToComplaintInput!) { convertEnquiryToComplaint(input: $i) { id } }', {
        i: { enquiryId: fresh.id, reason: 'Caller is complaining' },
      }),
    {
      fresh: (f) => asId(f.staffEnquiry()),
      probe: enquiryProbe,
    },
  ),
  row(
    'Mutation.identifyAssistedDigitalNeed',
    ENQUIRY_STAFF,
    'DD DD DD',
    ({ fresh }) =>
      gql('mutation($i: IdentifyAssistedDigitalNeedInput!) { identifyAssistedDigitalNeed(input: $i) { id } }', {
        i: { enquiryId: fresh.id, needs: ['no-device'] },
      }),
    {
      fresh: (f, s) => asId(f.staffEnquiry(s.claim.id)),
      probe: enquiryProbe,
    },
  ),
  row(
    'Mutation.claimEnquiry',
    ENQUIRY_STAFF,
    'DD DD DD',
    ({ fresh }) => gql('mutation($id: ID!) { claimEnquiry(enquiryId: $id) { id } }', { id: fresh.id }),
    { fresh: (f) => asId(f.staffEnquiry()), probe: enquiryProbe },
  ),
  row(
    'Mutation.takeNextEnquiry',
    ENQUIRY_STAFF,
    'DD DD DD',
    () => gql('mutation { takeNextEnquiry(queueId: "general") { id } }'),
    {
      probe: async (api) => (await api.data('caseworker', '{ workQueues { id waiting } }')).workQueues,
    },
  ),
  // Assigning someone else's work is a team leader's (the domain narrows the resolver's roles).
  row(
    'Mutation.assignEnquiry',
    ['team-leader'],
    'DD DD DD',
    ({ fresh }) =>
      gql('mutation($i: AssignEnquiryInput!) { assignEnquiry(input: $i) { id } }', {
        i: { enquiryId: fresh.id, officer: ENQUIRY_OFFICER, reason: 'Welsh speaker' },
      }),
    { fresh: (f) => asId(f.staffEnquiry()), probe: enquiryProbe },
  ),
  row(
    'Mutation.unassignEnquiry',
    ['team-leader'],
    'DD DD DD',
    ({ fresh }) =>
      gql('mutation($i: UnassignEnquiryInput!) { unassignEnquiry(input: $i) { id } }', {
        i: { enquiryId: fresh.id, reason: 'On leave' },
      }),
    {
      fresh: async (f) => {
        const id = await f.staffEnquiry();
        await f.api.data('teamLeader', 'mutation($i: AssignEnquiryInput!) { assignEnquiry(input: $i) { id } }', {
          i: { enquiryId: id, officer: ENQUIRY_OFFICER },
        });
        return { id };
      },
      probe: enquiryProbe,
    },
  ),
  row(
    'Mutation.escalateEnquiry',
    ENQUIRY_STAFF,
    'DD DD DD',
    ({ fresh }) =>
      gql('mutation($i: EscalateEnquiryInput!) { escalateEnquiry(input: $i) { id } }', {
        i: { enquiryId: fresh.id, to: 'team-leader', reason: 'Caller asks for a manager' },
      }),
    { fresh: (f) => asId(f.staffEnquiry()), probe: enquiryProbe },
  ),
  row(
    'Mutation.triageEnquiry',
    ENQUIRY_STAFF,
    'DD DD DD',
    ({ fresh }) =>
      gql('mutation($i: TriageEnquiryInput!) { triageEnquiry(input: $i) { id } }', {
        i: { enquiryId: fresh.id, queueId: 'general', priority: 'urgent', articleIds: [], reason: 'Hearing tomorrow' },
      }),
    { fresh: (f) => asId(f.staffEnquiry()), probe: enquiryProbe },
  ),
  row(
    'Mutation.saveTriageRule',
    TEAM_LEADERS,
    'DD DD DD',
    ({ fresh }) =>
      gql('mutation($i: SaveTriageRuleInput!) { saveTriageRule(input: $i) { id } }', {
        i: { position: 99, keywords: [fresh.marker.toLowerCase()], queueId: 'general', articleIds: [], active: false },
      }),
    {
      fresh: withMarker,
      probe: async (api) => (await api.data('caseworker', '{ triageRules { id } }')).triageRules.length,
    },
  ),
  row(
    'Mutation.createKnowledgeArticle',
    TEAM_LEADERS,
    'DD DD DD',
    ({ fresh }) =>
      gql('mutation($i: CreateKnowledgeArticleInput!) { createKnowledgeArticle(input: $i) { id } }', {
        i: { language: 'en', title: fresh.marker, body: 'Text', serviceTags: ['general'] },
      }),
    {
      fresh: withMarker,
      unprobed: 'drafts are listed nowhere but by article id; the role guard refuses before any write',
    },
  ),
  row(
    'Mutation.draftKnowledgeArticleVersion',
    TEAM_LEADERS,
    'DD DD DD',
    ({ fresh }) =>
      gql('mutation($i: DraftKnowledgeArticleVersionInput!) { draftKnowledgeArticleVersion(input: $i) { id } }', {
        i: { articleId: fresh.id, language: 'en', title: 'Paying a fee', body: 'Updated text' },
      }),
    {
      fresh: (f) => f.article(),
      probe: articleProbe,
    },
  ),
  row(
    'Mutation.publishKnowledgeArticleVersion',
    TEAM_LEADERS,
    'DD DD DD',
    ({ fresh }) =>
      gql('mutation($v: ID!) { publishKnowledgeArticleVersion(versionId: $v) { id } }', { v: fresh.versionId }),
    {
      fresh: (f) => f.article(),
      probe: articleProbe,
    },
  ),
  row(
    'Mutation.retireKnowledgeArticleVersion',
    TEAM_LEADERS,
    'DD DD DD',
    ({ fresh }) =>
      gql('mutation($v: ID!) { retireKnowledgeArticleVersion(versionId: $v) { id } }', { v: fresh.versionId }),
    {
      fresh: async (f) => {
        const a = await f.article();
        await f.api.data('teamLeader', 'mutation($v: ID!) { publishKnowledgeArticleVersion(versionId: $v) { id } }', {
          v: a.versionId,
        });
        return a;
      },
      probe: articleProbe,
    },
  ),
  row(
    'Mutation.rateKnowledgeArticle',
    ENQUIRY_STAFF,
    'AA AA AA',
    ({ s }) =>
      gql('mutation($i: RateKnowledgeArticleInput!) { rateKnowledgeArticle(input: $i) { helpful } }', {
        i: { versionId: s.article.versionId, helpful: true },
      }),
    {
      probe: async (api, s) =>
        (
          await api.data(
            'caseworker',
            'query($ids: [ID!]!) { knowledgeArticleStats(ids: $ids) { helpful notHelpful } }',
            { ids: [s.article.id] },
          )
        ).knowledgeArticleStats,
    },
  ),
  row(
    'Mutation.saveSlaPolicy',
    TEAM_LEADERS,
    'DD DD DD',
    () =>
      gql('mutation($i: SaveSlaPolicyInput!) { saveSlaPolicy(input: $i) { clock } }', {
        i: { channel: 'post', category: 'matrix', clock: 'resolution', unit: 'working-days', amount: 10 },
      }),
    {
      probe: async (api) =>
        (await api.data('caseworker', '{ slaPolicies { channel category clock unit amount } }')).slaPolicies,
    },
  ),
  row('Mutation.runSlaCheck', TEAM_LEADERS, 'DD DD DD', () => gql('mutation { runSlaCheck { breached } }'), {
    unprobed: 'a run only refreshes flags derived from the clock',
  }),

  // ───────────── complaints: REST ─────────────
  row(
    'POST /api/v1/complaints',
    COMPLAINT_STAFF,
    'AA AA DD',
    ({ s, fresh }) => body('/api/v1/complaints', COMPLAINT(s.claim.id, fresh.marker)),
    { fresh: withMarker, probe: markerProbe(complaintsSaying) },
  ),
  row('GET /api/v1/complaints', COMPLAINT_READERS, 'AF FF FF', '/api/v1/complaints?limit=100', {
    sees: (b, s) => listed(b.items, s.claim.complaintId),
  }),
  row(
    'GET /api/v1/complaints/search',
    COMPLAINT_READERS,
    'AF FF FF',
    ({ s }) => `/api/v1/complaints/search?caseReference=${s.claim.reference}&limit=100`,
    { sees: (b, s) => listed(b.items, s.claim.complaintId) },
  ),
  row(
    'GET /api/v1/complaints/:id',
    COMPLAINT_READERS,
    'AD DD DD',
    ({ s }) => `/api/v1/complaints/${s.claim.complaintId}`,
  ),
  row(
    'GET /api/v1/complaints/:id/timeline',
    COMPLAINT_READERS,
    'AD DD DD',
    ({ s }) => `/api/v1/complaints/${s.claim.complaintId}/timeline`,
  ),
  // What was sent to the complainant: read by whoever may read the complaint and its complainant's name.
  row(
    'GET /api/v1/complaints/:id/correspondence',
    COMPLAINT_READERS,
    'AD DD DD',
    ({ s }) => `/api/v1/complaints/${s.claim.complaintId}/correspondence`,
  ),
  // Notify presents its callback token; a platform token is no credential for it, whoever holds it.
  row(
    'POST /api/v1/complaints/correspondence/delivery-receipts',
    NO_STAFF,
    'DD DD DD',
    () => body('/api/v1/complaints/correspondence/delivery-receipts', { id: 'matrix', status: 'delivered' }),
    { denyStatuses: [401], unprobed: 'refused before anything is read: the callback token does not match' },
  ),
  ...complaintActions(
    'POST /api/v1/complaints/:id/',
    (path, payload) =>
      ({ fresh }) =>
        body(`/api/v1/complaints/${fresh.id}/${path}`, payload),
  ),
  row(
    'GET /api/v1/complaints/mi/:period',
    COMPLAINT_RUNNERS,
    'DD DD DD',
    ({ s }) => `/api/v1/complaints/mi/day?start=${s.today}`,
  ),
  row('POST /api/v1/complaints/sla/runs', COMPLAINT_RUNNERS, 'DD DD DD', '/api/v1/complaints/sla/runs', {
    unprobed: 'a run only refreshes flags derived from the clock',
  }),

  // ───────────── complaints: GraphQL ─────────────
  row('Query.complaint', COMPLAINT_READERS, 'AD DD DD', ({ s }) =>
    gql('query($id: ID!) { complaint(id: $id) { id status } }', { id: s.claim.complaintId }),
  ),
  row('Query.complaints', COMPLAINT_READERS, 'AF FF FF', () => gql('{ complaints(first: 100) { nodes { id } } }'), {
    sees: (d, s) => listed(d.complaints.nodes, s.claim.complaintId),
  }),
  row(
    'Query.searchComplaints',
    COMPLAINT_READERS,
    'AF FF FF',
    ({ s }) =>
      gql('query($r: String!) { searchComplaints(criteria: { caseReference: $r }, first: 100) { nodes { id } } }', {
        r: s.claim.reference,
      }),
    { sees: (d, s) => listed(d.searchComplaints.nodes, s.claim.complaintId) },
  ),
  row('Query.complaintsMi', COMPLAINT_RUNNERS, 'DD DD DD', ({ s }) =>
    gql('query($d: String!) { complaintsMi(period: "day", start: $d) { received } }', { d: s.today }),
  ),
  row(
    'Mutation.openComplaint',
    COMPLAINT_STAFF,
    'AA AA DD',
    ({ s, fresh }) =>
      gql('mutation($i: OpenComplaintInput!) { openComplaint(input: $i) { id } }', {
        i: COMPLAINT(s.claim.id, fresh.marker),
      }),
    { fresh: withMarker, probe: markerProbe(complaintsSaying) },
  ),
  ...complaintActions(
    'Mutation.',
    (_path, payload, mutation, inputType) =>
      ({ fresh }) =>
        gql(
          `mutation($id: ID!${inputType ? `, $i: ${inputType}` : ''}) { ${mutation}(id: $id${inputType ? ', input: $i' : ''}) { id } }`,
          { id: fresh.id, ...(inputType ? { i: payload } : {}) },
        ),
  ),
  row(
    'Mutation.runComplaintSla',
    COMPLAINT_RUNNERS,
    'DD DD DD',
    () => gql('mutation { runComplaintSla { breached } }'),
    { unprobed: 'a run only refreshes flags derived from the clock' },
  ),

  // ───────────── enforcement: REST (staff only) ─────────────
  row('GET /api/v1/enforcement/accounts', ACCOUNT_READERS, 'DD DD DD', '/api/v1/enforcement/accounts'),
  row(
    'GET /api/v1/enforcement/accounts/:idOrNumber',
    ACCOUNT_READERS,
    'DD DD DD',
    ({ s }) => `/api/v1/enforcement/accounts/${s.criminal.fineAccountNumber}`,
  ),
  row(
    'GET /api/v1/enforcement/accounts/:id/payments',
    ACCOUNT_READERS,
    'DD DD DD',
    ({ s }) => `/api/v1/enforcement/accounts/${s.criminal.fineAccountId}/payments`,
  ),
  row(
    'GET /api/v1/enforcement/accounts/:id/actions',
    ACCOUNT_READERS,
    'DD DD DD',
    ({ s }) => `/api/v1/enforcement/accounts/${s.criminal.fineAccountId}/actions`,
  ),
  row(
    'GET /api/v1/enforcement/accounts/:id/warrants',
    ACCOUNT_READERS,
    'DD DD DD',
    ({ s }) => `/api/v1/enforcement/accounts/${s.criminal.fineAccountId}/warrants`,
  ),
  row(
    'GET /api/v1/enforcement/defendants/:partyId/accounts',
    ACCOUNT_READERS,
    'DD DD DD',
    ({ s }) => `/api/v1/enforcement/defendants/${s.criminal.defendantPartyId}/accounts`,
  ),
  row(
    'POST /api/v1/enforcement/fixed-penalties',
    ['enforcement-officer', 'system'],
    'DD DD DD',
    ({ fresh }) =>
      body('/api/v1/enforcement/fixed-penalties', {
        penaltyReference: fresh.reference,
        businessUnit: 'BU-MATRIX',
        amountPence: 10_000,
      }),
    {
      fresh: async () => ({
        reference: unique('FPN')
          .toUpperCase()
          .replace(/[^A-Z0-9-]/g, '')
          .slice(0, 32),
      }),
      probe: async (api) =>
        (await api.ok('enforcement', 'GET', '/api/v1/enforcement/accounts?businessUnit=BU-MATRIX&limit=100')).items
          .length,
    },
  ),
  row(
    'POST /api/v1/enforcement/accounts/:id/terms',
    ENFORCEMENT_OFFICERS,
    'DD DD DD',
    ({ fresh }) =>
      body(`/api/v1/enforcement/accounts/${fresh.id}/terms`, {
        terms: { kind: 'pay-by-date', payBy: PAY_BY },
        reason: 'Asked for time',
      }),
    { fresh: (f) => f.fineAccount(), probe: accountProbe },
  ),
  row(
    'POST /api/v1/enforcement/accounts/:id/means-assessments',
    ENFORCEMENT_OFFICERS,
    'DD DD DD',
    ({ fresh }) =>
      body(`/api/v1/enforcement/accounts/${fresh.id}/means-assessments`, {
        weeklyIncomePence: 40_000,
        weeklyOutgoingsPence: 30_000,
        dependants: 1,
      }),
    { fresh: (f) => f.fineAccount(), probe: accountProbe },
  ),
  row(
    'POST /api/v1/enforcement/accounts/:id/actions',
    ENFORCEMENT_OFFICERS,
    'DD DD DD',
    ({ fresh }) => body(`/api/v1/enforcement/accounts/${fresh.id}/actions`, { action: 'reminder' }),
    { fresh: (f) => f.fineAccount(), probe: accountProbe },
  ),
  row(
    'POST /api/v1/enforcement/accounts/:id/consolidations',
    ENFORCEMENT_OFFICERS,
    'DD DD DD',
    ({ fresh }) => body(`/api/v1/enforcement/accounts/${fresh.id}/consolidations`, { accountIds: [fresh.otherId] }),
    {
      // Fixed penalties name no defendant, so consolidating them is refused after authorisation (409).
      fresh: async (f) => ({ id: (await f.fineAccount()).id, otherId: (await f.fineAccount()).id }),
      probe: accountProbe,
    },
  ),
  row(
    'POST /api/v1/enforcement/accounts/:id/write-offs',
    ENFORCEMENT_OFFICERS,
    'DD DD DD',
    ({ fresh }) =>
      body(`/api/v1/enforcement/accounts/${fresh.id}/write-offs`, { amountPence: 1_000, reason: 'hardship' }),
    { fresh: (f) => f.fineAccount(), probe: accountProbe },
  ),
  row(
    'POST /api/v1/enforcement/write-offs/:id/decision',
    ['enforcement-officer', 'team-leader', 'finance-officer'],
    'DD DD DD',
    ({ fresh }) => body(`/api/v1/enforcement/write-offs/${fresh.id}/decision`, { approve: false }),
    {
      fresh: (f) => asId(f.writeOff()),
      unprobed:
        'write-offs are read only through their account, which a refusal leaves as it is; four eyes are tested with payments',
    },
  ),
  // An enforcement agency reports only on the warrants given to it (its `org`); `system` is the platform's, not an agency's.
  row(
    'POST /api/v1/enforcement/warrants/:id/outcome',
    ['enforcement-officer', 'team-leader', 'enforcement-agent'],
    'DD DD DD',
    ({ fresh }) => body(`/api/v1/enforcement/warrants/${fresh.id}/outcome`, { status: 'returned-unexecuted' }),
    {
      fresh: (f, _s, allowed) => f.warrant(allowed === 'enforcement-agent' ? ORGS.agency : 'matrix-agents'),
      probe: warrantProbe,
    },
  ),
  row(
    "POST /api/v1/enforcement/warrants/:id/outcome [another agency's warrant]",
    ['enforcement-officer', 'team-leader'],
    'DD DD DD',
    ({ fresh }) => body(`/api/v1/enforcement/warrants/${fresh.id}/outcome`, { status: 'returned-unexecuted' }),
    { fresh: (f) => f.warrant('matrix-other-agency'), probe: warrantProbe },
  ),
  row(
    'GET /api/v1/enforcement/warrants',
    [...ACCOUNT_READERS, 'enforcement-agent'],
    'DD DD DD',
    '/api/v1/enforcement/warrants?limit=100',
  ),
  row(
    'POST /api/v1/enforcement/default-runs',
    ['enforcement-officer', 'team-leader', 'system'],
    'DD DD DD',
    ({ s }) => body('/api/v1/enforcement/default-runs', { runOn: s.today }),
    { unprobed: 'a run only refreshes flags derived from the clock' },
  ),
  row(
    'GET /api/v1/enforcement/mi',
    ['enforcement-officer', 'team-leader', 'finance-officer'],
    'DD DD DD',
    '/api/v1/enforcement/mi',
  ),
  row(
    'GET /api/v1/enforcement/suspense',
    ['enforcement-officer', 'team-leader', 'finance-officer'],
    'DD DD DD',
    '/api/v1/enforcement/suspense?limit=100',
  ),
  row(
    'POST /api/v1/enforcement/suspense/:id/allocation',
    ENFORCEMENT_OFFICERS,
    'DD DD DD',
    ({ fresh }) => body(`/api/v1/enforcement/suspense/${fresh.id}/allocation`, { accountNumber: fresh.accountNumber }),
    { fresh: heldInSuspense, probe: suspenseProbe },
  ),
  row(
    'POST /api/v1/enforcement/suspense/:id/refund',
    ENFORCEMENT_OFFICERS,
    'DD DD DD',
    ({ fresh }) => body(`/api/v1/enforcement/suspense/${fresh.id}/refund`),
    { fresh: heldInSuspense, probe: suspenseProbe },
  ),

  // ───────────── enforcement: GraphQL (staff only) ─────────────
  row('Query.fineAccount', ACCOUNT_READERS, 'DD DD DD', ({ s }) =>
    gql('query($id: ID!) { fineAccount(id: $id) { id balancePence } }', { id: s.criminal.fineAccountId }),
  ),
  row('Query.fineAccountByNumber', ACCOUNT_READERS, 'DD DD DD', ({ s }) =>
    gql('query($n: String!) { fineAccountByNumber(accountNumber: $n) { id } }', { n: s.criminal.fineAccountNumber }),
  ),
  row('Query.fineAccounts', ACCOUNT_READERS, 'DD DD DD', () => gql('{ fineAccounts(first: 100) { nodes { id } } }')),
  row('Query.fineAccountsOfDefendant', ACCOUNT_READERS, 'DD DD DD', ({ s }) =>
    gql('query($p: ID!) { fineAccountsOfDefendant(defendantPartyId: $p) { id } }', { p: s.criminal.defendantPartyId }),
  ),
  row(
    'Mutation.takeEnforcementAction',
    ENFORCEMENT_OFFICERS,
    'DD DD DD',
    ({ fresh }) =>
      gql('mutation($i: TakeEnforcementActionInput!) { takeEnforcementAction(input: $i) { id } }', {
        i: { accountId: fresh.id, action: 'reminder' },
      }),
    { fresh: (f) => f.fineAccount(), probe: accountProbe },
  ),
  row(
    'Mutation.varyFineTerms',
    ENFORCEMENT_OFFICERS,
    'DD DD DD',
    ({ fresh }) =>
      gql('mutation($a: ID!, $i: VaryFineTermsInput!) { varyFineTerms(accountId: $a, input: $i) { version } }', {
        a: fresh.id,
        i: { terms: { kind: 'pay-by-date', payBy: PAY_BY }, reason: 'Asked for time' },
      }),
    { fresh: (f) => f.fineAccount(), probe: accountProbe },
  ),
  row(
    'Mutation.requestFineWriteOff',
    ENFORCEMENT_OFFICERS,
    'DD DD DD',
    ({ fresh }) =>
      gql('mutation($a: ID!, $i: RequestFineWriteOffInput!) { requestFineWriteOff(accountId: $a, input: $i) { id } }', {
        a: fresh.id,
        i: { amountPence: 1_000, reason: 'hardship' },
      }),
    { fresh: (f) => f.fineAccount(), probe: accountProbe },
  ),
  row(
    'Mutation.decideFineWriteOff',
    ['enforcement-officer', 'team-leader', 'finance-officer'],
    'DD DD DD',
    ({ fresh }) =>
      gql('mutation($w: ID!, $i: DecideFineWriteOffInput!) { decideFineWriteOff(writeOffId: $w, input: $i) { id } }', {
        w: fresh.id,
        i: { approve: false },
      }),
    {
      fresh: (f) => asId(f.writeOff()),
      unprobed:
        'write-offs are read only through their account, which a refusal leaves as it is; four eyes are tested with payments',
    },
  ),
  // An enforcement agency reports only on the warrants given to it (its `org`); `system` is the platform's, not an agency's.
  row(
    'Mutation.recordWarrantOutcome',
    ['enforcement-officer', 'team-leader', 'enforcement-agent'],
    'DD DD DD',
    ({ fresh }) =>
      gql(
        'mutation($w: ID!, $i: RecordWarrantOutcomeInput!) { recordWarrantOutcome(warrantId: $w, input: $i) { id } }',
        {
          w: fresh.id,
          i: { status: 'returned-unexecuted' },
        },
      ),
    {
      fresh: (f, _s, allowed) => f.warrant(allowed === 'enforcement-agent' ? ORGS.agency : 'matrix-agents'),
      probe: warrantProbe,
    },
  ),
  row(
    "Mutation.recordWarrantOutcome [another agency's warrant]",
    ['enforcement-officer', 'team-leader'],
    'DD DD DD',
    ({ fresh }) =>
      gql(
        'mutation($w: ID!, $i: RecordWarrantOutcomeInput!) { recordWarrantOutcome(warrantId: $w, input: $i) { id } }',
        { w: fresh.id, i: { status: 'returned-unexecuted' } },
      ),
    { fresh: (f) => f.warrant('matrix-other-agency'), probe: warrantProbe },
  ),
  row(
    'Mutation.runFineDefaults',
    ['enforcement-officer', 'team-leader', 'system'],
    'DD DD DD',
    ({ s }) =>
      gql('mutation($i: RunFineDefaultsInput) { runFineDefaults(input: $i) { runOn } }', { i: { runOn: s.today } }),
    { unprobed: 'a run only refreshes flags derived from the clock' },
  ),
  row(
    'Mutation.recordMeansAssessment',
    ENFORCEMENT_OFFICERS,
    'DD DD DD',
    ({ fresh }) =>
      gql(
        'mutation($a: ID!, $i: FineMeansAssessmentInput!) { recordMeansAssessment(accountId: $a, input: $i) { id } }',
        {
          a: fresh.id,
          i: { weeklyIncomePence: 40_000, weeklyOutgoingsPence: 30_000, dependants: 1 },
        },
      ),
    { fresh: (f) => f.fineAccount(), probe: accountProbe },
  ),
  row(
    'Mutation.recordFixedPenalty',
    ['enforcement-officer', 'system'],
    'DD DD DD',
    ({ fresh }) =>
      gql('mutation($i: RecordFixedPenaltyInput!) { recordFixedPenalty(input: $i) { id } }', {
        i: { penaltyReference: fresh.reference, businessUnit: 'BU-MATRIX-GQL', amountPence: 10_000 },
      }),
    {
      fresh: async () => ({
        reference: unique('FPG')
          .toUpperCase()
          .replace(/[^A-Z0-9-]/g, '')
          .slice(0, 32),
      }),
      probe: async (api) =>
        (await api.ok('enforcement', 'GET', '/api/v1/enforcement/accounts?businessUnit=BU-MATRIX-GQL&limit=100')).items
          .length,
    },
  ),
  row(
    'Mutation.consolidateFineAccounts',
    ENFORCEMENT_OFFICERS,
    'DD DD DD',
    ({ fresh }) =>
      gql(
        'mutation($a: ID!, $i: ConsolidateFineAccountsInput!) { consolidateFineAccounts(accountId: $a, input: $i) { id } }',
        { a: fresh.id, i: { accountIds: [fresh.otherId] } },
      ),
    {
      // Fixed penalties name no defendant, so consolidating them is refused after authorisation (CONFLICT).
      fresh: async (f) => ({ id: (await f.fineAccount()).id, otherId: (await f.fineAccount()).id }),
      probe: accountProbe,
    },
  ),
  row('Query.suspenseItems', ['enforcement-officer', 'team-leader', 'finance-officer'], 'DD DD DD', () =>
    gql('{ suspenseItems(first: 100) { nodes { id } } }'),
  ),
  row(
    'Mutation.allocateSuspenseItem',
    ENFORCEMENT_OFFICERS,
    'DD DD DD',
    ({ fresh }) =>
      gql('mutation($id: ID!, $i: AllocateSuspenseItemInput!) { allocateSuspenseItem(id: $id, input: $i) { id } }', {
        id: fresh.id,
        i: { accountNumber: fresh.accountNumber },
      }),
    { fresh: heldInSuspense, probe: suspenseProbe },
  ),
  row(
    'Mutation.refundSuspenseItem',
    ENFORCEMENT_OFFICERS,
    'DD DD DD',
    ({ fresh }) => gql('mutation($id: ID!) { refundSuspenseItem(id: $id) { id } }', { id: fresh.id }),
    { fresh: heldInSuspense, probe: suspenseProbe },
  ),

  // ───────────── the audit trail: auditors only, every service ─────────────
  ...(['cases', 'queries', 'complaints', 'payments', 'enforcement'] as const).map((service) =>
    row(
      `GET /api/v1/${service}/audit-trail`,
      AUDITORS,
      'DD DD DD',
      ({ s }) => `/api/v1/${service}/audit-trail?actor=${s.claim.id}`,
    ),
  ),
  row('Query.auditTrail', AUDITORS, 'DD DD DD', () =>
    gql(
      '{ auditTrail(filter: { kind: "read" }) { id cases(first: 1) { nodes { id } } queries(first: 1) { nodes { id } } complaints(first: 1) { nodes { id } } payments(first: 1) { nodes { id } } enforcement(first: 1) { nodes { id } } } }',
    ),
  ),

  // ───────────── management information: service-centre managers, every service ─────────────
  ...(['cases', 'queries', 'complaints', 'payments', 'enforcement'] as const).map((service) =>
    row(
      `GET /api/v1/${service}/management-information`,
      MI_READERS,
      'DD DD DD',
      ({ s }) => `/api/v1/${service}/management-information?from=${s.today}&to=${s.today}&granularity=day`,
    ),
  ),
  row('Query.managementInformation', MI_READERS, 'DD DD DD', ({ s }) =>
    gql(
      'query($d: String!) { managementInformation(from: $d, to: $d, granularity: DAY) { id cases { issued } enquiries { received } complaints { received perThousandCases } fees { collectedPence } fines { imposedPence } } }',
      { d: s.today },
    ),
  ),
];

/** A well-formed fine account number that no account has, so a payment quoting it is held in suspense. */
const NO_SUCH_FINE_ACCOUNT = 'FA99999999F';

/** The suspense item enforcement holds for a payment, found in its worklist (oldest first, so every page is read). */
async function suspenseItemOf(api: Api, paymentId: string): Promise<Loose | undefined> {
  let cursor: string | null = null;
  do {
    const page: Loose = await api.ok(
      'enforcement',
      'GET',
      `/api/v1/enforcement/suspense?reason=not-found&limit=100${cursor ? `&cursor=${cursor}` : ''}`,
    );
    const found = (page.items as Loose[]).find((i) => i.paymentId === paymentId);
    if (found) return found;
    cursor = page.nextCursor as string | null;
  } while (cursor);
  return undefined;
}

/**
 * A cheque that payments allocated (and a second person verified) to a fine account number no account
 * has, held in enforcement's suspense; and a fresh fine account to allocate it to.
 */
async function heldInSuspense(f: Fixtures): Promise<Loose> {
  const paymentId = await f.unallocatedCheque();
  const allocation = await f.api.ok('finance', 'POST', `/api/v1/payments/payments/${paymentId}/allocations`, {
    target: 'fine-account',
    fineAccountNumber: NO_SUCH_FINE_ACCOUNT,
  });
  await f.api.ok('teamLeader', 'POST', `/api/v1/payments/allocations/${allocation.id}/verification`, { approve: true });
  const item = await eventually(async () => {
    const found = await suspenseItemOf(f.api, paymentId);
    if (!found) throw new Error('enforcement has not held the payment in suspense yet');
    return found;
  }, 30_000);
  return { id: item.id, paymentId, accountNumber: (await f.fineAccount()).accountNumber };
}

/** Staff's view of a warrant: its status. */
async function warrantProbe(api: Api, _s: unknown, f: Loose): Promise<unknown> {
  const warrants = (await api.ok(
    'enforcement',
    'GET',
    `/api/v1/enforcement/accounts/${f.accountId}/warrants`,
  )) as Loose[];
  return warrants.find((w) => w.id === f.id)?.status;
}

/** Staff's view of a suspense item: where its money is. */
async function suspenseProbe(api: Api, _s: unknown, f: Loose): Promise<unknown> {
  return (await suspenseItemOf(api, f.paymentId))?.state;
}

/** Complaint handling: staff only, the same over REST (`path`) and GraphQL (`mutation`), each on a complaint at the stage it needs. */
function complaintActions(
  prefix: string,
  call: (
    path: string,
    payload: object,
    mutation: string,
    inputType: string | undefined,
  ) => (ctx: CallContext) => RestCall | GraphQLCall,
): Row[] {
  const actions: [
    path: string,
    mutation: string,
    inputType: string | undefined,
    payload: object,
    steps: ComplaintStep[],
  ][] = [
    ['acknowledgement', 'acknowledgeComplaint', undefined, {}, []],
    [
      'investigation',
      'startComplaintInvestigation',
      'StartComplaintInvestigationInput',
      { investigatingOfficer: 'officer-olu' },
      ['acknowledge'],
    ],
    [
      'response-draft',
      'draftComplaintResponse',
      'DraftComplaintResponseInput!',
      { text: 'We are sorry.' },
      ['acknowledge', 'investigate'],
    ],
    [
      'response',
      'sendComplaintResponse',
      'SendComplaintResponseInput!',
      { outcome: 'not-upheld' },
      ['acknowledge', 'investigate', 'draft'],
    ],
    ['escalation', 'escalateComplaint', undefined, {}, ANSWERED],
    [
      'remedies',
      'agreeComplaintRemedy',
      'AgreeComplaintRemedyInput!',
      { kind: 'apology', description: 'We apologise' },
      ANSWERED,
    ],
    ['data-breach', 'flagComplaintDataBreach', 'FlagComplaintDataBreachInput', {}, []],
    [
      'data-breach/decision',
      'decideComplaintDataBreach',
      'ComplaintDataBreachDecisionInput!',
      { reportable: false, reason: 'No personal data left the service' },
      ['breach'],
    ],
    [
      'closure',
      'closeComplaint',
      'CloseComplaintInput!',
      { businessArea: 'civil-listing', causeCategory: 'communication' },
      ANSWERED,
    ],
    [
      'ombudsman-referral',
      'referComplaintToOmbudsman',
      'ComplaintOmbudsmanReferralInput!',
      { ombudsmanReference: 'PHSO-1' },
      THREE_STAGES,
    ],
    [
      'ombudsman-referral/enquiries',
      'recordOmbudsmanEnquiry',
      'ComplaintOmbudsmanEnquiryInput!',
      { text: 'Please send the file' },
      [...THREE_STAGES, 'refer'],
    ],
    [
      'ombudsman-referral/answers',
      'answerOmbudsmanEnquiries',
      'ComplaintOmbudsmanAnswerInput!',
      { text: 'The case file is attached.' },
      [...THREE_STAGES, 'refer', 'enquire'],
    ],
    [
      'ombudsman-referral/outcome',
      'recordOmbudsmanOutcome',
      'ComplaintOmbudsmanOutcomeInput!',
      { outcome: 'not-upheld' },
      [...THREE_STAGES, 'refer'],
    ],
  ];
  return actions.map(([path, mutation, inputType, payload, steps]) =>
    row(
      prefix.startsWith('Mutation') ? `Mutation.${mutation}` : `${prefix}${path}`,
      COMPLAINT_STAFF,
      'DD DD DD',
      call(path, payload, mutation, inputType),
      {
        fresh: complaintAt(...steps),
        probe: complaintProbe,
      },
    ),
  );
}
