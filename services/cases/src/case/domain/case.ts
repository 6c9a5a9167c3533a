import { randomUUID } from 'node:crypto';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '@ccsc/platform/errors';
import type { CaseEventDefinition, CaseTypeDefinition } from '../../case-type/domain/case-type.definition';
import { findCaseType } from '../../case-type/case-types';
import { assessReadiness, Language, Readiness } from '../../case-type/domain/readiness';
import { deadlineInState, deadlineUntilGivenDay, type CaseDeadline } from '../../case-type/domain/deadlines';
import { addDays, londonLocalDate, type LocalDate } from '@ccsc/calendar';
import { MAX_CASE_PARTIES } from '@ccsc/contracts';
import { generateCaseReference } from './case-reference';
import type { CaseActor } from './party-access';
import {
  addressLinesProblem,
  CLEARABLE_DETAILS,
  normaliseAddressLines,
  normalisePostcode,
  type Party,
  type PartyDetails,
  type PartyDetailsChange,
  type PartyRole,
} from './party';

export type { Readiness } from '../../case-type/domain/readiness';

/** How far ahead a state's given end day may be: a stay for years is a mistyped year. */
const MAX_UNTIL_DAYS_AHEAD = 5 * 365;

/** A fee that an event of the case made due, and whether payments has reported it settled. */
export interface CaseFee {
  code: string;
  event: string;
  status: 'due' | 'paid' | 'remitted';
}

/** What a case waits for as one reader may know of it (CaseRepository.waitingOn for a party's side). */
export type WaitingOn = Pick<CaseProps, 'documentsAwaitingAcceptance' | 'openAssistedDigitalReferral'>;

export interface CaseProps {
  id: string;
  reference: string;
  caseType: string;
  state: string;
  /** When the case entered its state: the deadline of the state, if its type has one, runs from that day. */
  stateEnteredAt: Date;
  /** The day the state's time ends, where the event that entered it gave one (a stay until a date); else null. */
  stateUntil: LocalDate | null;
  parties: Party[];
  fees: CaseFee[];
  /** Read-only facts from the case's documents and referrals, for readiness. */
  documentsAwaitingAcceptance: number;
  openAssistedDigitalReferral: boolean;
  /** A decision has been recorded on the case (one is always current once any is: corrections supersede). */
  decisionRecorded: boolean;
  /** What the second person's check of the current decision found, once it has been checked. */
  decisionCheck?: 'approved' | 'returned';
  /** Documents accepted on the case: its evidence. */
  documentsAccepted: number;
  /** Status review: a referral, the minded-to notice and representations on it are recorded. */
  referralRecorded: boolean;
  mindedToNoticeRecorded: boolean;
  representationsRecorded: boolean;
  /** What a money claim claims, as its claimant stated it when opening it; null where none was given. */
  claimAmountPence: number | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export type NewParty = Omit<Party, 'id' | 'preferredLanguage' | 'reasonableAdjustments' | 'vulnerabilityFlags'> &
  PartyDetails;

/** Address lines as stored, once they are address lines (the inputs check them first; this is the last word). */
function checkedAddressLines(lines: readonly string[]): string[] {
  const problem = addressLinesProblem(lines);
  if (problem) throw new BadUserInputError('The address cannot be used', [{ field: 'addressLines', message: problem }]);
  return normaliseAddressLines(lines);
}

function newParty(input: NewParty): Party {
  const { addressLines, ...rest } = input;
  return {
    ...rest,
    ...(input.postcode ? { postcode: normalisePostcode(input.postcode) } : {}),
    ...(addressLines ? { addressLines: checkedAddressLines(addressLines) } : {}),
    id: randomUUID(),
    reasonableAdjustments: input.reasonableAdjustments ?? [],
    vulnerabilityFlags: input.vulnerabilityFlags ?? [],
  };
}

/** A change as it would be stored: the postcode and the address lines normalised; null only where it clears. */
function normalisedChange(details: PartyDetailsChange): PartyDetailsChange {
  for (const [field, value] of Object.entries(details))
    if (value === null && !CLEARABLE_DETAILS.has(field as keyof PartyDetails))
      throw new BadUserInputError('A party always has this detail', [{ field, message: `${field} cannot be cleared` }]);
  return {
    ...details,
    ...(details.postcode ? { postcode: normalisePostcode(details.postcode) } : {}),
    ...(details.addressLines ? { addressLines: checkedAddressLines(details.addressLines) } : {}),
  };
}

/** A party's role is one its case type's parties take (a money claim has no respondent, a divorce no claimant). */
function assertRoleOfType(type: CaseTypeDefinition, role: string, field: string): void {
  if (!type.partyRoles.includes(role as PartyRole))
    throw new BadUserInputError(`A ${type.name.en} case has no ${role}`, [
      { field, message: `must be one of ${type.partyRoles.join(', ')} on a ${type.id} case` },
    ]);
}

/** The case aggregate: its state only changes through its case type's events. */
export class Case {
  private constructor(private props: CaseProps) {}

