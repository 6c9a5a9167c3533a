import type { ExamplesObject } from '@nestjs/swagger';

// Named request examples for the bodies whose valid shape depends on who sends them or on one field's
// value, which one example assembled from the properties cannot show: the public form refuses the fields
// staff set, a remedy's details depend on its kind, and a draft comes from a template or from text.

const CASE_ID = '3f0b6c1e-8d2a-4c5b-9e7f-1a2b3c4d5e6f';

export const OPEN_COMPLAINT_EXAMPLES: ExamplesObject = {
  publicForm: {
    summary: 'Filed through the public form by a citizen or a firm',
    value: {
      complainantName: 'Rhian Evans',
      caseIds: [CASE_ID],
      category: 'delay',
      subCategory: 'hearing-listing',
      language: 'en',
      summary: 'My hearing was moved twice without any notice, and nobody has answered my emails since October.',
    },
  },
  staff: {
    summary: 'Recorded by a complaints officer from a telephone call',
    value: {
      complainantType: 'public',
      complainantName: 'Gareth Morgan',
      origin: 'telephone',
      caseIds: [CASE_ID],
      category: 'staff-conduct',
      severity: 'major',
      language: 'en',
      receivedAt: '2026-11-30T09:15:00Z',
      summary: 'The caller says an usher was rude to him at the hearing on 24 November.',
    },
  },
};

export const DRAFT_RESPONSE_EXAMPLES: ExamplesObject = {
  fromTemplate: {
    summary: "From the stage's template, with the findings",
    value: {
      templateId: 'stage-1-response',
      findings:
        'Your hearing on 3 November was moved because the judge was unwell, but we did not tell you in time. We are sorry for that.',
    },
  },
  written: {
    summary: 'Written from scratch',
    value: {
      text: 'Dear Ms Evans,\n\nThank you for your complaint about the listing of your hearing. We have looked into what happened and we are sorry that we did not tell you in time.',
    },
  },
};

export const AGREE_REMEDY_EXAMPLES: ExamplesObject = {
  refund: {
    summary: "A refund of a fee paid on one of the complaint's cases",
    value: { kind: 'refund', amountPence: 25000, caseId: CASE_ID },
  },
  feeWaiver: {
    summary: 'A fee waiver on a case',
    value: { kind: 'fee-waiver', amountPence: 30800, caseId: CASE_ID, feeCode: 'FEE0202' },
  },
  consolatoryPayment: {
    summary: 'A consolatory payment',
    value: { kind: 'consolatory-payment', amountPence: 5000, description: 'For the two wasted journeys to court' },
  },
  apology: {
    summary: 'An apology',
    value: { kind: 'apology', description: 'A written apology for the late notice of the hearing change' },
  },
};
