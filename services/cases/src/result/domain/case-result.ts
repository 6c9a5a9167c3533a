import { BadUserInputError, FieldError } from '@ccsc/platform/errors';
import type { ImpositionKind } from '@ccsc/contracts';

export interface Imposition {
  kind: ImpositionKind;
  amountPence: number;
  creditor: string;
}

export interface RecordResultCommand {
  defendantPartyId: string;
  outcome: string;
  impositions: Imposition[];
}

export interface CaseResult extends RecordResultCommand {
  id: string;
  caseId: string;
  resultedBy: string;
  resultedAt: Date;
}

export const CENTRAL_FUNDS = 'central-funds';

/**
 * The financial impositions of a result, checked: money is whole pence; fines, surcharges and the
 * criminal courts charge are owed to central funds; compensation and costs name who they are owed to.
 */
export function checkImpositions(impositions: readonly Imposition[]): Imposition[] {
  const problems: FieldError[] = [];
  impositions.forEach((imposition, i) => {
    const centralFunds = ['fine', 'victim-surcharge', 'criminal-courts-charge'].includes(imposition.kind);
    if (centralFunds && imposition.creditor !== CENTRAL_FUNDS) {
      problems.push({
        field: `impositions.${i}.creditor`,
        message: `a ${imposition.kind} is owed to ${CENTRAL_FUNDS}`,
      });
    }
    if (!centralFunds && imposition.creditor === CENTRAL_FUNDS) {
      problems.push({ field: `impositions.${i}.creditor`, message: `${imposition.kind} must name who it is owed to` });
    }
  });
  if (problems.length) throw new BadUserInputError('Invalid impositions', problems);
  return [...impositions];
}
