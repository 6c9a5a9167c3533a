import type { Loose } from '../graphql-client';
import { PARTY_PERSONAS, PartyPersona, Persona, PersonaIdentity, StaffRole, STAFF_ROLES } from './personas';
import {
  Api,
  ComplaintStep,
  Fixtures,
  privateKindOf,
  privateTimelineKinds,
  Scenario,
  TimelineEntry,
  unique,
} from './scenario';

// The vocabulary of the authorisation matrix (authorisation-matrix.ts): its row type, and the calls,
// probes and predicates its rows are written with.

export type Outcome = 'allow' | 'deny' | 'filtered';
export interface RestCall {
  path: string;
  body?: unknown;
}
export interface GraphQLCall {
  query: string;
  variables?: Record<string, unknown>;
}
export interface CallContext {
  s: Scenario;
  fresh: Loose;
  /** Who is calling: a body may name their own firm or account. */
  as: PersonaIdentity & { persona: Persona };
}

export interface Row {
  /** `METHOD /api/v1/...` as the controller declares it, or `Query.x`, `Mutation.x`, `Case.x`; a `[variant]` may follow. */
  key: string;
  staff: readonly StaffRole[];
  otherStaff?: 'deny' | 'filtered';
  parties: Record<PartyPersona, Outcome>;
  call(ctx: CallContext): RestCall | GraphQLCall;
  /** A fresh resource for the call, made as staff; one per allowed persona (named), one for all denied ones (none named). */
  fresh?(fixtures: Fixtures, s: Scenario, allowed?: Persona): Promise<Loose>;
  /** Whether the answer shows (any of) what filtered personas must not see: false for them, true for the allowed. */
  sees?(answer: Loose, s: Scenario): boolean;
  /** For the allowed, when showing some of it is not enough: the answer shows all of it. */
  seesAll?(answer: Loose, s: Scenario): boolean;
  /** Staff's view of what a write would change: the same before and after every denied call. */
  probe?(api: Api, s: Scenario, fresh: Loose): Promise<unknown>;
  /** Why a write has no probe. */
  unprobed?: string;
  /** Statuses a denial may have on this row other than 403/404. */
  denyStatuses?: number[];
  /** A POST that stores nothing. */
  readOnly?: boolean;
  /** Allowed personas one after another: each fresh resource competes for something only one may hold at a time. */
  serial?: boolean;
}

const CODES: Record<string, Outcome> = { A: 'allow', D: 'deny', F: 'filtered' };
function parties(code: string): Record<PartyPersona, Outcome> {
  const outcomes = [...code.replace(/ /g, '')].map((letter) => CODES[letter]);
  if (outcomes.length !== PARTY_PERSONAS.length || outcomes.some((o) => o === undefined))
    throw new Error(`Bad parties code "${code}"`);
  return Object.fromEntries(PARTY_PERSONAS.map((p, i) => [p, outcomes[i]])) as Record<PartyPersona, Outcome>;
}

type Options = Partial<Omit<Row, 'key' | 'staff' | 'parties' | 'call'>>;
/** A row: its key, the staff roles allowed, the parties' code, and its call (a GET path is enough for a read). */
export function row(
  key: string,
  staff: readonly StaffRole[],
  code: string,
  call: ((ctx: CallContext) => RestCall | GraphQLCall | string) | string,
  options: Options = {},
): Row {
  const asCall = (built: RestCall | GraphQLCall | string) => (typeof built === 'string' ? { path: built } : built);
  return {
    key,
    staff,
    parties: parties(code),
    call: (ctx) => asCall(typeof call === 'string' ? call : call(ctx)),
    ...options,
  };
}
export const gql = (query: string, variables: Record<string, unknown> = {}): GraphQLCall => ({ query, variables });
export const body = (path: string, payload: unknown = {}): RestCall => ({ path, body: payload });

// ── What filtered personas must not see ──

