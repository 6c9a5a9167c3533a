import { londonLocalDate } from '@ccsc/calendar';
import { renderLetterPdf } from '../render/letter-pdf';
import type { RenderedText } from '../render/render-text';
import { letterSenderFor, type CorrespondenceItem } from './correspondence-item';

/**
 * The item's letter as a PDF, from what was recorded: its text, the recipient as addressed then, dated the
 * day it was recorded. Nothing else is read, so the letter printed for a reader later is the very letter
 * that was sent, byte for byte.
 */
export function letterOfItem(item: CorrespondenceItem): Promise<Buffer> {
  const text: RenderedText = {
    templateId: item.templateId,
    templateVersion: item.templateVersion,
    language: item.language,
    subject: item.subject,
    body: item.body,
    sections: item.sections,
  };
  return renderLetterPdf(text, {
    sender: letterSenderFor(item.templateId),
    recipient: {
      name: item.recipient.name,
      addressLines: item.recipient.addressLines ?? [],
      postcode: item.recipient.postcode ?? '',
    },
    date: londonLocalDate(new Date(item.createdAt)),
    reference: item.reference,
  });
}
