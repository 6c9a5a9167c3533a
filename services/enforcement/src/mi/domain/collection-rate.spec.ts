import { collectionRate, ratePercent } from './collection-rate';

describe('a collection rate', () => {
  it('is a share to four decimal places, and none when there is nothing to measure against', () => {
    expect(collectionRate(6_200_000, 9_100_000)).toBe(0.6813);
    expect(collectionRate(1, 3)).toBe(0.3333);
    expect(collectionRate(500, 0)).toBeUndefined();
    expect(collectionRate(500, -10)).toBeUndefined();
  });

  it('reads as a percentage without rounding twice', () => {
    expect(ratePercent(0.6813)).toBe(68.13);
    expect(ratePercent(collectionRate(7_450, 28_500)!)).toBe(26.14);
    expect(ratePercent(collectionRate(-300, 60_000)!)).toBe(-0.5);
    expect(ratePercent(1)).toBe(100);
  });
});
