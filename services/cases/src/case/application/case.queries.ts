import { Injectable } from '@nestjs/common';
import { BadUserInputError, startAfter, ForbiddenError, isUuid, NotFoundError, Page } from '@ccsc/platform';
import { isStaff, type Principal } from '@ccsc/auth';
import { Case, Readiness } from '../domain/case';
import type { Language } from '../../case-type/domain/readiness';
import { canSeeCase, caseAccessOf, relationOf } from '../domain/case-access';
import { partiesActedFor } from '@ccsc/case-access/rule';
import { AuditTrail } from '@ccsc/audit';
import { parseCaseReference } from '../domain/case-reference';
import { caseActorOf, mayReadFees } from '../domain/party-access';
import { userIdSeenBy } from '../domain/user-ids';
import { findCaseType } from '../../case-type/case-types';
import { CaseFilter, CaseRepository } from '../infrastructure/case.repository';

/** Read use cases. A case the caller may not see is "not found", exactly like one that does not exist. */
@Injectable()
export class CaseQueries {
  constructor(
    private readonly cases: CaseRepository,
    private readonly audit: AuditTrail,
  ) {}

  async get(id: string, principal: Principal): Promise<Case> {
    return this.shown(
      principal,
      this.visible(await this.cases.findVisibleById(id, caseAccessOf(principal)), principal),
    );
  }

  async getByReference(reference: string, principal: Principal): Promise<Case> {
    const digits = parseCaseReference(reference);
    if (!digits) {
      throw new BadUserInputError('Malformed case reference', [
        { field: 'reference', message: 'must be 16 digits (dashes allowed) with a valid check digit' },
      ]);
    }
    return this.shown(
      principal,
      this.visible(await this.cases.findVisibleByReference(digits, caseAccessOf(principal)), principal),
    );
  }

  /** For federation: the visible cases among these ids, in the same order, null where not visible. */
  async getMany(ids: readonly string[], principal: Principal): Promise<(Case | null)[]> {
    const access = caseAccessOf(principal);
    const byId = new Map((await this.cases.findByIds(ids.filter(isUuid))).map((c) => [c.id, c]));
    const visible = ids.map((id) => {
      const found = byId.get(id);
      return found && canSeeCase(access, found.parties) ? found : null;
    });
    await this.recordShown(
      principal,
      visible.filter((c) => c !== null),
    );
    return visible;
  }

  async list(filter: CaseFilter, principal: Principal, limit: number, after?: string): Promise<Page<Case>> {
    const page = await this.cases.findPage(filter, caseAccessOf(principal), limit, startAfter(after));
    await this.recordShown(principal, page.items);
    return page;
  }

  /**
   * The audit trail's record that the caller was shown these cases and their parties (one record for a
   * whole page), and which of those parties they act for.
   */
  async recordShown(principal: Principal, cases: readonly Case[]): Promise<void> {
    const access = caseAccessOf(principal);
    await this.audit.read(principal, {
      recordType: 'case',
      recordIds: cases.map((c) => c.id),
      partyIds: cases.flatMap((c) => c.parties.map((p) => p.id)),
      actingFor: cases.flatMap((c) => partiesActedFor(access, c.parties.map(relationOf)).map((p) => p.partyId)),
    });
  }

  private async shown(principal: Principal, found: Case): Promise<Case> {
    await this.recordShown(principal, [found]);
    return found;
  }

  /**
   * What an event waits for names the case's unpaid or remitted fees and open referrals: the paying
   * side's business and staff's (mayReadFees), so the other side is refused rather than told. Of the
   * documents waiting for a caseworker and the open assisted-digital referrals, a party's side is told of its
   * own only: another party's papers in review and digital-support needs are not its to know of, even by number.
   */
  async readiness(
    id: string,
    event: string,
    principal: Principal,
    language: Language = 'en',
    now = new Date(),
  ): Promise<Readiness> {
    const aggregate = this.visible(await this.cases.findVisibleById(id, caseAccessOf(principal)), principal);
    const actor = caseActorOf(principal, aggregate.parties);
    if (!mayReadFees(actor, findCaseType(aggregate.snapshot.caseType))) {
      throw new ForbiddenError('What a case waits for is shown to staff and the side that pays its fees');
    }
    if (actor.kind === 'staff') return aggregate.assessReadiness(event, now, language);
    const ours = actor.parties.map((p) => p.partyId);
    return aggregate.assessReadiness(event, now, language, await this.cases.waitingOn(id, ours));
  }

  /** The case's state changes; who made them (a subject id) is staff's only (userIdSeenBy), as on the timeline. */
  async history(id: string, principal: Principal) {
    const entries = await this.cases.history((await this.get(id, principal)).id);
    return entries.map(({ actor, ...entry }) => {
      const shown = userIdSeenBy(principal, actor);
      // Earlier builds gave a result's transition the last defendant's outcome as its reason: that is theirs
      // (the timeline shows each result to its own side), not the case's, so only staff read it.
      const reason = entry.event === 'result' && !isStaff(principal) ? null : entry.reason;
      return { ...entry, reason, ...(shown ? { actor: shown } : {}) };
    });
  }

  /** The statement applied the access rule; the aggregate is checked by the same rule in memory too. */
  private visible(found: Case | undefined, principal: Principal): Case {
    if (!found || !canSeeCase(caseAccessOf(principal), found.parties)) throw new NotFoundError('The case');
    return found;
  }
}
