import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { londonLocalDate, type LocalDate } from '@ccsc/calendar';
import type { EventEnvelope } from '@ccsc/contracts';
import { queryOne, sql } from '@ccsc/platform';
import { standingOf } from '../../account/domain/fine-account';
import { AccountRepository } from '../../account/infrastructure/account.repository';
import type { CorrespondenceFacts } from '../domain/correspondence-rules';

/**
 * What a notice needs to know of the account (and warrant) an enforcement event is about, read with the
 * inbox transaction's manager, so the request is decided on the state it commits with.
 */
@Injectable()
export class CorrespondenceFactsRepository {
  constructor(private readonly accounts: AccountRepository) {}

  async factsOf(manager: EntityManager, event: EventEnvelope): Promise<CorrespondenceFacts | undefined> {
    const data = event.data as { accountId?: string; actionId?: string; warrantId?: string };
    if (!data.accountId) return undefined;
    const account = await this.accounts.find(data.accountId, manager);
    if (!account) return undefined;
    const warrant = data.warrantId
      ? await queryOne<{ kind: string; issued_on: LocalDate; agent: string | null }>(
          manager,
          sql`SELECT kind, to_char(issued_on, 'YYYY-MM-DD') AS issued_on, agent FROM warrants
               WHERE id = ${data.warrantId} AND account_id = ${account.id}`,
        )
      : undefined;
    return {
      accountId: account.id,
      day: await this.dayOf(manager, event, account.defaultedOn),
      account: {
        accountNumber: account.accountNumber,
        status: account.status,
        caseId: account.caseId,
        defendantPartyId: account.defendantPartyId,
        imposingCourt: account.imposingCourt,
        ...standingOf(account),
      },
      ...(warrant ? { warrant: { kind: warrant.kind, issuedOn: warrant.issued_on, agent: warrant.agent } } : {}),
    };
  }

  /**
   * The day the event happened on the account. The default run may be run for an earlier day than today,
   * so its action's day is the one it recorded (taken_on), and a default's day the account's defaulted_on;
   * otherwise the London day of the event.
   */
  private async dayOf(manager: EntityManager, event: EventEnvelope, defaultedOn: LocalDate | null): Promise<LocalDate> {
    const data = event.data as { actionId?: string };
    if (data.actionId) {
      const action = await queryOne<{ taken_on: LocalDate }>(
        manager,
        sql`SELECT to_char(taken_on, 'YYYY-MM-DD') AS taken_on FROM enforcement_actions WHERE id = ${data.actionId}`,
      );
      if (action) return action.taken_on;
    }
    if (event.type.startsWith('enforcement.account-defaulted.') && defaultedOn) return defaultedOn;
    return londonLocalDate(new Date(event.time));
  }
}
