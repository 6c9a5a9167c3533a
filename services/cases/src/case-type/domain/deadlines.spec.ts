import { Case, type NewParty } from '../../case/domain/case';
import type { CaseActor } from '../../case/domain/party-access';
import { immigrationStatusReview } from '../definitions/immigration-status-review';
import { CASE_CALENDAR, enteredBefore } from './deadlines';
import { caseTypeProblems } from './case-type.validation';
import { civilMoneyClaim } from '../definitions/civil-money-claim';
import type { CaseTypeDefinition } from './case-type.definition';

const claimant: NewParty = { role: 'claimant', kind: 'person', name: 'Alex', userId: 'citizen-1' };
const defendant: NewParty = { role: 'defendant', kind: 'organisation', name: 'Widgets Ltd' };
/** The side of the case's one claimant. */
const claimantSide = (c: Case): CaseActor => ({
  kind: 'parties',
  parties: c.parties.filter((p) => p.role === 'claimant').map((p) => ({ partyId: p.id, role: p.role })),
});
const caseworker: CaseActor = { kind: 'staff', roles: ['caseworker'] };

/** A money claim served on the defendant at `servedAt`, waiting for the response. */
function servedClaim(servedAt: Date): Case {
  const c = Case.create({
    caseType: 'civil-money-claim',
    parties: [claimant, defendant],
    createdBy: 'u1',
    now: servedAt,
  });
  const snapshot = c.snapshot;
  return Case.restore({ ...snapshot, state: 'AwaitingResponse', stateEnteredAt: servedAt });
}

