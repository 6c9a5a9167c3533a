import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNELS, DELIVERY_STATUSES, ITEM_STATUSES, type CorrespondenceItem } from '@ccsc/correspondence';

const STATUS =
  '`pending` until handed to the provider (or while a failed send waits to be tried again); `sending` while the provider has it and its answer is not yet recorded (or is unknown, until the provider is asked); then `sent`, and `delivered` or `failed` as the provider reports; `undeliverable` when the contact had no email and no phone number when it was recorded.';
const INSTANT = 'An instant in UTC (ISO 8601).';

/** An email or text to an enquiry's contact, as it was rendered and how far it got. */
export class EnquiryCorrespondenceItemModel {
  @ApiProperty({ format: 'uuid', description: "The item's id; the reference it is sent to the provider with." })
  id!: string;
  @ApiProperty({ format: 'uuid', description: 'The enquiry it is about.' }) enquiryId!: string;
  @ApiProperty({ format: 'uuid', description: "The enquiry's contact it is addressed to." }) contactId!: string;
  @ApiProperty({ example: 'queries.enquiry-acknowledged', description: 'The template it was rendered from.' })
  template!: string;
  @ApiProperty({ example: 1, description: "The template's version it was rendered from." })
  templateVersion!: number;
  @ApiProperty({
    enum: ['en', 'cy', 'bilingual'],
    description: 'The language it is written in; `bilingual` is Welsh first, then English.',
  })
  language!: string;
  @ApiPropertyOptional({ enum: CHANNELS, description: 'How it goes; absent when it could not be sent.' })
  channel?: string;
  @ApiProperty({ description: 'The subject, as rendered.', example: 'Rydym wedi cael eich ymholiad: ENQ-0000123' })
  subject!: string;
  @ApiProperty({
    description: "The text as rendered (a text message's wording for a text): paragraphs separated by a blank line.",
    example: 'Annwyl Siân Llŷr\n\nDiolch am gysylltu â ni.',
  })
  body!: string;
  @ApiProperty({ enum: ITEM_STATUSES, description: STATUS }) status!: string;
  @ApiPropertyOptional({
    enum: DELIVERY_STATUSES,
    description: "The provider's last word on it (GOV.UK Notify's names).",
  })
  providerStatus?: string;
  @ApiProperty({ minimum: 0, example: 1, description: 'How many times sending it was attempted.' }) attempts!: number;
  @ApiProperty({ description: `When it was recorded. ${INSTANT}` }) createdAt!: Date;
  @ApiPropertyOptional({ description: `When the provider took it. ${INSTANT}` }) sentAt?: Date;
  @ApiPropertyOptional({ description: `When the provider reported it delivered. ${INSTANT}` }) deliveredAt?: Date;

  static from(item: CorrespondenceItem): EnquiryCorrespondenceItemModel {
    return {
      id: item.id,
      enquiryId: item.recordId,
      contactId: item.recipientId,
      template: item.templateId,
      templateVersion: item.templateVersion,
      language: item.language,
      ...(item.channel ? { channel: item.channel } : {}),
      subject: item.subject,
      body: item.body,
      status: item.status,
      ...(item.providerStatus ? { providerStatus: item.providerStatus } : {}),
      attempts: item.attempts,
      createdAt: item.createdAt,
      ...(item.sentAt ? { sentAt: item.sentAt } : {}),
      ...(item.deliveredAt ? { deliveredAt: item.deliveredAt } : {}),
    };
  }
}
