import { Case, type CaseProps } from '../../case/domain/case';
import type { CaseActor } from '../../case/domain/party-access';

const caseworker: CaseActor = { kind: 'staff', roles: ['caseworker'] };
const referredAt = new Date('2027-03-01T10:00:00Z');
// Thursday 25 March 2027: ten working days, Good Friday and Easter Monday aside, end on Monday 12 April.
const noticeIssuedAt = new Date('2027-03-25T10:00:00Z');

function review(facts: Partial<CaseProps> = {}): Case {
  const created = Case.create({
    caseType: 'immigration-status-review',
    parties: [{ role: 'subject', kind: 'person', name: 'Sam Subject' }],
    createdBy: 'caseworker-1',
    now: referredAt,
  });
  return Case.restore({ ...created.snapshot, ...facts });
}
const unmet = (c: Case, event: string, now: Date, language: 'en' | 'cy' = 'en') =>
  c.assessReadiness(event, now, language).criteria.filter((criterion) => !criterion.met);

describe('the immigration status review', () => {
  it('investigates only once the referral is recorded', () => {
    expect(unmet(review(), 'investigate', referredAt)).toEqual([
      expect.objectContaining({ id: 'referral-recorded', reason: expect.stringContaining('Record the referral') }),
    ]);
    expect(unmet(review(), 'investigate', referredAt, 'cy')[0]?.reason).toContain('Cofnodwch yr atgyfeiriad');
    expect(() => review().trigger('investigate', caseworker, referredAt)).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    const referred = review({ referralRecorded: true });
    expect(referred.trigger('investigate', caseworker, referredAt)).toMatchObject({ to: 'UnderInvestigation' });
  });

  it('issues the minded-to notice only on accepted evidence, none waiting, and the grounds given', () => {
    const investigating = { state: 'UnderInvestigation', referralRecorded: true };
    expect(unmet(review(investigating), 'issue-minded-to-notice', noticeIssuedAt).map((c) => c.id)).toEqual([
      'evidence-accepted',
      'grounds-given',
    ]);
    const pending = review({ ...investigating, documentsAccepted: 1, documentsAwaitingAcceptance: 1 });
    expect(unmet(pending, 'issue-minded-to-notice', noticeIssuedAt).map((c) => c.id)).toEqual([
      'documents-accepted',
      'grounds-given',
    ]);
    const ready = review({ ...investigating, documentsAccepted: 2, mindedToNoticeRecorded: true });
    expect(ready.trigger('issue-minded-to-notice', caseworker, noticeIssuedAt)).toMatchObject({ to: 'MindedToNotice' });
    expect(ready.deadline(noticeIssuedAt)).toMatchObject({
      definition: { id: 'representations' },
      end: { date: '2027-04-12' },
    });
  });

  it('decides only once representations are recorded or the time for them has ended, saying the dates', () => {
    const waiting = review({
      state: 'MindedToNotice',
      stateEnteredAt: noticeIssuedAt,
      documentsAccepted: 1,
      decisionRecorded: true,
    });
    const onDueDay = new Date('2027-04-12T15:00:00Z');
    expect(unmet(waiting, 'decide', onDueDay)).toEqual([
      {
        id: 'representations-considered',
        description:
          'Representations are recorded, or the time for representations has ended (it ends on 12 April 2027)',
        met: false,
        reason:
          'No representations are recorded yet, and the time for representations has not ended: this is possible from 13 April 2027, or as soon as representations are recorded.',
      },
    ]);
    expect(unmet(waiting, 'decide', onDueDay, 'cy')[0]).toMatchObject({
      description:
        "Mae sylwadau wedi'u cofnodi, neu mae'r amser wedi dod i ben (Yr amser i gyflwyno sylwadau: yn dod i ben ar 12 Ebrill 2027)",
      reason: expect.stringContaining('mae hyn yn bosibl o 13 Ebrill 2027 ymlaen'),
    });
    expect(() => waiting.trigger('decide', caseworker, onDueDay)).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );

    expect(unmet(waiting, 'decide', new Date('2027-04-13T08:00:00Z'))).toEqual([]);
    const represented = review({ ...waiting.snapshot, representationsRecorded: true });
    expect(represented.trigger('decide', caseworker, onDueDay)).toMatchObject({ to: 'Decided' });
  });

  it('serves the notice only on a decision a second caseworker has approved, which opens the appeal window', () => {
    const decided = { state: 'Decided', decisionRecorded: true };
    const servedAt = new Date('2027-04-20T10:00:00Z');
    expect(unmet(review(decided), 'serve-notice', servedAt)).toEqual([
      expect.objectContaining({
        id: 'decision-checked',
        reason: expect.stringContaining('other than the one who made'),
      }),
    ]);
    expect(unmet(review({ ...decided, decisionCheck: 'returned' }), 'serve-notice', servedAt)[0]?.reason).toContain(
      'record a corrected decision that supersedes it',
    );
    const approved = review({ ...decided, decisionCheck: 'approved' });
    expect(approved.trigger('serve-notice', caseworker, servedAt)).toMatchObject({ to: 'AppealWindowOpen' });
    // 14 calendar days from Tuesday 20 April: Tuesday 4 May.
    expect(approved.deadline(servedAt)).toMatchObject({
      definition: { id: 'appeal-window', triggers: 'close' },
      end: { date: '2027-05-04' },
    });
  });

  it('lets a review served before serving opened the window still open it', () => {
    const served = review({ state: 'NoticeServed' });
    expect(served.trigger('open-appeal-window', caseworker, referredAt)).toMatchObject({ to: 'AppealWindowOpen' });
  });
});
