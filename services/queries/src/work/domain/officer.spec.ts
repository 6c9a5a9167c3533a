import { shareOut, leastLoaded } from './allocation';
import {
  ineligibility,
  normaliseSkills,
  onShift,
  profileProblems,
  refusal,
  type Leave,
  type Officer,
  type TaskNeeds,
} from './officer';

const officer = (userId: string, over: Partial<Officer> = {}): Officer => ({
  userId,
  name: userId,
  role: 'caseworker',
  teams: ['probate'],
  skills: ['probate'],
  capacity: 10,
  shift: { days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], start: '08:00', end: '16:30' },
  leave: [],
  active: true,
  ...over,
});
const task = (over: Partial<TaskNeeds> = {}): TaskNeeds => ({
  team: 'probate',
  requiredRole: 'caseworker',
  requiredSkills: [],
  excludedOfficer: null,
  ...over,
});
// Monday 7 December 2026, 10:00 London time (GMT).
const MONDAY_10 = new Date('2026-12-07T10:00:00Z');

describe('who may be given a task', () => {
  it('needs the team, the role, every skill, and not the first of two people', () => {
    const paul = officer('paul');
    expect(ineligibility(paul, task())).toBeNull();
    expect(ineligibility(paul, task({ team: 'civil' }))).toBe('not in the civil team');
    expect(ineligibility(paul, task({ requiredRole: 'team-leader' }))).toBe('not a team leader');
    expect(ineligibility(officer('lee', { role: 'team-leader' }), task({ requiredRole: 'team-leader' }))).toBeNull();
    expect(ineligibility(paul, task({ requiredSkills: ['probate', 'welsh'] }))).toBe('without the welsh skill');
    expect(ineligibility(paul, task({ requiredSkills: ['welsh', 'money-authority-1'] }))).toBe(
      'without the welsh and money-authority-1 skills',
    );
    expect(ineligibility(paul, task({ excludedOfficer: 'paul' }))).toMatch(/needs a second person/);
  });

  it('and someone on shift, not on leave, with room under their capacity', () => {
    const paul = officer('paul');
    expect(refusal(paul, task(), 9, MONDAY_10)).toBeNull();
    expect(refusal(paul, task(), 10, MONDAY_10)).toBe('at capacity (10 open tasks)');
    expect(refusal(paul, task(), 0, new Date('2026-12-07T16:30:00Z'))).toBe('not on shift');
    expect(refusal(paul, task(), 0, new Date('2026-12-05T10:00:00Z'))).toBe('not on shift'); // a Saturday
    expect(
      refusal(
        officer('on-leave', { leave: [{ firstDay: '2026-12-07', lastDay: '2026-12-11' }] }),
        task(),
        0,
        MONDAY_10,
      ),
    ).toBe('not on shift');
    expect(refusal(officer('gone', { active: false }), task(), 0, MONDAY_10)).toBe('not on shift');
    expect(refusal(undefined, task(), 0, MONDAY_10)).toMatch(/without a work profile/);
  });

  it('reads shifts in London time, summer time included, and 24:00 as midnight', () => {
    const early = officer('early', { shift: { days: ['monday'], start: '08:00', end: '09:00' } });
    expect(onShift(early, new Date('2026-06-01T07:30:00Z'))).toBe(true); // 08:30 BST
    expect(onShift(early, new Date('2026-06-01T08:30:00Z'))).toBe(false); // 09:30 BST
    const late = officer('late', { shift: { days: ['monday'], start: '20:00', end: '24:00' } });
    expect(onShift(late, new Date('2026-12-07T23:59:00Z'))).toBe(true);
  });

  it('counts money authority by level, a higher level including the lower', () => {
    expect(normaliseSkills(['welsh', 'money-authority-2', 'welsh'])).toEqual([
      'money-authority-1',
      'money-authority-2',
      'welsh',
    ]);
  });
});

describe('a work profile as a team leader gives it', () => {
  const shift = { days: [], start: '09:00', end: '17:00' };
  it('is sound with hours that end after they start and leave that does not overlap', () => {
    const leave = [
      { firstDay: '2026-12-21', lastDay: '2026-12-24' },
      { firstDay: '2026-12-25', lastDay: '2026-12-25' },
    ] as Leave[];
    expect(profileProblems({ shift, leave })).toEqual([]);
  });

  it('names hours that end too soon, leave that ends before it begins, and leave booked twice', () => {
    const leave = [
      { firstDay: '2026-12-21', lastDay: '2026-12-24' },
      { firstDay: '2026-12-30', lastDay: '2026-12-29' },
      { firstDay: '2026-12-24', lastDay: '2026-12-26' },
    ] as Leave[];
    expect(profileProblems({ shift: { ...shift, end: '09:00' }, leave })).toEqual([
      { field: 'shift.end', message: 'must be after start' },
      { field: 'leave.1.lastDay', message: 'must not be before firstDay' },
      { field: 'leave.2', message: 'overlaps leave.0' },
    ]);
  });
});

describe('sharing work out', () => {
  it('gives each task to the least-loaded officer who may take it, stable on ties', () => {
    const candidates = [
      { officer: officer('b'), open: 2 },
      { officer: officer('a'), open: 2 },
      { officer: officer('c', { skills: ['probate', 'welsh'] }), open: 5 },
    ];
    expect(leastLoaded(task(), candidates, MONDAY_10)?.officer.userId).toBe('a');
    expect(leastLoaded(task({ requiredSkills: ['welsh'] }), candidates, MONDAY_10)?.officer.userId).toBe('c');
    expect(leastLoaded(task({ requiredSkills: ['crime'] }), candidates, MONDAY_10)).toBeUndefined();
  });

  it('never beyond a receiver’s capacity or skills; what nobody may take is left to its queue', () => {
    const tasks = Array.from({ length: 200 }, (_, i) => ({
      id: `t${i}`,
      ...task({ requiredSkills: i % 2 === 0 ? ['probate', 'welsh'] : ['probate'] }),
    }));
    const receivers = [
      { officer: officer('gwen', { skills: ['probate', 'welsh'], capacity: 40 }), open: 5 },
      { officer: officer('paul', { capacity: 50 }), open: 0 },
      {
        officer: officer('away', { capacity: 500, leave: [{ firstDay: '2026-12-01', lastDay: '2026-12-31' }] }),
        open: 0,
      },
    ];
    const { placed, unplaced } = shareOut(tasks, receivers, MONDAY_10);
    const given = (who: string) => placed.filter((p) => p.officer === who);
    expect(given('gwen')).toHaveLength(35);
    expect(given('paul')).toHaveLength(50);
    expect(given('away')).toHaveLength(0);
    expect(given('paul').every((p) => !p.task.requiredSkills.includes('welsh'))).toBe(true);
    expect(placed.length + unplaced.length).toBe(200);
    expect(unplaced).toHaveLength(115);
  });
});
