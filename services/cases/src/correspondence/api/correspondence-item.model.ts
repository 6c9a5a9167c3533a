import { CorrespondenceItemApiModel } from '@ccsc/correspondence/outbox';
import type { CorrespondenceItem } from '@ccsc/correspondence';
import { CASE_ID, PARTY_ID, UTC_INSTANT } from '../../api-descriptions';
import { ObjectType } from '../../cases.graphql';

/** A letter or email to a case party, as it was rendered and how far it got. */
@ObjectType('CaseCorrespondenceItem', {
  description: 'A letter, email or text to a party of the case, as it was rendered and how far it got.',
})
export class CorrespondenceItemModel extends CorrespondenceItemApiModel({
  ids: {
    caseId: { format: 'uuid', description: CASE_ID },
    partyId: { format: 'uuid', description: `${PARTY_ID} The party it is addressed to.` },
  },
  undeliverable: 'when the party had no postal address and no email when it was asked for',
  instant: UTC_INSTANT,
  about: { example: 'FA26001234A', description: 'What it is about in the service that asked for it.' },
  fields: {
    template: { example: 'enforcement.further-steps-notice' },
    subject: {
      description: 'The subject (the letter’s heading), as rendered.',
      example: 'Hysbysiad camau pellach: cyfrif 26000123A',
    },
    body: { example: 'Annwyl Rhys Jones\n\nNid ydych wedi talu eich dirwy fel y gorchmynnwyd.' },
  },
}) {
  caseId!: string;
  partyId!: string;

  static from(item: CorrespondenceItem): CorrespondenceItemModel {
    return CorrespondenceItemModel.fieldsOf(item, { caseId: item.recordId, partyId: item.recipientId });
  }
}
