import { Injectable } from '@nestjs/common';
import { isSupportedLocalDate } from '@ccsc/calendar';
import { isStaff, Principal } from '@ccsc/auth';
import { AppError, BadUserInputError, ForbiddenError, NotFoundError } from '@ccsc/platform';
import { CaseQueries } from '../../case/application/case.queries';
import type { Hearing } from '../domain/hearing';
import { HearingRepository } from '../infrastructure/hearing.repository';

/**
 * Reading hearings. Who may see a hearing is who may see its case, decided by CaseQueries: a case
 * the caller may not see is "not found", and so are its hearings.
 */
@Injectable()
export class HearingQueries {
  constructor(
    private readonly cases: CaseQueries,
    private readonly hearings: HearingRepository,
  ) {}

  async forCase(caseId: string, principal: Principal): Promise<Hearing[]> {
    return this.hearings.forCase((await this.cases.get(caseId, principal)).id);
  }

  /**
   * A hearing the caller may see. Given the case it was asked under, that case is checked first
   * and the hearing must belong to it; asked by hearing id alone, a hearing of a case the caller
   * may not see is reported missing exactly like one that does not exist.
   */
  async get(hearingId: string, principal: Principal, caseId?: string): Promise<Hearing> {
    if (caseId !== undefined) await this.cases.get(caseId, principal);
    const found = await this.hearings.findById(hearingId);
    if (!found || (caseId !== undefined && found.caseId !== caseId)) throw new NotFoundError('The hearing');
    if (caseId === undefined) {
      try {
        await this.cases.get(found.caseId, principal);
      } catch (error) {
        if (error instanceof AppError && error.code === 'NOT_FOUND') throw new NotFoundError('The hearing');
        throw error;
      }
    }
    return found;
  }

  /** A venue's hearings on a London calendar day: the court's list, for staff only. */
  async atVenue(venueId: string, date: string, principal: Principal): Promise<Hearing[]> {
    // The list spans every case at the venue, so it is not filtered by case access: the endpoints
    // admit staff only, and this refuses anyone else should an endpoint ever be opened wider.
    if (!isStaff(principal)) throw new ForbiddenError("Only staff may see a venue's list");
    if (!isSupportedLocalDate(date))
      throw new BadUserInputError('Invalid date', [{ field: 'date', message: 'must be a calendar day as YYYY-MM-DD' }]);
    return this.hearings.atVenueOn(venueId, date);
  }
}
