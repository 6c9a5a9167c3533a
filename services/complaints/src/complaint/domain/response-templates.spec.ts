import { londonInstant, WorkingDayCalendar } from '@ccsc/calendar';
import { AppError } from '@ccsc/platform/errors';
import { Complaint } from './complaint';
import { renderResponse, RESPONSE_TEMPLATES, templateFor } from './response-templates';

describe('response templates', () => {
  const complaint = Complaint.open(
    {
      reference: 'CMP-000042',
      complainantType: 'public',
      origin: 'email',
      caseIds: [],
      category: 'delay',
      subCategory: 'hearing-listing',
      severity: 'minor',
      receivedAt: londonInstant('2025-12-19', '23:30'),
      createdBy: 'o',
      now: new Date('2026-01-02T00:00:00Z'),
    },
    WorkingDayCalendar.englandAndWales(),
  );

  it('fills in the complaint and case facts, and the next step of the stage', () => {
    const text = renderResponse(templateFor('stage-3-appeal-response', 3), {
      complaint: complaint.snapshot,
      stage: 3,
      caseReferences: ['1234567890123452'],
    });
    expect(text).toContain('Complaint CMP-000042');
    // Received late on 19 December in London, which is the day that counts.
    expect(text).toContain('received on 2025-12-19, about delay (hearing-listing) on case 1234-5678-9012-3452.');
    expect(text).toContain('[Findings of the investigation]');
    expect(text).toContain('Parliamentary and Health Service Ombudsman');
  });

  it('writes to a Welsh-speaking complainant in Welsh, with the findings given', () => {
    const welsh = { ...complaint.snapshot, language: 'cy' as const };
    const text = renderResponse(templateFor('stage-1-response', 1), {
      complaint: welsh,
      stage: 1,
      caseReferences: [],
      findings: 'Roedd oedi.',
    });
    expect(text.split('\n\n')).toEqual([
      'Cwyn CMP-000042',
      'Diolch am eich cwyn, a ddaeth i law ar 2025-12-19, ynghylch delay (hearing-listing).',
      'Roedd oedi.',
      "Os nad ydych yn fodlon â'r ymateb hwn, gallwch ofyn i uwch reolwr adolygu eich cwyn (cam 2).",
    ]);
  });

  it('has one template per stage, and refuses an unknown one or one of another stage', () => {
    expect(RESPONSE_TEMPLATES.map((t) => t.stage)).toEqual([1, 2, 3]);
    expect(() => templateFor('nope', 1)).toThrow(AppError);
    expect(() => templateFor('stage-1-response', 2)).toThrow('The template is for another stage');
  });
});
