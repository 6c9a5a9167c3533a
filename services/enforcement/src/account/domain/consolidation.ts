import { BadUserInputError, ConflictError } from '@ccsc/platform/errors';
import { MAX_PENCE } from '@ccsc/platform/money';
import type { AccountStatus } from './fine-account';
import { assertMatchMadeByAnother, type PartyIdentities, sameDefendant } from './defendant-identity';

interface Consolidating {
  id: string;
  status: AccountStatus;
  defendantPartyId: string | null;
  imposedPence: number;
  balancePence: number;
}

/**
 * Accounts may be consolidated into one when they are all live and all the same defendant's; the
 * account they go into is one of that defendant's live accounts and not among them. One defendant is
 * one identity: the same party, or parties of different cases that staff matched as one person
 * (`identities`, the matches of the accounts' defendants), then by someone other than who matched them (`mover`).
 */
export function checkConsolidation(
  target: Consolidating,
  sources: readonly Consolidating[],
  requestedIds: readonly string[],
  identities: PartyIdentities,
  mover: string,
): void {
  if (requestedIds.length === 0)
    throw new BadUserInputError('Nothing to consolidate', [
      { field: 'accountIds', message: 'name at least one account' },
    ]);
  if (new Set(requestedIds).size !== requestedIds.length || requestedIds.includes(target.id)) {
    throw new BadUserInputError('Each account once, and not the one they go into', [
      { field: 'accountIds', message: 'must be distinct and exclude the target account' },
    ]);
  }
  const missing = requestedIds.filter((id) => !sources.some((s) => s.id === id));
  if (missing.length)
    throw new BadUserInputError('Unknown accounts', [
      { field: 'accountIds', message: `no such account: ${missing.join(', ')}` },
    ]);
  if (!target.defendantPartyId) throw new ConflictError('The target account names no defendant');
  const notLive = [target, ...sources].filter((a) => a.status !== 'live');
  if (notLive.length)
    throw new ConflictError(
      `Only live accounts are consolidated: ${notLive.map((a) => `${a.id} is ${a.status}`).join('; ')}`,
    );
  const others = sources.filter((s) => !sameDefendant(s.defendantPartyId, target.defendantPartyId, identities));
  if (others.length)
    throw new ConflictError(
      `Accounts of another defendant cannot be consolidated: ${others.map((a) => a.id).join(', ')}`,
    );
  for (const { defendantPartyId } of sources)
    if (defendantPartyId) assertMatchMadeByAnother(defendantPartyId, target.defendantPartyId, identities, mover);
  // What the sources still owe is imposed on the target: one account holds no more than any amount may be.
  const imposed = target.imposedPence + sources.reduce((sum, s) => sum + s.balancePence, 0);
  if (imposed > MAX_PENCE)
    throw new ConflictError(
      `Consolidated, the account would hold ${imposed} pence imposed, above the ${MAX_PENCE} pence one account may hold`,
    );
}