  static create(input: {
    caseType: string;
    parties: NewParty[];
    createdBy: string;
    now: Date;
    reference?: string;
    claimAmountPence?: number;
  }): Case {
    const type = findCaseType(input.caseType);
    if (!type)
      throw new BadUserInputError('Unknown case type', [
        { field: 'caseType', message: `"${input.caseType}" is not a case type` },
      ]);
    if (input.claimAmountPence !== undefined && !type.claimsMoney)
      throw new BadUserInputError('A claim amount is only for a case that claims money', [
        { field: 'claimAmountPence', message: `is not taken by a ${type.id} case` },
      ]);
    input.parties.forEach((party, index) => assertRoleOfType(type, party.role, `parties.${index}.role`));
    return new Case({
      id: randomUUID(),
      reference: input.reference ?? generateCaseReference(),
      caseType: type.id,
      state: type.initialState,
      stateEnteredAt: input.now,
      stateUntil: null,
      parties: input.parties.map(newParty),
      fees: [],
      documentsAwaitingAcceptance: 0,
      openAssistedDigitalReferral: false,
      decisionRecorded: false,
      documentsAccepted: 0,
      referralRecorded: false,
      mindedToNoticeRecorded: false,
      representationsRecorded: false,
      claimAmountPence: input.claimAmountPence ?? null,
      createdBy: input.createdBy,
      createdAt: input.now,
      updatedAt: input.now,
      version: 1,
    });
  }

  static restore(props: CaseProps): Case {
    return new Case(props);
  }

  get snapshot(): Readonly<CaseProps> {
    return this.props;
  }

  get id() {
    return this.props.id;
  }

  get createdAt() {
    return this.props.createdAt;
  }

  get parties(): readonly Party[] {
    return this.props.parties;
  }

  /** A case in one of its type's final states (a claim withdrawn or struck out, a grant issued, a review closed) has ended: `refused` says what it no longer takes. */
  assertNotEnded(refused: string): void {
    const { state } = this.props;
    if (this.type.finalStates.includes(state)) throw new ConflictError(`The case is ${state}: ${refused}`);
  }

  get type(): CaseTypeDefinition {
    const type = findCaseType(this.props.caseType);
    if (!type) throw new Error(`Case ${this.props.id} has unknown case type ${this.props.caseType}`);
    return type;
  }

  private event(eventId: string): CaseEventDefinition {
    const event = this.type.events.find((e) => e.id === eventId);
    if (!event)
      throw new BadUserInputError('Unknown event', [
        { field: 'event', message: `"${eventId}" is not an event of ${this.type.name.en}` },
      ]);
    return event;
  }

  /**
   * Each criterion of the event, met or not and why (as of `now`), and what happens next, in the user's language.
   * `seenBy` is what the case waits for as a reader may know it, where that is not all of it (a party's side
   * knows of its own papers in review and its own referrals, not another party's).
   */
  assessReadiness(eventId: string, now: Date, language: Language = 'en', seenBy: WaitingOn = this.props): Readiness {
    return assessReadiness(
      this.event(eventId),
      {
        parties: this.props.parties,
        outstandingFees: this.props.fees.filter((f) => f.status === 'due').map((f) => f.code),
        documentsAwaitingAcceptance: seenBy.documentsAwaitingAcceptance,
        openAssistedDigitalReferral: seenBy.openAssistedDigitalReferral,
        decisionRecorded: this.props.decisionRecorded,
        deadline: this.deadline(now),
        documentsAccepted: this.props.documentsAccepted,
        referralRecorded: this.props.referralRecorded,
        mindedToNoticeRecorded: this.props.mindedToNoticeRecorded,
        representationsRecorded: this.props.representationsRecorded,
        ...(this.props.decisionCheck ? { decisionCheck: this.props.decisionCheck } : {}),
      },
      language,
    );
  }

  /** The deadline running in the case's state, if its type has one, and whether it has passed by `now`. */
  deadline(now: Date): CaseDeadline | undefined {
    return deadlineInState(this.type, this.props, now);
  }

