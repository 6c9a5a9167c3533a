import type { Role } from '@ccsc/auth/principal';
import type { PartyRole } from '../../case/domain/party';

/** Staff act by role; citizens and professionals only ever act for a party (`parties`). */
export type StaffRole = Exclude<Role, 'citizen' | 'professional'>;

/** Text shown to users, in English and Welsh (both are required for a case type to load). */
export interface Bilingual {
  en: string;
  cy: string;
}

/**
 * What must be true before an event may happen. The kinds are the platform's vocabulary; a case type
 * combines them freely, so a new case type needs no new code.
 */
export type ReadinessCriterion =
  | { id: string; kind: 'party'; roles: readonly PartyRole[] }
  | { id: string; kind: 'fees-settled' }
  | { id: string; kind: 'documents-accepted' }
  | { id: string; kind: 'decision-recorded' }
  /** The current decision has been checked and approved by a second person (not its decision maker). */
  | { id: string; kind: 'decision-checked' }
  | { id: string; kind: 'no-open-assisted-digital-referral' }
  /** The case type's deadline (`CaseTypeDefinition.deadlines`) has passed: the event is available from the day after it. */
  | { id: string; kind: 'deadline-passed'; deadline: string }
  /** Status review: a stakeholder's referral, with its concerns, is recorded on the case. */
  | { id: string; kind: 'referral-recorded' }
  /** At least one document is on the case and accepted: the evidence an adverse step rests on. */
  | { id: string; kind: 'evidence-accepted' }
  /** Status review: the minded-to notice's proposed outcome and grounds are recorded (they are given when it is issued). */
  | { id: string; kind: 'minded-to-notice-grounds' }
  /** Representations are recorded, or the deadline for them (a deadline of the case type) has passed. */
  | { id: string; kind: 'representations-considered'; deadline: string };

/**
 * Time allowed in a state: either a number of days from the London day the case entered it (libs/calendar's
 * `periodEnd`: calendar or working days, due by the end of the last day), or until a day the event that enters
 * the state gives (`until`: a stay ordered "until 2 March"; without one the state has no time limit). When it
 * passes, the system triggers `triggers` (the case-deadline run), or events whose readiness names it (a
 * `deadline-passed` criterion) become available.
 */
export type StateDeadline = StateDeadlineBase & (DaysFromEntry | UntilGivenDay);

interface StateDeadlineBase {
  id: string;
  state: string;
  /** What the time is for, as the readiness text names it: "the defendant's time to respond". */
  name: Bilingual;
  /** The event the system triggers once the deadline has passed; it starts from `state` and `system` may trigger it. */
  triggers?: string;
}
type DaysFromEntry = DayCount;
interface UntilGivenDay {
  /** The day is given with the event entering the state (`until`), and runs to the end of that day. */
  until: 'given';
}

/** Whether the deadline ends on a day the event entering its state gives, rather than after a number of days. */
export function endsOnGivenDay(deadline: StateDeadline): deadline is StateDeadlineBase & UntilGivenDay {
  return 'until' in deadline;
}

export interface CaseEventDefinition {
  id: string;
  name: Bilingual;
  /** States the event may start from; never empty. */
  from: readonly string[];
  to: string;
  /** Staff roles that may trigger it, acting as staff (judiciary for judicial acts). */
  roles: readonly StaffRole[];
  /**
   * Party roles whose side may trigger it: the party as a citizen, or a user of the firm that
   * represents that party. Empty when only staff may. A claimant's withdrawal names `claimant`, so
   * the defendant's side cannot withdraw the claim.
   */
  parties: readonly PartyRole[];
  /**
   * A party's side takes it only acting for every party of the case in one of `parties`' roles: a withdrawal ends
   * the case for all of them, and one of several claimants discontinues only with the others' consent or the
   * court's permission (CPR 38.2(2)(c)), so the court records it for them. Other events a side takes alone.
   */
  partiesAllAgree?: true;
  readiness: readonly ReadinessCriterion[];
  /** Fee codes (fees register) that become due when the event happens. */
  fees?: readonly string[];
  whatHappensNext: Bilingual;
  /**
   * The letter every party of the case gets when the event happens (correspondence/): `case-issued` names
   * the type's `court`; `decision-made` gives the last day to appeal, `appealWithin` from the event's day.
   */
  notifies?: CaseNotice;
}

/** The letters a case type's events may send to every party of the case. */
export const CASE_NOTICES = ['case-issued', 'decision-made', 'default-judgment-entered'] as const;
export type CaseNotice = (typeof CASE_NOTICES)[number];

/** A number of days, calendar or working (libs/calendar's `periodEnd`), due by the end of the last day. */
export interface DayCount {
  days: number;
  dayKind: 'calendar' | 'working';
}

export interface CaseTypeDefinition {
  id: string;
  name: Bilingual;
  jurisdiction: 'civil' | 'family' | 'probate' | 'tribunal' | 'crime' | 'immigration' | 'public-guardian';
  initialState: string;
  states: readonly string[];
  /** States in which nothing more happens (closed, withdrawn...): they need no way out. */
  finalStates: readonly string[];
  /**
   * The roles its parties take (a money claim's claimants and defendants): a party in any other role is refused,
   * when the case is opened and when a party is added, since it would be on neither side the type knows.
   */
  partyRoles: readonly PartyRole[];
  /**
   * States no event leads to any more, kept for the cases already in them when the process changed: like any
   * state that is not final, each needs an event out of it, so those cases still move on.
   */
  retiredStates?: readonly string[];
  events: readonly CaseEventDefinition[];
  /** Whether results of this case type may impose financial penalties (criminal cases). */
  resultsMayImposeFinancialPenalties?: boolean;
  /** Time limits of its states: at most one per state. */
  deadlines?: readonly StateDeadline[];
  /** Whether a case of this type claims a sum of money, which its claimant states when opening it (money claims). */
  claimsMoney?: boolean;
  /**
   * The court or centre that issues the type's cases, as a letter names it, article included ("the Family
   * Court", "y Llys Teulu": Welsh "gan y ..." needs no mutation); needed by a `case-issued` notice.
   */
  court?: Bilingual;
  /** The time to appeal a decision, from the day it is made; needed by a `decision-made` notice. */
  appealWithin?: DayCount;
}
