import { loadTemplates } from '../templates/load-templates';
import type { TemplateDefinition } from '../templates/template-definition';
import { PlaceholderValueError } from './format-placeholder-value';
import { render } from './render-text';

const [reminder] = loadTemplates([
  {
    id: 'enforcement.test-reminder',
    version: 3,
    description: 'A reminder, for the rendering tests',
    channels: ['email', 'sms'],
    placeholders: {
      accountNumber: { kind: 'text', description: 'The account' },
      amountDue: { kind: 'money', description: 'The payment' },
      dueDate: { kind: 'date', description: 'When' },
    },
    wording: {
      en: {
        subject: 'Reminder: ((accountNumber))',
        body: 'Pay ((amountDue)) by ((dueDate)).\n\n  \nQuote ((accountNumber)).',
        sms: 'Pay ((amountDue)) by ((dueDate)).',
      },
      cy: {
        subject: 'Nodyn atgoffa: ((accountNumber))',
        body: 'Talwch ((amountDue)) erbyn ((dueDate)).\n\nDyfynnwch ((accountNumber)).',
        sms: 'Talwch ((amountDue)) erbyn ((dueDate)).',
      },
    },
  } satisfies TemplateDefinition,
]).latest();
const template = reminder as NonNullable<typeof reminder>;
const values = { accountNumber: '26001234A', amountDue: 4_550, dueDate: '2027-01-05' };

describe('render', () => {
  it('fills the English text: subject, paragraphs, text message', () => {
    expect(render(template, 'en', values)).toEqual({
      templateId: 'enforcement.test-reminder',
      templateVersion: 3,
      language: 'en',
      subject: 'Reminder: 26001234A',
      body: 'Pay £45.50 by 5 January 2027.\n\nQuote 26001234A.',
      sms: 'Pay £45.50 by 5 January 2027.',
      sections: [
        {
          language: 'en',
          subject: 'Reminder: 26001234A',
          paragraphs: ['Pay £45.50 by 5 January 2027.', 'Quote 26001234A.'],
          sms: 'Pay £45.50 by 5 January 2027.',
        },
      ],
    });
  });

  it('fills the Welsh text with Welsh dates', () => {
    const rendered = render(template, 'cy', values);

    expect(rendered.subject).toBe('Nodyn atgoffa: 26001234A');
    expect(rendered.body).toBe('Talwch £45.50 erbyn 5 Ionawr 2027.\n\nDyfynnwch 26001234A.');
  });

  it('puts Welsh first in a bilingual item', () => {
    const rendered = render(template, 'bilingual', values);

    expect(rendered.subject).toBe('Nodyn atgoffa: 26001234A / Reminder: 26001234A');
    expect(rendered.body.indexOf('Talwch')).toBe(0);
    expect(rendered.body.indexOf('Pay £45.50')).toBeGreaterThan(rendered.body.indexOf('Dyfynnwch'));
    expect(rendered.sections.map((s) => s.language)).toEqual(['cy', 'en']);
  });

  it('refuses a missing value, naming the template and the placeholder', () => {
    const { amountDue: _amountDue, ...withoutAmount } = values;

    expect(() => render(template, 'en', withoutAmount)).toThrow(
      new PlaceholderValueError('enforcement.test-reminder', 'amountDue', 'has no value'),
    );
  });

  it('refuses a value of the wrong kind without repeating it', () => {
    expect(() => render(template, 'cy', { ...values, amountDue: '£45.50' })).toThrow(
      'Template enforcement.test-reminder: ((amountDue)) needs a whole number of pence',
    );
  });

  it('refuses a value the template has no placeholder for, so wiring mistakes show', () => {
    expect(() => render(template, 'en', { ...values, defendantName: 'Siân' })).toThrow(
      'Template enforcement.test-reminder: ((defendantName)) is not a placeholder of this template',
    );
  });

  it('does not read placeholders inside values', () => {
    expect(render(template, 'en', { ...values, accountNumber: '((amountDue))' }).subject).toBe(
      'Reminder: ((amountDue))',
    );
  });
});