  addParty(input: NewParty, now: Date): Party {
    this.assertNotEnded('no party is added to a case that has ended');
    assertRoleOfType(this.type, input.role, 'role');
    // Every service learns who is on a case from one event, which carries at most this many (a 500 before).
    if (this.props.parties.length >= MAX_CASE_PARTIES)
      throw new ConflictError(`A case holds at most ${MAX_CASE_PARTIES} parties, and this one has them all`);
    const party = newParty(input);
    this.props = { ...this.props, parties: [...this.props.parties, party], updatedAt: now };
    return party;
  }

  /**
   * Changes a party's details: a field left out stays as it is, null clears it (CLEARABLE_DETAILS). Returns
   * the names of the fields that actually changed.
   */
  updateParty(partyId: string, details: PartyDetailsChange, now: Date): (keyof PartyDetails)[] {
    const party = this.party(partyId);
    const change = normalisedChange(details);
    const changed = (Object.keys(change) as (keyof PartyDetails)[]).filter(
      (k) => change[k] !== undefined && JSON.stringify(change[k]) !== JSON.stringify(party[k] ?? null),
    );
    if (changed.length === 0) return [];
    const updated: Record<string, unknown> = { ...party };
    for (const k of changed) {
      if (change[k] === null) delete updated[k];
      else updated[k] = change[k];
    }
    this.replaceParty(updated as unknown as Party, now);
    return changed;
  }

  /** Who represents a party; the firm's access to the case follows at once. */
  changeRepresentation(partyId: string, organisationId: string | undefined, now: Date): { from?: string; to?: string } {
    const party = this.party(partyId);
    if (party.representedBy === organisationId) return { from: organisationId, to: organisationId };
    const { representedBy: from, ...rest } = party;
    this.replaceParty(organisationId ? { ...rest, representedBy: organisationId } : rest, now);
    return { from, to: organisationId };
  }

  party(partyId: string): Party {
    const party = this.props.parties.find((p) => p.id === partyId);
    if (!party) throw new NotFoundError('The party');
    return party;
  }

  private replaceParty(party: Party, now: Date): void {
    this.props = {
      ...this.props,
      parties: this.props.parties.map((p) => (p.id === party.id ? party : p)),
      updatedAt: now,
    };
  }

  /** Fees reported settled by payments; codes the case does not owe are ignored. */
  settleFees(codes: readonly string[], status: 'paid' | 'remitted'): CaseFee[] {
    const settled = this.props.fees.filter((f) => f.status === 'due' && codes.includes(f.code));
    this.props = { ...this.props, fees: this.props.fees.map((f) => (settled.includes(f) ? { ...f, status } : f)) };
    return settled.map((f) => ({ ...f, status }));
  }

  /** Fees payments reports owed again (a bounced payment, a repriced fee): readiness waits for them once more. */
  reopenFees(codes: readonly string[]): CaseFee[] {
    const reopened = this.props.fees.filter((f) => f.status !== 'due' && codes.includes(f.code));
    this.props = {
      ...this.props,
      fees: this.props.fees.map((f) => (reopened.includes(f) ? { ...f, status: 'due' as const } : f)),
    };
    return reopened.map((f) => ({ ...f, status: 'due' as const }));
  }

  /**
   * Moves the case on by one of its type's events, if the state, the actor and readiness allow it:
   * staff by their role, anyone else only for a party whose role the event names (the claimant's
   * side withdraws the claim, the defendant's side cannot).
   */
  /**
   * Records one defendant's court result. A case with several defendants is resulted only when every
   * one of them is: until then each result is kept (and its impositions go to enforcement) while the case
   * stays where it is. Each result must be one the court may record now, and a defendant is resulted once.
   */
  resultDefendant(
    defendantPartyId: string,
    alreadyResulted: readonly string[],
    actor: CaseActor,
    now: Date,
  ): { from: string; to: string } | undefined {
    const defendant = this.party(defendantPartyId);
    if (defendant.role !== 'defendant')
      throw new BadUserInputError('Not a defendant', [
        { field: 'defendantPartyId', message: 'must be a defendant of the case' },
      ]);
    if (alreadyResulted.includes(defendantPartyId))
      throw new ConflictError(`${defendant.name} has already been resulted on this case`);
    this.assertMayTriggerNow('result', actor, now);
    const resulted = new Set([...alreadyResulted, defendantPartyId]);
    const outstanding = this.props.parties.filter((p) => p.role === 'defendant' && !resulted.has(p.id));
    if (outstanding.length > 0) return undefined;
    const { from, to } = this.trigger('result', actor, now);
    return { from, to };
  }

