import { BadUserInputError, ConflictError } from '@ccsc/platform/errors';
import type { AccountStatus } from './fine-account';

interface Consolidating {
  id: string;
  status: AccountStatus;
  defendantPartyId: string | null;
}

/**
 * Accounts may be consolidated into one when they are all live and all the same defendant's; the
 * account they go into is one of that defendant's live accounts and not among them.
 */
export function checkConsolidation(target: Consolidating, sources: readonly Consolidating[], requestedIds: readonly string[]): void {
  if (requestedIds.length === 0) throw new BadUserInputError('Nothing to consolidate', [{ field: 'accountIds', message: 'name at least one account' }]);
  if (new Set(requestedIds).size !== requestedIds.length || requestedIds.includes(target.id)) {
    throw new BadUserInputError('Each account once, and not the one they go into', [{ field: 'accountIds', message: 'must be distinct and exclude the target account' }]);
  }
  const missing = requestedIds.filter((id) => !sources.some((s) => s.id === id));
  if (missing.length) throw new BadUserInputError('Unknown accounts', [{ field: 'accountIds', message: `no such account: ${missing.join(', ')}` }]);
  if (!target.defendantPartyId) throw new ConflictError('The target account names no defendant');
  const notLive = [target, ...sources].filter((a) => a.status !== 'live');
  if (notLive.length) throw new ConflictError(`Only live accounts are consolidated: ${notLive.map((a) => `${a.id} is ${a.status}`).join('; ')}`);
  const others = sources.filter((s) => s.defendantPartyId !== target.defendantPartyId);
  if (others.length) throw new ConflictError(`Accounts of another defendant cannot be consolidated: ${others.map((a) => a.id).join(', ')}`);
}
