import { ROLES, STAFF_ROLES } from '@ccsc/auth/principal';
import { endsOnGivenDay, type CaseTypeDefinition } from './case-type.definition';
import { PARTY_ROLES } from '../../case/domain/party';

/**
 * Everything that would make a case type unusable, found before the service starts: a case type is
 * data, so a mistake in it must stop the deployment rather than strand cases at run time.
 */
export function caseTypeProblems(type: CaseTypeDefinition): string[] {
  const problems: string[] = [];
  const states = new Set(type.states);
  const where = (event: string) => `event "${event}"`;
  if (!type.id || !/^[a-z][a-z0-9-]*$/.test(type.id))
    problems.push(`id "${type.id}" must be lower-case words joined by dashes`);
  if (!type.name.en || !type.name.cy) problems.push('name needs English and Welsh');
  if (states.size !== type.states.length) problems.push('states are listed twice');
  if (!states.has(type.initialState)) problems.push(`initial state "${type.initialState}" is not one of its states`);
  for (const final of type.finalStates)
    if (!states.has(final)) problems.push(`final state "${final}" is not one of its states`);
  const retired = new Set(type.retiredStates ?? []);
  for (const state of retired) {
    if (!states.has(state)) problems.push(`retired state "${state}" is not one of its states`);
    if (state === type.initialState) problems.push(`retired state "${state}" is the initial state`);
    for (const event of type.events)
      if (event.to === state) problems.push(`event "${event.id}" leads to retired state "${state}"`);
  }

  const partyRoles = new Set<string>(type.partyRoles);
  if (partyRoles.size === 0) problems.push('partyRoles names no role: a case of it could have no party');
  for (const role of partyRoles)
    if (!(PARTY_ROLES as readonly string[]).includes(role))
      problems.push(`partyRoles names unknown party role "${role}"`);
  // An event or criterion naming a role its parties never take could never be met, or triggered by anyone.
  const foreign = (role: string) => (PARTY_ROLES as readonly string[]).includes(role) && !partyRoles.has(role);

  const eventIds = new Set<string>();
  for (const event of type.events) {
    if (eventIds.has(event.id)) problems.push(`${where(event.id)} is defined twice`);
    eventIds.add(event.id);
    if (event.from.length === 0) problems.push(`${where(event.id)} has no pre-state`);
    for (const from of event.from)
      if (!states.has(from)) problems.push(`${where(event.id)} starts from unknown state "${from}"`);
    if (!states.has(event.to)) problems.push(`${where(event.id)} leads to unknown state "${event.to}"`);
    if (event.roles.length === 0 && event.parties.length === 0)
      problems.push(`${where(event.id)} names no role or party that may trigger it`);
    for (const role of event.roles as readonly string[]) {
      if (!(ROLES as readonly string[]).includes(role))
        problems.push(`${where(event.id)} names unknown role "${role}"`);
      // A citizen or a firm acts for a party, never by role: naming them here would let either side trigger it.
      else if (role === 'citizen' || role === 'professional')
        problems.push(
          `${where(event.id)} names "${role}" as a staff role; name the party roles that may trigger it instead`,
        );
      // An auditor or an enforcement agency is no party and does no case work.
      else if (!(STAFF_ROLES as readonly string[]).includes(role))
        problems.push(`${where(event.id)} names "${role}", who does no case work; name staff roles only`);
    }
    for (const party of event.parties)
      if (!(PARTY_ROLES as readonly string[]).includes(party))
        problems.push(`${where(event.id)} names unknown party role "${party}"`);
      else if (foreign(party)) problems.push(`${where(event.id)} names party role "${party}", not one of partyRoles`);
    if (!event.name.en || !event.name.cy || !event.whatHappensNext.en || !event.whatHappensNext.cy) {
      problems.push(`${where(event.id)} needs its name and "what happens next" in English and Welsh`);
    }
    const criterionIds = new Set<string>();
    for (const criterion of event.readiness) {
      if (criterionIds.has(criterion.id)) problems.push(`${where(event.id)} lists criterion "${criterion.id}" twice`);
      criterionIds.add(criterion.id);
      if (criterion.kind === 'party') {
        for (const role of criterion.roles)
          if (!(PARTY_ROLES as readonly string[]).includes(role))
            problems.push(`${where(event.id)} criterion "${criterion.id}" names unknown party role "${role}"`);
          else if (foreign(role))
            problems.push(
              `${where(event.id)} criterion "${criterion.id}" names party role "${role}", not one of partyRoles`,
            );
      }
    }
    for (const fee of event.fees ?? [])
      if (!/^FEE\d{4}$/.test(fee)) problems.push(`${where(event.id)} requires malformed fee code "${fee}"`);
    if (event.partiesAllAgree && event.parties.length === 0)
      problems.push(`${where(event.id)} asks every party of a role to agree, but names no party role that may take it`);
    if (event.notifies === 'case-issued' && !(type.court?.en && type.court.cy))
      problems.push(`${where(event.id)} sends the case-issued letter, which names the court: the type needs its court`);
    if (event.notifies === 'decision-made' && !type.appealWithin)
      problems.push(
        `${where(event.id)} sends the decision-made letter, which gives the last day to appeal: the type needs appealWithin`,
      );
    // The letter's last day to appeal and the deadline of the state it opens are one period: they must agree.
    const window = type.deadlines?.find((d) => d.state === event.to);
    if (event.notifies === 'decision-made' && type.appealWithin && window && !endsOnGivenDay(window))
      if (window.days !== type.appealWithin.days || window.dayKind !== type.appealWithin.dayKind)
        problems.push(`${where(event.id)} gives a last day to appeal other than the end of deadline "${window.id}"`);
  }
  if (
    type.appealWithin &&
    !(Number.isInteger(type.appealWithin.days) && type.appealWithin.days >= 1 && type.appealWithin.days <= 366)
  )
    problems.push('appealWithin must be 1 to 366 days');

  const deadlineIds = new Set<string>();
  const deadlineStates = new Set<string>();
  for (const deadline of type.deadlines ?? []) {
    const at = `deadline "${deadline.id}"`;
    if (deadlineIds.has(deadline.id)) problems.push(`${at} is defined twice`);
    deadlineIds.add(deadline.id);
    if (!states.has(deadline.state)) problems.push(`${at} times unknown state "${deadline.state}"`);
    if (deadlineStates.has(deadline.state)) problems.push(`${at} is a second deadline for "${deadline.state}"`);
    deadlineStates.add(deadline.state);
    if (endsOnGivenDay(deadline)) {
      if (deadline.until !== 'given') problems.push(`${at} must run for a number of days or until a given day`);
    } else if (!Number.isInteger(deadline.days) || deadline.days < 1 || deadline.days > 366)
      problems.push(`${at} must run for 1 to 366 days`);
    if (!deadline.name.en || !deadline.name.cy) problems.push(`${at} needs its name in English and Welsh`);
    if (deadline.triggers !== undefined) {
      const event = type.events.find((e) => e.id === deadline.triggers);
      if (!event) problems.push(`${at} triggers unknown event "${deadline.triggers}"`);
      else if (!event.from.includes(deadline.state) || !event.roles.includes('system'))
        problems.push(
          `${at} triggers "${event.id}", which must start from "${deadline.state}" and name the system role`,
        );
    }
  }
  // `system` tokens are held by clients outside the platform too (an issuing authority's feed), and a leaked one
  // acts as the system: an event the system may trigger is a deadline's own, possible only once that deadline
  // has passed, so no token can do early what the run does late.
  for (const event of type.events) {
    if (!event.roles.includes('system')) continue;
    const deadline = (type.deadlines ?? []).find((d) => d.triggers === event.id);
    const waits = event.readiness.some((c) => c.kind === 'deadline-passed' && c.deadline === deadline?.id);
    if (!deadline || !waits)
      problems.push(
        `${where(event.id)} names the system role, so it must be a deadline's trigger and wait for that deadline to pass`,
      );
  }
  for (const event of type.events)
    for (const criterion of event.readiness)
      if (
        (criterion.kind === 'deadline-passed' || criterion.kind === 'representations-considered') &&
        !deadlineIds.has(criterion.deadline)
      )
        problems.push(
          `${where(event.id)} criterion "${criterion.id}" waits for unknown deadline "${criterion.deadline}"`,
        );

  // Every state must be reachable from the initial one (a retired one only by the cases already in it), and
  // every non-final state must lead somewhere.
  const reachable = new Set([type.initialState]);
  for (let grew = true; grew;) {
    grew = false;
    for (const event of type.events) {
      if (!reachable.has(event.to) && event.from.some((f) => reachable.has(f))) {
        reachable.add(event.to);
        grew = true;
      }
    }
  }
  for (const state of type.states) {
    if (!reachable.has(state) && !retired.has(state))
      problems.push(`state "${state}" cannot be reached from "${type.initialState}"`);
    const final = type.finalStates.includes(state);
    if (!final && !type.events.some((e) => e.from.includes(state)))
      problems.push(`state "${state}" is not final but no event leaves it`);
  }
  return problems;
}

export class InvalidCaseTypeError extends Error {
  constructor(problems: Record<string, string[]>) {
    super(
      `Invalid case type definitions:\n${Object.entries(problems)
        .map(([id, list]) => list.map((p) => `  - ${id}: ${p}`).join('\n'))
        .join('\n')}`,
    );
    this.name = 'InvalidCaseTypeError';
  }
}

/** Checks a whole registry; throws one error naming every problem of every case type. */
export function assertValidCaseTypes(types: readonly CaseTypeDefinition[]): void {
  const problems: Record<string, string[]> = {};
  const seen = new Set<string>();
  for (const type of types) {
    const list = caseTypeProblems(type);
    if (seen.has(type.id)) list.push('case type id is used twice');
    seen.add(type.id);
    if (list.length) problems[type.id || '(no id)'] = list;
  }
  if (Object.keys(problems).length) throw new InvalidCaseTypeError(problems);
}
