import type { Principal } from '@ccsc/auth';
import type { Party } from '../../case/domain/party';
import { caseActorOf } from '../../case/domain/party-access';
import type { DocumentReader } from '../domain/case-document';

/** The caller as a reader of a case's documents: staff, or the parties of the case they act for. */
export function documentReaderOf(principal: Principal, parties: readonly Party[]): DocumentReader {
  const actor = caseActorOf(principal, parties);
  return actor.kind === 'staff' ? { staff: true } : { staff: false, partyIds: actor.parties.map((p) => p.partyId) };
}
