import { englishFragments } from '@ccsc/testing';
import { extractText } from 'unpdf';
import { formatPence } from '../render/format-placeholder-value';
import { renderLetterPdf } from '../render/letter-pdf';
import { render } from '../render/render-text';
import { longDate } from '@ccsc/calendar';
import { loadTemplates, type Template } from './load-templates';
import type { Language } from './template-definition';

// The build's check on the real set: it loads (so every placeholder is declared and used, and every
// template has its Welsh), and every template renders in both languages with sample data.

// Sample values of each kind, derived from the placeholder's name so that each is told apart in the
// output; text is Welsh-neutral (names, references), so the Welsh check reads only the template's words.
function sampleValues(template: Template): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(template.placeholders).map(([name, { kind }], index) => {
      if (kind === 'money') return [name, 100_000 + 1_234 * (index + 1)];
      if (kind === 'date') return [name, `2027-0${(index % 9) + 1}-1${index % 10}`];
      return [name, `${name.slice(0, 3).toUpperCase()}-${1000 + index}`];
    }),
  );
}

function shown(kind: string, value: string | number, language: Language): string {
  if (kind === 'money') return formatPence(value as number);
  if (kind === 'date') return longDate(value as string, language);
  return value as string;
}

const templates = loadTemplates();

describe('the correspondence templates', () => {
  it('hold the set the services need, each in English and Welsh', () => {
    expect(templates.ids().sort()).toEqual(
      [
        'enforcement.collection-order-notice',
        'enforcement.further-steps-notice',
        'enforcement.payment-reminder',
        'enforcement.default-notice',
        'enforcement.warrant-notice',
        'cases.hearing-listed',
        'cases.hearing-changed',
        'cases.hearing-vacated',
        'cases.case-issued',
        'cases.decision-made',
        'cases.default-judgment-entered',
        'queries.enquiry-acknowledged',
        'complaints.complaint-acknowledged',
        'complaints.stage-response',
        'complaints.escalation-rights',
        'payments.payment-receipt',
        'payments.refund-approved',
        'payments.help-with-fees-decision',
      ].sort(),
    );
  });

  describe.each(templates.latest().map((template) => [template.id, template] as const))('%s', (_id, template) => {
    const values = sampleValues(template);

    it.each(['en', 'cy'] as const)('renders in %s with every value in place', (language) => {
      const rendered = render(template, language, values);

      const [section] = rendered.sections;
      const full = `${rendered.subject}\n${rendered.body}`;
      expect(full).not.toMatch(/\(\(|\)\)/);
      for (const [name, { kind }] of Object.entries(template.placeholders))
        expect(full).toContain(shown(kind, values[name] as string | number, language));
      expect(section?.paragraphs.length).toBeGreaterThan(1);
      if (template.channels.includes('sms')) {
        expect(rendered.sms).toBeDefined();
        expect(rendered.sms).not.toMatch(/\(\(|\)\)/);
        // Notify's limit for one text is 918 characters; ours stay within two 160-character parts.
        expect(rendered.sms?.length).toBeLessThanOrEqual(320);
      }
    });

    it('has Welsh that is Welsh: no English words, and not the English text', () => {
      const welsh = render(template, 'cy', values);
      const english = render(template, 'en', values);

      expect(englishFragments(`${welsh.subject}\n${welsh.body}\n${welsh.sms ?? ''}`)).toEqual([]);
      expect(welsh.subject).not.toBe(english.subject);
      expect(welsh.body).not.toBe(english.body);
    });

    if (template.channels.includes('letter'))
      it('prints as a bilingual letter, Welsh first', async () => {
        const rendered = render(template, 'bilingual', values);
        const pdf = await renderLetterPdf(rendered, {
          sender: { name: { cy: 'GLlTEF', en: 'HMCTS' }, addressLines: ['Blwch Post 1234', 'Caerdydd'] },
          recipient: { name: 'Siân Llŷr', addressLines: ['12 Heol Gŵyr', 'Abertawe'], postcode: 'SA1 4DN' },
          date: '2026-12-06',
          reference: 'REF-1',
        });
        const { text } = await extractText(new Uint8Array(pdf), { mergePages: true });
        const [cy, en] = rendered.sections;
        expect(text.indexOf(cy?.subject as string)).toBeGreaterThanOrEqual(0);
        expect(text.indexOf(en?.subject as string)).toBeGreaterThan(text.indexOf(cy?.subject as string));
      });
  });
});
