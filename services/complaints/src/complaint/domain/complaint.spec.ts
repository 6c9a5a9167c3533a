import { londonInstant, WorkingDayCalendar } from '@ccsc/calendar';
import { AppError } from '@ccsc/platform/errors';
import { Complaint, NewComplaint, pounds } from './complaint';

const calendar = WorkingDayCalendar.englandAndWales();
const friday = londonInstant('2025-12-19', '10:30');
const now = new Date('2026-02-02T10:00:00Z');
const CASE = '6f1c9a52-9d3e-4b8e-8f8b-0c1d2e3f4a5b';

const open = (overrides: Partial<NewComplaint> = {}) =>
  Complaint.open(
    {
      reference: 'CMP-000001',
      complainantType: 'public',
      origin: 'telephone',
      caseIds: [CASE],
      category: 'delay',
      severity: 'minor',
      receivedAt: friday,
      createdBy: 'officer',
      now,
      ...overrides,
    },
    calendar,
  );

/** Takes the current stage to an answer with the given outcome. */
function answer(complaint: Complaint, outcome: 'upheld' | 'partially-upheld' | 'not-upheld', at = now) {
  complaint.acknowledge(at);
  complaint.startInvestigation(undefined, at);
  complaint.draftResponse('Our response.', null, 'officer');
  return complaint.sendResponse(outcome, undefined, 'reviewer', at);
}

