import type { CaseTypeDefinition } from '../domain/case-type.definition';
import { documentsAccepted, feesSettled, hasParty } from './criteria';

export const probate: CaseTypeDefinition = {
  id: 'probate',
  name: { en: 'Probate', cy: 'Profiant' },
  jurisdiction: 'probate',
  initialState: 'Draft',
  states: ['Draft', 'Submitted', 'Examining', 'Stopped', 'GrantIssued', 'Rejected'],
  finalStates: ['GrantIssued', 'Rejected'],
  partyRoles: ['applicant'],
  events: [
    {
      id: 'submit',
      name: { en: 'Submit the application', cy: 'Cyflwyno’r cais' },
      from: ['Draft'],
      to: 'Submitted',
      roles: ['caseworker'],
      parties: ['applicant'],
      readiness: [hasParty('has-applicant', 'applicant')],
      fees: ['FEE0226'],
      whatHappensNext: {
        en: 'Send the original will and pay the fee; the registry then examines the application.',
        cy: 'Anfonwch yr ewyllys wreiddiol a thalwch y ffi; bydd y gofrestrfa wedyn yn archwilio’r cais.',
      },
    },
    {
      id: 'examine',
      name: { en: 'Start examining', cy: 'Dechrau archwilio' },
      from: ['Submitted', 'Stopped'],
      to: 'Examining',
      roles: ['caseworker'],
      parties: [],
      readiness: [feesSettled, documentsAccepted],
      whatHappensNext: {
        en: 'A probate officer checks the will and the application.',
        cy: 'Mae swyddog profiant yn gwirio’r ewyllys a’r cais.',
      },
    },
    {
      id: 'stop',
      name: { en: 'Stop the application', cy: 'Atal y cais' },
      from: ['Examining'],
      to: 'Stopped',
      roles: ['caseworker'],
      parties: [],
      readiness: [],
      whatHappensNext: {
        en: 'We will write to you to say what we need before we can continue.',
        cy: 'Byddwn yn ysgrifennu atoch i ddweud beth sydd ei angen arnom cyn y gallwn barhau.',
      },
    },
    {
      id: 'issue-grant',
      name: { en: 'Issue the grant', cy: 'Cyhoeddi’r grant' },
      from: ['Examining'],
      to: 'GrantIssued',
      roles: ['caseworker'],
      parties: [],
      readiness: [feesSettled, documentsAccepted],
      whatHappensNext: {
        en: 'The grant of representation is posted to you.',
        cy: 'Anfonir y grant cynrychiolaeth atoch drwy’r post.',
      },
    },
    {
      id: 'reject',
      name: { en: 'Reject the application', cy: 'Gwrthod y cais' },
      from: ['Submitted', 'Examining', 'Stopped'],
      to: 'Rejected',
      roles: ['caseworker', 'team-leader'],
      parties: [],
      readiness: [],
      whatHappensNext: {
        en: 'We will write to explain why and what you can do.',
        cy: 'Byddwn yn ysgrifennu i egluro pam a beth allwch ei wneud.',
      },
    },
  ],
};
