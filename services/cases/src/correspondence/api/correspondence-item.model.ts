import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNELS, DELIVERY_STATUSES, ITEM_STATUSES, type CorrespondenceItem } from '@ccsc/correspondence';
import { CASE_ID, PARTY_ID, UTC_INSTANT } from '../../api-descriptions';

const STATUS =
  '`pending` until handed to the provider (or while a failed send waits to be tried again); `sending` while the provider has it and its answer is not yet recorded (or is unknown, until the provider is asked); then `sent`, and `delivered` or `failed` as the provider reports; `undeliverable` when the party had no postal address and no email when it was asked for.';

/** A letter or email to a case party, as it was rendered and how far it got. */
export class CorrespondenceItemModel {
  @ApiProperty({ format: 'uuid', description: "The item's id; the reference it is sent to the provider with." })
  id!: string;
  @ApiProperty({ format: 'uuid', description: CASE_ID }) caseId!: string;
  @ApiProperty({ format: 'uuid', description: `${PARTY_ID} The party it is addressed to.` }) partyId!: string;
  @ApiProperty({ example: 'enforcement.further-steps-notice', description: 'The template it was rendered from.' })
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
  @ApiProperty({
    description: 'The subject (the letter’s heading), as rendered.',
    example: 'Hysbysiad camau pellach: cyfrif 26000123A',
  })
  subject!: string;
  @ApiProperty({
    description: 'The text as rendered: paragraphs separated by a blank line.',
    example: 'Annwyl Rhys Jones\n\nNid ydych wedi talu eich dirwy fel y gorchmynnwyd.',
  })
  body!: string;
  @ApiPropertyOptional({ example: 'FA26001234A', description: 'What it is about in the service that asked for it.' })
  about?: string;
  @ApiProperty({ enum: ITEM_STATUSES, description: STATUS }) status!: string;
  @ApiPropertyOptional({
    enum: DELIVERY_STATUSES,
    description: "The provider's last word on it (GOV.UK Notify's names).",
  })
  providerStatus?: string;
  @ApiProperty({ minimum: 0, example: 1, description: 'How many times sending it was attempted.' }) attempts!: number;
  @ApiProperty({ description: `When it was recorded. ${UTC_INSTANT}` }) createdAt!: Date;
  @ApiPropertyOptional({ description: `When the provider took it. ${UTC_INSTANT}` }) sentAt?: Date;
  @ApiPropertyOptional({ description: `When the provider reported it delivered. ${UTC_INSTANT}` }) deliveredAt?: Date;

  static from(item: CorrespondenceItem): CorrespondenceItemModel {
    return {
      id: item.id,
      caseId: item.recordId,
      partyId: item.recipientId,
      template: item.templateId,
      templateVersion: item.templateVersion,
      language: item.language,
      ...(item.channel ? { channel: item.channel } : {}),
      subject: item.subject,
      body: item.body,
      ...(item.about ? { about: item.about } : {}),
      status: item.status,
      ...(item.providerStatus ? { providerStatus: item.providerStatus } : {}),
      attempts: item.attempts,
      createdAt: item.createdAt,
      ...(item.sentAt ? { sentAt: item.sentAt } : {}),
      ...(item.deliveredAt ? { deliveredAt: item.deliveredAt } : {}),
    };
  }
}
