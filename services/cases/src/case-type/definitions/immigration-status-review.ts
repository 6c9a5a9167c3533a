import type { CaseTypeDefinition } from '../domain/case-type.definition';
import {
  decisionChecked,
  deadlinePassed,
  decisionRecorded,
  documentsAccepted,
  evidenceAccepted,
  hasParty,
  mindedToNoticeGrounds,
  referralRecorded,
  representationsConsidered,
} from './criteria';

/**
 * The Status Review Unit's process: a stakeholder's referral, an investigation with evidence, a "minded to"
 * notice with time for representations, a decision a second caseworker checks, then the notice of decision,
 * which opens the appeal window; the review closes when the window passes without an appeal.
 */
export const immigrationStatusReview: CaseTypeDefinition = {
  id: 'immigration-status-review',
  name: { en: 'Immigration status review', cy: 'Adolygiad statws mewnfudo' },
  jurisdiction: 'immigration',
  initialState: 'Referred',
  states: [
    'Referred',
    'UnderInvestigation',
    'MindedToNotice',
    'Decided',
    'NoticeServed',
    'AppealWindowOpen',
    'Appealed',
    'Closed',
  ],
  finalStates: ['Closed'],
  partyRoles: ['subject'],
  // Serving the notice now opens the appeal window itself; reviews served before that wait in NoticeServed.
  retiredStates: ['NoticeServed'],
  // The same 14 days as the appeal-window deadline the served notice opens (the validation holds them equal).
  appealWithin: { days: 14, dayKind: 'calendar' },
  deadlines: [
    {
      id: 'appeal-window',
      state: 'AppealWindowOpen',
      days: 14,
      dayKind: 'calendar',
      name: { en: 'The time to appeal', cy: 'Yr amser i apelio' },
      triggers: 'close',
    },
    {
      id: 'representations',
      state: 'MindedToNotice',
      days: 10,
      dayKind: 'working',
      name: { en: 'The time for representations', cy: 'Yr amser i gyflwyno sylwadau' },
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
      readiness: [hasParty('has-subject', 'subject'), referralRecorded],
      whatHappensNext: {
        en: 'A caseworker gathers the evidence and may ask the person for information.',
        cy: 'Mae gweithiwr achos yn casglu’r dystiolaeth a gall ofyn i’r unigolyn am wybodaeth.',
      },
    },
    {
      id: 'issue-minded-to-notice',
      name: { en: 'Issue the minded-to notice', cy: 'Cyhoeddi’r hysbysiad o fwriad' },
      from: ['UnderInvestigation'],
      to: 'MindedToNotice',
      roles: ['caseworker'],
      parties: [],
      readiness: [evidenceAccepted, documentsAccepted, mindedToNoticeGrounds],
      whatHappensNext: {
        en: 'The person is told what the caseworker is minded to decide and why, and has 10 working days to make representations.',
        cy: 'Dywedir wrth yr unigolyn beth mae’r gweithiwr achos yn bwriadu ei benderfynu a pham, ac mae ganddo 10 diwrnod gwaith i gyflwyno sylwadau.',
      },
    },
    {
      id: 'decide',
      name: { en: 'Record the decision', cy: 'Cofnodi’r penderfyniad' },
      from: ['MindedToNotice'],
      to: 'Decided',
      roles: ['caseworker', 'team-leader'],
      parties: [],
      readiness: [documentsAccepted, representationsConsidered('representations'), decisionRecorded],
      whatHappensNext: {
        en: 'A second caseworker checks the decision; then its notice, with the reasons, is served on the person.',
        cy: 'Mae ail weithiwr achos yn gwirio’r penderfyniad; yna cyflwynir ei hysbysiad, gyda’r rhesymau, i’r unigolyn.',
      },
    },
    {
      id: 'serve-notice',
      name: { en: 'Serve the decision notice', cy: 'Cyflwyno’r hysbysiad penderfyniad' },
      from: ['Decided'],
      to: 'AppealWindowOpen',
      roles: ['caseworker'],
      parties: [],
      readiness: [decisionChecked],
      whatHappensNext: {
        en: 'Serving the notice opens the appeal window: the person has 14 days to appeal.',
        cy: 'Mae cyflwyno’r hysbysiad yn agor y cyfnod apelio: mae gan yr unigolyn 14 diwrnod i apelio.',
      },
      notifies: 'decision-made',
    },
    {
      // Only for reviews whose notice was served before serving opened the window itself.
      id: 'open-appeal-window',
      name: { en: 'Open the appeal window', cy: 'Agor y cyfnod apelio' },
      from: ['NoticeServed'],
      to: 'AppealWindowOpen',
      roles: ['caseworker'],
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
      // The investigation, or the person's representations, can show there is nothing to act on.
      id: 'close-no-further-action',
      name: { en: 'Close with no further action', cy: 'Cau heb gymryd camau pellach' },
      from: ['Referred', 'UnderInvestigation', 'MindedToNotice'],
      to: 'Closed',
      roles: ['caseworker', 'team-leader'],
      parties: [],
      readiness: [],
      whatHappensNext: {
        en: 'The review ends; the person’s status is unchanged.',
        cy: 'Mae’r adolygiad yn dod i ben; nid yw statws yr unigolyn wedi newid.',
      },
    },
    {
      // The appeal window has passed without an appeal: the deadline run closes the review, and nobody sooner.
      id: 'close',
      name: { en: 'Close the review', cy: 'Cau’r adolygiad' },
      from: ['AppealWindowOpen'],
      to: 'Closed',
      roles: ['system'],
      parties: [],
      readiness: [deadlinePassed('appeal-window')],
      whatHappensNext: { en: 'The review is finished.', cy: 'Mae’r adolygiad wedi gorffen.' },
    },
    {
      id: 'close-after-appeal',
      name: { en: 'Close the review after the appeal', cy: 'Cau’r adolygiad ar ôl yr apêl' },
      from: ['Appealed'],
      to: 'Closed',
      roles: ['caseworker', 'team-leader'],
      parties: [],
      readiness: [],
      whatHappensNext: {
        en: 'The review is finished; the tribunal’s decision on the appeal stands.',
        cy: 'Mae’r adolygiad wedi gorffen; mae penderfyniad y tribiwnlys ar yr apêl yn sefyll.',
      },
    },
  ],
};
