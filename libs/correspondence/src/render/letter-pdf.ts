import { readFileSync } from 'node:fs';
import path from 'node:path';
import { londonInstant, longDate, type LocalDate } from '@ccsc/calendar';
import type { Language } from '../templates/template-definition';
import type { RenderedSection, RenderedText } from './render-text';

/** Who the letter is from: the office that answers the reader's reply. */
export interface LetterSender {
  name: Readonly<Record<Language, string>>;
  addressLines: readonly string[];
  telephone?: string;
  email?: string;
}

/** Where the letter goes, as printed in the envelope's window. */
export interface LetterRecipient {
  name: string;
  addressLines: readonly string[];
  postcode: string;
}

export interface LetterDetails {
  sender: LetterSender;
  recipient: LetterRecipient;
  /** The day the letter is dated; also the PDF's creation date, so the same letter is the same bytes. */
  date: LocalDate;
  /** The reader's reference (account number, case or enquiry reference), printed on every page. */
  reference: string;
}

const MM = 72 / 25.4;
// A4, with the recipient's address where a DL window envelope shows it (GOV.UK Notify's printing
// spec puts the address block 24.6 mm from the left and about 40 mm from the top).
const PAGE = { size: 'A4' as const, left: 24.6 * MM, right: 20 * MM, top: 15 * MM, bottom: 25 * MM };
const ADDRESS_TOP = 40 * MM;
const ADDRESS_WIDTH = 95 * MM;
const ADDRESS_FONT_SIZE = 11;
/**
 * Notify's precompiled letter spec: the address block, at most 7 lines (the name, up to 5 lines, the
 * postcode), must sit inside the window. More lines, or a line that wraps (and so becomes two), and
 * Notify refuses the letter at validation, after the item was counted as sent.
 */
export const MAX_ADDRESS_LINES = 7;
const SENDER_WIDTH = 65 * MM;

const LABELS: Readonly<Record<Language, { date: string; reference: string; page: string; of: string }>> = {
  en: { date: 'Date', reference: 'Reference', page: 'Page', of: 'of' },
  cy: { date: 'Dyddiad', reference: 'Cyfeirnod', page: 'Tudalen', of: 'o' },
};
// Printed on every letter in both languages whatever the letter's own language, as HMCTS letters do.
const WELSH_WELCOME = 'Rydym yn croesawu gohebiaeth yn Gymraeg. We welcome correspondence in Welsh.';

// The standard 14 PDF fonts use WinAnsi, which has no ŵ or ŷ: Welsh needs an embedded font.
const FONT_DIR = path.join(__dirname, 'fonts');
let fonts: { regular: Buffer; bold: Buffer } | undefined;
function letterFonts(): { regular: Buffer; bold: Buffer } {
  fonts ??= {
    regular: readFileSync(path.join(FONT_DIR, 'DejaVuSans.ttf')),
    bold: readFileSync(path.join(FONT_DIR, 'DejaVuSans-Bold.ttf')),
  };
  return fonts;
}

/** The lines printed in the window: the name, the address lines and the postcode in its usual form. */
export function addressBlock(recipient: LetterRecipient): string[] {
  return [recipient.name, ...recipient.addressLines, printedPostcode(recipient.postcode)].map((line) => line.trim());
}

/** A postcode as it is printed: capitals, one space before the inward code (stored `SW1A2AA`, printed `SW1A 2AA`). */
export function printedPostcode(postcode: string): string {
  const compact = postcode.replace(/\s+/g, '').toUpperCase();
  return compact.length > 3 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact;
}

// pdfkit (with fontkit and its Unicode tables) loads at the first letter rendered or address measured: a
// service that sends none stays about 5 MB of heap smaller (docs/decisions.md, "The heap is settled after
// start-up and when idle").
let PdfDocument: typeof import('pdfkit') | undefined;
function newPdfDocument(options: PDFKit.PDFDocumentOptions): PDFKit.PDFDocument {
  PdfDocument ??= require('pdfkit') as typeof import('pdfkit');
  return new PdfDocument(options);
}

let measuring: PDFKit.PDFDocument | undefined;
/**
 * Whether the recipient's address prints within the window as Notify requires: at most 7 lines, each no
 * wider than the window in the letter's own font and size (measured, since a line of capitals or of W's
 * is far wider than its count of characters suggests). An address that does not fit is not sent as a letter.
 */
