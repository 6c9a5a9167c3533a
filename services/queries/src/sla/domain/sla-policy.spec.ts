import { targetsFor, type SlaPolicy } from './sla-policy';

const policies: SlaPolicy[] = [
  { channel: null, category: null, clock: 'first-response', unit: 'working-days', amount: 2 },
  { channel: null, category: null, clock: 'resolution', unit: 'working-days', amount: 10 },
  { channel: 'webchat', category: null, clock: 'first-response', unit: 'working-hours', amount: 0.25 },
  { channel: null, category: 'hearing', clock: 'resolution', unit: 'working-days', amount: 3 },
  { channel: 'email', category: 'hearing', clock: 'resolution', unit: 'working-hours', amount: 8 },
];

describe('SLA policy choice', () => {
  it('falls back to the default for each clock', () => {
    expect(targetsFor(policies, 'post', 'fees')).toEqual([
      { clock: 'first-response', unit: 'working-days', amount: 2 },
      { clock: 'resolution', unit: 'working-days', amount: 10 },
    ]);
  });

  it('prefers channel and category over category over channel over the default', () => {
    expect(targetsFor(policies, 'webchat', 'hearing')).toEqual([
      { clock: 'first-response', unit: 'working-hours', amount: 0.25 },
      { clock: 'resolution', unit: 'working-days', amount: 3 },
    ]);
    expect(targetsFor(policies, 'email', 'hearing')[1]).toEqual({
      clock: 'resolution',
      unit: 'working-hours',
      amount: 8,
    });
  });

  it('runs no clock for which no policy exists', () => {
    expect(targetsFor(policies.slice(1, 2), 'post', null)).toEqual([
      { clock: 'resolution', unit: 'working-days', amount: 10 },
    ]);
  });
});
