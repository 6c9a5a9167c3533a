import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@ccsc/audit';
import { isStaff, Principal } from '@ccsc/auth';
import { BadUserInputError, startAfter, ForbiddenError, NotFoundError, Page, toPage } from '@ccsc/platform';
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
 * anyone else is refused before anything is read. Every read of accounts is recorded in the audit
 * trail, with the defendants whose accounts they are, before it is answered.
 */
@Injectable()
export class AccountQueries {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly applied: PaymentRepository,
    private readonly identities: PartyIdentityRepository,
    private readonly audit: AuditTrail,
  ) {}

  private assertStaff(principal: Principal) {
    if (!isStaff(principal)) throw new ForbiddenError('Only staff may see fine accounts');
  }

  async get(id: string, principal: Principal): Promise<FineAccount> {
    const account = await this.visible(id, principal);
    await this.recordShown(principal, [account]);
    return account;
  }

  /**
   * An account the caller may see, not yet recorded as shown: for the reads of its payments, actions
   * or warrants, which record themselves as what they show, once (see recordShown).
   */
  async visible(id: string, principal: Principal): Promise<FineAccount> {
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
    await this.recordShown(principal, [account]);
    return account;
  }

  async getMany(ids: readonly string[], principal: Principal): Promise<(FineAccount | null)[]> {
    if (!isStaff(principal)) return ids.map(() => null);
    const found = await this.accounts.findMany(ids);
    // Federation's lookups of a request come here as one batch: one record for them all.
    await this.recordShown(principal, found);
    return ids.map((id) => found.find((a) => a.id === id) ?? null);
  }

  /** Batch form for `Case.fineAccounts`: one query for every case on the page. */
  async forCases(caseIds: readonly string[], principal: Principal): Promise<FineAccount[][]> {
    if (!isStaff(principal)) return caseIds.map(() => []);
    const found = await this.accounts.ofCases(caseIds);
    await this.recordShown(principal, found);
    return caseIds.map((id) => found.filter((a) => a.caseId === id));
  }

  /** The accounts of the defendant and of every party of another case staff matched as the same person, oldest first. */
  async forDefendant(defendantPartyId: string, principal: Principal): Promise<FineAccount[]> {
    this.assertStaff(principal);
    const found = await this.accounts.ofDefendants(await this.identities.sameIdentityAs(defendantPartyId));
    await this.recordShown(principal, found);
    return found;
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
    const rows = await this.accounts.list({ ...filter, after: startAfter(after) }, limit);
    const page = toPage(
      rows.map((a) => ({ ...a, createdAt: a.openedAt })),
      limit,
    );
    // One record for the whole page (not the extra row that only tells there is a next page).
    await this.recordShown(principal, page.items);
    return page;
  }

  impositions(accountIds: readonly string[]): Promise<Imposition[]> {
    return this.accounts.impositionsOf(accountIds);
  }

  /** The payments applied to an account the caller may see, oldest first. */
  async payments(accountId: string, principal: Principal): Promise<AppliedPayment[]> {
    const account = await this.visible(accountId, principal);
    const payments = await this.applied.ofAccount(account.id);
    await this.recordShown(principal, [account], 'fine-account-payments');
    return payments;
  }

  /**
   * The audit trail's record that the caller was shown these accounts (or, by `recordType`, their
   * payments, actions or warrants) and whose they are: one record for them all. Only staff read
   * accounts, and staff act for nobody.
   */
  async recordShown(
    principal: Principal,
    accounts: readonly FineAccount[],
    recordType = 'fine-account',
  ): Promise<void> {
    await this.audit.read(principal, {
      recordType,
      recordIds: accounts.map((a) => a.id),
      partyIds: accounts.flatMap((a) => (a.defendantPartyId ? [a.defendantPartyId] : [])),
    });
  }

  termsHistory(accountId: string): Promise<TermsHistoryEntry[]> {
    return this.accounts.termsHistory(accountId);
  }

  permittedActions(account: Pick<FineAccount, 'status' | 'lastAction'>): readonly string[] {
    return account.status === 'live' ? permittedAfter(account.lastAction) : [];
  }
}
