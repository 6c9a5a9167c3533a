import { fairShare } from './webhook-delivery.repository';

const candidate = (id: string, organisation_id: string, busy = 0) => ({ id, organisation_id, busy });

describe('fair share of the dispatcher slots', () => {
  it('takes firms in turn, so one with many endpoints due does not take every slot', () => {
    const candidates = [
      candidate('a1', 'a'),
      candidate('a2', 'a'),
      candidate('a3', 'a'),
      candidate('a4', 'a'),
      candidate('b1', 'b'),
      candidate('c1', 'c'),
    ];
    expect(fairShare(candidates, 3, 10)).toEqual(['a1', 'b1', 'c1']);
    expect(fairShare(candidates, 5, 10)).toEqual(['a1', 'b1', 'c1', 'a2', 'a3']);
  });

  it('keeps each firm within its in-flight limit, counting what it already has in flight', () => {
    const candidates = [
      candidate('a1', 'a', 1),
      candidate('a2', 'a', 1),
      candidate('a3', 'a', 1),
      candidate('b1', 'b'),
    ];
    expect(fairShare(candidates, 10, 2)).toEqual(['a1', 'b1']);
    expect(fairShare([candidate('a1', 'a', 2)], 10, 2)).toEqual([]);
  });
});