/** Any of the claimant's contact details or needs on the claim (a case, or undefined when absent). */
export const claimantContactShown = (c: Loose | undefined) => {
  const claimant = (c?.parties as Loose[] | undefined)?.find((p) => p.role === 'claimant');
  return Boolean(
    claimant &&
    (claimant.email ||
      claimant.phone ||
      claimant.postcode ||
      claimant.reasonableAdjustments?.length ||
      claimant.vulnerabilityFlags?.length),
  );
};
export const claimIn = (items: Loose[] | undefined, s: Scenario) => items?.find((c) => c.id === s.claim.id);
export const listed = (items: Loose[] | undefined, id: string) => Boolean(items?.some((i) => i.id === id));
/** Any entry about the claimant's own business (enquiry, complaint, referral, payment) on a timeline. */
export const privateEntryShown = (entries: TimelineEntry[] | undefined) =>
  Boolean(entries?.some((e) => privateKindOf(e) !== undefined));
/** Every kind of the claimant's own business on a timeline. */
export const everyPrivateEntryShown = (entries: TimelineEntry[] | undefined) =>
  privateTimelineKinds.every((k) => entries?.some((e) => privateKindOf(e) === k));
export const onCase = (field: string) => (data: Loose) => data.case?.[field];

// ── Staff's view of what a write would change ──

const CASE_PROBE = `query($id: ID!) { case(id: $id) {
  state parties { id name email phone representedBy reasonableAdjustments } history { event } documents { id status } hearings { id status } decisions { id } assistedDigitalReferrals { id status }
} }`;
export const caseProbe = async (api: Api, _s: Scenario, f: Loose) =>
  (await api.data('caseworker', CASE_PROBE, { id: f.id })).case;
export const complaintProbe = async (api: Api, _s: Scenario, f: Loose) =>
  api.ok('complaints', 'GET', `/api/v1/complaints/${f.id}`);
export const enquiryProbe = async (api: Api, _s: Scenario, f: Loose) =>
  (
    await api.data(
      'caseworker',
      'query($id: ID!) { enquiry(id: $id) { status queueId assignedTo escalatedTo priority messages { body } } }',
      { id: f.id },
    )
  ).enquiry;
export const accountProbe = async (api: Api, _s: Scenario, f: Loose) =>
  Promise.all([
    api.ok('enforcement', 'GET', `/api/v1/enforcement/accounts/${f.id}`),
    api.ok('enforcement', 'GET', `/api/v1/enforcement/accounts/${f.id}/actions`),
  ]);
export const serviceRequestProbe = async (api: Api, _s: Scenario, f: Loose) =>
  (
    await api.data(
      'caseworker',
      'query($id: ID!) { case(id: $id) { serviceRequest { status fees { amountPence remittedPence paidPence } } payments { id status } } }',
      { id: f.id },
    )
  ).case;
export const paymentProbe = async (api: Api, _s: Scenario, f: Loose) =>
  api.ok('finance', 'GET', `/api/v1/payments/payments/${f.id}`);
export const refundsProbe = async (api: Api) =>
  (await api.ok('teamLeader', 'GET', '/api/v1/payments/refunds/awaiting-approval?limit=100')).items;
export const articleProbe = async (api: Api, _s: Scenario, f: Loose) =>
  (await api.data('caseworker', 'query($id: ID!) { knowledgeArticle(id: $id) { id status } }', { id: f.id }))
    .knowledgeArticle;
/** How many things carry this call's marker (a party name, a subject, a summary): none after a denied create. */
export const markerProbe =
  (count: (api: Api, marker: string) => Promise<number>) => async (api: Api, _s: Scenario, f: Loose) =>
    count(api, f.marker);
export const casesNamed = (api: Api, marker: string) =>
  api
    .ok('caseworker', 'GET', `/api/v1/cases/search?partyName=${encodeURIComponent(marker)}`)
    .then((r) => (r.items as Loose[]).length);
export const enquiriesAbout = (api: Api, marker: string) =>
  api
    .data('caseworker', '{ enquiries(first: 100) { nodes { subject } } }')
    .then((d) => (d.enquiries.nodes as Loose[]).filter((e) => e.subject === marker).length);
export const complaintsSaying = (api: Api, marker: string) =>
  api
    .ok('complaints', 'GET', '/api/v1/complaints?limit=100')
    .then((r) => (r.items as Loose[]).filter((c) => c.summary === marker).length);

// ── Fresh resources ──

export const freshClaim = (f: Fixtures) => f.claim();
export const withMarker = async () => ({ marker: unique('Matrix') });
export const asId = async (id: Promise<string>) => ({ id: await id });
export const complaintAt =
  (...steps: ComplaintStep[]) =>
  (f: Fixtures) =>
    asId(f.complaintAt(steps));
