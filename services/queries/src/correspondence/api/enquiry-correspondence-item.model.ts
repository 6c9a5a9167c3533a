import { CorrespondenceItemApiModel } from '@ccsc/correspondence/outbox';
import type { CorrespondenceItem } from '@ccsc/correspondence';
import { ObjectType } from '../../queries.graphql';

/** An email or text to an enquiry's contact, as it was rendered and how far it got. */
@ObjectType('EnquiryCorrespondenceItem', {
  description: "An email or text to the enquiry's contact, as it was rendered and how far it got.",
})
export class EnquiryCorrespondenceItemModel extends CorrespondenceItemApiModel({
  ids: {
    enquiryId: { format: 'uuid', description: 'The enquiry it is about.' },
    contactId: { format: 'uuid', description: "The enquiry's contact it is addressed to." },
  },
  undeliverable: 'when the contact had no email and no phone number when it was recorded',
  instant: 'An instant in UTC (ISO 8601).',
  fields: {
    template: { example: 'queries.enquiry-acknowledged' },
    subject: { example: 'Rydym wedi cael eich ymholiad: ENQ-0000123' },
    body: {
      description: "The text as rendered (a text message's wording for a text): paragraphs separated by a blank line.",
      example: 'Annwyl Siân Llŷr\n\nDiolch am gysylltu â ni.',
    },
  },
}) {
  enquiryId!: string;
  contactId!: string;

  static from(item: CorrespondenceItem): EnquiryCorrespondenceItemModel {
    return EnquiryCorrespondenceItemModel.fieldsOf(item, { enquiryId: item.recordId, contactId: item.recipientId });
  }
}
