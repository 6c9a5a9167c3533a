import type { TemplateDefinition } from './template-definition';

// The Welsh was written by the team and needs the Welsh Language Unit's review before go-live.

/** Queries: an enquiry is acknowledged with its reference and the date we aim to answer by. */
export const QUERIES_TEMPLATES: readonly TemplateDefinition[] = [
  {
    id: 'queries.enquiry-acknowledged',
    version: 1,
    description: 'An enquiry arrived: its reference and the target date for the answer',
    channels: ['letter', 'email', 'sms'],
    placeholders: {
      name: { kind: 'text', description: "The enquirer's name" },
      enquiryReference: { kind: 'text', description: 'The enquiry reference' },
      receivedDate: { kind: 'date', description: 'The day the enquiry arrived' },
      targetDate: { kind: 'date', description: 'The day we aim to answer by' },
    },
    wording: {
      en: {
        subject: 'We have received your enquiry: ((enquiryReference))',
        body: `Dear ((name))

Thank you for contacting us. We received your enquiry on ((receivedDate)) and its reference is ((enquiryReference)).

We aim to reply by ((targetDate)). Quote your reference if you contact us about this enquiry.`,
        sms: 'We received your enquiry ((enquiryReference)) and aim to reply by ((targetDate)).',
      },
      cy: {
        subject: 'Rydym wedi cael eich ymholiad: ((enquiryReference))',
        body: `Annwyl ((name))

Diolch am gysylltu â ni. Cawsom eich ymholiad ar ((receivedDate)) a'i gyfeirnod yw ((enquiryReference)).

Ein nod yw ateb erbyn ((targetDate)). Dyfynnwch eich cyfeirnod os byddwch yn cysylltu â ni am yr ymholiad hwn.`,
        sms: 'Cawsom eich ymholiad ((enquiryReference)). Ein nod yw ateb erbyn ((targetDate)).',
      },
    },
  },
];
