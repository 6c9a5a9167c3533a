import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@ccsc/audit';
import type { Principal } from '@ccsc/auth';
import { startAfter, ForbiddenError, type Page, toPage } from '@ccsc/platform';
import { type Warrant, type WarrantStatus, warrantRoleOf } from '../domain/warrant';
import { WarrantRepository } from '../infrastructure/warrant.repository';
import { AccountQueries } from '../../account/application/account.queries';
import { ACCOUNT_READERS } from '../../roles';

export interface WarrantFilter {
  status?: WarrantStatus;
  /** For officers: only the warrants given to this agency. An agency always sees only its own. */
  agent?: string;
}

@Injectable()
export class WarrantQueries {
  constructor(
    private readonly accounts: AccountQueries,
    private readonly warrants: WarrantRepository,
    private readonly audit: AuditTrail,
  ) {}

  /** The warrants of an account the caller may see. */
  async ofAccount(accountId: string, principal: Principal): Promise<Warrant[]> {
    const account = await this.accounts.visible(accountId, principal);
    const warrants = await this.warrants.ofAccounts([account.id]);
    await this.accounts.recordShown(principal, [account], 'fine-account-warrants');
    return warrants;
  }

  /**
   * Warrants, newest issued first: every one for an officer, and for an enforcement agency only
   * those given to it (whatever agent it names), so an agency's work list is this and nothing more.
   */
  async list(
    filter: WarrantFilter,
    principal: Principal,
    limit: number,
    after?: string,
  ): Promise<Page<Warrant & { createdAt: Date }>> {
    const role = warrantRoleOf(principal, ACCOUNT_READERS);
    if (!role) throw new ForbiddenError('Only staff and enforcement agencies see warrants');
    const agent = role === 'agency' ? principal.organisationId : filter.agent;
    const rows = await this.warrants.list({ status: filter.status, agent, after: startAfter(after, 'cursor') }, limit);
    const page = toPage(rows, limit);
    // One record for the page, naming the defendants whose accounts the warrants are on.
    await this.audit.read(principal, {
      recordType: 'warrant',
      recordIds: page.items.map((w) => w.id),
      partyIds: page.items.flatMap((w) => (w.defendantPartyId ? [w.defendantPartyId] : [])),
    });
    return { ...page, items: page.items.map(({ defendantPartyId: _audited, ...warrant }) => warrant) };
  }
}
