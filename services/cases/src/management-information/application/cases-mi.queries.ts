import { Injectable } from '@nestjs/common';
import type { MiFigure, MiPeriod, MiSectionSource } from '@ccsc/management-information';
import { CASE_TYPES } from '../../case-type/case-types';
import {
  casesFiguresOf,
  figuresAsRows,
  ISSUE_EVENT,
  type CasesFigures,
  type FinalState,
} from '../domain/cases-figures';
import { CasesFiguresRepository } from '../infrastructure/cases-figures.repository';

/** Read from the case types the service runs, so a new case type's closures count without a change here. */
const FINAL_STATES: readonly FinalState[] = CASE_TYPES.flatMap((t) =>
  t.finalStates.map((state) => ({ caseType: t.id, state })),
);

/**
 * The cases section of the management information: counts of what happened to cases, no case or party
 * in it, so nothing here is a read of personal data for the audit trail.
 */
@Injectable()
export class CasesMiQueries implements MiSectionSource<CasesFigures> {
  constructor(private readonly figures: CasesFiguresRepository) {}

  async figuresFor(period: MiPeriod): Promise<CasesFigures> {
    return casesFiguresOf(period, await this.figures.moves(period, ISSUE_EVENT, FINAL_STATES));
  }

  figuresAsRows(figures: CasesFigures): MiFigure[] {
    return figuresAsRows(figures);
  }
}
