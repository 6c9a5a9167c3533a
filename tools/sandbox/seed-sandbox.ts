// The partner sandbox's seed: a demo firm with a payment account and a handful of money claims in
// different states, made through the gateway's partner REST API as the firm and the court's staff
// would make them, so every rule applies and every event is published. It changes nothing that is
// already as it should be: the account and each claim are looked up first, and a claim part-way
// along its road is taken on from where it stands, so the seed is safe to run at every start.
import { londonInstant, londonLocalDate, WorkingDayCalendar } from '@ccsc/calendar';
import { SandboxApi, sleep } from './sandbox-api';
import {
  CASEWORKER,
  CLAIM_PATH,
  type ClaimState,
  FINANCE_OFFICER,
  TEAM_LEADER,
  FIRM_USER,
  JUDGE,
  type Persona,
  SANDBOX_CLAIMS,
  SANDBOX_FIRM,
  SANDBOX_HEARING,
  type SandboxClaim,
} from './sandbox-firm';

/** Signs a token for a persona, lasting `ttlSeconds`. */
export type TokenMinter = (persona: Persona, ttlSeconds: number) => Promise<string>;

export interface SandboxOptions {
  gatewayUrl: string;
  mintToken: TokenMinter;
  /** How long the printed token of the firm's user lasts; a working day and more by default. */
  tokenTtlSeconds?: number;
  /** How long to wait for another service to act on an event (a fee falling due, a fee settled). */
  waitMs?: number;
  /** Each thing the seed does, as it does it. */
  progress?: (line: string) => void;
  now?: () => Date;
}

export interface SeededClaim extends SandboxClaim {
  id: string;
  reference: string;
  /** When its hearing starts, for the listed claim. */
  hearingStartsAt?: string;
}

export interface SandboxSeed {
  gatewayUrl: string;
  firm: { organisationId: string; name: string };
  user: Persona;
  token: string;
  tokenExpiresAt: Date;
  account: PaymentAccount;
  claims: SeededClaim[];
}

export const DEFAULT_TOKEN_TTL_SECONDS = 24 * 60 * 60;
const STAFF_TOKEN_TTL_SECONDS = 15 * 60;
const DEFAULT_WAIT_MS = 60_000;
const POLL_MS = 250;
const REASON = 'Partner sandbox seed';

interface Party {
  role: string;
  name: string;
  representedBy?: string;
}
interface CaseView {
  id: string;
  reference: string;
  caseType: string;
  state: string;
  parties: Party[];
}
interface CasePage {
  items: CaseView[];
  nextCursor?: string | null;
}
export interface PaymentAccount {
  accountNumber: string;
  organisationId: string;
  name: string;
  status: string;
  creditLimitPence: number;
  usedPence: number;
  availablePence: number;
  /** A higher limit waiting for a second person; the seed has it granted at once. */
  proposedCreditLimitPence: number | null;
}
interface ServiceRequest {
  outstandingPence: number;
  fees: { code: string; outstandingPence: number }[];
}
interface Readiness {
  ready: boolean;
  criteria: { id: string; met: boolean; reason?: string }[];
}
interface Hearing {
  status: string;
  startsAt: string;
}

interface Callers {
  firm: SandboxApi;
  finance: SandboxApi;
  teamLeader: SandboxApi;
  caseworker: SandboxApi;
  judge: SandboxApi;
}

export async function seedSandbox(options: SandboxOptions): Promise<SandboxSeed> {
  const now = options.now ?? (() => new Date());
  const progress = options.progress ?? (() => undefined);
  const waitMs = options.waitMs ?? DEFAULT_WAIT_MS;
  const caller = async (persona: Persona) =>
    new SandboxApi(options.gatewayUrl, await options.mintToken(persona, STAFF_TOKEN_TTL_SECONDS));
  const callers: Callers = {
    firm: await caller(FIRM_USER),
    finance: await caller(FINANCE_OFFICER),
    teamLeader: await caller(TEAM_LEADER),
    caseworker: await caller(CASEWORKER),
    judge: await caller(JUDGE),
  };

  await ensureAccount(callers, progress);
  const existing = await firmClaims(callers.firm);
  const claims: SeededClaim[] = [];
  for (const claim of SANDBOX_CLAIMS) {
    claims.push(await ensureClaim(claim, existing, callers, { progress, waitMs, now }));
  }

  const [account] = (await callers.firm.get<PaymentAccount[]>('/api/v1/payments/accounts')).filter(
    (a) => a.accountNumber === SANDBOX_FIRM.accountNumber,
  );
  if (!account) throw new Error(`The firm does not see its account ${SANDBOX_FIRM.accountNumber}`);
  const ttl = options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS;
  const issuedAt = now();
  return {
    gatewayUrl: options.gatewayUrl,
    firm: { organisationId: SANDBOX_FIRM.organisationId, name: SANDBOX_FIRM.name },
    user: FIRM_USER,
    token: await options.mintToken(FIRM_USER, ttl),
    tokenExpiresAt: new Date(issuedAt.getTime() + ttl * 1000),
    account,
    claims,
  };
}

