import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNELS, DELIVERY_STATUSES, ITEM_STATUSES, type CorrespondenceItem } from '@ccsc/correspondence';

const STATUS =
  '`pending` until handed to the provider (or while a failed send waits to be tried again); `sending` while the provider has it and its answer is not yet recorded (or is unknown, until the provider is asked); then `sent`, and `delivered` or `failed` as the provider reports; `undeliverable` when the complainant had no postal address and no email address when it was recorded.';
const INSTANT = 'An instant in UTC (ISO 8601).';

/** A letter or email to a complainant, as it was rendered and how far it got. */
export class ComplaintCorrespondenceItemModel {
  @ApiProperty({ format: 'uuid', description: "The item's id; the reference it is sent to the provider with." })
  id!: string;
  @ApiProperty({ format: 'uuid', description: 'The complaint it is about, whose complainant it is addressed to.' })
  complaintId!: string;
  @ApiProperty({
    example: 'complaints.complaint-acknowledged',
    description:
      'The template it was rendered from: complaints.complaint-acknowledged, complaints.stage-response or complaints.escalation-rights.',
  })
  template!: string;
  @ApiProperty({ example: 1, description: "The template's version it was rendered from." })
  templateVersion!: number;
  @ApiProperty({
    enum: ['en', 'cy', 'bilingual'],
    example: 'cy',
    description: 'The language it is written in; `bilingual` is Welsh first, then English.',
  })
  language!: string;
  @ApiPropertyOptional({
    enum: CHANNELS,
    example: 'email',
    description: 'How it goes; absent when it could not be sent.',
  })
  channel?: string;
  @ApiProperty({ description: 'The subject, as rendered.', example: 'Rydym wedi cael eich cwyn: CMP-000123' })
  subject!: string;
  @ApiProperty({
    description: 'The text as rendered: paragraphs separated by a blank line.',
    example: 'Annwyl Rhian Evans\n\nDiolch am eich cwyn, a ddaeth i law ar 6 Rhagfyr 2026.',
  })
  body!: string;
  @ApiProperty({ enum: ITEM_STATUSES, example: 'sent', description: STATUS }) status!: string;
  @ApiPropertyOptional({
    enum: DELIVERY_STATUSES,
    example: 'delivered',
    description: "The provider's last word on it (GOV.UK Notify's names).",
  })
  providerStatus?: string;
  @ApiProperty({ minimum: 0, example: 1, description: 'How many times sending it was attempted.' }) attempts!: number;
  @ApiProperty({ example: '2026-12-06T10:00:00.000Z', description: `When it was recorded. ${INSTANT}` })
  createdAt!: Date;
  @ApiPropertyOptional({ example: '2026-12-06T10:00:05.000Z', description: `When the provider took it. ${INSTANT}` })
  sentAt?: Date;
  @ApiPropertyOptional({
    example: '2026-12-06T10:01:00.000Z',
    description: `When the provider reported it delivered. ${INSTANT}`,
  })
  deliveredAt?: Date;

  static from(item: CorrespondenceItem): ComplaintCorrespondenceItemModel {
    return {
      id: item.id,
      complaintId: item.recordId,
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
