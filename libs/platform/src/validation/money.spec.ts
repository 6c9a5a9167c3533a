import 'reflect-metadata';
import { validateSync } from 'class-validator';
import { MAX_PENCE, TotalPenceAtMost } from './money';

class Result {
  @TotalPenceAtMost() impositions!: { amountPence: number }[];
}

const result = (...amounts: number[]) =>
  Object.assign(new Result(), { impositions: amounts.map((amountPence) => ({ amountPence })) });

describe('TotalPenceAtMost', () => {
  it('takes amounts adding up to MAX_PENCE, and refuses a penny more', () => {
    expect(validateSync(result(MAX_PENCE - 1, 1))).toEqual([]);
    expect(validateSync(result(MAX_PENCE, 1))[0]?.constraints).toEqual({
      totalPenceAtMost: `impositions must add up to at most ${MAX_PENCE} pence`,
    });
  });

  it('fits what PostgreSQL int reads back', () => {
    expect(MAX_PENCE).toBeLessThanOrEqual(2 ** 31 - 1);
  });
});