/**
 * The firm's payment account, opened by finance when missing, active, and topped up when it runs low; its credit
 * is asked for by finance and granted by a team leader, as every higher limit is.
 */
async function ensureAccount(
  { finance, teamLeader }: Pick<Callers, 'finance' | 'teamLeader'>,
  progress: (line: string) => void,
): Promise<void> {
  const { accountNumber, organisationId, name, creditPence, lowCreditPence } = SANDBOX_FIRM;
  const grant = (creditLimitPence: number) =>
    teamLeader.post(`/api/v1/payments/accounts/${accountNumber}/credit-limit/decision`, {
      approve: true,
      creditLimitPence,
    });
  const found = (await finance.get<PaymentAccount[]>('/api/v1/payments/accounts')).find(
    (a) => a.accountNumber === accountNumber,
  );
  if (!found) {
    await finance.post('/api/v1/payments/accounts', {
      accountNumber,
      organisationId,
      name,
      creditLimitPence: creditPence,
    });
    await grant(creditPence);
    progress(`opened payment account ${accountNumber} for ${name} with ${pounds(creditPence)} of credit`);
    return;
  }
  if (found.organisationId !== organisationId)
    throw new Error(`${accountNumber} belongs to ${found.organisationId}, not the sandbox firm ${organisationId}`);
  if (found.status === 'deleted')
    throw new Error(`${accountNumber} has been closed; the sandbox cannot reopen it (use a fresh database)`);
  const reactivate = found.status !== 'active';
  const topUp = found.availablePence < lowCreditPence;
  if (!reactivate && !topUp) return;
  await finance.post(`/api/v1/payments/accounts/${accountNumber}/changes`, {
    ...(reactivate ? { status: 'active' } : {}),
    ...(topUp ? { creditLimitPence: found.usedPence + creditPence } : {}),
  });
  if (topUp) await grant(found.usedPence + creditPence);
  if (reactivate) progress(`payment account ${accountNumber} was ${found.status}: active again`);
  if (topUp) progress(`payment account ${accountNumber} topped up to ${pounds(creditPence)} of credit`);
}

