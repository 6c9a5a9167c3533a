import { assertMove, canMove, compareTasks, taskPriority } from './enquiry';

describe('enquiry status', () => {
  it('moves along the allowed paths', () => {
    expect(canMove('new', 'triaged')).toBe(true);
    expect(canMove('assigned', 'awaiting-customer')).toBe(true);
    expect(canMove('awaiting-customer', 'assigned')).toBe(true);
    expect(canMove('resolved', 'closed')).toBe(true);
    // An enquiry someone holds, or one escalated, can still be turned into a complaint, which closes it.
    expect(canMove('assigned', 'closed')).toBe(true);
    expect(canMove('escalated', 'closed')).toBe(true);
  });

  it('refuses moves the rules forbid, saying why', () => {
    expect(() => assertMove('closed', 'assigned')).toThrow('The enquiry is closed');
    expect(() => assertMove('resolved', 'resolved')).toThrow('already resolved');
    expect(() => assertMove('new', 'awaiting-customer')).toThrow(
      'An enquiry that is new cannot become awaiting customer',
    );
  });
});

describe('next-task order', () => {
  const day = (d: number) => new Date(Date.UTC(2026, 3, d, 9));

  it('takes major priority first, then the priority date, then minor priority', () => {
    const tasks = {
      urgentLate: taskPriority('urgent', false, day(10)),
      normalEarly: taskPriority('normal', false, day(1)),
      normalEarlyHearing: taskPriority('normal', true, day(1)),
      normalLateHearing: taskPriority('normal', true, day(5)),
    };
    const order = Object.entries(tasks)
      .sort(([, a], [, b]) => compareTasks(a, b))
      .map(([name]) => name);
    expect(order).toEqual(['urgentLate', 'normalEarlyHearing', 'normalEarly', 'normalLateHearing']);
  });

  it('uses the HMCTS defaults 5000 and 500, and 2000 for urgent work', () => {
    expect(taskPriority('normal', false, day(1))).toMatchObject({ major: 5000, minor: 500 });
    expect(taskPriority('urgent', false, day(1)).major).toBe(2000);
  });
});
