import type { EntityManager } from 'typeorm';
import { NotFoundError } from '@ccsc/platform';
import type { Principal } from '@ccsc/auth';
import type { Case } from '../domain/case';
import { canSeeCase, caseAccessOf } from '../domain/case-access';
import type { CaseRepository } from '../infrastructure/case.repository';

/**
 * The case to change, locked for the caller's transaction, if the caller may see it. A case they
 * may not see is "not found", exactly like one that does not exist: no existence leak.
 */
export async function loadVisibleCase(
  manager: EntityManager,
  cases: CaseRepository,
  caseId: string,
  principal: Principal,
): Promise<Case> {
  const aggregate = await cases.findForUpdate(manager, caseId);
  if (!aggregate || !canSeeCase(caseAccessOf(principal), aggregate.parties)) throw new NotFoundError('The case');
  return aggregate;
}
