import { Injectable } from '@nestjs/common';
import { isStaff, Principal } from '@ccsc/auth';
import { BadUserInputError, decodeCursor, ForbiddenError, NotFoundError, Page, toPage } from '@ccsc/platform';
import { isValidAccountNumber, normaliseAccountNumber } from '@ccsc/contracts';
import { ACCOUNT_STATUSES, FineAccount, Imposition } from '../domain/fine-account';
import { permittedAfter } from '../../action/domain/enforcement-actions';
import { AccountRepository, TermsHistoryEntry } from '../infrastructure/account.repository';
import { AppliedPayment, PaymentRepository } from '../infrastructure/payment.repository';
import { PartyIdentityRepository } from '../infrastructure/party-identity.repository';

export interface AccountFilter {
  status?: string;
  businessUnit?: string;
}

/**
 * Reading fine accounts. The defendant's finances are for enforcement and finance staff only;
 * anyone else is refused before anything is read.
 */
@Injectable()
export class AccountQueries {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly applied: PaymentRepository,
    private readonly identities: PartyIdentityRepository,
  ) {}

  private assertStaff(principal: Principal) {
    if (!isStaff(principal)) throw new ForbiddenError('Only staff may see fine accounts');
  }

  async get(id: string, principal: Principal): Promise<FineAccount> {
    this.assertStaff(principal);
    const account = await this.accounts.find(id);
    if (!account) throw new NotFoundError('The fine account');
    return account;
  }

  async getByNumber(typed: string, principal: Principal): Promise<FineAccount> {
    this.assertStaff(principal);
    const account = isValidAccountNumber(typed)
      ? await this.accounts.findByNumber(normaliseAccountNumber(typed))
      : undefined;
    if (!account) throw new NotFoundError('The fine account');
    return account;
  }

  async getMany(ids: readonly string[], principal: Principal): Promise<(FineAccount | null)[]> {
    if (!isStaff(principal)) return ids.map(() => null);
    const found = await this.accounts.findMany(ids);
    return ids.map((id) => found.find((a) => a.id === id) ?? null);
  }

  /** Batch form for `Case.fineAccounts`: one query for every case on the page. */
  async forCases(caseIds: readonly string[], principal: Principal): Promise<FineAccount[][]> {
    if (!isStaff(principal)) return caseIds.map(() => []);
    const found = await this.accounts.ofCases(caseIds);
    return caseIds.map((id) => found.filter((a) => a.caseId === id));
  }

  /** The accounts of the defendant and of every party of another case staff matched as the same person, oldest first. */
  async forDefendant(defendantPartyId: string, principal: Principal): Promise<FineAccount[]> {
    this.assertStaff(principal);
    return this.accounts.ofDefendants(await this.identities.sameIdentityAs(defendantPartyId));
  }

  async list(
    filter: AccountFilter,
    principal: Principal,
    limit: number,
    after?: string,
  ): Promise<Page<FineAccount & { createdAt: Date }>> {
    this.assertStaff(principal);
    if (filter.status !== undefined && !(ACCOUNT_STATUSES as readonly string[]).includes(filter.status)) {
      throw new BadUserInputError('Unknown status', [
        { field: 'status', message: `must be one of ${ACCOUNT_STATUSES.join(', ')}` },
      ]);
    }
    const rows = await this.accounts.list({ ...filter, after: after ? decodeCursor(after) : undefined }, limit);
    return toPage(
      rows.map((a) => ({ ...a, createdAt: a.openedAt })),
      limit,
    );
  }

  impositions(accountIds: readonly string[]): Promise<Imposition[]> {
    return this.accounts.impositionsOf(accountIds);
  }

  /** The payments applied to an account the caller may see, oldest first. */
  async payments(accountId: string, principal: Principal): Promise<AppliedPayment[]> {
    return this.applied.ofAccount((await this.get(accountId, principal)).id);
  }

  termsHistory(accountId: string): Promise<TermsHistoryEntry[]> {
    return this.accounts.termsHistory(accountId);
  }

  permittedActions(account: Pick<FineAccount, 'status' | 'lastAction'>): readonly string[] {
    return account.status === 'live' ? permittedAfter(account.lastAction) : [];
  }
}
