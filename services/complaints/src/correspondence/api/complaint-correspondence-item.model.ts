import { CorrespondenceItemApiModel } from '@ccsc/correspondence/outbox';
import type { CorrespondenceItem } from '@ccsc/correspondence';
import { ObjectType } from '../../complaints.graphql';

/** A letter or email to a complainant, as it was rendered and how far it got. */
@ObjectType('ComplaintCorrespondenceItem', {
  description: 'A letter or email to the complainant, as it was rendered and how far it got.',
})
export class ComplaintCorrespondenceItemModel extends CorrespondenceItemApiModel({
  ids: {
    complaintId: { format: 'uuid', description: 'The complaint it is about, whose complainant it is addressed to.' },
  },
  undeliverable: 'when the complainant had no postal address and no email address when it was recorded',
  instant: 'An instant in UTC (ISO 8601).',
  fields: {
    template: {
      example: 'complaints.complaint-acknowledged',
      description:
        'The template it was rendered from: complaints.complaint-acknowledged, complaints.stage-response or complaints.escalation-rights.',
    },
    language: { example: 'cy' },
    channel: { example: 'email' },
    subject: { example: 'Rydym wedi cael eich cwyn: CMP-000123' },
    body: { example: 'Annwyl Rhian Evans\n\nDiolch am eich cwyn, a ddaeth i law ar 6 Rhagfyr 2026.' },
    status: { example: 'sent' },
    providerStatus: { example: 'delivered' },
    createdAt: { example: '2026-12-06T10:00:00.000Z' },
    sentAt: { example: '2026-12-06T10:00:05.000Z' },
    deliveredAt: { example: '2026-12-06T10:01:00.000Z' },
  },
}) {
  complaintId!: string;

  static from(item: CorrespondenceItem): ComplaintCorrespondenceItemModel {
    return ComplaintCorrespondenceItemModel.fieldsOf(item, { complaintId: item.recordId });
  }
}
