import type { CaseTypeDefinition } from '../domain/case-type.definition';
import { hasParty } from './criteria';

/** A prosecution in a magistrates' court: the prosecuting authority is the applicant. */
export const criminalProsecution: CaseTypeDefinition = {
  id: 'criminal-prosecution',
  name: { en: "Criminal prosecution (magistrates' court)", cy: 'Erlyniad troseddol (llys ynadon)' },
  jurisdiction: 'crime',
  initialState: 'Charged',
  states: ['Charged', 'Listed', 'Adjourned', 'Resulted', 'Closed', 'Withdrawn'],
  finalStates: ['Closed', 'Withdrawn'],
  partyRoles: ['applicant', 'defendant'],
  resultsMayImposeFinancialPenalties: true,
  events: [
    {
      id: 'list',
      name: { en: 'List the first hearing', cy: 'Rhestru’r gwrandawiad cyntaf' },
      from: ['Charged', 'Adjourned'],
      to: 'Listed',
      roles: ['caseworker'],
      parties: [],
      readiness: [hasParty('has-prosecutor', 'applicant'), hasParty('has-defendant', 'defendant')],
      whatHappensNext: {
        en: 'The defendant is told when and where to attend court.',
        cy: 'Dywedir wrth y diffynnydd pryd a ble i fynd i’r llys.',
      },
    },
    {
      id: 'adjourn',
      name: { en: 'Adjourn', cy: 'Gohirio' },
      from: ['Listed'],
      to: 'Adjourned',
      roles: ['judiciary', 'caseworker'],
      parties: [],
      readiness: [],
      whatHappensNext: {
        en: 'A new hearing date will be set.',
        cy: 'Bydd dyddiad gwrandawiad newydd yn cael ei bennu.',
      },
    },
    {
      id: 'result',
      name: { en: 'Record the result', cy: 'Cofnodi’r canlyniad' },
      from: ['Listed'],
      to: 'Resulted',
      roles: ['judiciary', 'caseworker'],
      parties: [],
      readiness: [],
      whatHappensNext: {
        en: 'Any fine, compensation, costs or surcharge must be paid as the court ordered; a collection account is opened.',
        cy: 'Rhaid talu unrhyw ddirwy, iawndal, costau neu ordal fel y gorchmynnodd y llys; agorir cyfrif casglu.',
      },
    },
    {
      id: 'close',
      name: { en: 'Close the case', cy: 'Cau’r achos' },
      from: ['Resulted'],
      to: 'Closed',
      roles: ['caseworker'],
      parties: [],
      readiness: [],
      whatHappensNext: {
        en: 'Nothing more happens on this case in court.',
        cy: 'Nid oes dim mwy yn digwydd ar yr achos hwn yn y llys.',
      },
    },
    {
      id: 'withdraw',
      name: { en: 'Withdraw the prosecution', cy: 'Tynnu’r erlyniad yn ôl' },
      from: ['Charged', 'Listed', 'Adjourned'],
      to: 'Withdrawn',
      roles: ['caseworker'],
      // Only the prosecution discontinues: the defence asks the court instead (it cannot withdraw the charge).
      parties: ['applicant'],
      partiesAllAgree: true,
      readiness: [],
      whatHappensNext: { en: 'The prosecution ends.', cy: 'Mae’r erlyniad yn dod i ben.' },
    },
  ],
};