function refusal(fn: () => unknown): { code: string; fieldErrors: { field: string; message: string }[] } {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, fieldErrors: error.fieldErrors };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('a complaint', () => {
  it('opens at stage 1 on its working-day clock, and as a breach with the regulator clock when its severity says so', () => {
    const complaint = open();
    expect(complaint.current).toMatchObject({ stage: 1, status: 'received', dueDate: '2026-01-07', workingDays: 10 });
    expect(complaint.snapshot.breach).toBeNull();
    const breach = open({ severity: 'security-breach' });
    expect(breach.snapshot.breach).toMatchObject({
      awareAt: friday,
      regulatorDeadline: new Date(friday.getTime() + 72 * 3600_000),
      reportable: null,
    });
  });

  it('refuses a future receipt, a blank category and a case named twice', () => {
    expect(
      refusal(() =>
        open({ receivedAt: new Date(now.getTime() + 1), category: ' ', caseIds: [CASE, CASE] }),
      ).fieldErrors.map((e) => e.field),
    ).toEqual(['receivedAt', 'category', 'caseIds']);
  });

  it('moves each stage through acknowledged, investigating, drafted and sent, in that order only', () => {
    const complaint = open();
    expect(refusal(() => complaint.startInvestigation(undefined, now)).code).toBe('CONFLICT');
    expect(refusal(() => complaint.draftResponse('x', null, 'o')).code).toBe('CONFLICT');
    complaint.acknowledge(now);
    expect(refusal(() => complaint.acknowledge(now)).code).toBe('CONFLICT');
    complaint.startInvestigation('officer-olu', now);
    expect(complaint.snapshot.investigatingOfficer).toBe('officer-olu');
    expect(refusal(() => complaint.sendResponse('upheld', undefined, 'r', now)).code).toBe('CONFLICT');
    complaint.draftResponse('First draft.', null, 'officer');
    complaint.draftResponse('Second draft.', null, 'officer');
    const sent = complaint.sendResponse('upheld', undefined, 'reviewer', now);
    expect(sent).toEqual({ kind: 'response-sent', summary: 'Stage 1 answered late: upheld' });
    expect(complaint.current).toMatchObject({
      status: 'response-sent',
      responseText: 'Second draft.',
      outcome: 'upheld',
      respondedBy: 'reviewer',
    });
  });

  it('has a Tier 1+ response sent by a senior leader only', () => {
    const complaint = open({ severity: 'tier-1-plus' });
    complaint.acknowledge(now);
    complaint.startInvestigation(undefined, now);
    complaint.draftResponse('Drafted for the senior leader.', null, 'officer');
    expect(refusal(() => complaint.sendResponse('upheld', undefined, 'officer', now)).code).toBe('FORBIDDEN');
    complaint.sendResponse('upheld', undefined, 'leader', now, true);
    expect(complaint.current).toMatchObject({ status: 'response-sent', respondedBy: 'leader' });
  });

  it('escalates an answered stage to 2 and 3, each on its own clock, and no further', () => {
    const complaint = open();
    expect(refusal(() => complaint.escalate(calendar, now)).code).toBe('CONFLICT');
    answer(complaint, 'not-upheld', friday);
    complaint.escalate(calendar, friday);
    expect(complaint.current).toMatchObject({ stage: 2, status: 'received', workingDays: 10, dueDate: '2026-01-07' });
    answer(complaint, 'not-upheld', friday);
    complaint.escalate(calendar, friday);
    expect(complaint.current).toMatchObject({ stage: 3, workingDays: 15, dueDate: '2026-01-14' });
    answer(complaint, 'not-upheld');
    expect(refusal(() => complaint.escalate(calendar, now)).code).toBe('CONFLICT');
  });

  it('agrees remedies only after an upheld outcome, with the details each kind needs', () => {
    const complaint = open();
    answer(complaint, 'not-upheld');
    expect(refusal(() => complaint.agreeRemedy({ kind: 'apology', description: 'Sorry' }, 'o', now)).code).toBe(
      'CONFLICT',
    );
    const upheld = open();
    answer(upheld, 'partially-upheld');
    expect(
      refusal(() => upheld.agreeRemedy({ kind: 'consolatory-payment', amountPence: 0 }, 'o', now)).fieldErrors,
    ).toEqual([{ field: 'amountPence', message: 'must be a whole number of pence, at least 1' }]);
    expect(
      refusal(() =>
        upheld.agreeRemedy({ kind: 'explanation', amountPence: 100, feeCode: 'FEE0001' }, 'o', now),
      ).fieldErrors.map((e) => e.field),
    ).toEqual(['amountPence', 'feeCode', 'description']);
    const { remedy, change } = upheld.agreeRemedy({ kind: 'consolatory-payment', amountPence: 5005 }, 'o', now);
    expect(remedy).toMatchObject({
      kind: 'consolatory-payment',
      amountPence: 5005,
      caseId: null,
      stage: 1,
      paymentStatus: 'sent-to-payments',
    });
    expect(change.summary).toBe('Remedy agreed: consolatory payment of £50.05, handed to payments');
  });

  it('closes only once answered, with its root cause, and refuses changes afterwards', () => {
    const complaint = open();
    expect(refusal(() => complaint.close('civil-listing', 'process-failure', 'o', now)).code).toBe('CONFLICT');
    answer(complaint, 'upheld');
    expect(refusal(() => complaint.close(' ', 'process-failure', 'o', now)).fieldErrors).toEqual([
      { field: 'businessArea', message: 'must not be blank' },
    ]);
    const { closure } = complaint.close('civil-listing', 'process-failure', 'o', now);
    expect(closure).toMatchObject({
      businessArea: 'civil-listing',
      causeCategory: 'process-failure',
      outcome: 'upheld',
    });
    expect(refusal(() => complaint.escalate(calendar, now)).code).toBe('CONFLICT');
    expect(refusal(() => complaint.agreeRemedy({ kind: 'apology', description: 'Sorry' }, 'o', now)).code).toBe(
      'CONFLICT',
    );
  });

  it('is referred to the Ombudsman only after stage 3, records its enquiries and one outcome', () => {
    const complaint = open();
    answer(complaint, 'not-upheld');
    expect(refusal(() => complaint.referToOmbudsman('PHSO-1', now)).code).toBe('CONFLICT');
    complaint.escalate(calendar, now);
    answer(complaint, 'not-upheld');
    complaint.escalate(calendar, now);
    answer(complaint, 'not-upheld');
    complaint.close('civil-listing', 'communication', 'o', now);
    expect(refusal(() => complaint.recordOmbudsmanEnquiry('?', 'o', now)).code).toBe('CONFLICT');
    complaint.referToOmbudsman('PHSO-1', now);
    expect(refusal(() => complaint.referToOmbudsman('PHSO-2', now)).code).toBe('CONFLICT');
    complaint.recordOmbudsmanEnquiry('Please send the case file.', 'o', now);
    complaint.recordOmbudsmanOutcome('partially-upheld', now);
    expect(complaint.snapshot.ombudsman).toMatchObject({
      ombudsmanReference: 'PHSO-1',
      enquiries: [{ text: 'Please send the case file.' }],
      outcome: 'partially-upheld',
    });
    expect(refusal(() => complaint.recordOmbudsmanOutcome('upheld', now)).code).toBe('CONFLICT');
  });

  it("answers every waiting enquiry of the Ombudsman's at once, only while its outcome is awaited", () => {
    const complaint = open();
    for (const stage of [1, 2, 3]) {
      if (stage > 1) complaint.escalate(calendar, now);
      answer(complaint, 'not-upheld');
    }
    complaint.close('civil-listing', 'communication', 'o', now);
    expect(refusal(() => complaint.answerOmbudsmanEnquiries('Attached.', 'o', now)).code).toBe('CONFLICT');
    complaint.referToOmbudsman('PHSO-1', now);
    expect(refusal(() => complaint.answerOmbudsmanEnquiries('Attached.', 'o', now)).code).toBe('CONFLICT');

    const asked = new Date('2026-02-03T10:00:00Z');
    const answered = new Date('2026-02-04T10:00:00Z');
    complaint.recordOmbudsmanEnquiry('Please send the case file.', 'o', asked);
    complaint.recordOmbudsmanEnquiry('And the listing history.', 'o', asked);
    expect(refusal(() => complaint.answerOmbudsmanEnquiries('  ', 'ola', answered)).fieldErrors).toEqual([
      { field: 'text', message: 'must be 1 to 20000 characters' },
    ]);
    expect(complaint.answerOmbudsmanEnquiries(' Both are attached. ', 'ola', answered)).toEqual({
      kind: 'ombudsman-answer',
      summary: '2 Ombudsman enquiries answered',
    });
    const both = { answer: 'Both are attached.', answeredAt: answered, answeredBy: 'ola' };
    expect(complaint.snapshot.ombudsman?.enquiries).toEqual([
      { at: asked, text: 'Please send the case file.', by: 'o', ...both },
      { at: asked, text: 'And the listing history.', by: 'o', ...both },
    ]);
    // Nothing is waiting now; a later enquiry gets its own answer and leaves the earlier ones as they were.
    expect(refusal(() => complaint.answerOmbudsmanEnquiries('Again.', 'ola', answered)).code).toBe('CONFLICT');
    complaint.recordOmbudsmanEnquiry('Who decided stage 3?', 'o', answered);
    expect(complaint.answerOmbudsmanEnquiries('The customer investigations team.', 'olu', now).summary).toBe(
      'Ombudsman enquiry answered',
    );
    expect(complaint.snapshot.ombudsman?.enquiries.map((e) => [e.answer, e.answeredBy])).toEqual([
      ['Both are attached.', 'ola'],
      ['Both are attached.', 'ola'],
      ['The customer investigations team.', 'olu'],
    ]);

    complaint.recordOmbudsmanEnquiry('One last thing.', 'o', now);
    complaint.recordOmbudsmanOutcome('not-upheld', now);
    expect(refusal(() => complaint.answerOmbudsmanEnquiries('Too late.', 'ola', now)).code).toBe('CONFLICT');
  });

  it('becomes a breach once, and has its reportability decided once', () => {
    const complaint = open();
    expect(refusal(() => complaint.decideBreach(true, 'why', 'o', now)).code).toBe('CONFLICT');
    expect(complaint.flagBreach(friday, now)).toMatchObject({ awareAt: friday });
    expect(complaint.flagBreach(now, now)).toBeNull();
    expect(complaint.snapshot).toMatchObject({ severity: 'security-breach', breach: { awareAt: friday } });
    expect(complaint.decideBreach(true, 'Sent to the wrong address', 'o', now).summary).toBe(
      'Breach reportable to the regulator, decided after the 72-hour deadline',
    );
    expect(refusal(() => complaint.decideBreach(false, 'again', 'o', now)).code).toBe('CONFLICT');
  });
});

describe('pounds', () => {
  it('shows pence as pounds without floating point', () => {
    expect([pounds(1), pounds(2500), pounds(123456)]).toEqual(['£0.01', '£25.00', '£1234.56']);
  });
});
