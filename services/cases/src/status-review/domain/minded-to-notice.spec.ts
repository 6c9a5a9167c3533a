import { CASE_CALENDAR } from '../../case-type/domain/deadlines';
import { civilMoneyClaim } from '../../case-type/definitions/civil-money-claim';
import { immigrationStatusReview } from '../../case-type/definitions/immigration-status-review';
import {
  asSeenByParties,
  type MindedToNotice,
  mindedToNoticeEvent,
  receivedLate,
  representationsDue,
  representationsOn,
} from './minded-to-notice';

// Thursday 25 March 2027, the day before Good Friday.
const issuedAt = new Date('2027-03-25T10:00:00Z');
const notice = { issuedAt, representationsDueOn: '2027-04-12' };

describe('the minded-to notice', () => {
  it('gives 10 working days for representations from the day it is issued, past the Easter bank holidays', () => {
    // Good Friday and Easter Monday are not counted: day 10 is Monday 12 April.
    expect(representationsDue(immigrationStatusReview, issuedAt)).toMatchObject({
      date: '2027-04-12',
      calendarVersion: CASE_CALENDAR.version,
    });
  });

  it('is issued by the case type event that leads to the state where representations are made', () => {
    expect(mindedToNoticeEvent(immigrationStatusReview)).toMatchObject({
      from: ['UnderInvestigation'],
      to: 'MindedToNotice',
    });
    expect(() => mindedToNoticeEvent(civilMoneyClaim)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });
});

describe('representations on a minded-to notice', () => {
  const now = new Date('2027-04-20T09:00:00Z');

  it('are recorded while the decision waits on the notice, and marked late when received after the day due', () => {
    expect(representationsOn(notice, 'MindedToNotice', 'MindedToNotice', '2027-04-12', now)).toEqual({ late: false });
    expect(representationsOn(notice, 'MindedToNotice', 'MindedToNotice', '2027-04-13', now)).toEqual({ late: true });
    expect(receivedLate('2027-04-12', '2027-04-12')).toBe(false);
  });

  it('are refused once the case has been decided', () => {
    expect(() => representationsOn(notice, 'MindedToNotice', 'Decided', '2027-04-12', now)).toThrow(
      expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining('The case is Decided') }),
    );
  });

  it('are received from the day the notice was issued to today, never before it or in the future', () => {
    for (const receivedOn of ['2027-03-24', '2027-04-21'])
      expect(() => representationsOn(notice, 'MindedToNotice', 'MindedToNotice', receivedOn, now)).toThrow(
        expect.objectContaining({
          code: 'BAD_USER_INPUT',
          fieldErrors: [{ field: 'receivedOn', message: 'must be from 2027-03-25 to 2027-04-20' }],
        }),
      );
  });

  it('are shown to the person without the officer who recorded them', () => {
    const issued: MindedToNotice = {
      id: 'n1',
      caseId: 'c1',
      proposedOutcome: 'Revoke indefinite leave to remain',
      grounds: 'Leave was obtained by deception.',
      representationsDueOn: '2027-04-12',
      calendarVersion: CASE_CALENDAR.version,
      issuedBy: 'caseworker-1',
      issuedAt,
      representations: [
        {
          id: 'r1',
          noticeId: 'n1',
          caseId: 'c1',
          receivedOn: '2027-04-01',
          madeBy: 'representative',
          summary: 'The employer letter was genuine.',
          late: false,
          recordedBy: 'caseworker-2',
          recordedAt: now,
        },
      ],
    };
    const seen = asSeenByParties(issued);
    expect(seen.representations[0]).not.toHaveProperty('recordedBy');
    expect(seen).not.toHaveProperty('issuedBy');
    expect(seen.representations[0]?.summary).toBe('The employer letter was genuine.');
    expect(issued.representations[0]?.recordedBy).toBe('caseworker-2');
  });
});
