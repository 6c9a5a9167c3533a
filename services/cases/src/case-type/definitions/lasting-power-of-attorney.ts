import type { CaseTypeDefinition } from '../domain/case-type.definition';
import { deadlinePassed, documentsAccepted, feesSettled, hasParty, noOpenAssistedDigitalReferral } from './criteria';

export const lastingPowerOfAttorney: CaseTypeDefinition = {
  id: 'lasting-power-of-attorney',
  name: { en: 'Lasting power of attorney registration', cy: 'Cofrestru atwrneiaeth arhosol' },
  jurisdiction: 'public-guardian',
  initialState: 'Draft',
  states: ['Draft', 'Submitted', 'Checking', 'StatutoryWaitingPeriod', 'Registered', 'Rejected', 'Withdrawn'],
  finalStates: ['Registered', 'Rejected', 'Withdrawn'],
  partyRoles: ['donor', 'attorney'],
  deadlines: [
    {
      // Four weeks from notice in which the people told may object; the LPA is registered only after it.
      id: 'waiting-period',
      state: 'StatutoryWaitingPeriod',
      days: 28,
      dayKind: 'calendar',
      name: { en: 'The statutory waiting period', cy: 'Y cyfnod aros statudol' },
    },
  ],
  events: [
    {
      id: 'submit',
      name: { en: 'Submit for registration', cy: 'Cyflwyno i’w gofrestru' },
      from: ['Draft'],
      to: 'Submitted',
      roles: ['caseworker'],
      // Either the donor or an attorney may apply to register; both are on the same side.
      parties: ['donor', 'attorney'],
      readiness: [hasParty('has-donor', 'donor'), hasParty('has-attorney', 'attorney')],
      fees: ['FEE0440'],
      whatHappensNext: {
        en: 'Pay the registration fee; we then check the LPA.',
        cy: 'Talwch y ffi gofrestru; byddwn wedyn yn gwirio’r atwrneiaeth.',
      },
    },
    {
      id: 'check',
      name: { en: 'Check the LPA', cy: 'Gwirio’r atwrneiaeth' },
      from: ['Submitted'],
      to: 'Checking',
      roles: ['caseworker'],
      parties: [],
      readiness: [feesSettled, documentsAccepted, noOpenAssistedDigitalReferral],
      whatHappensNext: {
        en: 'We check the LPA can be registered and tell the people to be notified.',
        cy: 'Byddwn yn gwirio y gellir cofrestru’r atwrneiaeth ac yn dweud wrth y bobl i’w hysbysu.',
      },
    },
    {
      id: 'start-waiting-period',
      name: { en: 'Start the statutory waiting period', cy: 'Dechrau’r cyfnod aros statudol' },
      from: ['Checking'],
      to: 'StatutoryWaitingPeriod',
      roles: ['caseworker'],
      parties: [],
      readiness: [],
      whatHappensNext: {
        en: 'There is a 4-week waiting period in which people can object.',
        cy: 'Mae cyfnod aros o 4 wythnos pryd y gall pobl wrthwynebu.',
      },
    },
    {
      id: 'register',
      name: { en: 'Register the LPA', cy: 'Cofrestru’r atwrneiaeth' },
      from: ['StatutoryWaitingPeriod'],
      to: 'Registered',
      roles: ['caseworker'],
      parties: [],
      readiness: [deadlinePassed('waiting-period')],
      whatHappensNext: {
        en: 'The registered LPA is sent to the donor and attorneys.',
        cy: 'Anfonir yr atwrneiaeth gofrestredig at y rhoddwr a’r atwrneiod.',
      },
    },
    {
      id: 'reject',
      name: { en: 'Reject the application', cy: 'Gwrthod y cais' },
      from: ['Submitted', 'Checking', 'StatutoryWaitingPeriod'],
      to: 'Rejected',
      roles: ['caseworker', 'team-leader'],
      parties: [],
      readiness: [],
      whatHappensNext: {
        en: 'We write to explain why the LPA cannot be registered.',
        cy: 'Byddwn yn ysgrifennu i egluro pam na ellir cofrestru’r atwrneiaeth.',
      },
    },
    {
      id: 'withdraw',
      name: { en: 'Withdraw the application', cy: 'Tynnu’r cais yn ôl' },
      from: ['Draft', 'Submitted', 'Checking'],
      to: 'Withdrawn',
      roles: ['caseworker'],
      parties: ['donor', 'attorney'],
      partiesAllAgree: true,
      readiness: [],
      whatHappensNext: { en: 'The application ends.', cy: 'Mae’r cais yn dod i ben.' },
    },
  ],
};