  private untilProblem(event: CaseEventDefinition, until: LocalDate | undefined, now: Date): string | undefined {
    if (until === undefined) return undefined;
    const deadline = deadlineUntilGivenDay(this.type, event.to);
    if (!deadline) return `is not taken by "${event.name.en}"`;
    const today = londonLocalDate(now);
    if (until <= today) return 'must be after today';
    if (until > addDays(today, MAX_UNTIL_DAYS_AHEAD)) return 'must be within five years';
    return undefined;
  }

  /**
   * The event, once the actor may trigger it, the case is in a state it starts from, and the case is ready for it.
   * Readiness is judged on everything; a refusal names only what the actor may know of (`seenBy`, as readiness
   * reads for a party's side): another party's papers in review and referrals are not theirs to be told of.
   */
  private assertMayTriggerNow(eventId: string, actor: CaseActor, now: Date, seenBy?: WaitingOn): CaseEventDefinition {
    const event = this.event(eventId);
    assertMayTrigger(event, actor, this.props.parties);
    if (!event.from.includes(this.props.state)) {
      throw new ConflictError(`"${event.name.en}" is not possible while the case is ${this.props.state}`);
    }
    if (!this.assessReadiness(eventId, now).ready) {
      const told = this.assessReadiness(eventId, now, 'en', seenBy);
      const reasons = told.criteria.filter((c) => !c.met).map((c) => c.reason);
      throw new ConflictError(
        `The case is not ready: ${reasons.length ? reasons.join(' ') : 'the court has work to finish on the case before this step.'}`,
      );
    }
    return event;
  }

  /**
   * The event happens. `until` is the day the state it enters has its time end, for a state whose deadline is
   * given with the event (a stay until a date); no other event takes one.
   */
  trigger(
    eventId: string,
    actor: CaseActor,
    now: Date,
    until?: LocalDate,
    seenBy?: WaitingOn,
  ): { from: string; to: string; feesDue: string[] } {
    const event = this.assertMayTriggerNow(eventId, actor, now, seenBy);
    const from = this.props.state;
    const untilProblem = this.untilProblem(event, until, now);
    if (untilProblem)
      throw new BadUserInputError('The date cannot be used', [{ field: 'until', message: untilProblem }]);
    const feesDue = [...(event.fees ?? [])];
    const stays = event.to === from;
    this.props = {
      ...this.props,
      state: event.to,
      // An event that leaves the case where it was (none today) would not restart the state's time.
      stateEnteredAt: stays ? this.props.stateEnteredAt : now,
      stateUntil: stays ? this.props.stateUntil : (until ?? null),
      updatedAt: now,
      fees: [...this.props.fees, ...feesDue.map((code) => ({ code, event: event.id, status: 'due' as const }))],
    };
    return { from, to: event.to, feesDue };
  }
}

/**
 * Staff by their role; a party's side for the parties it acts for, when the event names their role. An event whose
 * parties must all agree (a withdrawal: `partiesAllAgree`) it takes only acting for every party of the case in one
 * of those roles: one claimant's firm does not withdraw a co-claimant's claim.
 */
function assertMayTrigger(event: CaseEventDefinition, actor: CaseActor, parties: readonly Party[]): void {
  const what = event.name.en.toLowerCase();
  if (actor.kind === 'staff') {
    if (!actor.roles.some((r) => (event.roles as readonly string[]).includes(r)))
      throw new ForbiddenError(`Your role may not ${what}`);
    return;
  }
  const ours = actor.parties.filter((p) => (event.parties as readonly string[]).includes(p.role));
  if (ours.length > 0) {
    const roles = [...new Set(ours.map((p) => p.role))];
    const actsForAll = (role: string) =>
      parties.filter((p) => p.role === role).every((p) => ours.some((o) => o.partyId === p.id));
    if (event.partiesAllAgree && !roles.some(actsForAll))
      throw new ForbiddenError(
        `Every ${roles.join(' or ')} of the case must agree to ${what}, and you do not act for all of them: the court records it for them`,
      );
    return;
  }
  if (event.parties.length === 0) throw new ForbiddenError(`Only the court may ${what}`);
  throw new ForbiddenError(`Only the ${event.parties.join(' or ')} or their representative may ${what}`);
}
