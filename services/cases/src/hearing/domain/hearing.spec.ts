import { Hearing, HearingStatus, londonDayBounds, MAX_DELAY_MINUTES, NewHearing, StatusChange } from './hearing';

const now = new Date('2031-07-01T09:00:00Z');
const later = new Date('2031-07-14T08:00:00Z');
const listing: NewHearing = {
  caseId: '6f1c2b9e-8d1f-4f0e-9a57-3f0c1c7b2a10',
  venueId: 'LDN-RCJ',
  venueName: 'Royal Courts of Justice',
  hearingType: 'final-hearing',
  startsAt: new Date('2031-07-14T09:00:00Z'),
  durationMinutes: 120,
  listedBy: 'caseworker-1',
  now,
};

const listed = () => Hearing.list(listing);
/** A hearing brought to a status by the shortest path the rules allow. */
function hearingThat(status: HearingStatus): Hearing {
  const h = listed();
  const steps: Record<HearingStatus, StatusChange[]> = {
    listed: [],
    'running-late': [{ status: 'running-late', delayMinutes: 30 }],
    'in-progress': [{ status: 'in-progress' }],
    adjourned: [{ status: 'adjourned', reason: 'the judge is unwell' }],
    vacated: [{ status: 'vacated', reason: 'the claim settled' }],
    completed: [{ status: 'in-progress' }, { status: 'completed' }],
  };
  for (const step of steps[status]) h.changeStatus(step, 'clerk-1', later);
  return h;
}

const badInput = (...fields: string[]) =>
  expect.objectContaining({
    code: 'BAD_USER_INPUT',
    fieldErrors: fields.map((field) => expect.objectContaining({ field })),
  });
const conflict = (message?: string) => expect.objectContaining({ code: 'CONFLICT', ...(message ? { message } : {}) });

