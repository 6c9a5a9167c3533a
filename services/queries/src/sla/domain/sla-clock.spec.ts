import { OpeningHours, WorkingDayCalendar } from '@ccsc/calendar';
import { SlaClocks, slaState } from './sla-clock';

const calendar = WorkingDayCalendar.englandAndWales();
const clocks = new SlaClocks(new OpeningHours(calendar));
const at = (iso: string) => new Date(iso);

describe('SLA clocks on real dates', () => {
  // Thursday 2 April 2026 is the Thursday before Easter: Good Friday (3 April) and Easter Monday
  // (6 April) are bank holidays, and London is on summer time (UTC+1) since 29 March.
  const thursdayBeforeEaster = at('2026-04-02T19:55:00+01:00');

  it('puts a 2-working-day email received at 19:55 on the Thursday before Easter at the end of Wednesday 8 April', () => {
    const clock = clocks.start({ clock: 'resolution', unit: 'working-days', amount: 2 }, thursdayBeforeEaster);
    // Day 1 is Tuesday 7 April (the first working day after Easter Monday), day 2 Wednesday 8 April.
    expect(clock.dueAt?.toISOString()).toBe('2026-04-08T22:59:59.999Z');
    expect(clock.atRiskAt?.toISOString()).toBe('2026-04-07T23:00:00.000Z');
    expect(clock.calendarVersion).toBe(calendar.version);
    expect(clock).toMatchObject({ status: 'running', flag: 'on-track' });
  });

  it('counts a 2-working-hour first response from the same email in opening hours: five minutes on Thursday, none on Good Friday, then Saturday morning', () => {
    const clock = clocks.start({ clock: 'first-response', unit: 'working-hours', amount: 2 }, thursdayBeforeEaster);
    expect(clock.dueAt?.toISOString()).toBe('2026-04-04T08:55:00.000Z');
    // Three quarters of 120 minutes is 90: five on Thursday and 85 from 08:00 on Saturday.
    expect(clock.atRiskAt?.toISOString()).toBe('2026-04-04T08:25:00.000Z');
  });

  it('pauses a working-hours clock over a weekend and resumes it with the minutes that were left, ignoring Saturday opening', () => {
    const started = clocks.start(
      { clock: 'resolution', unit: 'working-hours', amount: 8 },
      at('2026-04-17T15:00:00+01:00'),
    );
    // Five hours on Friday to 20:00, three on Saturday from 08:00.
    expect(started.dueAt?.toISOString()).toBe('2026-04-18T10:00:00.000Z');

    const paused = clocks.pause(started, at('2026-04-17T17:00:00+01:00'));
    expect(paused).toMatchObject({ status: 'paused', dueAt: null, atRiskAt: null, remaining: 360 });
    expect(slaState(paused)).toBe('paused');

    const resumed = clocks.resume({ ...paused, flag: 'at-risk' }, at('2026-04-20T09:00:00+01:00'));
    expect(resumed).toMatchObject({ status: 'running', flag: 'on-track', pausedAt: null, remaining: null });
    expect(resumed.dueAt?.toISOString()).toBe('2026-04-20T14:00:00.000Z');
    // At risk once 75% of the 480 minutes has run: 120 before the pause, 240 from Monday 09:00.
    expect(resumed.atRiskAt?.toISOString()).toBe('2026-04-20T12:00:00.000Z');
  });

  it('pauses a working-days clock over a weekend and resumes it with the working days that were left', () => {
    const started = clocks.start(
      { clock: 'resolution', unit: 'working-days', amount: 5 },
      at('2026-04-13T10:00:00+01:00'),
    );
    expect(started.dueAt?.toISOString()).toBe('2026-04-20T22:59:59.999Z');
    const paused = clocks.pause(started, at('2026-04-17T16:00:00+01:00'));
    // Only Monday 20 April was left.
    expect(paused.remaining).toBe(1);
    const resumed = clocks.resume(paused, at('2026-04-20T09:00:00+01:00'));
    expect(resumed.dueAt?.toISOString()).toBe('2026-04-21T22:59:59.999Z');
  });

  it('meets a clock stopped before it is due and misses one stopped after', () => {
    const clock = clocks.start({ clock: 'first-response', unit: 'working-hours', amount: 2 }, thursdayBeforeEaster);
    expect(slaState(clocks.stop(clock, at('2026-04-04T08:55:00Z')))).toBe('met');
    expect(slaState(clocks.stop(clock, at('2026-04-04T08:55:00.001Z')))).toBe('missed');
  });

  it('stops a paused clock as met unless it had already breached', () => {
    const clock = clocks.start({ clock: 'resolution', unit: 'working-days', amount: 2 }, thursdayBeforeEaster);
    const paused = clocks.pause(clock, at('2026-04-07T10:00:00+01:00'));
    expect(slaState(clocks.stop(paused, at('2026-04-30T10:00:00+01:00')))).toBe('met');
    expect(slaState(clocks.stop({ ...paused, flag: 'breached' }, at('2026-04-30T10:00:00+01:00')))).toBe('missed');
  });

  it('refuses targets no clock can run', () => {
    expect(() =>
      clocks.start({ clock: 'resolution', unit: 'working-days', amount: 1.5 }, thursdayBeforeEaster),
    ).toThrow(RangeError);
    expect(() => clocks.start({ clock: 'resolution', unit: 'working-hours', amount: 0 }, thursdayBeforeEaster)).toThrow(
      RangeError,
    );
  });
});
