import { ValidateBy } from 'class-validator';

/**
 * The most any amount given in pence may be, everywhere (GBP 10 million). Amounts are stored as
 * bigint, but read back as PostgreSQL int (JavaScript numbers, not pg's bigint strings) and GraphQL's
 * Int is 32-bit too: with this bound an amount, and the sum of a handful of them, fits both.
 */
export const MAX_PENCE = 1_000_000_000;

/**
 * class-validator: the `amountPence` of a list's items add up to at most MAX_PENCE. Items are each
 * bounded by MAX_PENCE, but what is stored as their total (a fine account's imposed amount) must be too.
 */
export const TotalPenceAtMost = (max = MAX_PENCE) =>
  ValidateBy({
    name: 'totalPenceAtMost',
    validator: {
      validate: (value: unknown) =>
        !Array.isArray(value) ||
        value.reduce<number>(
          (sum, item) => sum + (Number((item as { amountPence?: unknown } | null)?.amountPence) || 0),
          0,
        ) <= max,
      defaultMessage: (args) => `${args?.property ?? 'value'} must add up to at most ${max} pence`,
    },
  });
