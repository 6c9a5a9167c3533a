import { LRUCache } from 'lru-cache';
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
  // Printing a letter takes tens of milliseconds of the event loop: a reader asking for theirs again and again,
  // or many at once, would hold up every other caller. What was recorded never changes, so the letter printed
  // once (or being printed) is the letter; the most recently read are kept, a failed print is not.
  const kept = printed.get(item.id);
  if (kept) return kept;
  const printing = print(item);
  printed.set(item.id, printing);
  printing.catch(() => printed.delete(item.id));
  return printing;
}

/** Letters printed lately, by item: a few kilobytes each. */
const printed = new LRUCache<string, Promise<Buffer>>({ max: 256 });

function print(item: CorrespondenceItem): Promise<Buffer> {
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