/** Every money claim the firm may see (its own), oldest first. */
async function firmClaims(firm: SandboxApi): Promise<CaseView[]> {
  const all: CaseView[] = [];
  let cursor: string | null | undefined;
  do {
    const query = new URLSearchParams({ caseType: 'civil-money-claim', limit: '100', ...(cursor ? { cursor } : {}) });
    const page = await firm.get<CasePage>(`/api/v1/cases?${query}`);
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all.reverse();
}

const pathIndex = (state: string) => CLAIM_PATH.indexOf(state as ClaimState);

/** The seed's claim of these parties still on its road, the furthest along if there are several. */
function seededBefore(claim: SandboxClaim, cases: CaseView[]): CaseView | undefined {
  const target = pathIndex(claim.state);
  const party = (c: CaseView, role: string) => c.parties.find((p) => p.role === role)?.name;
  return cases
    .filter((c) => party(c, 'claimant') === claim.claimant && party(c, 'defendant') === claim.defendant)
    .filter((c) => pathIndex(c.state) >= 0 && pathIndex(c.state) <= target)
    .sort((a, b) => pathIndex(b.state) - pathIndex(a.state))[0];
}

interface StepContext {
  progress: (line: string) => void;
  waitMs: number;
  now: () => Date;
}

async function ensureClaim(
  claim: SandboxClaim,
  existing: CaseView[],
  callers: Callers,
  context: StepContext,
): Promise<SeededClaim> {
  const title = `${claim.claimant} v ${claim.defendant}`;
  let current = seededBefore(claim, existing);
  if (!current) {
    current = await callers.firm.post<CaseView>('/api/v1/cases', {
      caseType: 'civil-money-claim',
      claimAmountPence: claim.claimAmountPence,
      parties: [
        { role: 'claimant', kind: 'person', name: claim.claimant, representedBy: SANDBOX_FIRM.organisationId },
        { role: 'defendant', kind: 'organisation', name: claim.defendant },
      ],
    });
    context.progress(`${title}: claim ${current.reference} opened`);
  }
  while (current.state !== claim.state) {
    const before = current.state;
    current = await step(current, callers, context);
    // A case type whose events now lead elsewhere would otherwise send the seed round for ever.
    if (!(pathIndex(current.state) > pathIndex(before)))
      throw new Error(`${title}: ${before} led to ${current.state}, off the sandbox's road`);
    context.progress(`${title}: ${before} → ${current.state}`);
  }
  const hearingStartsAt = claim.state === 'Listed' ? await ensureHearing(current, callers, context) : undefined;
  return { ...claim, id: current.id, reference: current.reference, ...(hearingStartsAt ? { hearingStartsAt } : {}) };
}

/** Takes a claim one state further along its road, as whoever does that in real life. */
async function step(claim: CaseView, callers: Callers, context: StepContext): Promise<CaseView> {
  const trigger = (who: SandboxApi, event: string) =>
    who.post<CaseView>(`/api/v1/cases/${claim.id}/events`, { event, reason: REASON });
  switch (claim.state as ClaimState) {
    case 'Draft':
      return trigger(callers.firm, 'submit');
    case 'Submitted':
      await payByAccount(claim, 'FEE0202', callers, context);
      await untilReady(claim, 'issue', callers.caseworker, context);
      return trigger(callers.caseworker, 'issue');
    case 'Issued':
      return trigger(callers.caseworker, 'serve');
    case 'AwaitingResponse':
      return trigger(callers.caseworker, 'ready-for-listing');
    case 'ReadyForListing':
      await payByAccount(claim, 'FEE0221', callers, context);
      await untilReady(claim, 'list', callers.caseworker, context);
      return trigger(callers.caseworker, 'list');
    case 'Listed':
      return trigger(callers.caseworker, 'hear');
    case 'AwaitingOutcome':
      await ensureJudgment(claim, callers.judge);
      return trigger(callers.judge, 'decide');
    case 'Decided':
      return trigger(callers.caseworker, 'close');
    case 'Closed':
      throw new Error(`Claim ${claim.reference} is closed: nothing follows`);
  }
}

/** Pays what is outstanding from the firm's account once payments has made the fee due (it does so on the case's event). */
async function payByAccount(claim: CaseView, feeCode: string, callers: Callers, context: StepContext): Promise<void> {
  const path = `/api/v1/payments/cases/${claim.id}`;
  const request = await waitFor(`fee ${feeCode} on claim ${claim.reference}`, context.waitMs, async () => {
    const found = await callers.firm.find<ServiceRequest>(`${path}/service-request`);
    return found?.fees.some((f) => f.code === feeCode) ? found : undefined;
  });
  if (request.outstandingPence === 0) return;
  await callers.firm.post(`${path}/payments-by-account`, { accountNumber: SANDBOX_FIRM.accountNumber });
  context.progress(`claim ${claim.reference}: ${pounds(request.outstandingPence)} paid by account`);
}

/** Waits until the case is ready for the event: what the fees settled on payments' side tells cases comes by event. */
async function untilReady(claim: CaseView, event: string, caseworker: SandboxApi, context: StepContext) {
  let last: Readiness | undefined;
  await waitFor(`claim ${claim.reference} to be ready for ${event}`, context.waitMs, async () => {
    last = await caseworker.get<Readiness>(`/api/v1/cases/${claim.id}/readiness?event=${event}`);
    return last.ready ? last : undefined;
  }).catch((error: unknown) => {
    const unmet = last?.criteria.filter((c) => !c.met).map((c) => `${c.id}: ${c.reason ?? 'not met'}`) ?? [];
    throw new Error(`${error instanceof Error ? error.message : String(error)} (${unmet.join('; ')})`);
  });
}

async function ensureJudgment(claim: CaseView, judge: SandboxApi): Promise<void> {
  const decisions = await judge.get<{ current: boolean }[]>(`/api/v1/cases/${claim.id}/decisions`);
  if (decisions.some((d) => d.current)) return;
  await judge.post(`/api/v1/cases/${claim.id}/decisions`, {
    outcome: 'Judgment for the claimant',
    legalBasis: 'CPR Part 27 (small claims track)',
    reasons: 'The defendant accepted at the hearing that the goods were not delivered and the price was not refunded.',
    evidenceReferences: ['Claim form', 'Hearing bundle pages 1-12'],
  });
}

/** The listed claim's hearing: one is listed some working days ahead unless it has one to come. */
async function ensureHearing(claim: CaseView, callers: Callers, context: StepContext): Promise<string> {
  const hearings = await callers.caseworker.get<Hearing[]>(`/api/v1/cases/${claim.id}/hearings`);
  const listed = hearings.find((h) => h.status === 'listed' && new Date(h.startsAt) > context.now());
  if (listed) return new Date(listed.startsAt).toISOString();
  const { inWorkingDays, at, venueId, venueName, hearingType, durationMinutes } = SANDBOX_HEARING;
  const day = WorkingDayCalendar.englandAndWales().addWorkingDays(londonLocalDate(context.now()), inWorkingDays);
  const startsAt = londonInstant(day, at).toISOString();
  await callers.caseworker.post(`/api/v1/cases/${claim.id}/hearings`, {
    venueId,
    venueName,
    hearingType,
    startsAt,
    durationMinutes,
  });
  context.progress(`claim ${claim.reference}: hearing listed at ${venueName} on ${day} at ${at}`);
  return startsAt;
}

async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() >= deadline) throw new Error(`Gave up after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(POLL_MS);
  }
}

export const pounds = (pence: number) =>
  `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
