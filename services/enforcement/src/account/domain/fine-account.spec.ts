import {
  allocatePayment,
  allocateWriteOff,
  ALLOCATION_PRIORITY,
  ImpositionBalance,
  owedOn,
  suspenseReason,
} from './fine-account';
import { formatAccountNumber, isValidAccountNumber, normaliseAccountNumber } from '@ccsc/contracts';

const at = new Date('2026-01-01T10:00:00Z');
const imposition = (
  id: string,
  kind: ImpositionBalance['kind'],
  amountPence: number,
  extra: Partial<ImpositionBalance> = {},
): ImpositionBalance => ({
  id,
  kind,
  creditor: kind === 'compensation' || kind === 'costs' ? 'party-1' : 'central-funds',
  priority: ALLOCATION_PRIORITY[kind],
  imposedAt: at,
  seq: 0,
  amountPence,
  paidPence: 0,
  writtenOffPence: 0,
  ...extra,
});

describe('writing off', () => {
  const book = [
    imposition('fine', 'fine', 40_000, { seq: 3 }),
    imposition('costs', 'costs', 15_000, { seq: 2 }),
    imposition('vs', 'victim-surcharge', 8_500, { seq: 1 }),
    imposition('comp', 'compensation', 30_000, { seq: 0, paidPence: 10_000 }),
  ];

  it('forgives what payments would reach last: the fine, then costs, never compensation before them', () => {
    expect(allocateWriteOff(book, 45_000)).toEqual([
      { impositionId: 'fine', amountPence: 40_000 },
      { impositionId: 'costs', amountPence: 5_000 },
    ]);
  });

  it('keeps the impositions owing exactly the balance, and payments after it go only to what is owed', () => {
    const lines = allocateWriteOff(book, 45_000);
    const after = book.map((i) => ({
      ...i,
      writtenOffPence: lines.find((l) => l.impositionId === i.id)?.amountPence ?? 0,
    }));
    const balance = 93_500 - 10_000 - 45_000;
    expect(after.reduce((sum, i) => sum + owedOn(i), 0)).toBe(balance);
    // Paying the whole balance and more: the rest is excess, nothing lands on the written-off fine.
    const paid = allocatePayment(after, balance + 1_000);
    expect(paid.excessPence).toBe(1_000);
    expect(paid.lines.map((l) => l.impositionId)).toEqual(['comp', 'vs', 'costs']);
  });

  it('refuses more than the impositions owe', () => {
    expect(() => allocateWriteOff(book, 83_501)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => allocateWriteOff(book, 0)).toThrow(RangeError);
  });
});

describe('allocating a payment', () => {
  const book = [
    imposition('fine', 'fine', 40_000, { seq: 3 }),
    imposition('costs', 'costs', 15_000, { seq: 2 }),
    imposition('vs', 'victim-surcharge', 8_500, { seq: 1 }),
    imposition('comp', 'compensation', 30_000, { seq: 0 }),
  ];

  it('clears compensation and surcharge, then part of costs, and leaves the fine, for 500.00 against 300/85/150/400', () => {
    expect(allocatePayment(book, 50_000)).toEqual({
      lines: [
        { impositionId: 'comp', kind: 'compensation', creditor: 'party-1', amountPence: 30_000 },
        { impositionId: 'vs', kind: 'victim-surcharge', creditor: 'central-funds', amountPence: 8_500 },
        { impositionId: 'costs', kind: 'costs', creditor: 'party-1', amountPence: 11_500 },
      ],
      excessPence: 0,
    });
  });

  it('pays the older of two impositions of one priority first, and skips what is paid already', () => {
    const older = imposition('old', 'fine', 1_000, { imposedAt: new Date('2025-01-01T00:00:00Z') });
    const paid = imposition('paid', 'compensation', 500, { paidPence: 500 });
    const lines = allocatePayment([imposition('new', 'fine', 1_000), older, paid], 1_500).lines;
    expect(lines.map((l) => [l.impositionId, l.amountPence])).toEqual([
      ['old', 1_000],
      ['new', 500],
    ]);
  });

  it('returns what is more than the balance as excess', () => {
    expect(allocatePayment([imposition('fine', 'fine', 1_000, { paidPence: 400 })], 1_000)).toMatchObject({
      lines: [{ amountPence: 600 }],
      excessPence: 400,
    });
  });

  it('refuses a payment that is not whole positive pence', () => {
    expect(() => allocatePayment(book, 0)).toThrow(RangeError);
    expect(() => allocatePayment(book, 10.5)).toThrow(RangeError);
  });
});

describe('which accounts can take a payment', () => {
  it('sends to suspense with the reason the account cannot take it', () => {
    expect(suspenseReason(null)).toBe('not-found');
    expect(suspenseReason({ status: 'live', balancePence: 10 })).toBeNull();
    expect(suspenseReason({ status: 'live', balancePence: 0 })).toBe('zero-balance');
    expect(suspenseReason({ status: 'paid', balancePence: 0 })).toBe('zero-balance');
    expect(suspenseReason({ status: 'written-off', balancePence: 0 })).toBe('written-off');
    expect(suspenseReason({ status: 'consolidated', balancePence: 100 })).toBe('consolidated');
    expect(suspenseReason({ status: 'transferred-out', balancePence: 100 })).toBe('transferred-out');
  });
});

describe('account numbers', () => {
  it('are FA, eight digits and a check letter, and accept how officers type them', () => {
    const number = formatAccountNumber(10_000_001);
    expect(number).toMatch(/^FA10000001[A-Z]$/);
    expect(isValidAccountNumber(number)).toBe(true);
    expect(isValidAccountNumber(` ${number.slice(0, 6).toLowerCase()}-${number.slice(6)} `)).toBe(true);
    expect(normaliseAccountNumber('fa 1000 0001-x')).toBe('FA10000001X');
  });

  it('catch every single wrong digit and every swap of neighbouring digits', () => {
    const number = formatAccountNumber(31_415_926);
    const digits = number.slice(2, 10);
    for (let i = 0; i < 8; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === digits[i]) continue;
        const typo = `FA${digits.slice(0, i)}${d}${digits.slice(i + 1)}${number[10]}`;
        expect(isValidAccountNumber(typo)).toBe(false);
      }
      if (i < 7 && digits[i] !== digits[i + 1]) {
        const swapped = `FA${digits.slice(0, i)}${digits[i + 1]}${digits[i]}${digits.slice(i + 2)}${number[10]}`;
        expect(isValidAccountNumber(swapped)).toBe(false);
      }
    }
  });
});
