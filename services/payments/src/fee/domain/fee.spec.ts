import { approveFeeVersion, FeeVersion, feeVersionProblems, priceFee } from './fee';
import { FEE_SEED } from '../../migrations/fee-seed';

const issue = FEE_SEED.find((f) => f.code === 'FEE0202')!;
const counterclaim = FEE_SEED.find((f) => f.code === 'FEE0205')!;

describe('fees', () => {
  it('prices a banded fee by claim amount, including its percentage band and cap', () => {
    expect(priceFee(issue, 30_000).amountPence).toBe(3_500);
    expect(priceFee(issue, 30_001).amountPence).toBe(5_000);
    expect(priceFee(issue, 5_000_000)).toEqual({
      code: 'FEE0202',
      version: 1,
      amountPence: 250_000,
      basis: 'claim-amount',
    });
    expect(priceFee(issue, 50_000_000).amountPence).toBe(1_000_000);
  });

  it('prices a ranged fee with no claim amount at the least any claim pays', () => {
    expect(priceFee(issue)).toEqual({ code: 'FEE0202', version: 1, amountPence: 3_500, basis: 'minimum' });
    expect(priceFee(counterclaim)).toMatchObject({ amountPence: 45_500, basis: 'minimum' });
    expect(priceFee(counterclaim, 100_000_000).amountPence).toBe(1_000_000);
  });

  it('seeds only sound fee versions', () => {
    for (const fee of FEE_SEED) expect(feeVersionProblems(fee)).toEqual([]);
    expect(
      feeVersionProblems({
        ...issue,
        amount: {
          type: 'banded',
          bands: [
            { upToPence: 100, basisPoints: 5 },
            { upToPence: 50, amountPence: 1 },
          ],
        },
      }).length,
    ).toBeGreaterThan(0);
  });

  it('needs a second person to approve a new version', () => {
    const proposed: FeeVersion = {
      ...issue,
      version: 2,
      status: 'pending-approval',
      proposedBy: 'fay',
      approvedBy: null,
    };
    expect(() => approveFeeVersion(proposed, 'fay')).toThrow(/someone other than/);
    expect(approveFeeVersion(proposed, 'sam')).toMatchObject({ status: 'approved', approvedBy: 'sam' });
    // Approved on or before the day it starts, never after: it would reprice what was already charged.
    expect(approveFeeVersion(proposed, 'sam', proposed.validFrom)).toMatchObject({ status: 'approved' });
    expect(() => approveFeeVersion(proposed, 'sam', '9998-01-01')).toThrow(/before today \(9998-01-01\)/);
  });
});
