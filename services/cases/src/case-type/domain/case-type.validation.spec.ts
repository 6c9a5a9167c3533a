import { CASE_TYPES } from '../case-types';
import { civilMoneyClaim } from '../definitions/civil-money-claim';
import type { CaseTypeDefinition } from './case-type.definition';
import { assertValidCaseTypes, caseTypeProblems } from './case-type.validation';

describe('case type definitions', () => {
  it('ships the seven example case types, all consistent', () => {
    expect(CASE_TYPES.map((t) => t.id)).toEqual([
      'civil-money-claim',
      'divorce',
      'probate',
      'social-security-appeal',
      'criminal-prosecution',
      'immigration-status-review',
      'lasting-power-of-attorney',
    ]);
    for (const type of CASE_TYPES)
      expect({ type: type.id, problems: caseTypeProblems(type) }).toEqual({ type: type.id, problems: [] });
    expect(() => assertValidCaseTypes(CASE_TYPES)).not.toThrow();
    expect(CASE_TYPES.find((t) => t.id === 'criminal-prosecution')?.resultsMayImposeFinancialPenalties).toBe(true);
  });

  const broken = (change: (t: CaseTypeDefinition) => CaseTypeDefinition) =>
    caseTypeProblems(change(structuredClone(civilMoneyClaim) as CaseTypeDefinition));

  it('rejects an event that uses an unknown state', () => {
    expect(
      broken((t) => ({ ...t, events: [...t.events, { ...t.events[0]!, id: 'teleport', to: 'Narnia' }] })),
    ).toContain('event "teleport" leads to unknown state "Narnia"');
    expect(
      broken((t) => ({ ...t, events: [...t.events, { ...t.events[0]!, id: 'teleport', from: ['Nowhere'] }] })),
    ).toContain('event "teleport" starts from unknown state "Nowhere"');
  });

  it('rejects an unreachable state and a state with no way out', () => {
    const problems = broken((t) => ({ ...t, states: [...t.states, 'Limbo'] }));
    expect(problems).toContain('state "Limbo" cannot be reached from "Draft"');
    expect(problems).toContain('state "Limbo" is not final but no event leaves it');
  });

  it('rejects an event with no pre-state, an unknown role, a missing Welsh text and a duplicate event', () => {
    const problems = broken((t) => ({
      ...t,
      events: [
        ...t.events,
        { ...t.events[0]!, id: 'orphan', from: [] },
        { ...t.events[0]!, id: 'wizardry', roles: ['wizard' as never] },
        { ...t.events[0]!, id: 'monoglot', whatHappensNext: { en: 'Something', cy: '' } },
        t.events[0]!,
      ],
    }));
    expect(problems).toEqual(
      expect.arrayContaining([
        'event "orphan" has no pre-state',
        'event "wizardry" names unknown role "wizard"',
        'event "monoglot" needs its name and "what happens next" in English and Welsh',
        'event "submit" is defined twice',
      ]),
    );
  });

  it('rejects party roles, in events and criteria, that its parties do not take', () => {
    expect(broken((t) => ({ ...t, partyRoles: [] }))).toContain(
      'partyRoles names no role: a case of it could have no party',
    );
    expect(broken((t) => ({ ...t, partyRoles: ['claimant', 'wizard' as never] }))).toEqual(
      expect.arrayContaining([
        'partyRoles names unknown party role "wizard"',
        'event "submit" criterion "has-defendant" names party role "defendant", not one of partyRoles',
      ]),
    );
    expect(broken((t) => ({ ...t, partyRoles: ['defendant'] }))).toContain(
      'event "submit" names party role "claimant", not one of partyRoles',
    );
  });

  it('rejects unknown party roles, citizens or firms named as staff, and an event nobody may trigger', () => {
    const problems = broken((t) => ({
      ...t,
      events: [
        ...t.events,
        { ...t.events[0]!, id: 'sorcery', parties: ['wizard' as never] },
        { ...t.events[0]!, id: 'anyone', roles: ['professional' as never] },
        { ...t.events[0]!, id: 'nobody', roles: [], parties: [] },
      ],
    }));
    expect(problems).toEqual(
      expect.arrayContaining([
        'event "sorcery" names unknown party role "wizard"',
        'event "anyone" names "professional" as a staff role; name the party roles that may trigger it instead',
        'event "nobody" names no role or party that may trigger it',
      ]),
    );
  });

  it('keeps judicial acts for the judiciary and never opens an event to both sides of a dispute', () => {
    const judicial = ['stay', 'strike-out', 'grant-conditional-order'];
    const opposed = [
      ['claimant', 'defendant'],
      ['applicant', 'respondent'],
      ['appellant', 'respondent'],
      ['applicant', 'defendant'],
    ];
    for (const type of CASE_TYPES) {
      for (const event of type.events) {
        // Status review decisions are the Home Office caseworker's, not a court's.
        if (judicial.includes(event.id) || (event.id === 'decide' && type.jurisdiction !== 'immigration')) {
          expect({ type: type.id, event: event.id, roles: event.roles, parties: event.parties }).toEqual({
            type: type.id,
            event: event.id,
            roles: ['judiciary'],
            parties: [],
          });
        }
        for (const [one, other] of opposed)
          expect({
            type: type.id,
            event: event.id,
            bothSides: event.parties.includes(one as never) && event.parties.includes(other as never),
          }).toMatchObject({ bothSides: false });
      }
    }
    const withdraw = (id: string) =>
      CASE_TYPES.find((t) => t.id === id)!.events.find((e) => e.id === 'withdraw')!.parties;
    expect(withdraw('civil-money-claim')).toEqual(['claimant']);
    expect(withdraw('criminal-prosecution')).toEqual(['applicant']);
  });

  it('keeps a retired state for the cases in it: no event may lead there, and one must still lead out', () => {
    const review = CASE_TYPES.find((t) => t.id === 'immigration-status-review')!;
    const retiring = (change: (t: CaseTypeDefinition) => CaseTypeDefinition) =>
      caseTypeProblems(change(structuredClone(review) as CaseTypeDefinition));
    expect(caseTypeProblems(review)).toEqual([]);
    expect(retiring((t) => ({ ...t, retiredStates: [] }))).toEqual([
      'state "NoticeServed" cannot be reached from "Referred"',
    ]);
    expect(
      retiring((t) => ({
        ...t,
        events: t.events.map((e) => (e.id === 'serve-notice' ? { ...e, to: 'NoticeServed' } : e)),
      })),
    ).toEqual(['event "serve-notice" leads to retired state "NoticeServed"']);
    expect(retiring((t) => ({ ...t, events: t.events.filter((e) => e.id !== 'open-appeal-window') }))).toEqual([
      'state "NoticeServed" is not final but no event leaves it',
    ]);
    expect(retiring((t) => ({ ...t, retiredStates: ['Referred', 'Limbo'] }))).toEqual(
      expect.arrayContaining([
        'retired state "Referred" is the initial state',
        'retired state "Limbo" is not one of its states',
      ]),
    );
  });

  it('refuses representations waiting on a deadline the case type does not have', () => {
    const review = CASE_TYPES.find((t) => t.id === 'immigration-status-review')!;
    const problems = caseTypeProblems({
      ...review,
      deadlines: review.deadlines!.filter((d) => d.id !== 'representations'),
    });
    expect(problems).toEqual([
      'event "decide" criterion "representations-considered" waits for unknown deadline "representations"',
    ]);
  });

  it('refuses a letter the type cannot fill: an issue notice without its court, a decision without the time to appeal', () => {
    const problems = broken(({ court: _court, appealWithin: _appeal, ...t }) => t);
    expect(problems).toEqual([
      'event "issue" sends the case-issued letter, which names the court: the type needs its court',
      'event "decide" sends the decision-made letter, which gives the last day to appeal: the type needs appealWithin',
    ]);
    expect(broken((t) => ({ ...t, appealWithin: { days: 0, dayKind: 'calendar' } }))).toEqual([
      'appealWithin must be 1 to 366 days',
    ]);
  });

  it('stops start-up with every problem named', () => {
    const bad = { ...civilMoneyClaim, id: 'bad-type', initialState: 'Nowhere' };
    expect(() => assertValidCaseTypes([...CASE_TYPES, bad])).toThrow(
      /bad-type: initial state "Nowhere" is not one of its states/,
    );
    expect(() => assertValidCaseTypes([civilMoneyClaim, civilMoneyClaim])).toThrow(/case type id is used twice/);
  });
});
