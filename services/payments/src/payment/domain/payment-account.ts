import { ConflictError } from '@ccsc/platform/errors';

export const ACCOUNT_STATUSES = ['active', 'on-hold', 'deleted'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export interface PaymentAccount {
  id: string;
  accountNumber: string;
  organisationId: string;
  name: string;
  status: AccountStatus;
  creditLimitPence: number;
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
