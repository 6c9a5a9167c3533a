import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@ccsc/auth';
import {
  fineAccountOpenedV1,
  fineAccountRegisteredV1,
  fineAccountsConsolidatedV1,
  FineAccountType,
  ImpositionKind,
} from '@ccsc/contracts';
import { londonLocalDate } from '@ccsc/calendar';
import { Transaction, UnitOfWork } from '@ccsc/messaging';
import { ConflictError, NotFoundError } from '@ccsc/platform';
import { ALLOCATION_PRIORITY, FineAccount, PATH_OF_ACCOUNT_TYPE } from '../domain/fine-account';
import { formatAccountNumber } from '@ccsc/contracts';
import { checkConsolidation } from '../domain/consolidation';
import { defaultTerms, PaymentTerms } from '../../terms/domain/payment-terms';
import { AccountRepository } from '../infrastructure/account.repository';
import { PartyIdentityRepository } from '../infrastructure/party-identity.repository';

export interface OpenAccount {
  accountType: FineAccountType;
  businessUnit: string;
  caseId?: string;
  resultId?: string;
  defendantPartyId?: string;
  penaltyReference?: string;
  /** The court that imposed the sums, when the result names it. */
  imposingCourt?: string;
  impositions: { kind: ImpositionKind; amountPence: number; creditor: string }[];
  terms?: PaymentTerms;
  openedBy: string;
}

export interface FixedPenalty {
  penaltyReference: string;
  businessUnit: string;
  amountPence: number;
  caseId?: string;
}

/** Opening fine accounts (from a court result or a fixed penalty) and consolidating them. */
@Injectable()
export class AccountCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly accounts: AccountRepository,
    private readonly identities: PartyIdentityRepository,
  ) {}

  /**
   * Opens a fine account with its impositions and first terms (pay in full in 28 days unless given).
   * Returns null when an account for the same result or penalty exists already: the UNIQUE keys, not
   * only the inbox, make a redelivered or repeated request open nothing new.
   */
  async open(tx: Transaction, open: OpenAccount): Promise<{ id: string; accountNumber: string } | null> {
    const id = randomUUID();
    const imposedPence = open.impositions.reduce((sum, i) => sum + i.amountPence, 0);
    const terms = open.terms ?? defaultTerms(londonLocalDate(tx.now));
    const accountNumber = formatAccountNumber(await this.accounts.nextAccountNumber(tx.manager));
    const inserted = await this.accounts.insert(tx.manager, {
      id,
      accountNumber,
      accountType: open.accountType,
      businessUnit: open.businessUnit,
      caseId: open.caseId ?? null,
      resultId: open.resultId ?? null,
      defendantPartyId: open.defendantPartyId ?? null,
      penaltyReference: open.penaltyReference ?? null,
      imposingCourt: open.imposingCourt ?? null,
      enforcementPath: PATH_OF_ACCOUNT_TYPE[open.accountType],
      imposedPence,
      openedAt: tx.now,
      terms,
    });
    if (!inserted) return null;
    const impositions = open.impositions.map((i) => ({ ...i, priority: ALLOCATION_PRIORITY[i.kind] }));
    await this.accounts.addImpositions(tx.manager, id, impositions, tx.now);
    await this.accounts.addTermsHistory(tx.manager, id, {
      version: 1,
      terms,
      reason: 'Terms set when the account was opened',
      changedBy: open.openedBy,
      changedAt: tx.now,
    });
    tx.publish(
      {
        type: fineAccountOpenedV1,
        subject: id,
        data: {
          accountId: id,
          accountNumber,
          accountType: open.accountType,
          balancePence: imposedPence,
          ...(open.caseId ? { caseId: open.caseId } : {}),
          ...(open.resultId ? { resultId: open.resultId } : {}),
        },
      },
      { type: fineAccountRegisteredV1, subject: id, data: { accountId: id, accountNumber } },
    );
    return { id, accountNumber };
  }

  /** Opens a fixed-penalty account; a penalty registered already is refused. */
  async registerFixedPenalty(
    penalty: FixedPenalty,
    principal: Principal,
    correlationId?: string,
  ): Promise<{ id: string }> {
    const opened = await this.unitOfWork.run({ correlationId, actor: principal.sub }, (tx) =>
      this.open(tx, {
        accountType: 'fixed-penalty',
        businessUnit: penalty.businessUnit,
        caseId: penalty.caseId,
        penaltyReference: penalty.penaltyReference,
        impositions: [{ kind: 'fine', amountPence: penalty.amountPence, creditor: 'central-funds' }],
        openedBy: principal.sub,
      }),
    );
    if (!opened) throw new ConflictError(`Fixed penalty ${penalty.penaltyReference} is registered already`);
    return opened;
  }

  /**
   * Consolidates a defendant's accounts into one, on one case or on several whose defendants staff
   * matched as the same person: each imposition still owed moves across with what is left of it, its
   * creditor, priority and date (so payments keep the same order), and the old accounts close as
   * consolidated, pointing at the one they went into. Payments that still quote an old number go to
   * suspense as "consolidated" for an officer to redirect.
   */
  consolidate(
    targetId: string,
    accountIds: string[],
    principal: Principal,
    correlationId?: string,
    now = new Date(),
  ): Promise<FineAccount> {
    return this.unitOfWork.run(
      { correlationId, actor: principal.sub },
      async (tx) => {
        const target = await this.accounts.findForUpdate(tx.manager, targetId);
        if (!target) throw new NotFoundError('The fine account');
        const sources = await this.accounts.findManyForUpdate(tx.manager, accountIds);
        const parties = [target, ...sources].flatMap((a) => (a.defendantPartyId ? [a.defendantPartyId] : []));
        const identities = await this.identities.identitiesForShare(tx.manager, parties);
        checkConsolidation(target, sources, accountIds, identities, principal.sub);
        const balancePence = await this.accounts.consolidate(tx.manager, targetId, accountIds);
        tx.publish({
          type: fineAccountsConsolidatedV1,
          subject: targetId,
          data: { accountId: targetId, consolidatedAccountIds: accountIds, balancePence },
        });
        const updated = await this.accounts.find(targetId, tx.manager);
        if (!updated) throw new NotFoundError('The fine account');
        return updated;
      },
      now,
    );
  }
}