const STAGE: ComplaintStep[] = ['acknowledge', 'investigate', 'draft', 'send'];
export const ANSWERED = STAGE;
export const THREE_STAGES: ComplaintStep[] = [...STAGE, 'escalate', ...STAGE, 'escalate', ...STAGE];

// ── Calls ──

export const CASE_FIELDS =
  'id reference state parties { role email phone postcode reasonableAdjustments vulnerabilityFlags }';
/** `case(id)` of the claim, asking for one of its fields. */
export const caseField =
  (field: string, selection = '') =>
  ({ s }: CallContext) =>
    gql(`query($id: ID!) { case(id: $id) { id ${field} ${selection} } }`, { id: s.claim.id });
const EVENT = 'mutation($i: TriggerCaseEventInput!) { triggerCaseEvent(input: $i) { id state } }';
export const triggerRest =
  (event: string) =>
  ({ fresh }: CallContext) =>
    body(`/api/v1/cases/${fresh.id}/events`, { event, reason: 'matrix' });
export const triggerGql =
  (event: string) =>
  ({ fresh }: CallContext) =>
    gql(EVENT, { i: { caseId: fresh.id, event, reason: 'matrix' } });
/** A new claim as the caller may enter it: a firm names itself for its client, the claimant. */
export const newClaim = (marker: string, as: PersonaIdentity) => ({
  caseType: 'civil-money-claim',
  parties: [
    { role: 'claimant', kind: 'person', name: marker, ...(as.org ? { representedBy: as.org } : {}) },
    { role: 'defendant', kind: 'organisation', name: 'Widgets Ltd' },
  ],
});
/** A further claimant, represented by the caller's own firm (staff name the claimant's). */
export const furtherClaimant = (as: PersonaIdentity) => ({
  role: 'claimant',
  kind: 'person',
  name: 'Second Claimant',
  representedBy: as.org ?? 'org-claimant-firm',
});
export const HEARING = {
  venueId: 'LDN-MTX',
  venueName: 'Matrix County Court',
  hearingType: 'case-management',
  startsAt: '2031-08-01T10:00:00+01:00',
  durationMinutes: 30,
};
export const DECISION = {
  outcome: 'Claim struck out',
  legalBasis: 'CPR 3.4',
  reasons: 'No reasonable grounds',
  evidenceReferences: ['bundle p1'],
};
export const fineResult = (defendantPartyId: string) => ({
  defendantPartyId,
  outcome: 'Guilty: fined',
  impositions: [{ kind: 'fine', amountPence: 5_000, creditor: 'central-funds' }],
});
export const ENQUIRY = (caseId: string, subject: string) => ({
  channel: 'online-form',
  subject,
  message: 'Is my hearing going ahead?',
  caseId,
  contact: { name: 'Caller' },
});
export const COMPLAINT = (caseId: string, summary: string) => ({ caseIds: [caseId], category: 'delay', summary });
export const DOCUMENT = {
  title: 'Witness statement',
  documentType: 'witness-statement',
  channel: 'online',
  storeReference: 'dm-store://documents/matrix',
};

/** The firm's own payment account for a professional; the claimant's firm's for staff; a made-up one for a citizen, who has none. */
export function accountOf(as: PersonaIdentity & { persona: Persona }, s: Scenario): string {
  if (as.persona === 'claimantFirm' || as.persona === 'defendantFirm' || as.persona === 'unrelatedFirm')
    return s.accounts[as.persona];
  return as.role === 'citizen' ? 'PBA9999999' : s.accounts.claimantFirm;
}

/** The expected outcome of a row for a persona. */
export function expectedOutcome(r: Row, persona: Persona): Outcome {
  if ((STAFF_ROLES as readonly string[]).includes(persona)) {
    if (r.staff.includes(persona as StaffRole)) return 'allow';
    // The auditor reads no case at all, nor does an enforcement agency: a case's field is denied to them, not filtered.
    return persona === 'auditor' || persona === 'enforcement-agent' ? 'deny' : (r.otherStaff ?? 'deny');
  }
  return r.parties[persona as PartyPersona];
}
