import { ACTION_IDS, ACTIONS, checkAction, permittedAfter } from './enforcement-actions';

describe('enforcement actions as data', () => {
  it('name only known actions as next, and say which need an agent or make a warrant', () => {
    for (const action of Object.values(ACTIONS)) for (const next of action.next) expect(ACTION_IDS).toContain(next);
    expect(ACTIONS['warrant-of-control']).toMatchObject({ needsEnforcementAgent: true, createsWarrant: true });
    expect(ACTIONS['enforcement-hold'].holdsEnforcement).toBe(true);
  });

  it('refuses an action the last one does not permit, naming what is permitted', () => {
    expect(() => checkAction('reminder', 'committal-warrant', {})).toThrow(
      expect.objectContaining({
        code: 'CONFLICT',
        message: `committal-warrant cannot follow reminder; permitted next actions: ${permittedAfter('reminder').join(', ')}`,
      }),
    );
    expect(checkAction('reminder', 'further-steps-notice', {}).id).toBe('further-steps-notice');
  });

  it('takes a warrant again once the last was withdrawn (paid off, then owing again), and not before', () => {
    expect(() => checkAction('warrant-of-control', 'warrant-of-control', {})).toThrow(
      /cannot follow warrant-of-control/,
    );
    expect(checkAction('warrant-of-control', 'warrant-of-control', {}, true).id).toBe('warrant-of-control');
    expect(permittedAfter('warrant-of-control', true)).toEqual([
      'warrant-of-control',
      ...ACTIONS['warrant-of-control'].next,
    ]);
    // An action that issued no warrant gains nothing.
    expect(permittedAfter('reminder', true)).toEqual(permittedAfter('reminder'));
  });

  it('requires what an attachment of earnings records, and refuses details it does not', () => {
    expect(() =>
      checkAction(null, 'attachment-of-earnings', { employer: 'Acme Ltd', deductionPence: 0, colour: 'red' }),
    ).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        fieldErrors: [
          { field: 'details.protectedEarningsPence', message: expect.any(String) },
          { field: 'details.colour', message: expect.any(String) },
          { field: 'details.deductionPence', message: 'must be a whole number of pence from 1 to 1000000000' },
        ],
      }),
    );
    const huge = { employer: 'Acme Ltd', deductionPence: 1e20, protectedEarningsPence: 40_000 };
    expect(() => checkAction(null, 'attachment-of-earnings', huge)).toThrow(
      expect.objectContaining({ fieldErrors: [{ field: 'details.deductionPence', message: expect.any(String) }] }),
    );
    expect(() => checkAction(null, 'no-such-action', {})).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});
