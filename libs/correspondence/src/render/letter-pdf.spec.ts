import { extractText, getDocumentProxy } from 'unpdf';
import { loadTemplates } from '../templates/load-templates';
import { letterAddressFits, printedPostcode, renderLetterPdf, type LetterDetails } from './letter-pdf';
import { render } from './render-text';

const templates = loadTemplates();
const values = {
  defendantName: 'Siân Llŷr',
  accountNumber: '26001234A',
  balance: 123_456,
  amountOverdue: 15_000,
  payByDate: '2026-12-24',
};
const details: LetterDetails = {
  sender: {
    name: { cy: 'Gwasanaeth Llysoedd a Thribiwnlysoedd EF', en: 'HM Courts & Tribunals Service' },
    addressLines: ['Canolfan Gwasanaeth Llysoedd a Thribiwnlysoedd', 'Blwch Post 1234', 'Caerdydd'],
    telephone: '0300 303 5174',
  },
  recipient: { name: 'Siân Llŷr', addressLines: ['12 Heol Gŵyr', 'Abertawe'], postcode: 'SA1 4DN' },
  date: '2026-12-06',
  reference: '26001234A',
};

async function readBack(pdf: Buffer): Promise<{ pages: string[]; info: Record<string, unknown> }> {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { info } = await document.getMetadata();
  const { text } = await extractText(document, { mergePages: false });
  return { pages: text, info: info as Record<string, unknown> };
}

describe('renderLetterPdf', () => {
  const furtherSteps = templates.get('enforcement.further-steps-notice');

  it('writes a Welsh further-steps notice that reads back with the account, the amounts in pounds and ŵ/ŷ', async () => {
    const pdf = await renderLetterPdf(render(furtherSteps, 'cy', values), details);

    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { pages } = await readBack(pdf);
    const text = pages.join('\n');
    expect(text).toContain('Cyfeirnod: 26001234A');
    expect(text).toContain('Hysbysiad camau pellach: cyfrif 26001234A');
    expect(text).toContain('£1,234.56');
    expect(text).toContain('£150.00');
    expect(text).toContain('24 Rhagfyr 2026');
    expect(text).toContain('Dyddiad: 6 Rhagfyr 2026');
    // ŷ from the template's own wording, ŵ from the address: both drawn by the embedded font.
    expect(text).toContain("i'ch tŷ");
    expect(text).toContain('12 Heol Gŵyr');
    expect(text).toContain('Siân Llŷr');
  });

  it('renders the same letter to the same bytes, dated by the letter and not the clock', async () => {
    const text = render(furtherSteps, 'cy', values);
    const first = await renderLetterPdf(text, details);
    const second = await renderLetterPdf(text, details);
    const nextDay = await renderLetterPdf(text, { ...details, date: '2026-12-07' });

    expect(second.equals(first)).toBe(true);
    expect(nextDay.equals(first)).toBe(false);
    const { info } = await readBack(first);
    // Midnight in London on the letter's day (GMT in December).
    expect(String(info.CreationDate)).toMatch(/^D:20261206000000Z/);
  });

  it('puts the Welsh version first and the English one on its own page in a bilingual letter', async () => {
    const { pages } = await readBack(await renderLetterPdf(render(furtherSteps, 'bilingual', values), details));

    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('Annwyl Siân Llŷr');
    expect(pages[0]).toContain('Tudalen 1 o 2');
    expect(pages[0]).not.toContain('Dear ');
    expect(pages[1]).toContain('Dear Siân Llŷr');
    expect(pages[1]).toContain('Date: 6 December 2026');
    expect(pages[1]).toContain('Page 2 of 2');
    // The address is printed once, where the envelope's window shows it.
    expect(pages[1]).not.toContain('SA1 4DN');
  });

  it('carries a long letter onto further pages, each with the reference and its number', async () => {
    const stageResponse = templates.get('complaints.stage-response');
    const findings = Array.from(
      { length: 40 },
      (_, i) => `Paragraph ${i + 1} of the findings of the investigation.`,
    ).join('\n');
    const text = render(stageResponse, 'en', {
      complainantName: 'Alex Smith',
      complaintReference: 'CMP-2026-000123',
      stage: '1',
      findings,
      escalateBy: '2027-01-10',
    });
    const { pages } = await readBack(await renderLetterPdf(text, { ...details, reference: 'CMP-2026-000123' }));

    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, index) => {
      expect(page).toContain('Reference: CMP-2026-000123');
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
    });
    expect(pages.join('\n')).toContain('Paragraph 40 of the findings');
  });
});

describe('the address in the window', () => {
  // The widest a party's address may be stored (5 lines of 80 characters), in the widest letters.
  const worstValid = {
    name: 'W'.repeat(200),
    addressLines: Array.from({ length: 5 }, () => 'W'.repeat(80)),
    postcode: 'SW1A2AA',
  };

  it('does not fit when a line would wrap or there are more than 7 lines, so such an address is never printed', () => {
    expect(letterAddressFits(worstValid)).toBe(false);
    expect(letterAddressFits({ ...details.recipient, addressLines: ['W'.repeat(40)] })).toBe(false);
    expect(letterAddressFits({ ...details.recipient, addressLines: Array.from({ length: 6 }, () => 'Flat 1') })).toBe(
      false,
    );
    expect(
      letterAddressFits({ ...details.recipient, addressLines: Array.from({ length: 5 }, () => 'i'.repeat(80)) }),
    ).toBe(true);
  });

  it('prints an address that fits on its own lines, unwrapped, with the postcode in its usual form', async () => {
    // As wide as fits: 7 lines, each as many W's as the window takes.
    let width = 1;
    while (letterAddressFits({ name: 'W'.repeat(width + 1), addressLines: ['1'], postcode: 'SW1A2AA' })) width++;
    const recipient = {
      name: 'W'.repeat(width),
      addressLines: Array.from({ length: 5 }, () => 'W'.repeat(width)),
      postcode: 'SW1A2AA',
    };
    expect(letterAddressFits(recipient)).toBe(true);

    const pdf = await renderLetterPdf(render(templates.get('enforcement.further-steps-notice'), 'en', values), {
      ...details,
      recipient,
    });

    const first = (await readBack(pdf)).pages[0]!;
    const lines = first.split('\n');
    expect(lines.filter((line) => line === 'W'.repeat(width))).toHaveLength(6);
    expect(lines).toContain('SW1A 2AA');
    expect(first).not.toContain('SW1A2AA');
  });

  it('prints a postcode with one space before its last three characters', () => {
    expect(['SW1A2AA', 'sw1a 2aa', ' CF10  1AA ', 'M11AE'].map(printedPostcode)).toEqual([
      'SW1A 2AA',
      'SW1A 2AA',
      'CF10 1AA',
      'M1 1AE',
    ]);
  });
});
