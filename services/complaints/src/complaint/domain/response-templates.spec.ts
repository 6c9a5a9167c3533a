import { londonInstant, WorkingDayCalendar } from '@ccsc/calendar';
import { AppError } from '@ccsc/platform/errors';
import { englishFragments } from '@ccsc/testing';
import { Complaint } from './complaint';
import { COMPLAINT_CATEGORY_NAMES } from './complaint-categories';
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
    expect(text).toContain('received on 19 December 2025, about delay on case 1234-5678-9012-3452.');
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
      'Diolch am eich cwyn, a ddaeth i law ar 19 Rhagfyr 2025, ynghylch oedi.',
      'Roedd oedi.',
      "Os nad ydych yn fodlon â'r ymateb hwn, gallwch ofyn i uwch reolwr adolygu eich cwyn (cam 2).",
    ]);
  });

  it('leaves a category it has no name for out of the letter, in either language, rather than show its code', () => {
    for (const language of ['en', 'cy'] as const) {
      const text = renderResponse(templateFor('stage-1-response', 1), {
        complaint: { ...complaint.snapshot, category: 'matrix-test', language },
        stage: 1,
        caseReferences: [],
      });
      expect(text).not.toContain('matrix-test');
      expect(text).not.toContain('hearing-listing');
    }
  });

  it('writes every template, for every category the register names, in Welsh without English fragments', () => {
    for (const template of RESPONSE_TEMPLATES)
      for (const [category, name] of Object.entries(COMPLAINT_CATEGORY_NAMES)) {
        expect(name.en).not.toEqual(name.cy);
        const text = renderResponse(template, {
          complaint: { ...complaint.snapshot, category, language: 'cy' },
          stage: template.stage,
          caseReferences: ['1234567890123452'],
        });
        expect({ template: template.id, category, english: englishFragments(text) }).toEqual({
          template: template.id,
          category,
          english: [],
        });
        expect(text).toContain(`ynghylch ${name.cy} ar achos 1234-5678-9012-3452.`);
      }
  });

  it('has one template per stage, and refuses an unknown one or one of another stage', () => {
    expect(RESPONSE_TEMPLATES.map((t) => t.stage)).toEqual([1, 2, 3]);
    expect(() => templateFor('nope', 1)).toThrow(AppError);
    expect(() => templateFor('stage-1-response', 2)).toThrow('The template is for another stage');
  });
});