describe('Hearing', () => {
  it('is listed with its venue, type, start and duration, and is going ahead', () => {
    const h = listed();
    expect(h.snapshot).toMatchObject({
      caseId: listing.caseId,
      venueId: 'LDN-RCJ',
      venueName: 'Royal Courts of Justice',
      hearingType: 'final-hearing',
      startsAt: listing.startsAt,
      durationMinutes: 120,
      status: 'listed',
      delayMinutes: null,
      reason: null,
      listedBy: 'caseworker-1',
      createdAt: now,
    });
    expect(h.goingAhead.en).toBe('yes');
  });

  it('reads its start as a London day and time', () => {
    expect(listed().londonStart).toEqual({ date: '2031-07-14', time: '10:00' });
    const lateEvening = Hearing.list({ ...listing, startsAt: new Date('2031-07-14T22:30:00Z') });
    expect(lateEvening.londonStart).toEqual({ date: '2031-07-14', time: '23:30' });
    const winter = Hearing.list({ ...listing, startsAt: new Date('2031-12-01T10:00:00Z') });
    expect(winter.londonStart).toEqual({ date: '2031-12-01', time: '10:00' });
  });

  it('refuses a start in the past, a duration out of range and a blank venue, naming each field', () => {
    expect(() => Hearing.list({ ...listing, startsAt: new Date('2031-06-30T10:00:00Z') })).toThrow(
      badInput('startsAt'),
    );
    expect(() => Hearing.list({ ...listing, startsAt: new Date('nope') })).toThrow(badInput('startsAt'));
    expect(() => Hearing.list({ ...listing, durationMinutes: 0 })).toThrow(badInput('durationMinutes'));
    expect(() => Hearing.list({ ...listing, durationMinutes: 90.5 })).toThrow(badInput('durationMinutes'));
    expect(() => Hearing.list({ ...listing, venueId: ' ', venueName: '' })).toThrow(badInput('venueId', 'venueName'));
  });

  it('refuses a start centuries ahead, or just past five years from today, and takes one just inside', () => {
    expect(() => Hearing.list({ ...listing, startsAt: new Date('2225-07-14T09:00:00Z') })).toThrow(
      badInput('startsAt'),
    );
    // 2031-07-01 plus 5 × 365 days is 2036-06-29 (two leap days between): midnight there, London time, is the limit.
    expect(() => Hearing.list({ ...listing, startsAt: new Date('2036-06-28T23:00:00Z') })).toThrow(
      badInput('startsAt'),
    );
    expect(Hearing.list({ ...listing, startsAt: new Date('2036-06-28T22:59:00Z') }).snapshot.startsAt).toEqual(
      new Date('2036-06-28T22:59:00Z'),
    );
  });

  it('relists an adjourned hearing only within five years too', () => {
    const h = hearingThat('adjourned');
    expect(() =>
      h.changeStatus({ status: 'listed', startsAt: new Date('2131-07-14T09:00:00Z') }, 'clerk-1', later),
    ).toThrow(badInput('startsAt'));
  });

  describe('going ahead, in plain English', () => {
    it.each<[StatusChange, string]>([
      [{ status: 'running-late', delayMinutes: 45 }, 'yes, running about 45 minutes late'],
      [{ status: 'running-late', delayMinutes: 1 }, 'yes, running about 1 minute late'],
      [{ status: 'in-progress' }, 'yes, it has started'],
      [
        { status: 'adjourned', reason: 'the interpreter did not attend' },
        'no: adjourned because the interpreter did not attend',
      ],
      [{ status: 'vacated', reason: ' the claim settled ' }, 'no: vacated because the claim settled'],
    ])('%j → %s', (change, answer) => {
      const h = listed();
      h.changeStatus(change, 'clerk-1', later);
      expect(h.goingAhead.en).toBe(answer);
    });

    it('says a completed hearing has already been heard', () => {
      expect(hearingThat('completed').goingAhead.en).toBe('no: it has already been heard');
    });
  });

  describe('status transitions', () => {
    it('records who changed the status and when, keeping only the details the status carries', () => {
      const h = hearingThat('running-late');
      expect(h.snapshot).toMatchObject({
        status: 'running-late',
        delayMinutes: 30,
        updatedBy: 'clerk-1',
        updatedAt: later,
      });
      expect(h.changeStatus({ status: 'adjourned', reason: 'the courtroom flooded' }, 'usher-2', later)).toEqual({
        from: 'running-late',
        to: 'adjourned',
      });
      expect(h.snapshot).toMatchObject({
        status: 'adjourned',
        delayMinutes: null,
        reason: 'the courtroom flooded',
        updatedBy: 'usher-2',
      });
    });

    it('lets a late hearing be revised or put back on time', () => {
      const h = hearingThat('running-late');
      h.changeStatus({ status: 'running-late', delayMinutes: 90 }, 'clerk-1', later);
      expect(h.goingAhead.en).toBe('yes, running about 90 minutes late');
      h.changeStatus({ status: 'listed' }, 'clerk-1', later);
      expect(h.snapshot).toMatchObject({ status: 'listed', delayMinutes: null });
      expect(h.goingAhead.en).toBe('yes');
    });

    it('relists an adjourned hearing for a new start, which it then keeps', () => {
      const h = hearingThat('adjourned');
      const newStart = new Date('2031-09-01T09:30:00Z');
      expect(h.changeStatus({ status: 'listed', startsAt: newStart }, 'clerk-1', later)).toEqual({
        from: 'adjourned',
        to: 'listed',
      });
      expect(h.snapshot).toMatchObject({ status: 'listed', startsAt: newStart, reason: null });
      expect(h.londonStart).toEqual({ date: '2031-09-01', time: '10:30' });
      expect(h.goingAhead.en).toBe('yes');
    });

    it('relists only with a new start still to come, and takes a new start only when relisting', () => {
      expect(() => hearingThat('adjourned').changeStatus({ status: 'listed' }, 'clerk-1', later)).toThrow(
        badInput('startsAt'),
      );
      expect(() =>
        hearingThat('adjourned').changeStatus(
          { status: 'listed', startsAt: new Date('2031-07-13T09:00:00Z') },
          'clerk-1',
          later,
        ),
      ).toThrow(badInput('startsAt'));
      expect(() =>
        hearingThat('running-late').changeStatus(
          { status: 'listed', startsAt: new Date('2031-09-01T09:00:00Z') },
          'clerk-1',
          later,
        ),
      ).toThrow(badInput('startsAt'));
    });

    it.each<HearingStatus>(['vacated', 'completed'])('treats %s as final', (status) => {
      for (const to of ['listed', 'running-late', 'in-progress', 'completed'] as const) {
        expect(() =>
          hearingThat(status).changeStatus(
            { status: to, ...(to === 'running-late' ? { delayMinutes: 5 } : {}) },
            'clerk-1',
            later,
          ),
        ).toThrow(conflict(`The hearing is ${status}, which is final`));
      }
      expect(() => hearingThat(status).changeStatus({ status: 'adjourned', reason: 'x' }, 'clerk-1', later)).toThrow(
        conflict(),
      );
    });

    it.each<[HearingStatus, StatusChange, string]>([
      ['listed', { status: 'listed' }, 'The hearing is already listed'],
      [
        'in-progress',
        { status: 'listed' },
        'Only an adjourned hearing can be relisted, or a late one put back on time',
      ],
      [
        'in-progress',
        { status: 'running-late', delayMinutes: 10 },
        'A hearing that is in progress cannot become running late',
      ],
      ['adjourned', { status: 'in-progress' }, 'A hearing that is adjourned cannot become in progress'],
      ['adjourned', { status: 'completed' }, 'A hearing that is adjourned cannot become completed'],
    ])('refuses %s → %j', (from, change, message) => {
      const h = hearingThat(from);
      expect(() => h.changeStatus(change, 'clerk-1', later)).toThrow(conflict(message));
      expect(h.snapshot.status).toBe(from);
    });

    it('allows the moves officers make on the day', () => {
      const allowed: [HearingStatus, StatusChange][] = [
        ['listed', { status: 'in-progress' }],
        ['listed', { status: 'completed' }],
        ['running-late', { status: 'in-progress' }],
        ['running-late', { status: 'vacated', reason: 'the defendant died' }],
        ['in-progress', { status: 'adjourned', reason: 'part heard' }],
        ['in-progress', { status: 'completed' }],
        ['adjourned', { status: 'vacated', reason: 'the claim settled' }],
      ];
      for (const [from, change] of allowed) {
        expect(hearingThat(from).changeStatus(change, 'clerk-1', later)).toEqual({ from, to: change.status });
      }
    });

    it('asks for a delay when running late and a reason when adjourned or vacated, and refuses them elsewhere', () => {
      expect(() => listed().changeStatus({ status: 'running-late' }, 'c', later)).toThrow(badInput('delayMinutes'));
      expect(() => listed().changeStatus({ status: 'running-late', delayMinutes: 0 }, 'c', later)).toThrow(
        badInput('delayMinutes'),
      );
      expect(() =>
        listed().changeStatus({ status: 'running-late', delayMinutes: MAX_DELAY_MINUTES + 1 }, 'c', later),
      ).toThrow(badInput('delayMinutes'));
      expect(() => listed().changeStatus({ status: 'adjourned' }, 'c', later)).toThrow(badInput('reason'));
      expect(() => listed().changeStatus({ status: 'vacated', reason: '   ' }, 'c', later)).toThrow(badInput('reason'));
      expect(() => listed().changeStatus({ status: 'vacated', reason: 'x'.repeat(501) }, 'c', later)).toThrow(
        badInput('reason'),
      );
      expect(() =>
        listed().changeStatus({ status: 'in-progress', delayMinutes: 5, reason: 'why' }, 'c', later),
      ).toThrow(badInput('delayMinutes', 'reason'));
    });

    it('reports bad details before a forbidden move, so the caller fixes the input first', () => {
      expect(() => hearingThat('completed').changeStatus({ status: 'adjourned' }, 'c', later)).toThrow(
        badInput('reason'),
      );
    });
  });
});

describe('londonDayBounds', () => {
  it('starts and ends a summer day at midnight BST, an hour before UTC midnight', () => {
    expect(londonDayBounds('2031-07-14')).toEqual({
      from: new Date('2031-07-13T23:00:00Z'),
      to: new Date('2031-07-14T23:00:00Z'),
    });
  });

  it('uses GMT in winter', () => {
    expect(londonDayBounds('2031-12-01')).toEqual({
      from: new Date('2031-12-01T00:00:00Z'),
      to: new Date('2031-12-02T00:00:00Z'),
    });
  });

  it('lasts 23 hours when the clocks go forward and 25 when they go back', () => {
    const spring = londonDayBounds('2031-03-30');
    const autumn = londonDayBounds('2031-10-26');
    expect(spring.to.getTime() - spring.from.getTime()).toBe(23 * 3_600_000);
    expect(autumn.to.getTime() - autumn.from.getTime()).toBe(25 * 3_600_000);
  });
});
