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
    for (const type of CASE_TYPES) expect({ type: type.id, problems: caseTypeProblems(type) }).toEqual({ type: type.id, problems: [] });
    expect(() => assertValidCaseTypes(CASE_TYPES)).not.toThrow();
    expect(CASE_TYPES.find((t) => t.id === 'criminal-prosecution')?.resultsMayImposeFinancialPenalties).toBe(true);
  });

  const broken = (change: (t: CaseTypeDefinition) => CaseTypeDefinition) => caseTypeProblems(change(structuredClone(civilMoneyClaim) as CaseTypeDefinition));

  it('rejects an event that uses an unknown state', () => {
    expect(broken((t) => ({ ...t, events: [...t.events, { ...t.events[0]!, id: 'teleport', to: 'Narnia' }] }))).toContain('event "teleport" leads to unknown state "Narnia"');
    expect(broken((t) => ({ ...t, events: [...t.events, { ...t.events[0]!, id: 'teleport', from: ['Nowhere'] }] }))).toContain(
      'event "teleport" starts from unknown state "Nowhere"',
    );
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

  it('stops start-up with every problem named', () => {
    const bad = { ...civilMoneyClaim, id: 'bad-type', initialState: 'Nowhere' };
    expect(() => assertValidCaseTypes([...CASE_TYPES, bad])).toThrow(/bad-type: initial state "Nowhere" is not one of its states/);
    expect(() => assertValidCaseTypes([civilMoneyClaim, civilMoneyClaim])).toThrow(/case type id is used twice/);
  });
});
