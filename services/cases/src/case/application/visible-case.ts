import type { EntityManager } from 'typeorm';
import { NotFoundError } from '@ccsc/platform';
import type { Principal } from '@ccsc/auth';
import type { Case } from '../domain/case';
import { canSeeCase, caseAccessOf, relationOf } from '../domain/case-access';
import { partiesActedFor } from '@ccsc/case-access/rule';
import { noteActingFor } from '@ccsc/platform/work-scope';
import type { CaseRepository } from '../infrastructure/case.repository';

/**
 * The case to change, locked for the caller's transaction, if the caller may see it. A case they
 * may not see is "not found", exactly like one that does not exist, and is neither locked nor loaded:
 * no existence leak, by the answer or by its time.
 */
export async function loadVisibleCase(
  manager: EntityManager,
  cases: CaseRepository,
  caseId: string,
  principal: Principal,
): Promise<Case> {
  const access = caseAccessOf(principal);
  const aggregate = await cases.findVisibleForUpdate(manager, caseId, access);
  // The statement applied the rule; the aggregate is checked again by the same rule in memory.
  if (!aggregate || !canSeeCase(access, aggregate.parties)) throw new NotFoundError('The case');
  // The change that follows is made as (or for) these parties: the audit trail records it so.
  noteActingFor(partiesActedFor(access, aggregate.parties.map(relationOf)).map((p) => p.partyId));
  return aggregate;
}