export function letterAddressFits(recipient: LetterRecipient): boolean {
  const lines = addressBlock(recipient);
  if (lines.length > MAX_ADDRESS_LINES || lines.some((line) => !line)) return false;
  if (!measuring) {
    measuring = newPdfDocument({ autoFirstPage: false });
    measuring.registerFont('regular', letterFonts().regular);
  }
  const doc = measuring.font('regular').fontSize(ADDRESS_FONT_SIZE);
  return lines.every((line) => doc.widthOfString(line) <= ADDRESS_WIDTH);
}

/**
 * The letter as a PDF (A4, fonts embedded): sender, recipient's address, date, reference, heading,
 * paragraphs, and a footer with the reference and page numbers. A bilingual letter has its Welsh
 * version first and the English one starting on a new page. Deterministic: no clock and no random
 * ids are read, so rendering the same letter twice gives the same bytes (a resent letter is
 * recognisably the same letter).
 */
export function renderLetterPdf(text: RenderedText, details: LetterDetails): Promise<Buffer> {
  const firstLanguage = text.sections[0]?.language ?? 'en';
  const doc = newPdfDocument({
    size: PAGE.size,
    margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
    bufferPages: true,
    autoFirstPage: false,
    lang: firstLanguage === 'cy' ? 'cy-GB' : 'en-GB',
    info: {
      Title: text.subject,
      Author: details.sender.name[firstLanguage],
      Creator: 'libs/correspondence',
      Producer: 'PDFKit',
      CreationDate: londonInstant(details.date),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const { regular, bold } = letterFonts();
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);

  const pageLanguages: Language[] = [];
  text.sections.forEach((section, index) => {
    doc.addPage();
    if (index === 0) writeAddresses(doc, details);
    writeSection(doc, section, details);
    const { count } = doc.bufferedPageRange();
    while (pageLanguages.length < count) pageLanguages.push(section.language);
  });
  writeFooters(doc, details, pageLanguages);
  doc.end();
  return done;
}

function writeAddresses(doc: PDFKit.PDFDocument, details: LetterDetails): void {
  const { sender, recipient } = details;
  const senderX = doc.page.width - PAGE.right - SENDER_WIDTH;
  // The sender's name in both languages, Welsh first, as on HMCTS letterheads whatever the letter's language.
  doc.font('bold').fontSize(10).text(sender.name.cy, senderX, PAGE.top, { width: SENDER_WIDTH });
  doc.text(sender.name.en, { width: SENDER_WIDTH });
  doc.font('regular');
  for (const line of [...sender.addressLines, sender.telephone, sender.email])
    if (line) doc.text(line, { width: SENDER_WIDTH });

  doc.font('regular').fontSize(ADDRESS_FONT_SIZE);
  doc.text(addressBlock(recipient).join('\n'), PAGE.left, ADDRESS_TOP, {
    width: ADDRESS_WIDTH,
  });
  doc.y = Math.max(doc.y, ADDRESS_TOP + 30 * MM);
}

function writeSection(doc: PDFKit.PDFDocument, section: RenderedSection, details: LetterDetails): void {
  const labels = LABELS[section.language];
  const width = doc.page.width - PAGE.left - PAGE.right;
  doc.font('regular').fontSize(11);
  doc.text(`${labels.date}: ${longDate(details.date, section.language)}`, PAGE.left, doc.y, { width });
  doc.text(`${labels.reference}: ${details.reference}`, { width });
  doc.moveDown();
  doc.font('bold').fontSize(14).text(section.subject, { width });
  doc.moveDown(0.5);
  doc.font('regular').fontSize(11);
  for (const paragraph of section.paragraphs) doc.text(paragraph, { width, paragraphGap: 8, lineGap: 2 });
}

function writeFooters(doc: PDFKit.PDFDocument, details: LetterDetails, pageLanguages: readonly Language[]): void {
  const { start, count } = doc.bufferedPageRange();
  for (let page = start; page < start + count; page++) {
    const labels = LABELS[pageLanguages[page - start] ?? 'en'];
    doc.switchToPage(page);
    // Writing below the bottom margin would make pdfkit start a new page; the footer lives there.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const width = doc.page.width - PAGE.left - PAGE.right;
    const y = doc.page.height - 18 * MM;
    doc.font('regular').fontSize(8);
    doc.text(WELSH_WELCOME, PAGE.left, y, { width, lineBreak: false });
    doc.text(
      `${labels.reference}: ${details.reference}    ${labels.page} ${page - start + 1} ${labels.of} ${count}`,
      PAGE.left,
      y + 12,
      { width, lineBreak: false },
    );
    doc.page.margins.bottom = bottom;
  }
}