describe('case-type deadlines', () => {
  // Served on Wednesday 2 December 2026: day 14 is Wednesday 16 December, a working day.
  const servedAt = new Date('2026-12-02T11:00:00Z');

  it('offers judgment in default only once the defendant’s 14 days to respond have passed, and says the dates', () => {
    const c = servedClaim(servedAt);
    const early = c.assessReadiness('request-default-judgment', new Date('2026-12-16T22:00:00Z'));
    expect(early.ready).toBe(false);
    expect(early.criteria).toEqual([
      {
        id: 'response-due-passed',
        description: "The defendant's time to respond ends on 16 December 2026",
        met: false,
        reason: "The defendant's time to respond has not ended yet: this is possible from 17 December 2026.",
      },
    ]);
    expect(() => c.trigger('request-default-judgment', claimantSide(c), new Date('2026-12-16T23:59:00Z'))).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );

    const welsh = c.assessReadiness('request-default-judgment', new Date('2026-12-16T22:00:00Z'), 'cy');
    expect(welsh.criteria[0]).toMatchObject({
      description: 'Yr amser sydd gan y diffynnydd i ymateb: yn dod i ben ar 16 Rhagfyr 2026',
      reason:
        'Yr amser sydd gan y diffynnydd i ymateb: heb ddod i ben eto; mae hyn yn bosibl o 17 Rhagfyr 2026 ymlaen.',
    });

    // Midnight in London starts the 17th: the claimant's side may ask for judgment.
    const later = new Date('2026-12-17T00:00:00Z');
    expect(c.assessReadiness('request-default-judgment', later).ready).toBe(true);
    expect(c.trigger('request-default-judgment', claimantSide(c), later)).toMatchObject({
      from: 'AwaitingResponse',
      to: 'DefaultJudgmentRequested',
    });
    expect(c.snapshot.stateEnteredAt).toEqual(later);
  });

  it('does not let the defendant’s side ask for judgment in default', () => {
    const c = servedClaim(servedAt);
    const defendantSide: CaseActor = { kind: 'parties', parties: [{ partyId: 'd', role: 'defendant' }] as never };
    expect(() => c.trigger('request-default-judgment', defendantSide, new Date('2027-01-04T10:00:00Z'))).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });

  it('restarts a state’s time when the case enters it, and runs none in a state without a deadline', () => {
    const c = servedClaim(servedAt);
    const readyAt = new Date('2026-12-10T09:00:00Z');
    c.trigger('ready-for-listing', caseworker, readyAt);
    expect(c.deadline(new Date('2027-06-01T00:00:00Z'))).toBeUndefined();
    expect(c.assessReadiness('request-default-judgment', readyAt).criteria[0]).toMatchObject({ met: false });
  });

  it('times the appeal window from the day the notice is served, and the review closes itself after it', () => {
    const review = Case.restore({
      ...Case.create({
        caseType: 'immigration-status-review',
        parties: [{ role: 'subject', kind: 'person', name: 'Sam' }],
        createdBy: 'u1',
        now: servedAt,
      }).snapshot,
      state: 'AppealWindowOpen',
      // Friday 11 December 2026: day 14 is Christmas Day, so the window runs to Tuesday 29 December.
      stateEnteredAt: new Date('2026-12-11T15:00:00Z'),
    });
    const deadline = review.deadline(new Date('2026-12-29T12:00:00Z'))!;
    expect(deadline).toMatchObject({
      passed: false,
      end: { date: '2026-12-29', calendarVersion: CASE_CALENDAR.version },
    });
    expect(deadline.definition.triggers).toBe('close');
    expect(review.deadline(new Date('2026-12-30T00:00:00Z'))!.passed).toBe(true);
    // The time for representations only makes the decision possible; the system acts on the appeal window alone.
    expect(immigrationStatusReview.deadlines?.filter((d) => d.triggers).map((d) => d.id)).toEqual(['appeal-window']);
  });

  it('runs a stay to the end of the day the judge gave, and none for a stay until further order', () => {
    const judge: CaseActor = { kind: 'staff', roles: ['judiciary'] };
    const stayedAt = new Date('2026-12-10T11:00:00Z');
    const withDay = servedClaim(servedAt);
    // Sunday 28 February 2027: a day the court ordered is kept as given, working day or not.
    withDay.trigger('stay', judge, stayedAt, '2027-02-28');
    expect(withDay.snapshot).toMatchObject({ state: 'Stayed', stateUntil: '2027-02-28' });
    expect(withDay.deadline(new Date('2027-02-28T23:59:00Z'))).toMatchObject({
      passed: false,
      end: { date: '2027-02-28' },
      definition: { id: 'stay', triggers: 'stay-ended' },
    });
    expect(withDay.deadline(new Date('2027-03-01T00:00:00Z'))!.passed).toBe(true);
    // A system token cannot end it early (outside clients hold that role too); the judge may lift it at any time.
    const system: CaseActor = { kind: 'staff', roles: ['system'] };
    expect(() => withDay.trigger('stay-ended', system, new Date('2027-02-28T12:00:00Z'))).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    expect(() => withDay.trigger('lift-stay', system, new Date('2027-02-28T12:00:00Z'))).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(withDay.trigger('stay-ended', system, new Date('2027-03-01T06:00:00Z'))).toEqual({
      from: 'Stayed',
      to: 'ReadyForListing',
      feesDue: ['FEE0221'],
    });
    // Out of the state, the day goes with it.
    expect(withDay.snapshot.stateUntil).toBeNull();

    const open = servedClaim(servedAt);
    open.trigger('stay', judge, stayedAt);
    expect(open.snapshot.stateUntil).toBeNull();
    expect(open.deadline(new Date('2030-01-01T00:00:00Z'))).toBeUndefined();
    expect(open.trigger('lift-stay', judge, new Date('2026-12-11T10:00:00Z'))).toMatchObject({ to: 'ReadyForListing' });
  });

  it('lets the system trigger only a deadline’s own event, and only once the deadline has passed', () => {
    const broken = (change: (t: CaseTypeDefinition) => CaseTypeDefinition) =>
      caseTypeProblems(change(structuredClone(civilMoneyClaim) as CaseTypeDefinition));
    const systemMay = (t: CaseTypeDefinition, id: string) => ({
      ...t,
      events: t.events.map((e) => (e.id === id ? { ...e, roles: [...e.roles, 'system' as const] } : e)),
    });
    const problem = (id: string) =>
      `event "${id}" names the system role, so it must be a deadline's trigger and wait for that deadline to pass`;
    expect(broken((t) => systemMay(t, 'ready-for-listing'))).toContain(problem('ready-for-listing'));
    expect(
      broken((t) => ({
        ...t,
        events: t.events.map((e) => (e.id === 'stay-ended' ? { ...e, readiness: [] } : e)),
      })),
    ).toContain(problem('stay-ended'));
    for (const type of [civilMoneyClaim, immigrationStatusReview]) expect(caseTypeProblems(type)).toEqual([]);
  });

  it('refuses an end day an event does not take, a day not after today, and one years ahead, changing nothing', () => {
    const judge: CaseActor = { kind: 'staff', roles: ['judiciary'] };
    const now = new Date('2026-12-10T11:00:00Z');
    const claim = servedClaim(servedAt);
    const field = (until: string, event = 'stay', actor = judge) => {
      try {
        claim.trigger(event, actor, now, until);
      } catch (error) {
        return (error as { code: string; fieldErrors?: unknown }).fieldErrors;
      }
      throw new Error('not refused');
    };
    expect(field('2027-01-04', 'ready-for-listing', caseworker)).toEqual([
      { field: 'until', message: 'is not taken by "Mark ready for a hearing"' },
    ]);
    expect(field('2026-12-10')).toEqual([{ field: 'until', message: 'must be after today' }]);
    expect(field('2036-12-10')).toEqual([{ field: 'until', message: 'must be within five years' }]);
    expect(claim.snapshot).toMatchObject({ state: 'AwaitingResponse', stateUntil: null, fees: [] });
  });

  it('finds the last day a case could have entered a state for its deadline to have passed by a run day', () => {
    const window = immigrationStatusReview.deadlines![0]!;
    // Entered on any day from the 11th to the 15th, the window ends on Tuesday the 29th (Christmas and the
    // weekend roll it on): a run on the 30th takes all of them, a run on the 29th none, only the 10th and before.
    expect(enteredBefore(window, '2026-12-30').toISOString()).toBe('2026-12-16T00:00:00.000Z');
    expect(enteredBefore(window, '2026-12-29').toISOString()).toBe('2026-12-11T00:00:00.000Z');
    // 14 calendar days with no closed day at the end: entered on the 1st, ended on the 15th, taken on the 16th.
    expect(enteredBefore(window, '2027-03-16').toISOString()).toBe(new Date('2027-03-02T00:00:00Z').toISOString());
  });

  it('refuses a deadline on an unknown state, a second one on a state, and a trigger the system may not fire', () => {
    const broken = (change: (t: CaseTypeDefinition) => CaseTypeDefinition) =>
      caseTypeProblems(change(structuredClone(civilMoneyClaim) as CaseTypeDefinition));
    const deadline = civilMoneyClaim.deadlines![0]!;
    expect(broken((t) => ({ ...t, deadlines: [{ ...deadline, state: 'Limbo' }] }))).toContain(
      'deadline "response-due" times unknown state "Limbo"',
    );
    expect(broken((t) => ({ ...t, deadlines: [deadline, { ...deadline, id: 'again' }] }))).toContain(
      'deadline "again" is a second deadline for "AwaitingResponse"',
    );
    expect(broken((t) => ({ ...t, deadlines: [{ ...deadline, triggers: 'issue' }] }))).toContain(
      'deadline "response-due" triggers "issue", which must start from "AwaitingResponse" and name the system role',
    );
    expect(broken((t) => ({ ...t, deadlines: [] }))).toContain(
      'event "request-default-judgment" criterion "response-due-passed" waits for unknown deadline "response-due"',
    );
  });
});
