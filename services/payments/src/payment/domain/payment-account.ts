import { assertSecondPerson } from '@ccsc/auth/four-eyes';
import { ConflictError } from '@ccsc/platform/errors';

export const ACCOUNT_STATUSES = ['active', 'on-hold', 'deleted'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export interface PaymentAccount {
  id: string;
  accountNumber: string;
  organisationId: string;
  name: string;
  status: AccountStatus;
  /** The credit in force: what the firm may owe on the account. */
  creditLimitPence: number;
  /** A higher limit asked for and not yet decided by a second person, and who asked for it. */
  proposedCreditLimit: { pence: number; by: string } | null;
}

/**
 * The account after `by` asks for a credit limit. Lower than the one in force, it holds at once, and any raise still
 * waiting goes (less credit is no risk the courts take). Higher, it waits for a second person: credit on a firm's
 * account is the courts' money advanced, so it is granted by two people, as money leaving is. The limit in force
 * asked for again (a form sending every field) changes nothing, a raise waiting included.
 */
export function askCreditLimit(account: PaymentAccount, pence: number, by: string): PaymentAccount {
  if (pence === account.creditLimitPence) return account;
  if (pence < account.creditLimitPence) return { ...account, creditLimitPence: pence, proposedCreditLimit: null };
  return { ...account, proposedCreditLimit: { pence, by } };
}

/**
 * A second person's decision on the raise waiting, named by its amount (`pence`, as they read it: a raise changed
 * since is another decision): approved, it is the limit in force; either way it is decided.
 */
export function decideCreditLimit(
  account: PaymentAccount,
  approve: boolean,
  pence: number,
  by: string,
): PaymentAccount {
  const proposed = account.proposedCreditLimit;
  if (!proposed)
    throw new ConflictError(`No higher credit limit is waiting for a decision on ${account.accountNumber}`);
  if (proposed.pence !== pence)
    throw new ConflictError(
      `The higher limit waiting on ${account.accountNumber} is ${proposed.pence} pence, not ${pence}: read the account again`,
    );
  assertSecondPerson(proposed.by, by, 'A higher credit limit');
  return {
    ...account,
    creditLimitPence: approve ? proposed.pence : account.creditLimitPence,
    proposedCreditLimit: null,
  };
}

/** A firm pays by account only from an active account, and only within its credit limit. */
export function assertCanDebit(account: PaymentAccount, usedPence: number, amountPence: number): void {
  if (account.status === 'on-hold')
    throw new ConflictError(`Account ${account.accountNumber} is on hold; pay by card or contact the service centre`);
  if (account.status === 'deleted') throw new ConflictError(`Account ${account.accountNumber} has been closed`);
  const available = account.creditLimitPence - usedPence;
  if (amountPence > available)
    throw new ConflictError(
      `Account ${account.accountNumber} has ${available} pence of credit left, less than the ${amountPence} pence asked for`,
    );
}
