import type { Principal } from '@ccsc/auth';
import type { CaseAccess } from '@ccsc/case-access';
import { ForbiddenError, NotFoundError } from '@ccsc/platform';

/**
 * Paying a case's fees, asking for help with them or for their refund is for staff and the side that
 * pays them (libs/case-access `feesVisible`). A case the caller may not see is not found; the other
 * side, who sees the case, is refused: the fees, and any remission, are not theirs.
 */
export async function assertActsForFeePayer(
  caseAccess: CaseAccess,
  principal: Principal,
  caseId: string,
): Promise<void> {
  if ((await caseAccess.feesVisible(principal, [caseId])).has(caseId)) return;
  if (!(await caseAccess.canSee(principal, caseId))) throw new NotFoundError('The case');
  throw new ForbiddenError("Only the side that pays the case's fees, or staff, may do that");
}
