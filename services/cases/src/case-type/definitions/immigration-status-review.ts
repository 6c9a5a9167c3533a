import type { CaseTypeDefinition } from '../domain/case-type.definition';
import { decisionRecorded, documentsAccepted, hasParty } from './criteria';

/** Referral, investigation, decision, notice, then an appeal window before the case closes. */
export const immigrationStatusReview: CaseTypeDefinition = {
  id: 'immigration-status-review',
  name: { en: 'Immigration status review', cy: 'Adolygiad statws mewnfudo' },
  jurisdiction: 'immigration',
  initialState: 'Referred',
  states: ['Referred', 'UnderInvestigation', 'Decided', 'NoticeServed', 'AppealWindowOpen', 'Appealed', 'Closed'],
  finalStates: ['Closed'],
  deadlines: [
    {
      id: 'appeal-window',
      state: 'AppealWindowOpen',
      days: 14,
      dayKind: 'calendar',
      name: { en: 'The time to appeal', cy: 'Yr amser i apelio' },
      triggers: 'close',
    },
  ],
  events: [
    {
      id: 'investigate',
      name: { en: 'Start the investigation', cy: 'Dechrau’r ymchwiliad' },
      from: ['Referred'],
      to: 'UnderInvestigation',
      roles: ['caseworker'],
      parties: [],
      readiness: [hasParty('has-subject', 'subject')],
      whatHappensNext: {
        en: 'A caseworker gathers the evidence and may ask the person for information.',
        cy: 'Mae gweithiwr achos yn casglu’r dystiolaeth a gall ofyn i’r unigolyn am wybodaeth.',
      },
    },
    {
      id: 'decide',
      name: { en: 'Record the decision', cy: 'Cofnodi’r penderfyniad' },
      from: ['UnderInvestigation'],
      to: 'Decided',
      roles: ['caseworker', 'team-leader'],
      parties: [],
      readiness: [documentsAccepted, decisionRecorded],
      whatHappensNext: {
        en: 'A notice of the decision, with its reasons, is served on the person.',
        cy: 'Cyflwynir hysbysiad o’r penderfyniad, gyda’i resymau, i’r unigolyn.',
      },
    },
    {
      id: 'serve-notice',
      name: { en: 'Serve the decision notice', cy: 'Cyflwyno’r hysbysiad penderfyniad' },
      from: ['Decided'],
      to: 'NoticeServed',
      roles: ['caseworker'],
      parties: [],
      readiness: [],
      whatHappensNext: {
        en: 'The appeal window opens when the notice is served.',
        cy: 'Mae’r cyfnod apelio yn agor pan gyflwynir yr hysbysiad.',
      },
    },
    {
      id: 'open-appeal-window',
      name: { en: 'Open the appeal window', cy: 'Agor y cyfnod apelio' },
      from: ['NoticeServed'],
      to: 'AppealWindowOpen',
      roles: ['caseworker', 'system'],
      parties: [],
      readiness: [],
      whatHappensNext: { en: 'The person has 14 days to appeal.', cy: 'Mae gan yr unigolyn 14 diwrnod i apelio.' },
    },
    {
      id: 'appeal',
      name: { en: 'Lodge an appeal', cy: 'Cyflwyno apêl' },
      from: ['AppealWindowOpen'],
      to: 'Appealed',
      roles: ['caseworker'],
      parties: ['subject'],
      readiness: [],
      whatHappensNext: {
        en: 'The appeal goes to the tribunal; the decision stands until it is decided.',
        cy: 'Mae’r apêl yn mynd i’r tribiwnlys; mae’r penderfyniad yn sefyll nes y penderfynir arni.',
      },
    },
    {
      id: 'close',
      name: { en: 'Close the review', cy: 'Cau’r adolygiad' },
      from: ['AppealWindowOpen', 'Appealed'],
      to: 'Closed',
      roles: ['caseworker', 'system'],
      parties: [],
      readiness: [],
      whatHappensNext: { en: 'The review is finished.', cy: 'Mae’r adolygiad wedi gorffen.' },
    },
  ],
};
